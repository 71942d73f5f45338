package dev.apispec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The opt-in retry policy, the response size limit and the redirect guard. */
class RetryAndLimitsTest {
  record Data(String value) {}

  private static final String TOKEN = "tok-retry-9c1";
  private static final Endpoint<Data> RETRYABLE =
      new Endpoint<>("POST", "/v1/list", ResponseFormat.jsonData(Data.class), true);
  private static final Endpoint<Data> NOT_RETRYABLE =
      new Endpoint<>("POST", "/v1/change", ResponseFormat.jsonData(Data.class));
  private static final RetryPolicy FAST = RetryPolicy.builder()
      .maxAttempts(3)
      .initialBackoff(Duration.ofMillis(1))
      .maxBackoff(Duration.ofMillis(5))
      .build();

  private LocalServer server;

  @BeforeEach
  void start() throws Exception {
    server = LocalServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ApiTransport.Builder transport(RetryPolicy policy) {
    return ApiTransport.builder()
        .baseUri(server.uri())
        .auth("token", TOKEN)
        .requestTimeout(Duration.ofSeconds(5))
        .jsonEnvelope(new JsonEnvelope("code", "msg", "data", 1))
        .retryPolicy(policy);
  }

  /** Answers with the given statuses in turn, then with success. */
  private AtomicInteger answerInTurn(int... statuses) {
    AtomicInteger calls = new AtomicInteger();
    server.respondWith(exchange -> {
      int n = calls.getAndIncrement();
      if (n < statuses.length) {
        exchange.getResponseHeaders().set("Retry-After", "0");
        LocalServer.send(exchange, statuses[n], "text/plain", "busy");
      } else {
        LocalServer.send(exchange, 200, "application/json", "{\"code\":1,\"msg\":\"ok\",\"data\":{\"value\":\"v\"}}");
      }
    });
    return calls;
  }

  @Test
  void retryableEndpointIsRetriedAfter429And503() {
    AtomicInteger calls = answerInTurn(429, 503);

    Data data = transport(FAST).build().call(RETRYABLE, null);

    assertEquals("v", data.value());
    assertEquals(3, calls.get());
  }

  @Test
  void givesUpAfterMaxAttemptsWithTheLastFailure() {
    AtomicInteger calls = answerInTurn(500, 502, 503, 504);

    ApiHttpException e = assertThrows(ApiHttpException.class, () -> transport(FAST).build().call(RETRYABLE, null));

    assertEquals(503, e.httpStatus());
    assertEquals(3, calls.get());
  }

  @Test
  void endpointNotMarkedRetryableIsNeverRetried() {
    AtomicInteger calls = answerInTurn(503);

    assertThrows(ApiHttpException.class, () -> transport(FAST).build().call(NOT_RETRYABLE, null));

    assertEquals(1, calls.get());
  }

  @Test
  void withoutAPolicyNothingIsRetried() {
    AtomicInteger calls = answerInTurn(429);

    assertThrows(ApiHttpException.class, () -> transport(null).build().call(RETRYABLE, null));

    assertEquals(1, calls.get());
  }

  @Test
  void onlyTheNamedFailuresAreRetried() {
    AtomicInteger calls = answerInTurn(500);
    RetryPolicy only429 = RetryPolicy.builder().initialBackoff(Duration.ZERO).maxBackoff(Duration.ZERO)
        .retryOn(EnumSet.of(RetryPolicy.Failure.TOO_MANY_REQUESTS)).build();

    assertThrows(ApiHttpException.class, () -> transport(only429).build().call(RETRYABLE, null));

    assertEquals(1, calls.get());
  }

  @Test
  void asyncCallsRetryToo() throws Exception {
    AtomicInteger calls = answerInTurn(429, 429);

    Data data = transport(FAST).build().callAsync(RETRYABLE, null).get();

    assertEquals("v", data.value());
    assertEquals(3, calls.get());
  }

  @Test
  void connectionFailuresAreRetriedAndReportedTyped() throws Exception {
    URI closed;
    try (LocalServer gone = LocalServer.start()) {
      closed = gone.uri();
    }
    ApiTransport transport = ApiTransport.builder().baseUri(closed).auth("token", TOKEN)
        .jsonEnvelope(new JsonEnvelope("code", "msg", "data", 1)).retryPolicy(FAST).build();

    ApiConnectionException e = assertThrows(ApiConnectionException.class, () -> transport.call(RETRYABLE, null));

    assertTrue(e.getMessage().startsWith("POST /v1/list: request failed"), e.getMessage());
    CompletionException async = assertThrows(CompletionException.class,
        () -> transport.callAsync(RETRYABLE, null).join());
    assertInstanceOf(ApiConnectionException.class, async.getCause());
  }

  @Test
  void retryAfterLongerThanTheCapEndsTheRetries() {
    AtomicInteger calls = new AtomicInteger();
    server.respondWith(exchange -> {
      calls.incrementAndGet();
      exchange.getResponseHeaders().set("Retry-After", "3600");
      LocalServer.send(exchange, 429, "text/plain", "slow down");
    });

    ApiHttpException e = assertThrows(ApiHttpException.class, () -> transport(FAST).build().call(RETRYABLE, null));

    assertEquals(429, e.httpStatus());
    assertEquals(1, calls.get());
  }

  @Test
  void backoffGrowsAndIsCapped() {
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(10).initialBackoff(Duration.ofMillis(100))
        .maxBackoff(Duration.ofMillis(350)).multiplier(2).jitter(0).build();

    assertEquals(Duration.ofMillis(100), policy.delayAfter(1, RetryPolicy.Failure.SERVER_ERROR, null));
    assertEquals(Duration.ofMillis(200), policy.delayAfter(2, RetryPolicy.Failure.SERVER_ERROR, null));
    assertEquals(Duration.ofMillis(350), policy.delayAfter(3, RetryPolicy.Failure.SERVER_ERROR, null));
    assertEquals(Duration.ofSeconds(2), policy.delayAfter(1, RetryPolicy.Failure.TOO_MANY_REQUESTS, Duration.ofSeconds(2)));
    assertNull(policy.delayAfter(10, RetryPolicy.Failure.SERVER_ERROR, null));
  }

  @Test
  void jitterOnlyShortensTheDelay() {
    RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ofMillis(100)).jitter(0.5).build();
    for (int i = 0; i < 200; i++) {
      Duration delay = policy.delayAfter(1, RetryPolicy.Failure.TIMEOUT, null);
      assertTrue(delay.compareTo(Duration.ofMillis(50)) >= 0 && delay.compareTo(Duration.ofMillis(100)) <= 0,
          delay.toString());
    }
  }

  @Test
  void retryAfterReadsSecondsAndHttpDates() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    assertEquals(Duration.ofSeconds(7), RetryAfter.parse("7", now));
    assertEquals(Duration.ofSeconds(30), RetryAfter.parse("Thu, 01 Jan 2026 00:00:30 GMT", now));
    assertEquals(Duration.ZERO, RetryAfter.parse("Wed, 31 Dec 2025 23:00:00 GMT", now));
    assertNull(RetryAfter.parse("soon", now));
    assertNull(RetryAfter.parse("-1", now));
    assertNull(RetryAfter.parse(null, now));
  }

  @Test
  void aBodyLargerThanTheLimitFailsTyped() {
    byte[] big = new byte[64 * 1024];
    Arrays.fill(big, (byte) ' ');
    server.respond(200, "application/json", big);

    ApiResponseTooLargeException e = assertThrows(ApiResponseTooLargeException.class,
        () -> transport(null).maxResponseBytes(1024).build().call(NOT_RETRYABLE, null));

    assertEquals(1024, e.limit());
    assertEquals(200, e.httpStatus());
    assertTrue(e.getMessage().startsWith("POST /v1/change (HTTP 200): the response body is larger than 1024 bytes"),
        e.getMessage());
  }

  @Test
  void aStreamedBodyWithoutLengthIsCutAtTheLimitToo() {
    server.respondWith(exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to check up front
      try (OutputStream out = exchange.getResponseBody()) {
        byte[] chunk = new byte[8192];
        Arrays.fill(chunk, (byte) ' ');
        for (int i = 0; i < 64; i++) {
          out.write(chunk);
        }
      }
    });

    ApiResponseTooLargeException e = assertThrows(ApiResponseTooLargeException.class,
        () -> transport(null).maxResponseBytes(10_000).build().call(NOT_RETRYABLE, null));

    assertEquals(10_000, e.limit());
    CompletionException async = assertThrows(CompletionException.class,
        () -> transport(null).maxResponseBytes(10_000).build().callAsync(NOT_RETRYABLE, null).join());
    assertInstanceOf(ApiResponseTooLargeException.class, async.getCause());
  }

  @Test
  void aClientThatFollowsRedirectsIsRefused() {
    HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> transport(null).httpClient(following).build());

    assertTrue(e.getMessage().contains("must not follow redirects"), e.getMessage());
    assertFalse(e.getMessage().contains(TOKEN));
  }

  @Test
  void aRedirectIsNotFollowedSoTheTokenStaysHome() throws Exception {
    try (LocalServer elsewhere = LocalServer.start()) {
      elsewhere.respondJson("{\"code\":1,\"msg\":\"ok\",\"data\":{\"value\":\"stolen\"}}");
      server.respondWith(exchange -> {
        exchange.getResponseHeaders().set("Location", elsewhere.uri("/collect").toString());
        LocalServer.send(exchange, 307, "text/plain", "moved");
      });

      ApiHttpException e = assertThrows(ApiHttpException.class, () -> transport(FAST).build().call(RETRYABLE, null));

      assertEquals(307, e.httpStatus());
      assertEquals(0, elsewhere.pendingRequests());
      assertEquals(TOKEN, server.takeRequest().headers().getFirst("token"));
    }
  }

  @Test
  void policyToStringIsReadable() {
    assertTrue(FAST.toString().startsWith("RetryPolicy{maxAttempts=3"), FAST.toString());
    assertEquals("busy".length(), "busy".getBytes(StandardCharsets.UTF_8).length);
  }
}
