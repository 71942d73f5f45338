package dev.apispec.contract;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A recording proxy: the client is pointed at it (it listens on 127.0.0.1), it forwards every
 * request to the real API unchanged, answers with the real response, and writes the exchange as a
 * recording ({@code <out>/<group>/<endpoint>/<name>.json}). Before anything is written, the token
 * header, every header and JSON/protobuf field named with {@code --redact-header} and
 * {@code --redact-field}, and every other occurrence of their values are replaced with
 * {@value Recording#REDACTED}; an exchange that would still hold a secret is not written at all.
 *
 * <pre>
 * mvn apispec:record
 * </pre>
 */
public final class Recorder implements AutoCloseable {
  /** Headers that carry credentials in any API, lower case: hidden whatever the spec and the user say. */
  public static final List<String> CREDENTIAL_HEADERS =
      List.of("authorization", "proxy-authorization", "cookie", "set-cookie");

  static final int DEFAULT_PORT = 8098;
  static final String DEFAULT_NAME = "recorded";

  /** Headers that belong to one connection, or that the HTTP client sets itself. */
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "expect", "host",
      "http2-settings", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");
  /** Request headers not kept in recordings: the above, and the client's product version. */
  private static final Set<String> NOT_RECORDED = union(HOP_BY_HOP, Set.of("user-agent"));
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern VERSION = Pattern.compile("v[0-9]+");

  /**
   * What to record and how.
   *
   * @param target the real API's base URL
   * @param port the port to listen on at 127.0.0.1 (0 for any)
   * @param out the recordings folder
   * @param name the file name of new recordings (a number is added when it is taken)
   * @param redactHeaders request headers to hide besides the token header (any case)
   * @param redactFields JSON properties and protobuf fields to hide, anywhere in the bodies
   * @param hostTargets where the requests to a named host of the spec go (served below
   *     {@code /_hosts/<name>}, as by the mock server), by host; a host not listed goes to its URL in the spec
   */
  public record Options(URI target, int port, Path out, String name, Set<String> redactHeaders,
      Set<String> redactFields, Map<String, URI> hostTargets) {
    /** Options whose named hosts go to their URLs in the spec. */
    public Options(URI target, int port, Path out, String name, Set<String> redactHeaders, Set<String> redactFields) {
      this(target, port, out, name, redactHeaders, redactFields, Map.of());
    }

    public Options {
      hostTargets = Map.copyOf(hostTargets);
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("--name must be letters, digits, '.', '_' or '-': " + name);
      }
      redactHeaders = Set.copyOf(redactHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
      redactFields = Set.copyOf(redactFields);
    }
  }

  private final Options options;
  private final ApiSpec spec;
  private final ProtoTypes protos;
  private final PrintStream log;
  private final HttpServer server;
  private final HttpClient upstream = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(30))
      .build();
  private final List<Path> written = new CopyOnWriteArrayList<>();
  private final Object writeLock = new Object();

  private Recorder(Options options, ApiSpec spec, PrintStream log) throws IOException {
    this.options = options;
    this.spec = spec;
    this.protos = spec.protos();
    this.log = log;
    this.server = LocalHttp.server(options.port(), "recorder");
    server.createContext("/", this::handle);
  }

  /** Starts the proxy on 127.0.0.1. */
  public static Recorder start(Options options, ApiSpec spec, PrintStream log) throws IOException {
    Recorder recorder = new Recorder(options, spec, log);
    recorder.server.start();
    return recorder;
  }

  /** The base URI to give the client. */
  public URI uri() {
    return LocalHttp.uri(server);
  }

  /** The files written so far. */
  public List<Path> written() {
    return List.copyOf(written);
  }

  @Override
  public void close() {
    LocalHttp.stop(server);
  }

  private void handle(HttpExchange exchange) throws IOException {
    LocalHttp.Received received = LocalHttp.receive(exchange);
    String host = MockServer.hostOf(received.path());
    // a named host's requests arrive below /_hosts/<name>; recorded with the host and the path the client meant
    LocalHttp.Received request = host == null ? received : new LocalHttp.Received(received.method(),
        received.path().substring(MockServer.HOSTS_PREFIX.length() + host.length()), received.headers(), received.body());
    URI target = host == null ? options.target() : options.hostTargets().containsKey(host)
        ? options.hostTargets().get(host) : spec.baseUrl(host) == null ? null : URI.create(spec.baseUrl(host));
    String exchangeName = request.method() + " " + (host == null ? "" : host + ":") + request.path();
    if (target == null) {
      log(exchangeName + " -> not recorded: the spec has no host '" + host + "'");
      LocalHttp.send(exchange, 404, "text/plain; charset=utf-8",
          ("recorder: the spec has no host '" + host + "'").getBytes(StandardCharsets.UTF_8));
      return;
    }
    HttpResponse<byte[]> response;
    try {
      response = upstream.send(forward(target, request), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      log(exchangeName + " -> not recorded: " + target + " did not answer (" + e.getClass().getSimpleName() + ")");
      LocalHttp.send(exchange, 502, "text/plain; charset=utf-8",
          ("recorder: no answer from " + target).getBytes(StandardCharsets.UTF_8));
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LocalHttp.send(exchange, 503, "text/plain; charset=utf-8", "recorder: interrupted".getBytes(StandardCharsets.UTF_8));
      return;
    }
    try {
      Redactor redactor = new Redactor(spec, protos, options.redactHeaders(), options.redactFields());
      Recording recording = redactor.record(host, request, response.statusCode(),
          response.headers().firstValue("content-type").orElse(null), response.body(),
          "Recorded through the recording proxy from " + target + " on " + LocalDate.now(ZoneOffset.UTC)
              + ".", NOT_RECORDED);
      Path file = write(recording);
      log(exchangeName + " -> " + response.statusCode() + ", wrote " + options.out().relativize(file)
          + (redactor.undecoded().isEmpty() ? "" : "; the " + String.join(" and ", redactor.undecoded())
              + " body could not be decoded to hide the named fields in, and is written as " + Redactor.UNDECODED));
    } catch (Redactor.SecretLeft e) {
      log(exchangeName + " -> " + response.statusCode() + ", not recorded: " + e.getMessage());
    } catch (RuntimeException e) {
      log(exchangeName + " -> " + response.statusCode() + ", not recorded: " + e.getClass().getSimpleName());
    }
    answer(exchange, response);
  }

  private HttpRequest forward(URI target, LocalHttp.Received request) {
    String base = target.toString();
    URI uri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + request.path());
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
    request.headers().forEach((name, values) -> {
      if (!HOP_BY_HOP.contains(name)) {
        values.forEach(value -> builder.header(name, value));
      }
    });
    return builder.method(request.method(), request.body().length == 0
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body())).build();
  }

  private static void answer(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
    HttpHeaders headers = response.headers();
    headers.map().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!lower.startsWith(":") && !HOP_BY_HOP.contains(lower) && !lower.equals("content-type")) {
        values.forEach(value -> exchange.getResponseHeaders().add(name, value));
      }
    });
    LocalHttp.send(exchange, response.statusCode(), headers.firstValue("content-type").orElse(null), response.body());
  }

  private Path write(Recording recording) throws IOException {
    String dir = spec.endpoint(recording.request())
        .map(ApiSpec.Endpoint::recordingDir)
        .orElseGet(() -> fallbackDir(recording.request().path()));
    byte[] bytes = recording.toFile();
    synchronized (writeLock) {
      Path folder = options.out().resolve(dir);
      Files.createDirectories(folder);
      Path file = folder.resolve(options.name() + ".json");
      for (int n = 2; Files.exists(file); n++) {
        file = folder.resolve(options.name() + "-" + n + ".json");
      }
      Path temp = Files.createTempFile(folder, ".recording", ".tmp");
      try {
        Files.write(temp, bytes);
        try {
          Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
      written.add(file);
      return file;
    }
  }

  /** For a path the spec does not know: the path without a leading version ({@code /v1/}). */
  static String fallbackDir(String path) {
    int query = path.indexOf('?');
    List<String> segments = new ArrayList<>();
    for (String segment : (query < 0 ? path : path.substring(0, query)).split("/")) {
      if (!segment.isEmpty() && !segment.equals(".") && !segment.equals("..")) {
        segments.add(segment.replaceAll("[^A-Za-z0-9._-]", "_"));
      }
    }
    if (segments.size() > 1 && VERSION.matcher(segments.get(0)).matches()) {
      segments.remove(0);
    }
    return segments.isEmpty() ? "root" : String.join("/", segments);
  }

  private void log(String line) {
    if (log != null) {
      log.println(line);
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /** Parses the command line; see {@link #usage(URI)}. */
  static Options parse(String[] args, URI defaultTarget) {
    URI target = defaultTarget;
    int port = DEFAULT_PORT;
    Path out = null;
    String name = DEFAULT_NAME;
    Set<String> headers = new LinkedHashSet<>();
    Set<String> fields = new LinkedHashSet<>();
    Map<String, URI> hostTargets = new java.util.TreeMap<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--host-target" -> {
          String value = MockServer.value(args, ++i, "--host-target");
          int equals = value.indexOf('=');
          if (equals <= 0) {
            throw new IllegalArgumentException("--host-target must be NAME=URL: " + value);
          }
          hostTargets.put(value.substring(0, equals), URI.create(value.substring(equals + 1)));
        }
        case "--target" -> target = URI.create(MockServer.value(args, ++i, "--target"));
        case "--port" -> port = Integer.parseInt(MockServer.value(args, ++i, "--port"));
        case "--out" -> out = Path.of(MockServer.value(args, ++i, "--out"));
        case "--name" -> name = MockServer.value(args, ++i, "--name");
        case "--redact-header" -> headers.add(MockServer.value(args, ++i, "--redact-header"));
        case "--redact-field" -> fields.add(MockServer.value(args, ++i, "--redact-field"));
        default -> throw new IllegalArgumentException("unknown argument: " + args[i] + "\n" + usage(defaultTarget));
      }
    }
    if (!"http".equals(target.getScheme()) && !"https".equals(target.getScheme())) {
      throw new IllegalArgumentException("--target must be an http or https URL: " + target);
    }
    if (out == null) {
      for (String candidate : List.of("contract-tests/src/main/resources/recordings", "src/main/resources/recordings")) {
        if (Files.isDirectory(Path.of(candidate))) {
          out = Path.of(candidate);
          break;
        }
      }
      if (out == null) {
        throw new IllegalArgumentException("no recordings folder here; name one with --out DIR");
      }
    }
    return new Options(target, port, out.toAbsolutePath().normalize(), name, headers, fields, hostTargets);
  }

  static String usage(URI defaultTarget) {
    return "usage: Recorder [--target URL (default " + defaultTarget + ")] [--port N (default "
        + DEFAULT_PORT + ", 0 = any)] [--out DIR (default contract-tests/src/main/resources/recordings)]"
        + " [--name NAME (default " + DEFAULT_NAME + ")] [--redact-header NAME]... [--redact-field NAME]..."
        + " [--host-target HOST=URL]... (a named host of the spec, served below " + MockServer.HOSTS_PREFIX + "HOST)";
  }

  /** The command line of a proxy for {@code spec}'s API (see {@link #usage(URI)}); runs until the JVM stops. */
  public static void run(String[] args, ApiSpec spec) throws Exception {
    URI defaultTarget = URI.create(spec.baseUrl());
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(usage(defaultTarget));
      return;
    }
    Options options = parse(args, defaultTarget);
    Recorder recorder = start(options, spec, System.out);
    Runtime.getRuntime().addShutdownHook(new Thread(recorder::close, "recorder-shutdown"));
    System.out.println("Recording proxy on " + recorder.uri() + " -> " + options.target() + ", writing to "
        + options.out() + ". Point the client at it with .baseUri(URI.create(\"" + recorder.uri()
        + "\")). Hidden: the " + spec.authHeader() + " header"
        + (options.redactHeaders().isEmpty() ? "" : ", headers " + options.redactHeaders())
        + (options.redactFields().isEmpty() ? "" : ", fields " + options.redactFields()) + ". Ctrl+C stops it.");
    Thread.currentThread().join();
  }
}
