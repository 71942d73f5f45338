package dev.apispec.contract;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Small helpers for the local HTTP servers of this module: they only ever listen on 127.0.0.1. */
final class LocalHttp {
  /** The only address the servers of this module listen on. */
  static final String HOST = "127.0.0.1";

  private LocalHttp() {}

  /** A request as it arrived. Header names are lower case. */
  record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  /** A server on 127.0.0.1 ({@code port} 0 picks a free one) with a small pool of handler threads. */
  static HttpServer server(int port, String threadName) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), port), 0);
    ExecutorService pool = Executors.newFixedThreadPool(4, runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(pool);
    return server;
  }

  /** Stops a server made by {@link #server(int, String)} and its threads. */
  static void stop(HttpServer server) {
    server.stop(0);
    if (server.getExecutor() instanceof ExecutorService pool) {
      pool.shutdownNow();
    }
  }

  static URI uri(HttpServer server) {
    return URI.create("http://" + HOST + ":" + server.getAddress().getPort());
  }

  /** Reads the whole request. */
  static Received receive(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Map<String, List<String>> headers = new TreeMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    URI uri = exchange.getRequestURI();
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    return new Received(exchange.getRequestMethod(), path, headers, body);
  }

  /** Sends a complete response; a {@code null} content type sends none. */
  static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    if (contentType != null) {
      headers.set("Content-Type", contentType);
    }
    boolean noBody = body == null || body.length == 0 || "HEAD".equalsIgnoreCase(exchange.getRequestMethod())
        || status == 204 || status == 304;
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!noBody) {
        out.write(body);
      }
    }
  }
}
