package dev.apispec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When no response arrives at all: timeouts, refused connections, interrupts. */
class ApiTransportConnectionTest {
  static final Endpoint<Void> X = Endpoint.post("/v1/x", ResponseFormat.jsonNoData());

  private LocalServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = LocalServer.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static ApiTransport transport(URI baseUri) {
    return ApiTransport.builder()
        .baseUri(baseUri)
        .auth("token", "tok_5f3c9a2e81d4b7")
        .requestTimeout(Duration.ofMillis(200))
        .jsonEnvelope(new JsonEnvelope("code", "msg", "data", 1))
        .build();
  }

  /** A port on 127.0.0.1 that nobody listens on: bound once, then closed. */
  private static URI closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(LocalServer.LOOPBACK, 0));
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }

  @Test
  void serverThatNeverAnswersTimesOut() throws Exception {
    server.neverAnswer();
    long start = System.nanoTime();

    ApiTimeoutException e = assertThrows(ApiTimeoutException.class, () -> transport(server.uri()).call(X, null));

    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(elapsedMillis >= 150 && elapsedMillis < 5_000, "took " + elapsedMillis + " ms");
    assertEquals("POST /v1/x timed out after 200 ms", e.getMessage());
    assertEquals("POST /v1/x", e.endpoint());
    assertEquals(0, e.httpStatus());
    assertInstanceOf(HttpTimeoutException.class, e.getCause());
    assertEquals("/v1/x", server.takeRequest().path());
  }

  @Test
  void callAsyncTimesOutWithTheSameException() throws Exception {
    server.neverAnswer();

    CompletableFuture<Void> future = transport(server.uri()).callAsync(X, null);

    ExecutionException viaGet = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    ApiTimeoutException e = assertInstanceOf(ApiTimeoutException.class, viaGet.getCause());
    assertEquals("POST /v1/x timed out after 200 ms", e.getMessage());
    assertEquals(0, e.httpStatus());
    CompletionException viaJoin = assertThrows(CompletionException.class, future::join);
    assertInstanceOf(ApiTimeoutException.class, viaJoin.getCause());
  }

  @Test
  void refusedConnectionBecomesApiConnectionException() throws Exception {
    ApiConnectionException e = assertThrows(ApiConnectionException.class, () -> transport(closedPort()).call(X, null));

    assertTrue(e.getMessage().startsWith("POST /v1/x: request failed: "), e.getMessage());
    assertEquals("POST /v1/x", e.endpoint());
    assertEquals(0, e.httpStatus());
    assertInstanceOf(IOException.class, e.getCause());
  }

  @Test
  void callAsyncRefusedConnectionFailsWithTheSameException() throws Exception {
    CompletableFuture<Void> future = transport(closedPort()).callAsync(X, null);

    ExecutionException failure = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    ApiConnectionException e = assertInstanceOf(ApiConnectionException.class, failure.getCause());
    assertTrue(e.getMessage().startsWith("POST /v1/x: request failed: "), e.getMessage());
    assertEquals("POST /v1/x", e.endpoint());
    assertEquals(0, e.httpStatus());
    assertInstanceOf(IOException.class, e.getCause());
  }

  @Test
  void interruptedCallBecomesApiConnectionExceptionAndKeepsTheInterrupt() {
    server.neverAnswer();
    ApiTransport transport = ApiTransport.builder()
        .baseUri(server.uri())
        .jsonEnvelope(new JsonEnvelope("code", "msg", "data", 1))
        .build();

    Thread.currentThread().interrupt();
    ApiConnectionException e;
    try {
      e = assertThrows(ApiConnectionException.class, () -> transport.call(X, null));
    } finally {
      assertTrue(Thread.interrupted(), "the interrupt flag must be kept (and is cleared here)");
    }

    assertEquals("POST /v1/x: interrupted while waiting for the response", e.getMessage());
    assertInstanceOf(InterruptedException.class, e.getCause());
  }

  @Test
  void requestThatCannotBeEncodedFailsBeforeSending() throws Exception {
    ApiTransport transport = transport(server.uri());
    Object unencodable = new Object(); // Jackson has no serializer for a bean without properties

    ApiConnectionException e = assertThrows(ApiConnectionException.class, () -> transport.call(X, unencodable));
    assertTrue(e.getMessage().startsWith("POST /v1/x: could not encode the request body as JSON: "), e.getMessage());

    ExecutionException failure = assertThrows(ExecutionException.class,
        () -> transport.callAsync(X, unencodable).get(10, TimeUnit.SECONDS));
    assertInstanceOf(ApiConnectionException.class, failure.getCause());
    assertEquals(0, server.pendingRequests());
  }
}
