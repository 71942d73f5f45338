package dev.apispec.runtime.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on 127.0.0.1 written on a plain {@link ServerSocket}, so that a test can make it
 * misbehave at the byte level (cut a body short, reset the connection, answer one byte at a time) and
 * can count the connections it accepted and the ones still open.
 *
 * <p>A connection counts as open until the server closes its end: after a behaviour closes or resets it,
 * or when the client closes its end (the server then reads end-of-stream and closes too). So once a
 * call has failed, {@link #awaitOpen(int, Duration)} tells whether the client let go of its connection.
 */
public final class RawHttpServer implements AutoCloseable {
  /** 127.0.0.1, whatever the IPv6 preferences of the JVM. */
  public static final InetAddress LOOPBACK = loopback();

  private static final int MAX_HEAD = 64 * 1024;

  /** One request as the server read it; header names are lower case. */
  public record Request(String method, String path, Map<String, String> headers, byte[] body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** What the server does with one request. */
  @FunctionalInterface
  public interface Behaviour {
    /**
     * Answers {@code request}, or misbehaves, on {@code connection}.
     *
     * @return whether the connection may carry another request
     */
    boolean handle(Request request, Connection connection) throws IOException, InterruptedException;
  }

  /** The server's end of one connection. */
  public static final class Connection {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Connection(Socket socket, InputStream in) throws IOException {
      this.socket = socket;
      this.in = in;
      this.out = socket.getOutputStream();
    }

    /** A complete response with a {@code Content-Length}; {@code extraHeaders} are whole lines without CRLF. */
    public void respond(int status, String contentType, byte[] body, String... extraHeaders) throws IOException {
      byte[] head = head(status, contentType, body.length, extraHeaders);
      byte[] response = Arrays.copyOf(head, head.length + body.length);
      System.arraycopy(body, 0, response, head.length, body.length);
      out.write(response); // one write: head and body in the same segment
      out.flush();
    }

    public void respond(int status, String contentType, String body, String... extraHeaders) throws IOException {
      respond(status, contentType, body.getBytes(StandardCharsets.UTF_8), extraHeaders);
    }

    /** Writes raw bytes and flushes them. */
    public void write(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }

    /** Writes {@code bytes} one at a time, waiting {@code pause} after each. */
    public void writeSlowly(byte[] bytes, Duration pause) throws IOException, InterruptedException {
      for (byte b : bytes) {
        out.write(b);
        out.flush();
        Thread.sleep(pause.toMillis());
      }
    }

    /** Closes the connection with a TCP reset (SO_LINGER 0) instead of an orderly close. */
    public void reset() throws IOException {
      socket.setSoLinger(true, 0);
      socket.close();
    }

    /** Waits, without answering, until the client closes its end (or the server is closed). */
    public void waitForClientToLeave() throws IOException {
      while (in.read() != -1) {
        // a client that sends more bytes is still there
      }
    }

    /** The status line and headers of a response. */
    public static byte[] head(int status, String contentType, long contentLength, String... extraHeaders) {
      StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
      if (contentType != null) {
        head.append("Content-Type: ").append(contentType).append("\r\n");
      }
      head.append("Content-Length: ").append(contentLength).append("\r\n");
      for (String header : extraHeaders) {
        head.append(header).append("\r\n");
      }
      return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String reason(int status) {
      return switch (status) {
        case 200 -> "OK";
        case 301 -> "Moved Permanently";
        case 302 -> "Found";
        case 307 -> "Temporary Redirect";
        case 429 -> "Too Many Requests";
        case 500 -> "Internal Server Error";
        case 502 -> "Bad Gateway";
        case 503 -> "Service Unavailable";
        default -> "Status";
      };
    }
  }

  private final ServerSocket serverSocket;
  private final ExecutorService threads;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Behaviour behaviour;
  private volatile boolean closed;

  private RawHttpServer(Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    this.serverSocket = new ServerSocket();
    serverSocket.bind(new InetSocketAddress(LOOPBACK, 0), 128);
    AtomicInteger ids = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "raw-http-server-" + serverSocket.getLocalPort() + "-" + ids.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    threads.execute(this::acceptLoop);
  }

  /** Starts a server that treats every request with {@code behaviour}. */
  public static RawHttpServer start(Behaviour behaviour) throws IOException {
    return new RawHttpServer(behaviour);
  }

  /** A port on 127.0.0.1 that nobody listens on: bound once, then closed. */
  public static URI refusingUri() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(LOOPBACK, 0));
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }

  public void behave(Behaviour behaviour) {
    this.behaviour = behaviour;
  }

  /** {@code http://127.0.0.1:port}, without a trailing slash. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + serverSocket.getLocalPort());
  }

  /** Connections accepted so far. */
  public int accepted() {
    return accepted.get();
  }

  /** Connections whose server end is still open. */
  public int open() {
    return open.size();
  }

  /** Every request read so far, in order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Waits until exactly {@code expected} connections are open; returns whether that happened within {@code max}. */
  public boolean awaitOpen(int expected, Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (open.size() != expected) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        return; // closed
      }
      accepted.incrementAndGet();
      open.add(socket);
      try {
        socket.setTcpNoDelay(true); // no Nagle delay between the writes of a slow or piecewise answer
      } catch (SocketException closedAlready) {
        // served (and ended) below
      }
      try {
        threads.execute(() -> serve(socket));
      } catch (RuntimeException rejected) {
        closeQuietly(socket);
        open.remove(socket);
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      while (!closed) {
        Request request = readRequest(in);
        if (request == null) {
          return; // the client closed the connection
        }
        requests.add(request);
        Connection connection = new Connection(socket, in);
        if (!behaviour.handle(request, connection) || socket.isClosed()) {
          return;
        }
      }
    } catch (IOException clientWentAway) {
      // reset, broken pipe or a request this server cannot read: the connection ends
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(socket);
    }
  }

  /** The next request on the connection, or {@code null} at a clean end of stream. */
  private static Request readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b == -1) {
        if (head.size() == 0) {
          return null;
        }
        throw new IOException("the request ended inside its head");
      }
      head.write(b);
      if (head.size() > MAX_HEAD) {
        throw new IOException("request head too large");
      }
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] requestLine = lines[0].split(" ");
    if (requestLine.length != 3) {
      throw new IOException("not an HTTP request line: " + lines[0]);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
      }
    }
    if (headers.containsKey("transfer-encoding")) {
      throw new IOException("chunked request bodies are not supported by this test server");
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    if (body.length != length) {
      throw new IOException("the request body ended early");
    }
    String path = URI.create(requestLine[1]).getRawPath();
    return new Request(requestLine[0], path, Map.copyOf(headers), body);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      serverSocket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket socket : open) {
      try {
        socket.setSoLinger(true, 0);
      } catch (SocketException ignored) {
        // already closed
      }
      closeQuietly(socket);
    }
    threads.shutdownNow();
    try {
      if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the threads of the test server at " + uri() + " did not end");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
