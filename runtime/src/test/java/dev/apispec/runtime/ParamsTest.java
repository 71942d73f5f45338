package dev.apispec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Path templates, query and header parameters, as a generated method fills them. */
class ParamsTest {
  static final String TOKEN = "tok_5f3c9a2e81d4b7";
  static final Endpoint<Void> INFO = new Endpoint<>("GET", "/v1/x/{id}/info", ResponseFormat.jsonNoData(), true);
  static final Endpoint<Void> TWO = new Endpoint<>("GET", "/v1/{group}/members/{id}", ResponseFormat.jsonNoData());
  static final Endpoint<Void> LIST = new Endpoint<>("GET", "/v1/list", ResponseFormat.jsonNoData());

  private LocalServer server;
  private ApiTransport transport;

  @BeforeEach
  void start() throws Exception {
    server = LocalServer.start();
    server.respondJson("{\"code\":1,\"msg\":\"ok\"}");
    transport = ApiTransport.builder().baseUri(server.uri("/api/")).auth("token", TOKEN)
        .jsonEnvelope(new JsonEnvelope("code", "msg", "data", 1)).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "abc-._~XYZ09 | abc-._~XYZ09",
      "a/b          | a%2Fb",
      "a?b#c        | a%3Fb%23c",
      "100%         | 100%25",
      "'a b+c'      | a%20b%2Bc",
      "小明          | %E5%B0%8F%E6%98%8E",
      "é&=;,        | %C3%A9%26%3D%3B%2C",
      "..           | ..",
  })
  void encodesEverythingOutsideUnreserved(String raw, String encoded) {
    assertEquals(encoded, Params.encode(raw));
  }

  @Test
  void turnsValuesIntoText() {
    assertEquals("true", Params.text(Boolean.TRUE));
    assertEquals("false", Params.text(false));
    assertEquals("10000000000", Params.text(new BigDecimal("1E+10")));
    assertEquals("1.10", Params.text(new BigDecimal("1.10")));
    assertEquals("42", Params.text(42L));
    assertEquals("GROUP", Params.text(new Object() {
      @Override
      public String toString() {
        return "GROUP";
      }
    }));
  }

  @Test
  void fillsThePathTemplateWithEncodedValues() throws Exception {
    transport.call(INFO, Params.create().path("id", "a/b c?#"), null);

    LocalServer.Recorded request = server.takeRequest();
    assertEquals("/api/v1/x/a%2Fb%20c%3F%23/info", request.path());
    assertNull(request.rawQuery());
    assertEquals(TOKEN, request.header("token"));
  }

  @Test
  void fillsEveryPlaceholder() throws Exception {
    transport.call(TWO, Params.create().path("id", 7).path("group", "g 1"), null);

    assertEquals("/api/v1/g%201/members/7", server.takeRequest().path());
  }

  @Test
  void buildsTheQueryInOrderSkippingNullsAndRepeatingCollections() throws Exception {
    transport.call(LIST, Params.create()
        .query("q", "a b+c&d=e")
        .query("skipped", null)
        .query("tag", List.of("x", "y/z"))
        .query("page", 2)
        .query("exact", new BigDecimal("1E+3"))
        .query("flag", true)
        .query("with nulls", Arrays.asList("1", null, "2"))
        .query("名", "值"), null);

    assertEquals("q=a%20b%2Bc%26d%3De&tag=x&tag=y%2Fz&page=2&exact=1000&flag=true&with%20nulls=1&with%20nulls=2"
        + "&%E5%90%8D=%E5%80%BC", server.takeRequest().rawQuery());
  }

  @Test
  void anEmptyCollectionAddsNothing() throws Exception {
    transport.call(LIST, Params.create().query("tag", List.of()), null);

    assertNull(server.takeRequest().rawQuery());
  }

  @Test
  void sendsDeclaredHeadersAndSkipsNullOnes() throws Exception {
    transport.call(LIST, Params.create().header("X-Device", "ios 17").header("X-None", null).header("X-Int", 3), null);

    LocalServer.Recorded request = server.takeRequest();
    assertEquals("ios 17", request.header("X-Device"));
    assertEquals("3", request.header("X-Int"));
    assertFalse(request.hasHeader("X-None"));
  }

  @Test
  void aNullPathValueIsANullPointerExceptionNamingTheParameter() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> Params.create().path("id", null));

    assertEquals("path parameter 'id' is null", e.getMessage());
  }

  @Test
  void aPlaceholderWithoutAValueFailsBeforeAnythingIsSent() {
    IllegalArgumentException withParams = assertThrows(IllegalArgumentException.class,
        () -> transport.call(TWO, Params.create().path("group", "g"), null));
    IllegalArgumentException withoutParams = assertThrows(IllegalArgumentException.class,
        () -> transport.call(INFO, null));
    IllegalArgumentException async = assertThrows(IllegalArgumentException.class,
        () -> transport.callAsync(INFO, Params.create(), null));

    assertEquals("GET /v1/{group}/members/{id} needs a value for the path parameter 'id'", withParams.getMessage());
    assertEquals("GET /v1/x/{id}/info needs a value for the path parameter 'id'", withoutParams.getMessage());
    assertEquals("GET /v1/x/{id}/info needs a value for the path parameter 'id'", async.getMessage());
    assertEquals(0, server.pendingRequests());
  }

  @Test
  void aPathValueForNoPlaceholderFailsBeforeAnythingIsSent() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> transport.call(INFO, Params.create().path("id", 1).path("idd", 2), null));
    IllegalArgumentException literal = assertThrows(IllegalArgumentException.class,
        () -> transport.call(LIST, Params.create().path("id", 1), null));

    assertEquals("GET /v1/x/{id}/info has no path parameter 'idd'", e.getMessage());
    assertEquals("GET /v1/list has no path parameter 'id'", literal.getMessage());
    assertEquals(0, server.pendingRequests());
  }

  @Test
  void theCredentialHeaderCannotBeDeclared() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> transport.call(LIST, Params.create().header("Token", "forged"), null));

    assertEquals("GET /v1/list declares the header 'Token', which carries the credential; the transport sets it",
        e.getMessage());
    assertEquals(0, server.pendingRequests());
  }

  @Test
  void aHeaderTheHttpClientRefusesIsNamedWithoutItsValue() {
    IllegalArgumentException lineBreak = assertThrows(IllegalArgumentException.class,
        () -> transport.call(LIST, Params.create().header("X-Note", "a\r\nX-Evil: 1"), null));
    IllegalArgumentException restricted = assertThrows(IllegalArgumentException.class,
        () -> transport.call(LIST, Params.create().header("Host", "elsewhere"), null));

    assertEquals("GET /v1/list cannot send the header 'X-Note': its name or value is not allowed (a line break,"
        + " or a header the HTTP client sets itself)", lineBreak.getMessage());
    assertTrue(restricted.getMessage().startsWith("GET /v1/list cannot send the header 'Host'"), restricted.getMessage());
    assertEquals(0, server.pendingRequests());
  }

  @Test
  void exceptionsNameTheTemplateNeverTheValue() throws Exception {
    server.respond(500, "text/plain", "down");

    ApiHttpException e = assertThrows(ApiHttpException.class,
        () -> transport.call(INFO, Params.create().path("id", "secret-id-991"), null));

    assertEquals("GET /v1/x/{id}/info", e.endpoint());
    assertFalse(e.getMessage().contains("secret-id-991"), e.getMessage());
    assertTrue(e.getMessage().startsWith("GET /v1/x/{id}/info failed with HTTP 500"), e.getMessage());
  }

  @Test
  void asyncCallsTakeParamsToo() throws Exception {
    transport.callAsync(INFO, Params.create().path("id", "ü").query("a", 1), null).join();

    LocalServer.Recorded request = server.takeRequest();
    assertEquals("/api/v1/x/%C3%BC/info", request.path());
    assertEquals("a=1", request.rawQuery());
  }

  @Test
  void asyncFailuresArriveInTheFuture() {
    server.respond(500, "text/plain", "down");

    CompletionException e = assertThrows(CompletionException.class,
        () -> transport.callAsync(INFO, Params.create().path("id", 1), null).join());

    assertTrue(e.getCause() instanceof ApiHttpException, String.valueOf(e.getCause()));
  }

  @Test
  void aRetriedCallSendsTheSameTargetAgainSyncAndAsync() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server.respondWith(exchange -> LocalServer.send(exchange, calls.getAndIncrement() % 2 == 0 ? 503 : 200,
        "application/json", "{\"code\":1,\"msg\":\"ok\"}"));
    ApiTransport retrying = ApiTransport.builder().baseUri(server.uri()).auth("token", TOKEN)
        .jsonEnvelope(new JsonEnvelope("code", "msg", "data", 1))
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(1)).build()).build();
    Params params = Params.create().path("id", "a b").query("q", "x");

    retrying.call(INFO, params, null);
    retrying.callAsync(INFO, params, null).join();

    assertEquals(4, calls.get());
    for (int i = 0; i < 4; i++) {
      LocalServer.Recorded request = server.takeRequest();
      assertEquals("/v1/x/a%20b/info", request.path());
      assertEquals("q=x", request.rawQuery());
      assertEquals(TOKEN, request.header("token"));
    }
  }

  @Test
  void paramsPrintNamesNotValues() {
    String text = Params.create().path("id", "v1").query("q", "v2").header("h", "v3").toString();

    assertEquals("Params{path=[id], query=[q], headers=[h]}", text);
  }
}
