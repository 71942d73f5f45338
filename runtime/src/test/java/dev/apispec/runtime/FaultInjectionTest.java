package dev.apispec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apispec.runtime.testing.RawHttpServer;
import dev.apispec.runtime.testing.Reliability;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Servers on 127.0.0.1 that misbehave on purpose: nobody listening, a connection reset in the middle of
 * a body, no answer at all, an answer one byte at a time, 429 with {@code Retry-After}, 5xx. Each call
 * ends in a typed {@link ApiException} that names the endpoint (or, under the retry policy, in the value
 * of a later attempt), and leaves nothing behind: after a failed call the server sees the client close
 * its connection, and once the class is done every executor has stopped and every JDK {@code HttpClient}
 * thread the class started has ended.
 */
class FaultInjectionTest {
  @RegisterExtension
  static final Reliability FIGURES = Reliability.forClass(FaultInjectionTest.class);

  private static final String AREA = "faults";
  private static final String INJECTED = "faults injected";
  private static final String TOKEN = "tok_fault_5b1e08";

  record Data(String value) {}

  private static final Endpoint<Data> RETRYABLE =
      new Endpoint<>("POST", "/v1/list", ResponseFormat.jsonData(Data.class), true);
  private static final Endpoint<Data> ONCE = Endpoint.post("/v1/change", ResponseFormat.jsonData(Data.class));
  private static final RetryPolicy RETRY = RetryPolicy.builder()
      .maxAttempts(3)
      .initialBackoff(Duration.ofMillis(10))
      .maxBackoff(Duration.ofMillis(20))
      .build();
  private static final String OK = "{\"code\":1,\"msg\":\"success\",\"data\":{\"value\":\"v\"}}";
  private static final byte[] OK_BYTES = OK.getBytes(StandardCharsets.UTF_8);

  private static final List<ExecutorService> EXECUTORS = new CopyOnWriteArrayList<>();
  private static final List<RawHttpServer> SERVERS = new CopyOnWriteArrayList<>();
  private static Set<Thread> threadsBefore;

  @BeforeAll
  static void rememberThreads() {
    threadsBefore = Reliability.httpClientThreads();
  }

  /** A transport on an HttpClient of its own, whose executor the class shuts down at the end. */
  private static ApiTransport transport(URI baseUri, Duration timeout, RetryPolicy policy) {
    AtomicInteger ids = new AtomicInteger();
    ExecutorService executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "fault-client-" + EXECUTORS.size() + "-" + ids.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    EXECUTORS.add(executor);
    HttpClient httpClient = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(executor)
        .build();
    return ApiTransport.builder()
        .httpClient(httpClient)
        .baseUri(baseUri)
        .auth("token", TOKEN)
        .requestTimeout(timeout)
        .jsonEnvelope(new JsonEnvelope("code", "msg", "data", 1))
        .retryPolicy(policy)
        .build();
  }

  private static RawHttpServer server(RawHttpServer.Behaviour behaviour) throws IOException {
    RawHttpServer server = RawHttpServer.start(behaviour);
    SERVERS.add(server);
    return server;
  }

  private static long millisSince(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private static void assertClosedByClient(RawHttpServer server) throws InterruptedException {
    assertTrue(server.awaitOpen(0, Duration.ofSeconds(3)),
        () -> server.open() + " connection(s) still open at the server after the call failed");
  }

  // ---- nobody listening ----

  @Test
  void connectionRefused() throws Exception {
    Reliability.Row row = FIGURES.row(AREA, "connection refused", INJECTED);
    URI refusing = RawHttpServer.refusingUri();
    row.tried(1 + 3 + 1);

    ApiConnectionException once = assertThrows(ApiConnectionException.class,
        () -> transport(refusing, Duration.ofSeconds(2), RETRY).call(ONCE, null));
    ApiConnectionException retried = assertThrows(ApiConnectionException.class,
        () -> transport(refusing, Duration.ofSeconds(2), RETRY).call(RETRYABLE, null));
    CompletionException async = assertThrows(CompletionException.class,
        () -> transport(refusing, Duration.ofSeconds(2), null).callAsync(ONCE, null).join());

    assertEquals("POST /v1/change: request failed: java.net.ConnectException", once.getMessage());
    assertInstanceOf(ConnectException.class, once.getCause());
    assertEquals(0, once.httpStatus());
    assertEquals("POST /v1/list: request failed: java.net.ConnectException", retried.getMessage());
    assertEquals("POST /v1/change: request failed: java.net.ConnectException",
        assertInstanceOf(ApiConnectionException.class, async.getCause()).getMessage());
  }

  // ---- reset in the middle of the body ----

  /** Promises 1000 bytes, sends 10, then resets the connection (SO_LINGER 0). */
  private static boolean resetMidBody(RawHttpServer.Request request, RawHttpServer.Connection connection)
      throws IOException {
    connection.write(RawHttpServer.Connection.head(200, "application/json", 1000));
    connection.write("{\"code\":1,".getBytes(StandardCharsets.UTF_8));
    connection.reset();
    return false;
  }

  @Test
  void resetInTheMiddleOfTheBody() throws Exception {
    Reliability.Row row = FIGURES.row(AREA, "connection reset mid-body (Content-Length 1000, 10 bytes sent)", INJECTED);
    RawHttpServer server = server(FaultInjectionTest::resetMidBody);
    row.tried(1);

    ApiConnectionException e = assertThrows(ApiConnectionException.class,
        () -> transport(server.uri(), Duration.ofSeconds(5), null).call(ONCE, null));

    assertTrue(e.getMessage().startsWith("POST /v1/change: request failed: java.io."), e.getMessage());
    assertInstanceOf(IOException.class, e.getCause());
    assertEquals("POST /v1/change", e.endpoint());
    assertEquals(1, server.requests().size());
    assertClosedByClient(server);
  }

  @Test
  void resetInTheMiddleOfTheBodyIsRetriedForARetryableEndpoint() throws Exception {
    Reliability.Row row = FIGURES.row(AREA, "connection reset mid-body (Content-Length 1000, 10 bytes sent)", INJECTED);
    RawHttpServer alwaysReset = server(FaultInjectionTest::resetMidBody);
    AtomicInteger calls = new AtomicInteger();
    RawHttpServer resetOnce = server((request, connection) -> {
      if (calls.getAndIncrement() == 0) {
        return resetMidBody(request, connection);
      }
      connection.respond(200, "application/json", OK_BYTES);
      return true;
    });
    row.tried(3 + 1 + 1);

    ApiConnectionException e = assertThrows(ApiConnectionException.class,
        () -> transport(alwaysReset.uri(), Duration.ofSeconds(5), RETRY).call(RETRYABLE, null));
    Data data = transport(resetOnce.uri(), Duration.ofSeconds(5), RETRY).call(RETRYABLE, null);
    CompletionException async = assertThrows(CompletionException.class,
        () -> transport(alwaysReset.uri(), Duration.ofSeconds(5), null).callAsync(RETRYABLE, null).join());

    assertTrue(e.getMessage().startsWith("POST /v1/list: request failed: java.io."), e.getMessage());
    assertInstanceOf(ApiConnectionException.class, async.getCause());
    assertEquals(3 + 1, alwaysReset.accepted()); // three attempts, then one without a policy
    assertEquals(new Data("v"), data);
    assertEquals(2, resetOnce.requests().size());
    assertClosedByClient(alwaysReset);
  }

  // ---- no answer ----

  @Test
  void serverThatNeverAnswers() throws Exception {
    Reliability.Row row = FIGURES.row(AREA, "server never answers (request timeout)", INJECTED);
    RawHttpServer server = server((request, connection) -> {
      connection.waitForClientToLeave();
      return false;
    });
    row.tried(1 + 3);

    long start = System.nanoTime();
    ApiTimeoutException once = assertThrows(ApiTimeoutException.class,
        () -> transport(server.uri(), Duration.ofMillis(300), null).call(ONCE, null));
    long onceMillis = millisSince(start);
    assertClosedByClient(server);
    ApiTimeoutException retried = assertThrows(ApiTimeoutException.class,
        () -> transport(server.uri(), Duration.ofMillis(200), RETRY).call(RETRYABLE, null));

    assertEquals("POST /v1/change timed out after 300 ms", once.getMessage());
    assertInstanceOf(HttpTimeoutException.class, once.getCause());
    assertTrue(onceMillis >= 250 && onceMillis < 3_000, "took " + onceMillis + " ms");
    assertEquals("POST /v1/list timed out after 200 ms", retried.getMessage());
    assertEquals(1 + 3, server.accepted());
    assertClosedByClient(server);
  }

  // ---- slow answers ----

  @Test
  void slowAnswerThatFinishesInTime() throws Exception {
    Reliability.Row row = FIGURES.row(AREA, "answer one byte at a time, within the timeout", INJECTED);
    byte[] response = concat(RawHttpServer.Connection.head(200, "application/json", OK_BYTES.length), OK_BYTES);
    RawHttpServer server = server((request, connection) -> {
      connection.writeSlowly(response, Duration.ofMillis(2));
      return true;
    });
    row.tried(1);

    Data data = transport(server.uri(), Duration.ofSeconds(10), null).call(ONCE, null);

    assertEquals(new Data("v"), data);
    assertEquals(1, server.requests().size());
  }

  @Test
  void slowBodyBeyondTheTimeout() throws Exception {
    Reliability.Row row = FIGURES.row(AREA, "headers at once, body one byte per 100 ms, past the timeout", INJECTED);
    row.note("the JDK's request timeout stops at the headers: before the fix this call waited 4.6 s and succeeded; "
        + "ApiTransport now sets a deadline on the body too");
    RawHttpServer server = server((request, connection) -> {
      connection.write(RawHttpServer.Connection.head(200, "application/json", OK_BYTES.length));
      connection.writeSlowly(OK_BYTES, Duration.ofMillis(100)); // 4.6 s in all
      return true;
    });
    row.tried(2);

    long start = System.nanoTime();
    ApiTimeoutException e = assertThrows(ApiTimeoutException.class,
        () -> transport(server.uri(), Duration.ofMillis(500), null).call(ONCE, null));
    long millis = millisSince(start);
    CompletionException async = assertThrows(CompletionException.class,
        () -> transport(server.uri(), Duration.ofMillis(500), null).callAsync(ONCE, null).join());

    // the JDK's own request timeout ends when the headers arrive: the transport's body deadline applies
    assertEquals("POST /v1/change timed out after 500 ms", e.getMessage());
    assertInstanceOf(HttpTimeoutException.class, e.getCause());
    assertTrue(millis >= 450 && millis < 2_000, "took " + millis + " ms");
    assertEquals("POST /v1/change timed out after 500 ms",
        assertInstanceOf(ApiTimeoutException.class, async.getCause()).getMessage());
    assertClosedByClient(server);
  }

  @Test
  void slowHeadersBeyondTheTimeout() throws Exception {
    Reliability.Row row = FIGURES.row(AREA, "headers one byte per 100 ms, past the timeout", INJECTED);
    byte[] response = concat(RawHttpServer.Connection.head(200, "application/json", OK_BYTES.length), OK_BYTES);
    RawHttpServer server = server((request, connection) -> {
      connection.writeSlowly(response, Duration.ofMillis(100));
      return true;
    });
    row.tried(1);

    long start = System.nanoTime();
    ApiTimeoutException e = assertThrows(ApiTimeoutException.class,
        () -> transport(server.uri(), Duration.ofMillis(400), null).call(ONCE, null));
    long millis = millisSince(start);

    assertEquals("POST /v1/change timed out after 400 ms", e.getMessage());
    assertTrue(millis >= 350 && millis < 2_000, "took " + millis + " ms");
    assertClosedByClient(server);
  }

  // ---- 429 and 5xx ----

  @Test
  void tooManyRequestsWithRetryAfter() throws Exception {
    Reliability.Row row = FIGURES.row(AREA, "429 with Retry-After: 1", INJECTED);
    AtomicInteger calls = new AtomicInteger();
    RawHttpServer server = server((request, connection) -> {
      if (request.path().equals("/v1/list") && calls.getAndIncrement() > 0) {
        connection.respond(200, "application/json", OK_BYTES);
      } else {
        connection.respond(429, "text/plain", "slow down", "Retry-After: 1");
      }
      return true;
    });
    row.tried(1 + 1 + 1);

    long start = System.nanoTime();
    Data data = transport(server.uri(), Duration.ofSeconds(5), RETRY).call(RETRYABLE, null);
    long millis = millisSince(start);
    ApiHttpException notRetryable = assertThrows(ApiHttpException.class,
        () -> transport(server.uri(), Duration.ofSeconds(5), RETRY).call(ONCE, null));
    ApiHttpException noPolicy = assertThrows(ApiHttpException.class,
        () -> transport(server.uri(), Duration.ofSeconds(5), null).call(ONCE, null));

    assertEquals(new Data("v"), data);
    assertTrue(millis >= 950 && millis < 4_000, "Retry-After: 1 was not honoured: " + millis + " ms");
    assertEquals("POST /v1/change failed with HTTP 429: slow down", notRetryable.getMessage());
    assertEquals(429, notRetryable.httpStatus());
    assertEquals(429, noPolicy.httpStatus());
    assertEquals(2 + 1 + 1, server.requests().size());
  }

  @Test
  void serverErrors() throws Exception {
    Reliability.Row row = FIGURES.row(AREA, "5xx (500, 502, 503)", INJECTED);
    RawHttpServer always503 = server((request, connection) -> {
      connection.respond(503, "text/html", "<html><body><h1>503 Service Unavailable</h1></body></html>");
      return true;
    });
    AtomicInteger calls = new AtomicInteger();
    int[] statuses = {500, 502};
    RawHttpServer recovering = server((request, connection) -> {
      int n = calls.getAndIncrement();
      if (n < statuses.length) {
        connection.respond(statuses[n], "text/plain", "oops " + statuses[n]);
      } else {
        connection.respond(200, "application/json", OK_BYTES);
      }
      return true;
    });
    row.tried(3 + 1 + 2);

    ApiHttpException gaveUp = assertThrows(ApiHttpException.class,
        () -> transport(always503.uri(), Duration.ofSeconds(5), RETRY).call(RETRYABLE, null));
    ApiHttpException once = assertThrows(ApiHttpException.class,
        () -> transport(always503.uri(), Duration.ofSeconds(5), RETRY).call(ONCE, null));
    Data recovered = transport(recovering.uri(), Duration.ofSeconds(5), RETRY).call(RETRYABLE, null);

    assertEquals("POST /v1/list failed with HTTP 503: <html><body><h1>503 Service Unavailable</h1></body></html>",
        gaveUp.getMessage());
    assertEquals(503, once.httpStatus());
    assertEquals(3 + 1, always503.requests().size());
    assertEquals(new Data("v"), recovered);
    assertEquals(3, recovering.requests().size());
    // complete answers keep their connection for the next request: one per client
    assertEquals(2, always503.accepted());
    assertEquals(1, recovering.accepted());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  @AfterAll
  static void nothingLeftBehind() throws Exception {
    Reliability.Row row = FIGURES.row(AREA, "threads and connections left after all faults", "HttpClients checked");
    row.tried(EXECUTORS.size());
    int stuckExecutors = 0;
    for (ExecutorService executor : EXECUTORS) {
      executor.shutdown();
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        stuckExecutors++;
      }
    }
    List<String> threadsLeft = Reliability.awaitHttpClientThreadsEnded(threadsBefore, 15_000);
    int connectionsLeft = 0;
    for (RawHttpServer server : SERVERS) {
      server.awaitOpen(0, Duration.ofSeconds(5));
      connectionsLeft += server.open();
      server.close();
    }
    row.failed(stuckExecutors + threadsLeft.size() + connectionsLeft);
    row.note(SERVERS.size() + " servers; after the clients were dropped: " + threadsLeft.size()
        + " HttpClient threads and " + connectionsLeft + " server-side connections left, " + stuckExecutors
        + " executors stuck");

    assertEquals(0, stuckExecutors, "executors whose tasks did not end");
    assertEquals(List.of(), threadsLeft, "HttpClient threads still running");
    assertEquals(0, connectionsLeft, "connections still open at the servers");
  }
}
