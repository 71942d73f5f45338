package dev.apispec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JacksonException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How a JSON call fails: the server says no, the HTTP status is not 2xx, or the body is not what the spec says. */
class ApiTransportErrorTest {
  record Friend(String chatId, String nickname, int level) {}

  /** What a generated client's error factory makes: one exception type per API. */
  static final class ExampleApiException extends ApiErrorException {
    private static final long serialVersionUID = 1L;

    ExampleApiException(String endpoint, int httpStatus, int code, String message) {
      super(endpoint, httpStatus, code, message);
    }
  }

  static final Endpoint<Friend> X = Endpoint.post("/v1/x", ResponseFormat.jsonData(Friend.class));
  static final Endpoint<Void> X_NO_DATA = Endpoint.post("/v1/x", ResponseFormat.jsonNoData());

  private LocalServer server;
  private ApiTransport transport;

  @BeforeEach
  void startServer() throws Exception {
    server = LocalServer.start();
    transport = ApiTransport.builder()
        .baseUri(server.uri())
        .auth("token", "tok_5f3c9a2e81d4b7")
        .jsonEnvelope(new JsonEnvelope("code", "msg", "data", 1))
        .build();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  // ---- the server says the call failed: ApiErrorException ----

  @Test
  void errorEnvelopeBecomesApiErrorException() {
    server.respondJson("{\"code\":-9,\"msg\":\"您已添加过对方\"}");

    ApiErrorException e = assertThrows(ApiErrorException.class, () -> transport.call(X, null));

    assertSame(ApiErrorException.class, e.getClass());
    assertEquals(-9, e.code());
    assertEquals("您已添加过对方", e.getMessage());
    assertEquals("POST /v1/x", e.endpoint());
    assertEquals(200, e.httpStatus());
    assertNull(e.getCause());
    assertEquals("dev.apispec.runtime.ApiErrorException: POST /v1/x failed with code -9: 您已添加过对方", e.toString());
  }

  @Test
  void errorEnvelopeOfANoDataEndpointAlsoThrows() {
    server.respondJson("{\"code\":-9,\"msg\":\"您已添加过对方\",\"data\":null}");

    ApiErrorException e = assertThrows(ApiErrorException.class, () -> transport.call(X_NO_DATA, null));

    assertEquals(-9, e.code());
    assertEquals("您已添加过对方", e.getMessage());
    assertEquals("POST /v1/x", e.endpoint());
  }

  @Test
  void errorEnvelopeWithDataStillThrows() {
    server.respondJson("{\"code\":1002,\"msg\":\"limited\",\"data\":{\"chatId\":\"u1\",\"nickname\":\"n\",\"level\":1}}");

    ApiErrorException e = assertThrows(ApiErrorException.class, () -> transport.call(X, null));

    assertEquals(1002, e.code());
    assertEquals("limited", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"code\":0}", "{\"code\":0,\"msg\":null}"})
  void errorEnvelopeWithoutMessageHasEmptyMessage(String body) {
    server.respondJson(body);

    ApiErrorException e = assertThrows(ApiErrorException.class, () -> transport.call(X, null));

    assertEquals(0, e.code());
    assertEquals("", e.getMessage());
  }

  @Test
  void errorFactoryMakesTheApiSpecificException() {
    server.respondJson("{\"code\":-9,\"msg\":\"您已添加过对方\"}");
    ApiTransport withFactory = ApiTransport.builder()
        .baseUri(server.uri())
        .jsonEnvelope(new JsonEnvelope("code", "msg", "data", 1))
        .errorFactory(ExampleApiException::new)
        .build();

    ExampleApiException e = assertThrows(ExampleApiException.class, () -> withFactory.call(X, null));

    assertEquals(-9, e.code());
    assertEquals("您已添加过对方", e.getMessage());
    assertEquals("POST /v1/x", e.endpoint());
    assertEquals(200, e.httpStatus());
  }

  @Test
  void callAsyncFailsWithTheApiErrorExceptionAsCause() {
    server.respondJson("{\"code\":-9,\"msg\":\"您已添加过对方\"}");

    ExecutionException failure = assertThrows(ExecutionException.class,
        () -> transport.callAsync(X, null).get(10, TimeUnit.SECONDS));

    ApiErrorException e = assertInstanceOf(ApiErrorException.class, failure.getCause());
    assertEquals(-9, e.code());
    assertEquals("您已添加过对方", e.getMessage());
  }

  // ---- HTTP status outside 2xx: ApiHttpException ----

  @Test
  void serverErrorBecomesApiHttpException() {
    server.respond(500, "text/plain", "Internal Server Error");

    ApiHttpException e = assertThrows(ApiHttpException.class, () -> transport.call(X, null));

    assertEquals("POST /v1/x failed with HTTP 500: Internal Server Error", e.getMessage());
    assertEquals("POST /v1/x", e.endpoint());
    assertEquals(500, e.httpStatus());
    assertEquals("Internal Server Error", e.bodyExcerpt());
  }

  @Test
  void notFoundWithoutBody() {
    server.respond(404, null, new byte[0]);

    ApiHttpException e = assertThrows(ApiHttpException.class, () -> transport.call(X_NO_DATA, null));

    assertEquals("POST /v1/x failed with HTTP 404", e.getMessage());
    assertEquals(404, e.httpStatus());
    assertEquals("", e.bodyExcerpt());
  }

  @Test
  void theHttpStatusWinsOverAnErrorEnvelope() {
    server.respond(401, "application/json", "{\"code\":-1,\"msg\":\"请先登录\"}");

    ApiHttpException e = assertThrows(ApiHttpException.class, () -> transport.call(X, null));

    assertEquals("POST /v1/x failed with HTTP 401: {\"code\":-1,\"msg\":\"请先登录\"}", e.getMessage());
    assertEquals(401, e.httpStatus());
  }

  @Test
  void redirectsAreNotFollowed() throws Exception {
    server.respondWith(exchange -> {
      exchange.getResponseHeaders().set("Location", "/elsewhere");
      LocalServer.send(exchange, 302, null, new byte[0]);
    });

    ApiHttpException e = assertThrows(ApiHttpException.class, () -> transport.call(X, null));

    assertEquals("POST /v1/x failed with HTTP 302", e.getMessage());
    assertEquals(302, e.httpStatus());
    assertEquals("/v1/x", server.takeRequest().path());
    assertEquals(0, server.pendingRequests());
  }

  @Test
  void bodyExcerptIsOneLineAndAtMost200Characters() {
    String page = "<html>\n  <body>\n\t" + "x".repeat(500) + "\n</body></html>";
    server.respond(503, "text/html", page);

    ApiHttpException e = assertThrows(ApiHttpException.class, () -> transport.call(X, null));

    String expected = ("<html> <body> " + "x".repeat(500)).substring(0, 200) + "…";
    assertEquals(expected, e.bodyExcerpt());
    assertEquals("POST /v1/x failed with HTTP 503: " + expected, e.getMessage());
  }

  // ---- a 2xx body that is not what the spec says: ApiDecodeException ----

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      not JSON                 | not json at all                                     | POST /v1/x (HTTP 200): the response is not JSON:
      HTML page                | <!DOCTYPE html><html><body>Login</body></html>      | POST /v1/x (HTTP 200): the response is not JSON:
      truncated JSON           | {"code":1,"msg":"succ                               | POST /v1/x (HTTP 200): the response is not JSON:
      JSON array               | [1,2,3]                                             | POST /v1/x (HTTP 200): the response is not a JSON object: [1,2,3]
      JSON string              | "success"                                           | POST /v1/x (HTTP 200): the response is not a JSON object: "success"
      missing code             | {"msg":"success","data":{}}                         | POST /v1/x (HTTP 200): the response has no integer 'code': {"msg":"success","data":{}}
      code as string           | {"code":"1","msg":"success"}                        | POST /v1/x (HTTP 200): the response has no integer 'code': {"code":"1","msg":"success"}
      code as decimal          | {"code":1.5,"msg":"success"}                        | POST /v1/x (HTTP 200): the response has no integer 'code': {"code":1.5,"msg":"success"}
      code too large           | {"code":9999999999,"msg":"success"}                 | POST /v1/x (HTTP 200): the response has no integer 'code': {"code":9999999999,"msg":"success"}
      missing data             | {"code":1,"msg":"success"}                          | POST /v1/x (HTTP 200): the response has no 'data'
      null data                | {"code":1,"msg":"success","data":null}              | POST /v1/x (HTTP 200): the response has no 'data'
      data is an array         | {"code":1,"msg":"success","data":[1,2]}             | POST /v1/x (HTTP 200): 'data' is not a valid Friend:
      data is a string         | {"code":1,"msg":"success","data":"u1"}              | POST /v1/x (HTTP 200): 'data' is not a valid Friend:
      data field of wrong type | {"code":1,"msg":"success","data":{"level":"high"}}  | POST /v1/x (HTTP 200): 'data' is not a valid Friend:
      """)
  void malformedBodyBecomesApiDecodeException(String what, String body, String expectedMessageStart) {
    server.respond(200, "text/html", body);

    ApiDecodeException e = assertThrows(ApiDecodeException.class, () -> transport.call(X, null));

    assertTrue(e.getMessage().startsWith(expectedMessageStart),
        () -> "expected to start with <" + expectedMessageStart + "> but was <" + e.getMessage() + ">");
    assertEquals("POST /v1/x", e.endpoint());
    assertEquals(200, e.httpStatus());
  }

  @Test
  void emptyBodyBecomesApiDecodeException() {
    server.respond(200, "application/json", new byte[0]);

    ApiDecodeException e = assertThrows(ApiDecodeException.class, () -> transport.call(X_NO_DATA, null));

    assertTrue(e.getMessage().startsWith("POST /v1/x (HTTP 200): the response is not"), e.getMessage());
    assertEquals(200, e.httpStatus());
  }

  @Test
  void decodeExceptionNamesTheActualSuccessStatus() {
    server.respond(201, "application/json", "[]");

    ApiDecodeException e = assertThrows(ApiDecodeException.class, () -> transport.call(X_NO_DATA, null));

    assertEquals("POST /v1/x (HTTP 201): the response is not a JSON object: []", e.getMessage());
    assertEquals(201, e.httpStatus());
  }

  @Test
  void wrongShapeKeepsJacksonOnlyAsTheCause() {
    server.respondJson("{\"code\":1,\"msg\":\"success\",\"data\":{\"chatId\":\"u1\",\"nickname\":\"n\",\"level\":\"high\"}}");

    ApiDecodeException e = assertThrows(ApiDecodeException.class, () -> transport.call(X, null));

    assertTrue(e.getMessage().startsWith("POST /v1/x (HTTP 200): 'data' is not a valid Friend: "), e.getMessage());
    assertTrue(e.getMessage().contains("high"), e.getMessage());
    assertInstanceOf(JacksonException.class, e.getCause()); // kept for diagnosis: it holds no secret here
  }

  @Test
  void callAsyncFailsWithTheApiDecodeExceptionAsCause() {
    server.respond(200, "text/html", "<html></html>");

    CompletionException failure = assertThrows(CompletionException.class,
        () -> transport.callAsync(X, null).join());

    ApiDecodeException e = assertInstanceOf(ApiDecodeException.class, failure.getCause());
    assertTrue(e.getMessage().startsWith("POST /v1/x (HTTP 200): the response is not JSON: "), e.getMessage());
  }
}
