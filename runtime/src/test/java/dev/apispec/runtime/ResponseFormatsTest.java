package dev.apispec.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The response formats beside the transport's own envelope, and raw request bodies. */
class ResponseFormatsTest {
  static final JsonEnvelope PASCAL = new JsonEnvelope("Code", "Message", "Data", 0);

  record User(String name, int level) {}

  /** An answer carried by the code. */
  enum Relation { FRIEND, STRANGER }

  private LocalServer server;
  private ApiTransport transport;

  @BeforeEach
  void start() throws Exception {
    server = LocalServer.start();
    transport = ApiTransport.builder().baseUri(server.uri()).auth("token", "tok_1")
        .jsonEnvelope(new JsonEnvelope("code", "msg", "data", 1)).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static <T> Endpoint<T> post(ResponseFormat<T> format) {
    return Endpoint.post("/v1/x", format);
  }

  @Test
  void anEndpointMayHaveItsOwnEnvelope() throws Exception {
    server.respondJson("{\"Code\":0,\"Message\":\"\",\"Data\":{\"name\":\"a\",\"level\":2}}");

    assertEquals(new User("a", 2), transport.call(post(ResponseFormat.jsonData(User.class, PASCAL)), null));
    server.respondJson("{\"Code\":0,\"Message\":\"\"}");
    assertNull(transport.call(post(ResponseFormat.jsonNoData(PASCAL)), null));
  }

  @Test
  void itsFailureCodeGoesThroughTheErrorFactory() {
    server.respondJson("{\"Code\":1,\"Message\":\"no such user\",\"Data\":null}");

    ApiErrorException e = assertThrows(ApiErrorException.class,
        () -> transport.call(post(ResponseFormat.jsonData(User.class, PASCAL)), null));

    assertEquals(1, e.code());
    assertEquals("no such user", e.getMessage());
    assertEquals(200, e.httpStatus());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"code\":0,\"Message\":\"\"}", "{\"Code\":\"0\"}", "{\"Code\":0.5,\"Data\":{}}"})
  void itsDecodeErrorsNameItsFields(String body) {
    server.respondJson(body);

    ApiDecodeException e = assertThrows(ApiDecodeException.class,
        () -> transport.call(post(ResponseFormat.jsonData(User.class, PASCAL)), null));

    assertTrue(e.getMessage().startsWith("POST /v1/x (HTTP 200): the response has no integer 'Code'"), e.getMessage());
  }

  @Test
  void aMessageOnlyEnvelopeSucceedsOnAny2xx() throws Exception {
    for (String body : List.of("{\"msg\":\"success\"}", "{\"msg\":\"whatever it says\"}", "")) {
      server.respond(200, "application/json", body);
      assertNull(transport.call(post(ResponseFormat.jsonNoData(JsonEnvelope.messageOnly("msg"))), null), body);
    }
    server.respond(500, "application/json", "{\"msg\":\"down\"}");
    ApiHttpException e = assertThrows(ApiHttpException.class,
        () -> transport.call(post(ResponseFormat.jsonNoData(JsonEnvelope.messageOnly("msg"))), null));
    assertEquals("POST /v1/x failed with HTTP 500: {\"msg\":\"down\"}", e.getMessage());
  }

  @Test
  void anEnvelopeWithoutACodeStillReadsItsData() throws Exception {
    server.respondJson("{\"msg\":\"x\",\"data\":{\"name\":\"b\",\"level\":1}}");

    User user = transport.call(post(ResponseFormat.jsonData(User.class, JsonEnvelope.of(null, "msg", "data", 0))), null);

    assertEquals(new User("b", 1), user);
  }

  @Test
  void aMessageOnlyEnvelopeHasNoDataOrCodeToRead() {
    JsonEnvelope messageOnly = JsonEnvelope.messageOnly("msg");

    IllegalArgumentException data = assertThrows(IllegalArgumentException.class,
        () -> ResponseFormat.jsonData(User.class, messageOnly));
    IllegalArgumentException codes = assertThrows(IllegalArgumentException.class,
        () -> ResponseFormat.codes(messageOnly, Map.of(1, true)));

    assertEquals("jsonData(User) needs an envelope with a data field; JsonEnvelope[codeField=null, messageField=msg,"
        + " dataField=null, successCode=0] has none (use jsonNoData)", data.getMessage());
    assertTrue(codes.getMessage().startsWith("codes(…) needs an envelope with a code field"), codes.getMessage());
    assertThrows(NullPointerException.class, () -> new JsonEnvelope(null, "msg", "data", 1));
    assertThrows(NullPointerException.class, () -> new JsonEnvelope("code", "msg", null, 1));
    assertEquals(new JsonEnvelope("code", "msg", "data", 1), JsonEnvelope.of("code", "msg", "data", 1));
  }

  @ParameterizedTest(name = "code {0} -> {1}")
  @CsvSource({"1, true", "2, false"})
  void theCodeCanBeTheAnswer(int code, boolean answer) {
    server.respondJson("{\"code\":" + code + ",\"msg\":\"x\"}");

    Boolean result = transport.call(post(ResponseFormat.codes(null, Map.of(1, Boolean.TRUE, 2, Boolean.FALSE))), null);

    assertEquals(answer, result);
  }

  @Test
  void theCodeCanBeAnEnumConstantInAnEnvelopeOfItsOwn() {
    ResponseFormat<Relation> format = ResponseFormat.codes(PASCAL, Map.of(0, Relation.FRIEND, 7, Relation.STRANGER));
    server.respondJson("{\"Data\":{\"ignored\":true},\"Code\":7,\"Message\":\"not a friend\"}");

    assertEquals(Relation.STRANGER, transport.call(post(format), null));
    server.respondJson("{\"Code\":0}");
    assertEquals(Relation.FRIEND, transport.call(post(format), null));
  }

  @Test
  void anyOtherCodeFailsAsARefusal() {
    ResponseFormat<Boolean> format = ResponseFormat.codes(null, Map.of(2, Boolean.TRUE, 3, Boolean.FALSE));

    server.respondJson("{\"code\":1001,\"msg\":\"banned\"}");
    ApiErrorException refused = assertThrows(ApiErrorException.class, () -> transport.call(post(format), null));
    // the success code is not an answer here: it fails the same way, with the server's message
    server.respondJson("{\"code\":1,\"msg\":\"success\"}");
    ApiErrorException success = assertThrows(ApiErrorException.class, () -> transport.call(post(format), null));
    server.respondJson("{\"msg\":\"no code\"}");
    ApiDecodeException noCode = assertThrows(ApiDecodeException.class, () -> transport.call(post(format), null));

    assertEquals(1001, refused.code());
    assertEquals("banned", refused.getMessage());
    assertEquals(1, success.code());
    assertEquals("success", success.getMessage());
    assertEquals("POST /v1/x (HTTP 200): the response has no integer 'code': {\"msg\":\"no code\"}", noCode.getMessage());
  }

  @Test
  void codesInAnIrregularBodyAreReadFromTheTree() {
    // a code given twice is left to the tree, which keeps the last
    server.respondJson("{\"code\":5,\"code\":2,\"msg\":\"x\"}");

    assertEquals(Boolean.FALSE,
        transport.call(post(ResponseFormat.codes(null, Map.of(1, Boolean.TRUE, 2, Boolean.FALSE))), null));
  }

  @Test
  void aBodyWithoutEnvelopeIsTheValue() throws Exception {
    server.respondJson("{\"name\":\"c\",\"level\":9}");

    assertEquals(new User("c", 9), transport.call(post(ResponseFormat.jsonBody(User.class)), null));
    assertEquals("application/json", server.takeRequest().header("Accept"));
    server.respond(201, "application/json", "[1,2]");
    assertEquals(List.of(1, 2), transport.call(post(ResponseFormat.jsonBody(List.class)), null));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"name\":\"c\",\"level\":\"x\"} | the response is not a valid User: ",
      "{\"name\":                       | the response is not JSON: ",
      "''                               | the response is empty, not a User",
      "{\"name\":\"c\",\"level\":1} []  | the response is not a valid User: ",
      "null                             | the response is null, not a User",
  })
  void aBodyThatIsNotTheTypeIsADecodeError(String body, String problem) {
    server.respondJson(body);

    ApiDecodeException e = assertThrows(ApiDecodeException.class,
        () -> transport.call(post(ResponseFormat.jsonBody(User.class)), null));

    assertTrue(e.getMessage().startsWith("POST /v1/x (HTTP 200): " + problem), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "text/plain; charset=UTF-8      | UTF-8",
      "text/plain;charset=\"GBK\"     | GBK",
      "text/csv; CHARSET=ISO-8859-1   | ISO-8859-1",
      "text/plain                     | UTF-8",
  })
  void textIsDecodedWithTheCharsetOfTheResponse(String contentType, String charset) throws Exception {
    String text = "名字,é\n1,2";
    server.respond(200, contentType, text.getBytes(charset.equals("ISO-8859-1") ? "UTF-8" : charset));

    String result = transport.call(post(ResponseFormat.text("text/csv")), null);

    assertEquals(charset.equals("ISO-8859-1") ? new String(text.getBytes(StandardCharsets.UTF_8),
        StandardCharsets.ISO_8859_1) : text, result);
    assertEquals("text/csv", server.takeRequest().header("Accept"));
  }

  @Test
  void anUnknownCharsetIsADecodeError() {
    server.respond(200, "text/plain; charset=no-such-set", "x");

    ApiDecodeException e = assertThrows(ApiDecodeException.class,
        () -> transport.call(post(ResponseFormat.text("text/plain")), null));

    assertEquals("POST /v1/x (HTTP 200): the response's charset is not supported: no-such-set", e.getMessage());
  }

  @Test
  void bytesComeAsTheyAre() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
    server.respond(200, "image/png", png);

    assertArrayEquals(png, transport.call(post(ResponseFormat.bytes("image/*")), null));
    assertEquals("image/*", server.takeRequest().header("Accept"));
  }

  @Test
  void aNon2xxStatusOfTextOrBytesIsAnHttpError() {
    server.respond(404, "text/plain", "not here");

    ApiHttpException text = assertThrows(ApiHttpException.class,
        () -> transport.call(post(ResponseFormat.text("text/plain")), null));
    ApiHttpException bytes = assertThrows(ApiHttpException.class,
        () -> transport.call(post(ResponseFormat.bytes("application/octet-stream")), null));

    assertEquals("POST /v1/x failed with HTTP 404: not here", text.getMessage());
    assertEquals(404, bytes.httpStatus());
  }

  @Test
  void aRawBodyIsSentAsItIs() throws Exception {
    server.respondJson("{\"code\":1}");
    byte[] bytes = {1, 2, 3, (byte) 0xfe};

    transport.call(post(ResponseFormat.jsonNoData()), RawBody.text("a=1&b=名", "application/x-www-form-urlencoded"));
    transport.call(post(ResponseFormat.jsonNoData()), RawBody.bytes(bytes, "application/octet-stream"));

    LocalServer.Recorded form = server.takeRequest();
    assertEquals("application/x-www-form-urlencoded", form.header("Content-Type"));
    assertEquals("a=1&b=名", form.bodyText());
    LocalServer.Recorded binary = server.takeRequest();
    assertEquals("application/octet-stream", binary.header("Content-Type"));
    assertArrayEquals(bytes, binary.body());
  }

  @Test
  void rawBodiesAreValues() {
    assertEquals(RawBody.text("x", "text/plain"), RawBody.bytes(new byte[] {'x'}, "text/plain"));
    assertEquals("RawBody{contentType=text/plain, 1 bytes}", RawBody.text("x", "text/plain").toString());
  }

  @Test
  void theTransportsEnvelopeMustExistForTheFormatsThatUseIt() {
    ApiTransport bare = ApiTransport.builder().baseUri(server.uri()).build();

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> bare.call(post(ResponseFormat.codes(null, Map.of(1, true))), null));

    assertEquals("no JSON envelope is configured for POST /v1/x", e.getMessage());
    assertEquals(0, server.pendingRequests());
  }
}
