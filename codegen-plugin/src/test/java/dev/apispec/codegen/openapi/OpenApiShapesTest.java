package dev.apispec.codegen.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apispec.codegen.Codegen;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the OpenAPI export says credentials, hosts, parameters, envelopes, codes, text, bytes and field formats. */
class OpenApiShapesTest {
  private static JsonNode document;

  @BeforeAll
  static void export() throws Exception {
    Path spec = Path.of(OpenApiShapesTest.class.getResource("/specs/shapes.yaml").toURI());
    document = new ObjectMapper().readTree(Codegen.exportOpenApi(spec, spec.getParent(), null));
  }

  private static JsonNode operation(String path, String method) {
    JsonNode operation = document.path("paths").path(path).path(method);
    assertTrue(operation.isObject(), "no " + method + " " + path);
    return operation;
  }

  private static JsonNode schema(String name) {
    return document.path("components").path("schemas").path(name);
  }

  @Test
  void anEndpointWithoutAuthHasNoSecurityAndTheOthersHaveTheApiKey() {
    assertEquals("[]", operation("/v1/user/email-login", "post").path("security").toString());
    assertTrue(operation("/v1/misc/avatar", "get").path("security").isEmpty());
    assertTrue(operation("/v1/group/member-state", "post").path("security").isMissingNode());
    assertEquals("[{\"apiKey\":[]}]", document.path("security").toString());
  }

  @Test
  void parametersAreOpenApiParameters() {
    JsonNode parameters = operation("/v1/user/{userId}/profile", "get").path("parameters");
    assertEquals(5, parameters.size());
    assertEquals("{\"name\":\"userId\",\"in\":\"path\",\"required\":true,\"description\":\"The user to look up.\","
        + "\"schema\":{\"type\":\"string\"},\"example\":\"7356666\"}", parameters.get(0).toString());
    assertEquals("{\"name\":\"lang\",\"in\":\"query\",\"schema\":{\"type\":\"string\"}}", parameters.get(1).toString());
    assertEquals("{\"name\":\"page\",\"in\":\"query\",\"required\":true,\"schema\":{\"type\":\"integer\",\"format\":"
        + "\"int32\"}}", parameters.get(2).toString());
    assertEquals("{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Platform\"}}",
        parameters.get(3).path("schema").toString());
    assertEquals("header", parameters.get(4).path("in").asText());
    assertEquals("X-Trace-Id", parameters.get(4).path("name").asText());
  }

  @Test
  void anotherHostIsTheOperationsServerAndItsEnvelopeIsDescribedInline() {
    JsonNode info = operation("/v1/user/info", "get");
    assertEquals("https://web.example.com", info.path("servers").get(0).path("url").asText());
    JsonNode schema = info.path("responses").path("200").path("content").path("application/json").path("schema");
    assertEquals("[\"Code\"]", schema.path("required").toString());
    assertEquals("#/components/schemas/WebUser", schema.path("properties").path("Data").path("$ref").asText());
    assertTrue(schema.path("properties").path("Code").path("description").asText().contains("0 is success"));

    JsonNode ping = operation("/v1/user/ping", "post").path("responses").path("200").path("content")
        .path("application/json").path("schema");
    assertEquals("{\"$ref\":\"#/components/schemas/WebUser\"}", ping.toString());
  }

  @Test
  void aPayloadBesideTheCodeIsTheRecordsPropertiesAndTheCodeAndMessage() {
    JsonNode ok = operation("/v1/user/latest", "post").path("responses").path("200");
    assertTrue(ok.path("description").asText().contains("beside the code"), ok.toString());
    JsonNode allOf = ok.path("content").path("application/json").path("schema").path("allOf");
    assertEquals(2, allOf.size(), allOf.toString());
    assertEquals("#/components/schemas/WebUser", allOf.get(0).path("$ref").asText());
    assertEquals("[\"Code\"]", allOf.get(1).path("required").toString());
    assertEquals("[\"Code\",\"Message\"]", iterableNames(allOf.get(1).path("properties")));
    assertTrue(allOf.get(1).path("properties").path("Code").path("description").asText().contains("0 is success"));
  }

  @Test
  void answersCarriedByTheCodeMessagesTextAndBytes() {
    JsonNode removed = operation("/v1/group/member-is-removed", "post").path("responses").path("200");
    assertTrue(removed.path("description").asText().contains("1 means true, 2 means false"),
        removed.path("description").asText());
    JsonNode state = operation("/v1/group/member-state", "post").path("responses").path("200");
    assertTrue(state.path("description").asText().contains("2 means NEVER_REMOVED"), state.toString());
    JsonNode nickname = operation("/v1/group/edit-my-group-nickname", "post").path("responses").path("200")
        .path("content").path("application/json").path("schema");
    assertEquals("[\"msg\"]", iterableNames(nickname.path("properties")));
    assertEquals("{\"type\":\"string\"}", operation("/v1/misc/auto-update", "get").path("responses").path("200")
        .path("content").path("application/xml").path("schema").toString());
    assertEquals("image/png", operation("/v1/misc/avatar", "get").path("responses").path("200").path("content")
        .path("image/png").path("schema").path("contentMediaType").asText());
    assertTrue(operation("/v1/misc/echo", "post").path("requestBody").path("content").has("text/plain"));
  }

  @Test
  void fieldFormatsAndSecrets() {
    JsonNode report = schema("FormReport").path("properties");
    assertEquals("Whatever the form holds.", report.path("formContext").path("description").asText());
    assertFalse(report.path("formContext").has("type"));
    assertEquals("{\"type\":\"string\",\"contentMediaType\":\"application/json\",\"contentSchema\":{\"$ref\":"
        + "\"#/components/schemas/FormSettings\"}}", report.path("settings").toString());
    assertEquals("string", report.path("score").path("type").asText());
    assertEquals("double", report.path("score").path("x-number-format").asText());
    JsonNode session = schema("Session").path("properties");
    assertTrue(session.path("token").path("x-secret").asBoolean());
    assertEquals("^-?[0-9]+$", session.path("userId").path("pattern").asText());
    assertEquals("[\"7356666\"]", session.path("userId").path("examples").toString());
  }

  private static String iterableNames(JsonNode object) {
    StringBuilder names = new StringBuilder("[");
    object.fieldNames().forEachRemaining(n -> names.append(names.length() > 1 ? "," : "").append('"').append(n)
        .append('"'));
    return names.append(']').toString();
  }
}
