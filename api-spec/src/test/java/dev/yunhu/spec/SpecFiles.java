package dev.yunhu.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Where the spec, the protos and the schema are, and how to read and check them. */
final class SpecFiles {

  /** The header that points editors at the schema; the path is relative to the spec file. */
  static final String SCHEMA_HEADER = "# yaml-language-server: $schema=";

  static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static final ObjectMapper JSON = new ObjectMapper();

  private SpecFiles() {}

  static Path schemaFile() {
    return pathProperty("apispec.schema");
  }

  static Path specDir() {
    return pathProperty("apispec.specDir");
  }

  static Path protoDir() {
    return pathProperty("apispec.protoDir");
  }

  static Path descriptorSet() {
    return pathProperty("apispec.descriptorSet");
  }

  /** The spec files, in name order (the order the plugin reads them in). */
  static List<Path> specFiles() {
    try (Stream<Path> files = Files.list(specDir())) {
      List<Path> specs =
          files
              .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
              .sorted()
              .toList();
      if (specs.isEmpty()) {
        throw new IllegalStateException("no spec files in " + specDir());
      }
      return specs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode readYaml(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static JsonNode readYaml(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode schemaNode() {
    try {
      return JSON.readTree(schemaFile().toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + schemaFile(), e);
    }
  }

  /** The spec format's schema, with format assertions on (so format: uri is checked too). */
  static JsonSchema schema() {
    return factory().getSchema(schemaNode(), config());
  }

  /** The draft 2020-12 meta-schema, bundled with the validator (no network). */
  static JsonSchema metaSchema() {
    return factory()
        .getSchema(
            SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"),
            config());
  }

  static Set<ValidationMessage> validate(JsonNode spec) {
    return schema().validate(spec);
  }

  private static JsonSchemaFactory factory() {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  }

  private static SchemaValidatorsConfig config() {
    return SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  }

  private static Path pathProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + name + " is not set; run the tests with Maven (see pom.xml)");
    }
    return Path.of(value).toAbsolutePath().normalize();
  }

  /**
   * "host METHOD path" of an endpoint of a group, as notes-endpoints.tsv writes it: the host is "default" for the
   * API's baseUrl, the method POST unless the endpoint says otherwise.
   */
  static String endpointKey(JsonNode group, JsonNode endpoint) {
    return endpoint.path("host").asText(group.path("host").asText("default")) + " "
        + endpoint.path("method").asText("POST") + " " + endpoint.path("path").asText();
  }

  /** Every message of the descriptor set by full name ({@code yunhu.v1.Outer.Inner} for a nested one). */
  static Map<String, DescriptorProto> compiledMessages() {
    FileDescriptorSet set;
    try (InputStream in = Files.newInputStream(descriptorSet())) {
      set = FileDescriptorSet.parseFrom(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + descriptorSet(), e);
    }
    Map<String, DescriptorProto> messages = new TreeMap<>();
    for (FileDescriptorProto file : set.getFileList()) {
      file.getMessageTypeList().forEach(message -> addMessage(file.getPackage() + "." + message.getName(), message,
          messages));
    }
    return messages;
  }

  private static void addMessage(String name, DescriptorProto message, Map<String, DescriptorProto> messages) {
    messages.put(name, message);
    message.getNestedTypeList().forEach(nested -> addMessage(name + "." + nested.getName(), nested, messages));
  }
}
