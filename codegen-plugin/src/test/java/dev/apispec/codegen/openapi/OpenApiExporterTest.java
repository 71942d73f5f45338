package dev.apispec.codegen.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apispec.codegen.DemoSpec;
import dev.apispec.codegen.diagnostics.Problems;
import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.spec.SpecReader;
import dev.apispec.codegen.validate.SpecValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of the OpenAPI document that say what the spec says of the API as a whole, and open enums. */
class OpenApiExporterTest {
  private static final String ENUMS = """
      types:
        ChatType:
          enum: int
          values:
            USER: {value: 1, doc: A user.}
            GROUP: {value: 2}
        Colour:
          enum: string
          values: {RED: {value: red}}
      """;

  private static JsonNode export(String yaml, String fallbackVersion) throws Exception {
    Problems problems = new Problems();
    Spec spec = SpecReader.readText("spec.yaml", yaml, problems);
    SpecValidator.validate(spec, null, problems);
    problems.throwIfAny();
    return new ObjectMapper().readTree(OpenApiExporter.export(spec, fallbackVersion));
  }

  @Test
  void theSameMethodAndPathOnTwoHostsAreTwoOperations() throws Exception {
    String spec = """
        api:
          name: Demo
          package: dev.demo
          baseUrl: https://api.example.com
          hosts: {web: https://web.example.com}
          json: {envelope: {code: code, message: msg, data: data, success: 1}}
        groups:
          web-user:
            prefix: /v1/user/
            host: web
            endpoints:
              - {path: /v1/user/info, method: GET, doc: On the web host.}
              - {path: /v1/user/only-web, method: GET}
          user:
            prefix: /v1/user/
            endpoints:
              - {path: /v1/user/info, method: GET, doc: On the default host.}
              - {path: /v1/user/info, name: setInfo, doc: The same path with another method.}
        """;
    JsonNode paths = export(spec, null).path("paths");
    assertEquals("On the default host.", paths.at("/~1v1~1user~1info/get/description").asText());
    assertEquals("The same path with another method.", paths.at("/~1v1~1user~1info/post/description").asText());
    assertEquals("On the web host.", paths.at("/~1v1~1user~1info#web/get/description").asText());
    assertEquals("https://web.example.com", paths.at("/~1v1~1user~1info#web/get/servers/0/url").asText());
    // no fragment where nothing else has the method and path
    org.junit.jupiter.api.Assertions.assertTrue(paths.has("/v1/user/only-web"), paths.toString());
    assertEquals(3, paths.size(), paths.toString());
  }

  @Test
  void theVersionIsTheSpecsThenTheFallbackThenSaysItIsUnspecified() throws Exception {
    String versioned = DemoSpec.API.replace("  name: Demo\n", "  name: Demo\n  version: \"2.10\"\n");
    assertEquals("2.10", export(versioned, "0.1.0-SNAPSHOT").at("/info/version").asText());
    assertEquals("0.1.0-SNAPSHOT", export(DemoSpec.API, "0.1.0-SNAPSHOT").at("/info/version").asText());
    assertEquals("unspecified", export(DemoSpec.API, null).at("/info/version").asText());
  }

  @Test
  void aLicenseIsExportedOnlyWhenTheSpecGivesOne() throws Exception {
    assertFalse(export(DemoSpec.API, null).at("/info").has("license"));
    String licensed = DemoSpec.API + """
          license:
            name: Apache-2.0
            url: https://www.apache.org/licenses/LICENSE-2.0
        """;
    assertEquals(new ObjectMapper().readTree(
            "{\"name\": \"Apache-2.0\", \"url\": \"https://www.apache.org/licenses/LICENSE-2.0\"}"),
        export(licensed, null).at("/info/license"));
    String nameOnly = DemoSpec.API + "  license: {name: Proprietary}\n";
    assertEquals("{\"name\":\"Proprietary\"}", export(nameOnly, null).at("/info/license").toString());
  }

  @Test
  void enumsAreAnyOfTheirValuesAndAnyValueOfTheirWireType() throws Exception {
    JsonNode schemas = export(DemoSpec.API + ENUMS, null).at("/components/schemas");

    JsonNode chatType = schemas.get("ChatType");
    assertFalse(chatType.has("enum"), "a bare enum reads as closed");
    assertEquals(2, chatType.get("anyOf").size());
    JsonNode known = chatType.at("/anyOf/0");
    assertEquals("[1,2]", known.get("enum").toString());
    assertEquals("[\"USER\",\"GROUP\"]", known.get("x-enum-varnames").toString());
    assertEquals("[\"A user.\",\"\"]", known.get("x-enum-descriptions").toString());
    assertEquals("integer", known.get("type").asText());
    // the open branch: any int32, with no enum of its own
    assertEquals("{\"type\":\"integer\",\"format\":\"int32\"}", chatType.at("/anyOf/1").toString());
    assertEquals(List.of("Values (the list is open: others may appear):", "- 1 USER: A user.", "- 2 GROUP"),
        List.of(chatType.get("description").asText().split("\n")));

    assertEquals("{\"type\":\"string\"}", schemas.at("/Colour/anyOf/1").toString());
    assertEquals("[\"red\"]", schemas.at("/Colour/anyOf/0/enum").toString());
  }
}
