package dev.apispec.bench.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The OpenAPI document OpenAPI Generator gets: our export without {@code "additionalProperties": true}.
 *
 * <p>OpenAPI Generator's Java generator turns such a schema into a model that {@code extends HashMap},
 * which Jackson reads as a plain map, so the typed fields stay empty and the client decodes nothing.
 * Without the keyword the schema means the same (JSON Schema allows other properties by default) and
 * the generator writes ordinary classes. The build does the same for the Yunhu client
 * ({@code src/build/OpenApiForGenerator.java}).
 */
final class OpenApiInput {
  private OpenApiInput() {}

  static void write(String exported, Path out) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    JsonNode document = mapper.readTree(exported);
    strip(document);
    Files.writeString(out, mapper.writeValueAsString(document), StandardCharsets.UTF_8);
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode additional = object.get("additionalProperties");
      if (additional != null && additional.isBoolean() && additional.booleanValue()) {
        object.remove("additionalProperties");
      }
    }
    node.forEach(OpenApiInput::strip);
  }
}
