package dev.apispec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The values of secret JSON properties (a login's {@code token}) never reach an exception's text, its causes or
 * its stack trace, whatever the body around them looks like.
 */
class SecretFieldsTest {
  static final String SECRET = "s3cr3t";

  record Login(String token, int expires) {}

  record Strict(int token) {}

  static final Endpoint<Login> LOGIN = new Endpoint<>("POST", "/v1/user/login",
      ResponseFormat.jsonData(Login.class), false, false, null);
  static final Endpoint<Login> LOGIN_BODY = new Endpoint<>("POST", "/v1/user/login2",
      ResponseFormat.jsonBody(Login.class), false, false, null);

  private LocalServer server;
  private ApiTransport transport;

  @BeforeEach
  void start() throws Exception {
    server = LocalServer.start();
    transport = ApiTransport.builder().baseUri(server.uri()).auth("token", null)
        .jsonEnvelope(new JsonEnvelope("code", "msg", "data", 1))
        .secretFields(Set.of("token", "refreshToken"))
        .build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static void assertNoSecret(Throwable e, String secret) {
    TokenSecrecyTest.assertNoToken(e, secret);
  }

  @Test
  void aSecretInA500BodyIsMasked() {
    server.respond(500, "application/json", "{\"code\":1,\"data\":{\"token\":\"" + SECRET + "\",\"expires\":3600}}");

    ApiHttpException e = assertThrows(ApiHttpException.class, () -> transport.call(LOGIN, null));

    assertEquals("POST /v1/user/login failed with HTTP 500: {\"code\":1,\"data\":{\"token\":\"***\",\"expires\":3600}}",
        e.getMessage());
    assertEquals("{\"code\":1,\"data\":{\"token\":\"***\",\"expires\":3600}}", e.bodyExcerpt());
    assertNoSecret(e, SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // not JSON, cut off, the wrong shape: each decode error quotes or describes the body
      "{\"code\":1,\"data\":{\"token\":\"s3cr3t\",\"expires\":",
      "{\"code\":1,\"data\":{\"token\":\"s3cr3t",
      "{\"code\":1,\"data\":{\"token\" : \"s3cr3t\" \"expires\":1}}",
      "{\"code\":1,\"data\":{\"token\":\"s3cr3t\",\"expires\":\"s3cr3t\"}}",
      "{\"code\":1,\"data\":{\"token\":[\"s3cr3t\"],\"expires\":1}}",
      "{\"data\":{\"token\":\"s3cr3t\"},\"msg\":\"no code\"}",
      "[{\"token\":\"s3cr3t\"}]",
      "{\"code\":1,\"data\":{\"token\":\"s3\\u0063r3t\",\"expires\":\"x\"}}",
      "{\"code\":1,\"data\":{\"token\":\"s3cr3t\",\"expires\":1e99999999999999999999}}",
  })
  void aSecretInAMalformedBodyIsMasked(String body) {
    server.respondJson(body);

    ApiDecodeException e = assertThrows(ApiDecodeException.class, () -> transport.call(LOGIN, null));

    assertTrue(e.getMessage().startsWith("POST /v1/user/login (HTTP 200): "), e.getMessage());
    assertNoSecret(e, SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"token\":\"s3cr3t\",\"expires\":\"s3cr3t\"}",
      "{\"token\":\"s3cr3t\",\"expires\":",
      "{\"token\":\"s3cr3t\"} {\"token\":\"s3cr3t\"}",
  })
  void aSecretInABodyWithoutEnvelopeIsMasked(String body) {
    server.respondJson(body);

    ApiDecodeException e = assertThrows(ApiDecodeException.class, () -> transport.call(LOGIN_BODY, null));

    assertNoSecret(e, SECRET);
  }

  @Test
  void aNumericSecretIsMaskedToo() {
    server.respondJson("{\"code\":1,\"data\":{\"token\":98765432,\"expires\":\"98765432x\"}}");

    ApiDecodeException e = assertThrows(ApiDecodeException.class, () -> transport.call(LOGIN, null));

    assertNoSecret(e, "98765432");
  }

  @Test
  void aSecretInTheServersMessageIsMasked() {
    server.respondJson("{\"code\":5,\"msg\":\"refused {\\\"refreshToken\\\":\\\"r-77aa\\\"} for s3cr3t\","
        + "\"data\":{\"token\":\"s3cr3t\"}}");

    ApiErrorException e = assertThrows(ApiErrorException.class, () -> transport.call(LOGIN, null));

    assertEquals("refused {\"refreshToken\":\"***\"} for ***", e.getMessage());
    assertNoSecret(e, SECRET);
    assertNoSecret(e, "r-77aa");
  }

  @Test
  void aSuccessIsUntouched() {
    server.respondJson("{\"code\":1,\"data\":{\"token\":\"s3cr3t\",\"expires\":60}}");

    assertEquals(new Login(SECRET, 60), transport.call(LOGIN, null));
  }

  @Test
  void otherPropertiesAreNotMasked() {
    server.respond(500, "application/json", "{\"tokenType\":\"bearer\",\"name\":\"token\"}");

    ApiHttpException e = assertThrows(ApiHttpException.class, () -> transport.call(LOGIN, null));

    assertEquals("{\"tokenType\":\"bearer\",\"name\":\"token\"}", e.bodyExcerpt());
  }

  @Test
  void theCredentialIsStillMaskedBesideThem() {
    ApiTransport signedIn = transport.withCredential("tok_abc123");
    server.respond(500, "application/json", "{\"token\":\"s3cr3t\",\"echo\":\"tok_abc123\"}");

    ApiHttpException e = assertThrows(ApiHttpException.class,
        () -> signedIn.call(Endpoint.post("/v1/x", ResponseFormat.jsonNoData()), null));

    assertEquals("{\"token\":\"***\",\"echo\":\"***\"}", e.bodyExcerpt());
  }

  @Test
  void aLongSecretWithManyEscapesIsFoundWithoutExhaustingTheStack() {
    String value = "a\\\"".repeat(200_000) + "end";
    Secrets.Masker masker = new Secrets(null, Set.of("token")).in(
        ("{\"token\":\"" + value + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertEquals("{\"token\":\"***\"}", masker.mask("{\"token\":\"" + value + "\"}"));
  }

  @Test
  void theMaskerFindsValuesAsSpelledAndUnescaped() {
    Secrets.Masker masker = new Secrets(null, Set.of("token")).in(
        "{\"token\":\"a\\\"b\\u0063\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertEquals("x *** y", masker.mask("x a\"bc y"));
    assertEquals("x *** y", masker.mask("x a\\\"b\\u0063 y"));
    assertEquals("{\"token\": \"***\"}", masker.mask("{\"token\": \"other\"}"));
  }
}
