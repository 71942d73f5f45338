package dev.apispec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DynamicMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The token is a secret: it goes out in its header and nowhere else. Not in {@code toString()}, and
 * not in any exception, its causes or its stack trace, even when the server echoes it back.
 */
class TokenSecrecyTest {
  static final String TOKEN = "tok_5f3c9a2e81d4b7";

  record Friend(String chatId, String nickname, int level) {}

  static final Endpoint<Friend> X = Endpoint.post("/v1/x", ResponseFormat.jsonData(Friend.class));
  static final Endpoint<DynamicMessage> P = Endpoint.post("/v1/p",
      ResponseFormat.protobuf(DynamicMessage.getDefaultInstance(ApiTransportProtobufTest.RESP).getParserForType()));

  private LocalServer server;
  private ApiTransport transport;

  @BeforeEach
  void startServer() throws Exception {
    server = LocalServer.start();
    transport = transport(server.uri(), Duration.ofSeconds(10));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static ApiTransport transport(URI baseUri, Duration requestTimeout) {
    return ApiTransport.builder()
        .baseUri(baseUri)
        .auth("token", TOKEN)
        .requestTimeout(requestTimeout)
        .jsonEnvelope(new JsonEnvelope("code", "msg", "data", 1))
        .protoStatus(new ProtoStatus("status", "code", "msg", 1))
        .build();
  }

  /** Every message, every toString and the printed stack trace of {@code e} and its causes. */
  static void assertNoToken(Throwable e, String secret) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    assertFalse(trace.toString().contains(secret), trace::toString);
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(secret), t::toString);
      assertFalse(t.toString().contains(secret), t::toString);
    }
  }

  private static void assertNoToken(Throwable e) {
    assertNoToken(e, TOKEN);
  }

  @Test
  void toStringHidesTheToken() {
    ApiTransport.Builder builder = ApiTransport.builder()
        .baseUri(URI.create("http://127.0.0.1:8080/api/"))
        .auth("token", TOKEN)
        .requestTimeout(Duration.ofMillis(200));

    assertEquals("ApiTransport.Builder{baseUri=http://127.0.0.1:8080/api/, token=***}", builder.toString());
    assertEquals("ApiTransport{baseUri=http://127.0.0.1:8080/api, token=***, requestTimeout=PT0.2S}",
        builder.build().toString());
    assertEquals("ApiTransport{baseUri=http://127.0.0.1:8080, Authorization=none, requestTimeout=null}",
        ApiTransport.builder().baseUri(URI.create("http://127.0.0.1:8080")).build().toString());
  }

  @Test
  void tokenEchoedInAnHttpErrorBodyIsMasked() {
    server.respond(401, "text/plain", "invalid token: " + TOKEN);

    ApiHttpException e = assertThrows(ApiHttpException.class, () -> transport.call(X, null));

    assertEquals("POST /v1/x failed with HTTP 401: invalid token: ***", e.getMessage());
    assertEquals("invalid token: ***", e.bodyExcerpt());
    assertNoToken(e);
  }

  @Test
  void tokenEchoedInAnErrorEnvelopeIsMasked() {
    server.respondJson("{\"code\":-1,\"msg\":\"token " + TOKEN + " 已过期\"}");

    ApiErrorException e = assertThrows(ApiErrorException.class, () -> transport.call(X, null));

    assertEquals(-1, e.code());
    assertEquals("token *** 已过期", e.getMessage());
    assertNoToken(e);
  }

  @Test
  void tokenEchoedInAProtobufStatusIsMasked() {
    server.respond(200, "application/x-protobuf", ApiTransportProtobufTest.resp(
        ApiTransportProtobufTest.status(0, -1, "bad token " + TOKEN), "").toByteArray());

    ApiErrorException e = assertThrows(ApiErrorException.class, () -> transport.call(P, null));

    assertEquals(-1, e.code());
    assertEquals("bad token ***", e.getMessage());
    assertNoToken(e);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      TOKEN,                                                                  // the body is the token: not JSON
      TOKEN + " is not a valid token",                                        // not JSON
      "<html><body>token=" + TOKEN + "</body></html>",                        // an HTML page
      "[\"" + TOKEN + "\"]",                                                  // not an object
      "{\"msg\":\"" + TOKEN + "\"}",                                          // no code
      "{\"code\":1,\"msg\":\"success\",\"data\":\"" + TOKEN + "\"}",          // data of the wrong shape
      "{\"code\":1,\"msg\":\"success\",\"data\":{\"level\":\"" + TOKEN + "\"}}",
      "{\"code\":1,\"msg\":\"success\",\"data\":{\"level\":" + TOKEN + "}}",  // broken JSON at the token
  })
  void tokenEchoedInAMalformedBodyIsMasked(String body) {
    server.respond(200, "application/json", body);

    ApiDecodeException e = assertThrows(ApiDecodeException.class, () -> transport.call(X, null));

    assertTrue(e.getMessage().startsWith("POST /v1/x (HTTP 200): "), e.getMessage());
    assertNoToken(e);
  }

  @Test
  void tokenEchoedInAMalformedBodyIsMaskedForCallAsyncToo() {
    server.respond(200, "application/json", "{\"code\":1,\"msg\":\"success\",\"data\":{\"level\":\"" + TOKEN + "\"}}");

    ExecutionException failure = assertThrows(ExecutionException.class,
        () -> transport.callAsync(X, null).get(10, TimeUnit.SECONDS));

    assertNoToken(assertInstanceOf(ApiDecodeException.class, failure.getCause()));
  }

  @Test
  void noPartOfTheTokenLeaksWhereTheExcerptIsCut() {
    // A whitespace-heavy page: the excerpt collapses whitespace, so the token lands within the first 200 characters.
    String page = " ".repeat(792) + TOKEN + " tail";
    server.respond(500, "text/html", page);

    ApiHttpException e = assertThrows(ApiHttpException.class, () -> transport.call(X, null));

    assertEquals("*** tail", e.bodyExcerpt());
    assertNoToken(e, TOKEN.substring(0, 6));
  }

  @Test
  void failuresWithoutAResponseDoNotMentionTheToken() throws Exception {
    server.neverAnswer();
    ApiTransport impatient = transport(server.uri(), Duration.ofMillis(200));
    assertNoToken(assertThrows(ApiTimeoutException.class, () -> impatient.call(X, null)));

    URI closed;
    try (ServerSocket socket = new ServerSocket(0, 1, LocalServer.LOOPBACK)) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
    assertNoToken(assertThrows(ApiConnectionException.class, () -> transport(closed, null).call(X, null)));
  }

  @Test
  void theTokenIsStillSentInItsHeader() throws Exception {
    server.respondJson("{\"code\":1,\"msg\":\"success\",\"data\":{\"chatId\":\"a\",\"nickname\":\"b\",\"level\":1}}");

    transport.call(X, null);

    LocalServer.Recorded request = server.takeRequest();
    assertEquals(TOKEN, request.header("token"));
    assertEquals(1, request.headers().get("token").size());
  }
}
