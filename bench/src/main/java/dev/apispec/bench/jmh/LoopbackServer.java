package dev.apispec.bench.jmh;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP/1.1 server on 127.0.0.1 (an ephemeral port) in this JVM that answers every POST with one
 * recorded response. It reads the whole request body first, as a real server would, and handles
 * requests on one thread of its own (keep-alive connections are reused by the clients).
 */
public final class LoopbackServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  public LoopbackServer(String contentType, byte[] body) throws IOException {
    // Without TCP_NODELAY the server's separate writes of headers and body meet the client's delayed ACK:
    // every call then waits ~40 ms and the benchmark measures TCP timers, not clients. Read once, at first use.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    byte[] response = body.clone();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    executor = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "loopback-server");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(200, response.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response);
      }
    });
    server.start();
  }

  public URI baseUri() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
