package dev.yunhu.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apispec.runtime.ApiConnectionException;
import dev.apispec.runtime.ApiHttpException;
import dev.apispec.runtime.ApiTimeoutException;
import dev.apispec.runtime.RetryPolicy;
import dev.apispec.runtime.testing.RawHttpServer;
import dev.apispec.runtime.testing.Reliability;
import dev.yunhu.client.model.ChatType;
import dev.yunhu.client.model.FriendApplyRequest;
import dev.yunhu.client.model.GroupTagList;
import dev.yunhu.client.model.GroupTagListRequest;
import dev.yunhu.client.proto.GroupInfoRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
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
 * The faults of the runtime's {@code FaultInjectionTest}, through the generated {@link YunhuClient} with
 * its retry policy on: {@code groupTag().list} and {@code group().info} are retryable reads,
 * {@code friend().apply} is not and is sent once. Every failure is a typed exception naming the Yunhu
 * endpoint; after a failed call the server sees the connection closed, and when the class is done no
 * {@code HttpClient} thread or connection is left.
 */
class YunhuClientFaultTest {
  @RegisterExtension
  static final Reliability FIGURES = Reliability.forClass(YunhuClientFaultTest.class);

  private static final String AREA = "faults";
  private static final String INJECTED = "faults injected, through YunhuClient";
  private static final String TOKEN = "tok_yunhu_fault_19ab";
  private static final RetryPolicy RETRY = RetryPolicy.builder()
      .maxAttempts(3).initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(10)).build();
  private static final GroupTagListRequest LIST = new GroupTagListRequest("1", 20, 1, "");
  private static final FriendApplyRequest APPLY = new FriendApplyRequest("1", ChatType.USER, "hi");
  private static final GroupInfoRequest INFO = GroupInfoRequest.newBuilder().setGroupId("1").build();
  private static final byte[] LIST_OK =
      "{\"code\":1,\"msg\":\"success\",\"data\":{\"list\":[]}}".getBytes(StandardCharsets.UTF_8);

  private static final List<ExecutorService> EXECUTORS = new CopyOnWriteArrayList<>();
  private static final List<RawHttpServer> SERVERS = new CopyOnWriteArrayList<>();
  private static Set<Thread> threadsBefore;

  @BeforeAll
  static void rememberThreads() {
    threadsBefore = Reliability.httpClientThreads();
  }

  /** A client on an HttpClient of its own, with a named executor the class shuts down at the end. */
  private static YunhuClient client(URI baseUri, Duration timeout) {
    AtomicInteger ids = new AtomicInteger();
    ExecutorService executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "yunhu-fault-client-" + EXECUTORS.size() + "-" + ids.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    EXECUTORS.add(executor);
    return YunhuClient.builder()
        .httpClient(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).executor(executor).build())
        .baseUri(baseUri)
        .token(TOKEN)
        .requestTimeout(timeout)
        .retryPolicy(RETRY)
        .build();
  }

  private static RawHttpServer server(RawHttpServer.Behaviour behaviour) throws IOException {
    RawHttpServer server = RawHttpServer.start(behaviour);
    SERVERS.add(server);
    return server;
  }

  private static void assertClosedByClient(RawHttpServer server) throws InterruptedException {
    assertTrue(server.awaitOpen(0, Duration.ofSeconds(3)),
        () -> server.open() + " connection(s) still open at the server after the call failed");
  }

  @Test
  void connectionRefused() throws Exception {
    FIGURES.row(AREA, "connection refused", INJECTED).tried(3 + 1);
    YunhuClient client = client(RawHttpServer.refusingUri(), Duration.ofSeconds(2));

    ApiConnectionException list = assertThrows(ApiConnectionException.class, () -> client.groupTag().list(LIST));
    ApiConnectionException apply = assertThrows(ApiConnectionException.class, () -> client.friend().apply(APPLY));

    assertEquals("POST /v1/group-tag/list: request failed: java.net.ConnectException", list.getMessage());
    assertEquals("POST /v1/friend/apply: request failed: java.net.ConnectException", apply.getMessage());
  }

  @Test
  void resetInTheMiddleOfTheBody() throws Exception {
    FIGURES.row(AREA, "connection reset mid-body (Content-Length 1000, 10 bytes sent)", INJECTED).tried(3 + 1);
    RawHttpServer server = server((request, connection) -> {
      connection.write(RawHttpServer.Connection.head(200, "application/json", 1000));
      connection.write("{\"code\":1,".getBytes(StandardCharsets.UTF_8));
      connection.reset();
      return false;
    });
    YunhuClient client = client(server.uri(), Duration.ofSeconds(5));

    ApiConnectionException list = assertThrows(ApiConnectionException.class, () -> client.groupTag().list(LIST));
    int afterList = server.requests().size();
    ApiConnectionException apply = assertThrows(ApiConnectionException.class, () -> client.friend().apply(APPLY));

    assertTrue(list.getMessage().startsWith("POST /v1/group-tag/list: request failed: java.io."), list.getMessage());
    assertTrue(apply.getMessage().startsWith("POST /v1/friend/apply: request failed: java.io."), apply.getMessage());
    assertEquals(3, afterList);
    assertEquals(3 + 1, server.requests().size());
    assertClosedByClient(server);
  }

  @Test
  void serverThatNeverAnswers() throws Exception {
    FIGURES.row(AREA, "server never answers (request timeout)", INJECTED).tried(1);
    RawHttpServer server = server((request, connection) -> {
      connection.waitForClientToLeave();
      return false;
    });
    YunhuClient client = client(server.uri(), Duration.ofMillis(300));

    ApiTimeoutException e = assertThrows(ApiTimeoutException.class, () -> client.friend().apply(APPLY));

    assertEquals("POST /v1/friend/apply timed out after 300 ms", e.getMessage());
    // Sent once, not retried (apply is not retryable). On a machine busy enough, the 300 ms pass before the request
    // is even written, and the server sees none: the timeout covers the connection too.
    Thread.sleep(200);
    assertTrue(server.requests().size() <= 1, server.requests().size() + " requests");
    assertClosedByClient(server);
  }

  @Test
  void slowAnswers() throws Exception {
    FIGURES.row(AREA, "answer one byte at a time, within the timeout", INJECTED).tried(1);
    FIGURES.row(AREA, "headers at once, body one byte per 100 ms, past the timeout", INJECTED).tried(3);
    RawHttpServer server = server((request, connection) -> {
      if (request.path().equals("/v1/group-tag/list")) {
        connection.writeSlowly(concat(RawHttpServer.Connection.head(200, "application/json", LIST_OK.length), LIST_OK),
            Duration.ofMillis(2));
      } else {
        byte[] body = new byte[40];
        connection.write(RawHttpServer.Connection.head(200, "application/x-protobuf", body.length));
        connection.writeSlowly(body, Duration.ofMillis(100));
      }
      return true;
    });
    YunhuClient patient = client(server.uri(), Duration.ofSeconds(5));
    YunhuClient impatient = client(server.uri(), Duration.ofMillis(400));

    GroupTagList list = patient.groupTag().list(LIST);
    long start = System.nanoTime();
    CompletionException e = assertThrows(CompletionException.class, () -> impatient.group().infoAsync(INFO).join());
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertEquals(List.of(), list.list());
    ApiTimeoutException timeout = assertInstanceOf(ApiTimeoutException.class, e.getCause());
    // info is a retryable read and a timeout is retried: three attempts of 400 ms, each cut off in its body
    assertEquals("POST /v1/group/info timed out after 400 ms", timeout.getMessage());
    assertTrue(millis >= 3 * 400 - 50 && millis < 4_000, "took " + millis + " ms");
    assertEquals(1 + 3, server.requests().size());
  }

  @Test
  void tooManyRequestsAndServerErrors() throws Exception {
    FIGURES.row(AREA, "429 with Retry-After: 0", INJECTED).tried(1 + 1);
    FIGURES.row(AREA, "5xx (500, 503)", INJECTED).tried(3 + 1);
    AtomicInteger listCalls = new AtomicInteger();
    RawHttpServer busy = server((request, connection) -> {
      if (request.path().equals("/v1/group-tag/list") && listCalls.getAndIncrement() > 0) {
        connection.respond(200, "application/json", LIST_OK);
      } else {
        connection.respond(429, "text/plain", "请求过于频繁", "Retry-After: 0");
      }
      return true;
    });
    RawHttpServer failing = server((request, connection) -> {
      connection.respond(request.path().equals("/v1/friend/apply") ? 500 : 503, "text/plain", "oops");
      return true;
    });
    YunhuClient toBusy = client(busy.uri(), Duration.ofSeconds(5));
    YunhuClient toFailing = client(failing.uri(), Duration.ofSeconds(5));

    GroupTagList list = toBusy.groupTag().list(LIST);
    ApiHttpException tooMany = assertThrows(ApiHttpException.class, () -> toBusy.friend().apply(APPLY));
    ApiHttpException unavailable = assertThrows(ApiHttpException.class, () -> toFailing.groupTag().list(LIST));
    ApiHttpException internal = assertThrows(ApiHttpException.class, () -> toFailing.friend().apply(APPLY));

    assertEquals(List.of(), list.list());
    assertEquals("POST /v1/friend/apply failed with HTTP 429: 请求过于频繁", tooMany.getMessage());
    assertEquals("POST /v1/group-tag/list failed with HTTP 503: oops", unavailable.getMessage());
    assertEquals("POST /v1/friend/apply failed with HTTP 500: oops", internal.getMessage());
    assertEquals(2 + 1, busy.requests().size());
    assertEquals(3 + 1, failing.requests().size());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  @AfterAll
  static void nothingLeftBehind() throws Exception {
    Reliability.Row row = FIGURES.row(AREA, "threads and connections left after all faults",
        "YunhuClients checked");
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
    row.note("after the clients were dropped: " + threadsLeft.size() + " HttpClient threads and " + connectionsLeft
        + " server-side connections left, " + stuckExecutors + " executors stuck");

    assertEquals(0, stuckExecutors, "executors whose tasks did not end");
    assertEquals(List.of(), threadsLeft, "HttpClient threads still running");
    assertEquals(0, connectionsLeft, "connections still open at the servers");
  }
}
