package dev.apispec.bench.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes a spec of any number of endpoints from the shapes of the real seed spec: its JSON endpoints
 * (protobuf ones have no OpenAPI Generator counterpart) are copied again and again, each copy with
 * its own groups, paths and types (suffixed {@code C0}, {@code C1}, ...), until there are exactly as
 * many endpoints as asked for. Every copy keeps the seed's docs, examples, errors, enums, lists and
 * comma-separated fields, so the generators see real shapes, not toy ones.
 *
 * <p>Each copy is one YAML file ({@code copy-00001.yaml}), next to {@code api.yaml}.
 */
public final class SyntheticSpecs {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .build());

  private final ObjectNode api;
  private final ObjectNode types = YAML.createObjectNode();
  /** The seed's JSON endpoints in file order, each with the key of its group. */
  private final List<Template> templates = new ArrayList<>();
  private final Map<String, ObjectNode> groups = new LinkedHashMap<>();

  private record Template(String group, ObjectNode endpoint) {}

  private SyntheticSpecs(ObjectNode api) {
    this.api = api;
  }

  /** Reads the seed spec folder. */
  public static SyntheticSpecs fromSeed(Path seedDir) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(seedDir)) {
      files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    }
    ObjectNode api = null;
    List<ObjectNode> documents = new ArrayList<>();
    for (Path file : files) {
      ObjectNode doc = (ObjectNode) YAML.readTree(file.toFile());
      documents.add(doc);
      if (doc.has("api")) {
        api = (ObjectNode) doc.get("api").deepCopy();
      }
    }
    if (api == null) {
      throw new IllegalArgumentException("no file of " + seedDir + " has an 'api' section");
    }
    // JSON only: the protobuf settings go, and so do the endpoints that use them.
    api.remove("protobuf");
    api.put("name", "Bench");
    api.put("package", "dev.apispec.bench.synthetic");
    SyntheticSpecs seed = new SyntheticSpecs(api);
    for (ObjectNode doc : documents) {
      if (doc.has("types")) {
        doc.get("types").fields().forEachRemaining(e -> seed.types.set(e.getKey(), e.getValue().deepCopy()));
      }
      if (doc.has("groups")) {
        Iterator<Map.Entry<String, JsonNode>> it = doc.get("groups").fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> group = it.next();
          seed.groups.put(group.getKey(), (ObjectNode) group.getValue());
          for (JsonNode endpoint : group.getValue().path("endpoints")) {
            if (!usesProtobuf(endpoint)) {
              seed.templates.add(new Template(group.getKey(), (ObjectNode) endpoint));
            }
          }
        }
      }
    }
    if (seed.templates.isEmpty()) {
      throw new IllegalArgumentException("the seed spec has no JSON endpoint");
    }
    return seed;
  }

  /** How many JSON endpoints one copy of the seed has. */
  public int endpointsPerCopy() {
    return templates.size();
  }

  private static boolean usesProtobuf(JsonNode endpoint) {
    return endpoint.path("request").has("protobuf") || endpoint.path("response").has("protobuf");
  }

  /** Writes a spec of exactly {@code endpoints} endpoints into {@code dir} (emptied first). */
  public void write(int endpoints, Path dir) throws IOException {
    if (Files.exists(dir)) {
      dev.apispec.codegen.output.SourceWriter.deleteTree(dir);
    }
    Files.createDirectories(dir);
    ObjectNode apiDoc = YAML.createObjectNode();
    apiDoc.set("api", api);
    YAML.writeValue(dir.resolve("api.yaml").toFile(), apiDoc);
    int copies = (endpoints + templates.size() - 1) / templates.size();
    int left = endpoints;
    for (int copy = 0; copy < copies; copy++) {
      int take = Math.min(left, templates.size());
      left -= take;
      YAML.writeValue(dir.resolve(String.format("copy-%05d.yaml", copy)).toFile(), copy(copy, templates.subList(0, take)));
    }
  }

  /** One copy: the endpoints given, in their groups, with the types they use (and only those). */
  private ObjectNode copy(int copy, List<Template> endpoints) {
    String suffix = "C" + copy;
    Set<String> used = new LinkedHashSet<>();
    for (Template t : endpoints) {
      for (String side : List.of("request", "response")) {
        String json = t.endpoint().path(side).path("json").asText(null);
        if (json != null) {
          closure(json, used);
        }
      }
      // enums named by parameters and by code answers travel with the copy too
      t.endpoint().path("params").forEach(param -> closureOf(param.path("type").asText(), used));
      closureOf(t.endpoint().path("response").path("codes").asText(""), used);
    }
    ObjectNode doc = YAML.createObjectNode();
    ObjectNode typesOut = doc.putObject("types");
    for (String name : used) {
      ObjectNode type = types.get(name).deepCopy();
      if (type.has("fields")) {
        type.get("fields").fields().forEachRemaining(field ->
            ((ObjectNode) field.getValue()).put("type", rename(field.getValue().path("type").asText(), used, suffix)));
      }
      typesOut.set(name + suffix, type);
    }
    ObjectNode groupsOut = doc.putObject("groups");
    for (Template t : endpoints) {
      String groupKey = t.group() + "-c" + copy;
      ObjectNode group = (ObjectNode) groupsOut.get(groupKey);
      ObjectNode seedGroup = groups.get(t.group());
      if (group == null) {
        group = groupsOut.putObject(groupKey);
        if (seedGroup.has("doc")) {
          group.set("doc", seedGroup.get("doc"));
        }
        group.put("prefix", movePath(seedGroup.get("prefix").asText(), copy));
        group.putArray("endpoints");
      }
      ObjectNode endpoint = t.endpoint().deepCopy();
      endpoint.put("path", movePath(endpoint.get("path").asText(), copy));
      for (String side : List.of("request", "response")) {
        if (endpoint.path(side).has("json")) {
          ((ObjectNode) endpoint.get(side)).put("json", endpoint.get(side).get("json").asText() + suffix);
        }
      }
      endpoint.path("params").forEach(param ->
          ((ObjectNode) param).put("type", rename(param.path("type").asText(), used, suffix)));
      if (endpoint.path("response").path("codes").isTextual()) {
        ((ObjectNode) endpoint.get("response")).put("codes", rename(endpoint.get("response").get("codes").asText(), used, suffix));
      }
      ((ArrayNode) group.get("endpoints")).add(endpoint);
    }
    return doc;
  }

  /** {@code /v1/friend/apply} of copy 3 is {@code /v1/c3/friend/apply}. */
  private static String movePath(String path, int copy) {
    int second = path.indexOf('/', 1);
    return path.substring(0, second + 1) + "c" + copy + path.substring(second);
  }

  /** The closure of every type a type reference ({@code list<Platform>}, say) names. */
  private void closureOf(String typeRef, Set<String> into) {
    Matcher m = IDENTIFIER.matcher(typeRef);
    while (m.find()) {
      closure(m.group(), into);
    }
  }

  private void closure(String typeName, Set<String> into) {
    if (!types.has(typeName) || !into.add(typeName)) {
      return;
    }
    JsonNode fields = types.get(typeName).path("fields");
    fields.forEach(field -> {
      Matcher m = IDENTIFIER.matcher(field.path("type").asText());
      while (m.find()) {
        closure(m.group(), into);
      }
    });
  }

  private static String rename(String typeRef, Set<String> names, String suffix) {
    Matcher m = IDENTIFIER.matcher(typeRef);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(names.contains(m.group()) ? m.group() + suffix : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
