package dev.apispec.contract;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recordings served as a stand-alone mock of their API, for developing offline. For each
 * request it picks the recording with the same method and path, then the same body (JSON compared
 * as JSON, protobuf as messages), and answers with its recorded status, content type and body. A
 * request that no recording matches gets a 404 whose text names the recordings of that path and
 * the request body each one answers.
 *
 * <pre>
 * mvn apispec:mock
 * </pre>
 *
 * <p>The recordings of a named host of the spec ({@code api.hosts}) are served below
 * {@code /_hosts/<name>}: point that host of the client at {@link #uri(String)}.
 *
 * <p>Listens on 127.0.0.1 only. Logs one line per request, never a header value.
 */
public final class MockServer implements AutoCloseable {
  static final int DEFAULT_PORT = 8099;

  /** Where the recordings of a named host are served: below {@code /_hosts/<name>}. */
  public static final String HOSTS_PREFIX = "/_hosts/";

  private final HttpServer server;
  private final RequestMatcher matcher;
  private final PrintStream log;

  private MockServer(HttpServer server, List<Recording> recordings, ProtoTypes protos, PrintStream log) {
    this.server = server;
    this.matcher = new RequestMatcher(recordings, protos);
    this.log = log;
    server.createContext("/", this::handle);
  }

  /**
   * Starts a mock on 127.0.0.1.
   *
   * @param port the port, or 0 for any free one
   * @param recordings what to serve; when two match a request, the first wins
   * @param protos the messages of the client, to compare protobuf requests as messages
   * @param log where to log each request, or {@code null} for nowhere
   */
  public static MockServer start(int port, List<Recording> recordings, ProtoTypes protos, PrintStream log)
      throws IOException {
    MockServer mock = new MockServer(LocalHttp.server(port, "mock-server"), recordings, protos, log);
    mock.server.start();
    return mock;
  }

  /** The base URI to give the client: {@code http://127.0.0.1:<port>}. */
  public URI uri() {
    return LocalHttp.uri(server);
  }

  /**
   * The base URI to give the client for a named host of the spec: {@code http://127.0.0.1:<port>/_hosts/<host>}.
   *
   * @param host the host's name in {@code api.hosts}, or {@code null} for the {@code baseUrl}
   * @return the URI
   */
  public URI uri(String host) {
    return host == null ? uri() : URI.create(uri() + HOSTS_PREFIX + host);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    LocalHttp.stop(server);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      LocalHttp.Received request = LocalHttp.receive(exchange);
      String host = hostOf(request.path());
      String path = host == null ? request.path() : request.path().substring(HOSTS_PREFIX.length() + host.length());
      Optional<Recording> match = matcher.match(host, request.method(), path, request.body());
      if (match.isPresent()) {
        Recording.Response response = match.get().response();
        log(request.method() + " " + request.path() + " -> " + match.get().id() + " (" + response.status() + ")");
        LocalHttp.send(exchange, response.status(), response.contentType(),
            response.body() == null ? new byte[0] : response.body().bytes());
      } else {
        log(request.method() + " " + request.path() + " -> 404, no recording matches");
        LocalHttp.send(exchange, 404, "text/plain; charset=utf-8",
            notFound(request).getBytes(StandardCharsets.UTF_8));
      }
    } catch (RuntimeException e) {
      log("failed to answer: " + e);
      LocalHttp.send(exchange, 500, "text/plain; charset=utf-8",
          ("mock server error: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The named host a request path is below ({@code /_hosts/<name>/…}), or {@code null}. */
  static String hostOf(String path) {
    if (!path.startsWith(HOSTS_PREFIX)) {
      return null;
    }
    int end = path.indexOf('/', HOSTS_PREFIX.length());
    return end < 0 ? null : path.substring(HOSTS_PREFIX.length(), end);
  }

  /** {@code METHOD /path} of a recording, the path as the mock serves it. */
  private static String served(Recording recording) {
    Recording.Request request = recording.request();
    return request.method() + " " + (request.host() == null ? "" : HOSTS_PREFIX + request.host()) + request.path();
  }

  /** The text of the 404: which recordings exist for the path, and the request body each one answers. */
  String notFound(LocalHttp.Received request) {
    String host = hostOf(request.path());
    String path = host == null ? request.path() : request.path().substring(HOSTS_PREFIX.length() + host.length());
    List<Recording> forPath = matcher.forPath(host, path);
    StringBuilder text = new StringBuilder();
    if (forPath.isEmpty()) {
      text.append("No recording for ").append(request.method()).append(' ').append(request.path())
          .append(". Recorded paths:");
      matcher.all().stream().map(MockServer::served).distinct()
          .forEach(served -> text.append("\n  ").append(served));
    } else {
      text.append("No recording of ").append(request.method()).append(' ').append(request.path())
          .append(" matches this request body. Recordings of this path (and the request each answers):");
      for (Recording recording : forPath) {
        text.append("\n  ").append(recording.id()).append(": ").append(recording.request().method()).append(' ')
            .append(matcher.summary(recording.request().body()));
      }
    }
    text.append("\nAdd a recording (docs/recordings.md) to answer this request.\n");
    return text.toString();
  }

  private void log(String line) {
    if (log != null) {
      log.println(line);
    }
  }

  /**
   * The command line of a mock: {@code --port N} (default 8099) and {@code --recordings DIR} (served before
   * {@code builtIn}); runs until the JVM stops.
   */
  public static void run(String[] args, List<Recording> builtIn, ProtoTypes protos) throws Exception {
    int port = DEFAULT_PORT;
    List<Recording> recordings = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
        case "--recordings" -> {
          Path dir = Path.of(value(args, ++i, "--recordings"));
          if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--recordings: no such folder: " + dir.toAbsolutePath());
          }
          recordings.addAll(Recordings.inDirectory(dir));
        }
        case "--help", "-h" -> {
          System.out.println("usage: MockServer [--port N (default " + DEFAULT_PORT + ", 0 = any)] [--recordings DIR]");
          return;
        }
        default -> throw new IllegalArgumentException("unknown argument: " + args[i] + " (try --help)");
      }
    }
    recordings.addAll(builtIn);
    MockServer mock = start(port, recordings, protos, System.out);
    Runtime.getRuntime().addShutdownHook(new Thread(mock::close, "mock-server-shutdown"));
    long endpoints = recordings.stream().map(MockServer::served).distinct().count();
    System.out.println("Mock API on " + mock.uri() + ": " + recordings.size() + " recordings of " + endpoints
        + " requests. Point the client at it with .baseUri(URI.create(\"" + mock.uri() + "\")). Ctrl+C stops it.");
    recordings.stream().map(r -> r.request().host()).filter(java.util.Objects::nonNull).distinct().sorted()
        .forEach(host -> System.out.println("  host '" + host + "': " + mock.uri(host)));
    Thread.currentThread().join();
  }

  static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
