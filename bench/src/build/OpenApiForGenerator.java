import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;

/**
 * Run by the build with the source launcher ({@code java -cp ... OpenApiForGenerator.java IN OUT}):
 * copies the OpenAPI document our {@code openapi} goal exported, without {@code "additionalProperties": true}.
 *
 * <p>OpenAPI Generator's Java generator turns a schema with {@code additionalProperties: true} into a
 * model that {@code extends HashMap}, which Jackson then reads as a plain map: every typed field stays
 * empty and the client decodes nothing. Without the keyword the schema means the same (JSON Schema
 * allows other properties by default) and the generator writes ordinary classes. The harness does the
 * same for the synthetic specs (see {@code dev.apispec.bench.codegen.OpenApiInput}).
 */
public final class OpenApiForGenerator {
  private OpenApiForGenerator() {}

  public static void main(String[] args) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    JsonNode document = mapper.readTree(new File(args[0]));
    strip(document);
    File out = new File(args[1]);
    out.getAbsoluteFile().getParentFile().mkdirs();
    mapper.writeValue(out, document);
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode additional = object.get("additionalProperties");
      if (additional != null && additional.isBoolean() && additional.booleanValue()) {
        object.remove("additionalProperties");
      }
    }
    node.forEach(OpenApiForGenerator::strip);
  }
}
