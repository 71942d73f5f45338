package dev.yunhu.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the Yunhu spec must contain: the endpoints of the notes' pages, and protobuf messages that exist. */
class SpecContentTest {

  private static final Set<String> SCALARS = Set.of("string", "int32", "int64", "float64", "bool", "json");

  /** The endpoints of the notes' pages, one line each: page, host, method, path. */
  private static final Path NOTES_ENDPOINTS = Path.of("src/test/resources/notes-endpoints.tsv");

  @Test
  void everyEndpointOfTheSpecIsOneOfItsPageAndAppearsOnce() throws IOException {
    Map<String, Set<String>> notes = notesEndpointsByPage();
    Map<String, Long> counts = new TreeMap<>();
    for (Map.Entry<String, JsonNode> group : groups().entrySet()) {
      Set<String> ofPage = notes.get(group.getKey());
      assertTrue(ofPage != null, "group " + group.getKey() + " is not a page of the notes: " + notes.keySet());
      for (String key : endpointKeys(group.getValue())) {
        assertTrue(ofPage.contains(key), group.getKey() + ": " + key + " is not on its page of the notes");
        counts.merge(key, 1L, Long::sum);
      }
    }
    counts.forEach((key, count) -> assertEquals(1L, count, "occurrences of " + key));
  }

  /**
   * The list says which endpoints of the notes the spec has ("spec") and which it lacks yet ("todo"); both must be
   * true, so adding an endpoint means marking it, and the list shows what is left of the whole API.
   */
  @Test
  void theListSaysExactlyWhichEndpointsOfThePagesTheSpecHas() throws IOException {
    Set<String> inSpec = new TreeSet<>();
    groups().forEach((name, group) -> endpointKeys(group).forEach(key -> inSpec.add(name + " " + key)));
    Set<String> marked = new TreeSet<>();
    Set<String> todo = new TreeSet<>();
    for (String[] columns : notesLines()) {
      String key = columns[0] + " " + columns[1] + " " + columns[2] + " " + columns[3];
      switch (columns[4]) {
        case "spec" -> marked.add(key);
        case "todo" -> todo.add(key);
        default -> throw new AssertionError("status must be spec or todo: " + String.join("\t", columns));
      }
    }
    assertEquals(marked, inSpec, "endpoints marked 'spec' in " + NOTES_ENDPOINTS);
    Set<String> doneButTodo = new TreeSet<>(todo);
    doneButTodo.retainAll(inSpec);
    assertEquals(Set.of(), doneButTodo, "endpoints in the spec but marked 'todo'");
  }

  @Test
  void everyPageThatIsAGroupIsComplete() throws IOException {
    Map<String, Set<String>> notes = notesEndpointsByPage();
    Set<String> todoPages = new TreeSet<>();
    notesLines().stream().filter(c -> c[4].equals("todo")).forEach(c -> todoPages.add(c[0]));
    groups().forEach((name, group) -> {
      if (!todoPages.contains(name)) {
        assertEquals(notes.get(name), new TreeSet<>(endpointKeys(group)), "endpoints of group " + name);
      }
    });
  }

  @Test
  void theStatusProtoExists() {
    assertTrue(Files.isRegularFile(SpecFiles.protoDir().resolve("yunhu/v1/status.proto")));
  }

  @Test
  void everyProtobufMessageOfTheSpecIsCompiled() throws IOException {
    Set<String> compiled = compiledMessages();
    List<String> referenced = new ArrayList<>();
    for (JsonNode endpoint : endpoints()) {
      for (String body : List.of("request", "response")) {
        JsonNode message = endpoint.path(body).path("protobuf");
        if (!message.isMissingNode()) {
          referenced.add(message.asText());
        }
      }
    }
    assertFalse(referenced.isEmpty(), "the spec names no protobuf message");
    for (String message : referenced) {
      assertTrue(compiled.contains(message), message + " is not in " + compiled);
    }
  }

  @Test
  void everyProtoFileIsCompiled() throws IOException {
    Set<String> compiledFiles = new TreeSet<>();
    for (FileDescriptorProto file : descriptorSet().getFileList()) {
      compiledFiles.add(file.getName());
      assertEquals("yunhu.v1", file.getPackage(), file.getName());
      assertEquals("dev.yunhu.client.proto", file.getOptions().getJavaPackage(), file.getName());
      assertTrue(file.getOptions().getJavaMultipleFiles(), file.getName());
    }
    assertEquals(protoFiles(), compiledFiles);
  }

  /** Checks the plugin makes too, kept here so the spec is checked before the plugin exists. */
  @Test
  void typeNamesAreUniqueAndEveryReferenceResolves() {
    Map<String, JsonNode> types = new TreeMap<>();
    for (Path file : SpecFiles.specFiles()) {
      SpecFiles.readYaml(file)
          .path("types")
          .fields()
          .forEachRemaining(
              type ->
                  assertEquals(
                      null,
                      types.put(type.getKey(), type.getValue()),
                      "type " + type.getKey() + " is defined twice; again in " + file));
    }
    types.forEach(
        (name, type) ->
            type.path("fields")
                .fields()
                .forEachRemaining(
                    field -> {
                      String ref = field.getValue().path("type").asText();
                      String element = ref.replaceAll("^((list|map)<)+|>+$", "");
                      assertTrue(
                          SCALARS.contains(element) || types.containsKey(element),
                          name + "." + field.getKey() + ": unknown type " + ref);
                    }));
    for (JsonNode endpoint : endpoints()) {
      for (String body : List.of("request", "response")) {
        JsonNode json = endpoint.path(body).path("json");
        if (!json.isMissingNode()) {
          assertTrue(
              types.containsKey(json.asText()) && types.get(json.asText()).has("fields"),
              endpoint.path("path").asText() + ": " + json.asText() + " is not an object type");
        }
      }
    }
  }

  private static Set<String> protoFiles() throws IOException {
    Path root = SpecFiles.protoDir();
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".proto"))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** Page to "host METHOD path" of each endpoint documented on it. */
  private static Map<String, Set<String>> notesEndpointsByPage() throws IOException {
    Map<String, Set<String>> pages = new TreeMap<>();
    for (String[] columns : notesLines()) {
      pages.computeIfAbsent(columns[0], page -> new TreeSet<>()).add(columns[1] + " " + columns[2] + " " + columns[3]);
    }
    return pages;
  }

  /** The list's lines: page, host, method, path, status. */
  private static List<String[]> notesLines() throws IOException {
    List<String[]> lines = new ArrayList<>();
    for (String line : Files.readAllLines(NOTES_ENDPOINTS)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] columns = line.split("\t");
      assertEquals(5, columns.length, line);
      lines.add(columns);
    }
    return lines;
  }

  /** "host METHOD path" of each endpoint of a group; the host is "default" for the API's baseUrl. */
  private static List<String> endpointKeys(JsonNode group) {
    List<String> keys = new ArrayList<>();
    group.path("endpoints").forEach(endpoint -> keys.add(SpecFiles.endpointKey(group, endpoint)));
    return keys;
  }

  private static Map<String, JsonNode> groups() {
    Map<String, JsonNode> groups = new TreeMap<>();
    for (Path file : SpecFiles.specFiles()) {
      SpecFiles.readYaml(file).path("groups").fields().forEachRemaining(
          group -> assertEquals(null, groups.put(group.getKey(), group.getValue()), "group " + group.getKey()));
    }
    return groups;
  }

  private static List<JsonNode> endpoints() {
    List<JsonNode> endpoints = new ArrayList<>();
    for (Path file : SpecFiles.specFiles()) {
      SpecFiles.readYaml(file)
          .path("groups")
          .forEach(group -> group.path("endpoints").forEach(endpoints::add));
    }
    return endpoints;
  }

  private static FileDescriptorSet descriptorSet() throws IOException {
    try (InputStream in = Files.newInputStream(SpecFiles.descriptorSet())) {
      return FileDescriptorSet.parseFrom(in);
    }
  }

  private static Set<String> compiledMessages() {
    return SpecFiles.compiledMessages().keySet();
  }
}
