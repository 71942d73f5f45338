package dev.yunhu.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
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
import org.junit.jupiter.api.Test;

/** What the Yunhu spec must contain: its 20 endpoints, and protobuf messages that exist. */
class SpecContentTest {

  private static final List<String> PROTO_FILES =
      List.of("yunhu/v1/status.proto", "yunhu/v1/friend.proto", "yunhu/v1/group.proto");

  private static final Set<String> SCALARS = Set.of("string", "int32", "int64", "float64", "bool");

  private static final List<String> ENDPOINT_PATHS =
      List.of(
          "/v1/friend/apply",
          "/v1/friend/delete-friend",
          "/v1/friend/agree-apply",
          "/v1/friend/address-book-list",
          "/v1/friend/request-list",
          "/v1/friend/no-notify",
          "/v1/group/info",
          "/v1/group/live-room",
          "/v1/group/instruction-list",
          "/v1/group/invite",
          "/v1/group/remove-member",
          "/v1/group/gag-member",
          "/v1/group/recommend/list",
          "/v1/group/msg-type-limit",
          "/v1/group-tag/list",
          "/v1/group-tag/relate",
          "/v1/group-tag/relate-cancel",
          "/v1/group-tag/edit",
          "/v1/group-tag/create",
          "/v1/group-tag/delete");

  @Test
  void everyProtoFileExists() {
    for (String proto : PROTO_FILES) {
      Path file = SpecFiles.protoDir().resolve(proto);
      assertTrue(Files.isRegularFile(file), "missing " + file);
    }
  }

  @Test
  void everyEndpointPathAppearsExactlyOnce() {
    Map<String, Long> counts =
        endpoints().stream()
            .map(e -> e.path("path").asText())
            .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    for (String path : ENDPOINT_PATHS) {
      assertEquals(1L, counts.getOrDefault(path, 0L), "occurrences of " + path);
    }
    assertEquals(new TreeSet<>(ENDPOINT_PATHS), counts.keySet(), "endpoint paths in the spec");
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
    assertEquals(new TreeSet<>(PROTO_FILES), compiledFiles);
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

  private static Set<String> compiledMessages() throws IOException {
    Set<String> names = new TreeSet<>();
    for (FileDescriptorProto file : descriptorSet().getFileList()) {
      for (DescriptorProto message : file.getMessageTypeList()) {
        addMessage(file.getPackage() + "." + message.getName(), message, names);
      }
    }
    return names;
  }

  private static void addMessage(String fullName, DescriptorProto message, Set<String> names) {
    names.add(fullName);
    for (DescriptorProto nested : message.getNestedTypeList()) {
      addMessage(fullName + "." + nested.getName(), nested, names);
    }
  }
}
