package dev.apispec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ResponseFormat#jsonBeside(Class, JsonEnvelope)}: the code and message beside the payload's fields. */
class BesideFormatTest {
  static final JsonEnvelope PASCAL = JsonEnvelope.of("Code", "Message", null, 0);

  /** A payload that does not declare the code and message: they land in its unknown fields. */
  record Latest(@JsonProperty("Version") String version, @JsonProperty("Url") String url,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {}

  static final Endpoint<Latest> LATEST = Endpoint.post("/v1/latest", ResponseFormat.jsonBeside(Latest.class, PASCAL));

  private LocalServer server;
  private ApiTransport transport;

  @BeforeEach
  void start() throws Exception {
    server = LocalServer.start();
    // the transport's envelope is another one: the endpoint's own is read
    transport = ApiTransport.builder().baseUri(server.uri()).auth("token", "tok_1")
        .jsonEnvelope(new JsonEnvelope("code", "msg", "data", 1)).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aSuccessIsTheWholeBodyAndARoundTripKeepsTheCode() throws Exception {
    String body = "{\"Code\":0,\"Message\":\"ok\",\"Version\":\"1.2.3\",\"Url\":\"https://x.test/a\"}";
    server.respondJson(body);

    Latest latest = transport.call(LATEST, null);

    assertEquals("1.2.3", latest.version());
    assertEquals("https://x.test/a", latest.url());
    assertEquals(Map.of("Code", 0, "Message", "ok"), latest.unknownFields());
    ObjectMapper mapper = new ObjectMapper();
    assertEquals(mapper.readTree(body), mapper.readTree(mapper.writeValueAsString(latest)));
  }

  @Test
  void aFailureCodeGoesThroughTheErrorFactoryNamingTheEndpoint() {
    server.respondJson("{\"Code\":1001,\"Message\":\"no such app\"}");

    ApiErrorException e = assertThrows(ApiErrorException.class, () -> transport.call(LATEST, null));

    assertEquals(1001, e.code());
    assertEquals("no such app", e.getMessage());
    assertEquals("POST /v1/latest", e.endpoint());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"Message\":\"ok\",\"Version\":\"1\"}", "{\"Code\":\"0\",\"Version\":\"1\"}"})
  void aMissingCodeIsADecodeError(String body) {
    server.respondJson(body);

    ApiDecodeException e = assertThrows(ApiDecodeException.class, () -> transport.call(LATEST, null));

    assertTrue(e.getMessage().startsWith("POST /v1/latest (HTTP 200): the response has no integer 'Code'"),
        e.getMessage());
  }

  @Test
  void aBodyOfTheWrongShapeIsADecodeError() {
    server.respondJson("{\"Code\":0,\"Version\":{\"a\":1}}");

    ApiDecodeException e = assertThrows(ApiDecodeException.class, () -> transport.call(LATEST, null));

    assertTrue(e.getMessage().contains("the response is not a valid Latest"), e.getMessage());
  }

  @Test
  void theEnvelopeNeedsACode() {
    assertThrows(IllegalArgumentException.class,
        () -> ResponseFormat.jsonBeside(Latest.class, JsonEnvelope.messageOnly("msg")));
  }
}
