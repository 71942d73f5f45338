package dev.apispec.runtime;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 and a free port, for tests. It records every request it gets and
 * answers with whatever the test told it to.
 */
final class LocalServer implements AutoCloseable {
  /** 127.0.0.1, whatever the IPv6 preferences of the JVM. */
  static final InetAddress LOOPBACK = loopback();

  /** One request as the server saw it. */
  record Recorded(String method, String path, Headers headers, byte[] body, String rawQuery) {
    String header(String name) {
      return headers.getFirst(name);
    }

    boolean hasHeader(String name) {
      return headers.containsKey(name);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile HttpHandler responder = exchange -> send(exchange, 500, "text/plain", "no response set");

  private LocalServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static LocalServer start() throws IOException {
    return new LocalServer();
  }

  /** {@code http://127.0.0.1:port}, without a trailing slash. */
  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The base URI with a suffix such as {@code "/api/"}. */
  URI uri(String suffix) {
    return URI.create(uri() + suffix);
  }

  /** Answers every request with {@code status}, {@code contentType} and {@code body}. */
  void respond(int status, String contentType, byte[] body) {
    responder = exchange -> send(exchange, status, contentType, body);
  }

  void respond(int status, String contentType, String body) {
    respond(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Answers {@code 200} with a JSON body. */
  void respondJson(String json) {
    respond(200, "application/json; charset=utf-8", json);
  }

  void respondWith(HttpHandler handler) {
    responder = handler;
  }

  /** Reads every request and never answers (until the server is closed). */
  void neverAnswer() {
    responder = exchange -> {
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    };
  }

  /** The next request the server received; fails if none arrives within 5 seconds. */
  Recorded takeRequest() throws InterruptedException {
    Recorded request = requests.poll(5, TimeUnit.SECONDS);
    assertNotNull(request, "the server received no request");
    return request;
  }

  /** How many requests arrived and were not yet taken. */
  int pendingRequests() {
    return requests.size();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Headers headers = new Headers();
    headers.putAll(exchange.getRequestHeaders());
    requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers, body,
        exchange.getRequestURI().getRawQuery()));
    try {
      responder.handle(exchange);
    } catch (IOException clientWentAway) {
      exchange.close();
    }
  }

  static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
