package dev.apispec.codegen;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An HTTP server on 127.0.0.1 that answers every request with one canned response and remembers the
 * last request, so that a generated client can be called for real.
 */
public final class LoopbackServer implements AutoCloseable {
  /** A request as the server saw it. */
  public record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst().orElse(null);
    }
  }

  private final HttpServer server;
  private final AtomicReference<Request> last = new AtomicReference<>();

  private LoopbackServer(String contentType, byte[] response) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
        last.set(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
            Map.copyOf(exchange.getRequestHeaders()), in.readAllBytes()));
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, response.length);
        out.write(response);
      }
    });
    server.start();
  }

  /** Starts a server that answers every request with {@code response}. */
  public static LoopbackServer answering(String contentType, byte[] response) throws IOException {
    return new LoopbackServer(contentType, response);
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The last request received, or {@code null}. */
  public Request lastRequest() {
    return last.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
