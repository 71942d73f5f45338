package dev.yunhu.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The parts of the API spec (the YAML of {@code api-spec/src/main/spec}) that the contract checks
 * need: the endpoints with their bodies and documented errors, the auth header, the JSON envelope
 * and the protobuf status. The plugin validates the spec; this reader only reads it.
 */
public final class ApiSpec {
  /** Where the api-spec jar keeps the spec files on the class path. */
  static final String CLASSPATH_DIR = "spec";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** The format of a request or response body. */
  public enum Format { JSON, PROTOBUF }

  /**
   * A request or response body as the spec names it.
   *
   * @param format JSON or protobuf
   * @param type the JSON type name or the full protobuf message name
   */
  public record Body(Format format, String type) {}

  /** A documented failure of an endpoint. */
  public record DocumentedError(long code, String message) {
    /**
     * Whether a server message is this one. The spec writes variants in angle brackets, as in
     * {@code <群聊/用户/机器人>不存在}: any one of them may stand in their place.
     */
    public boolean matches(long actualCode, String actualMessage) {
      if (actualCode != code) {
        return false;
      }
      if (message == null) {
        return true;
      }
      int open = message.indexOf('<');
      int close = message.indexOf('>', open + 1);
      if (open < 0 || close < 0) {
        return message.equals(actualMessage);
      }
      String head = message.substring(0, open);
      String tail = message.substring(close + 1);
      for (String option : message.substring(open + 1, close).split("/", -1)) {
        if ((head + option + tail).equals(actualMessage)) {
          return true;
        }
      }
      return message.equals(actualMessage);
    }
  }

  /**
   * One endpoint of the spec.
   *
   * @param group the group key ({@code group-tag})
   * @param prefix the group's path prefix ({@code /v1/group-tag/})
   * @param method the HTTP method
   * @param path the path
   * @param request the request body, or {@code null} when there is none
   * @param response the response payload, or {@code null} when the envelope carries none
   * @param errors the documented failures
   */
  public record Endpoint(String group, String prefix, String method, String path, Body request, Body response, List<DocumentedError> errors) {

    /** Where the recordings of this endpoint live: {@code <group>/<path after the prefix>}. */
    public String recordingDir() {
      return group + "/" + path.substring(prefix.length());
    }

    /** The response is JSON (an envelope), with or without data. */
    public boolean jsonResponse() {
      return response == null || response.format() == Format.JSON;
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private final String authHeader;
  private final String envelopeCode;
  private final String envelopeMessage;
  private final String envelopeData;
  private final long jsonSuccess;
  private final String statusField;
  private final String statusCode;
  private final String statusMessage;
  private final long protobufSuccess;
  private final String jsonContentType;
  private final String protobufContentType;
  private final List<Endpoint> endpoints;

  private ApiSpec(JsonNode api, List<Endpoint> endpoints) {
    this.authHeader = text(api.path("auth").path("header"), "api.auth.header");
    JsonNode envelope = api.path("json").path("envelope");
    this.envelopeCode = envelope.path("code").asText("code");
    this.envelopeMessage = envelope.path("message").asText("msg");
    this.envelopeData = envelope.path("data").asText("data");
    this.jsonSuccess = envelope.path("success").asLong(1);
    this.jsonContentType = api.path("json").path("contentType").asText("application/json");
    JsonNode status = api.path("protobuf").path("status");
    this.statusField = status.path("field").asText("status");
    this.statusCode = status.path("code").asText("code");
    this.statusMessage = status.path("message").asText("msg");
    this.protobufSuccess = status.path("success").asLong(1);
    this.protobufContentType = api.path("protobuf").path("contentType").asText("application/x-protobuf");
    this.endpoints = List.copyOf(endpoints);
  }

  /** Reads the spec files ({@code *.yaml}, {@code *.yml}) of a folder, in name order. */
  public static ApiSpec read(Path dir) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path file : list.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
          files.put(name, Files.readAllBytes(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the spec in " + dir, e);
    }
    return parse(files, dir.toString());
  }

  /** Reads the spec from the class path, where the api-spec jar puts it ({@code spec/*.yaml}). */
  public static ApiSpec fromClasspath() {
    SortedMap<String, byte[]> files = new TreeMap<>();
    ClasspathFiles.read(CLASSPATH_DIR).forEach((name, bytes) -> {
      if (!name.contains("/") && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
        files.put(name, bytes);
      }
    });
    return parse(files, "the class path (" + CLASSPATH_DIR + "/)");
  }

  static ApiSpec parse(SortedMap<String, byte[]> files, String where) {
    if (files.isEmpty()) {
      throw new IllegalStateException("no spec files (*.yaml) in " + where);
    }
    JsonNode api = null;
    List<Endpoint> endpoints = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      JsonNode root;
      try {
        root = YAML.readTree(file.getValue());
      } catch (IOException e) {
        throw new IllegalStateException("cannot parse spec file " + file.getKey() + ": " + e.getMessage(), e);
      }
      if (root == null || root.isMissingNode() || root.isNull()) {
        continue;
      }
      if (root.has("api")) {
        api = root.get("api");
      }
      for (Iterator<Map.Entry<String, JsonNode>> groups = root.path("groups").properties().iterator();
          groups.hasNext(); ) {
        Map.Entry<String, JsonNode> group = groups.next();
        String prefix = text(group.getValue().path("prefix"), "groups." + group.getKey() + ".prefix");
        for (JsonNode endpoint : group.getValue().path("endpoints")) {
          endpoints.add(endpoint(group.getKey(), prefix, endpoint));
        }
      }
    }
    if (api == null) {
      throw new IllegalStateException("no spec file in " + where + " has an 'api' section");
    }
    return new ApiSpec(api, endpoints);
  }

  private static Endpoint endpoint(String group, String prefix, JsonNode node) {
    String path = text(node.path("path"), "path of an endpoint of group " + group);
    String method = node.path("method").asText("POST").toUpperCase(Locale.ROOT);
    List<DocumentedError> errors = new ArrayList<>();
    for (JsonNode error : node.path("errors")) {
      errors.add(new DocumentedError(error.path("code").asLong(),
          error.hasNonNull("message") ? error.get("message").asText() : null));
    }
    return new Endpoint(group, prefix, method, path, body(node.get("request")), body(node.get("response")),
        List.copyOf(errors));
  }

  private static Body body(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.hasNonNull("json")) {
      return new Body(Format.JSON, node.get("json").asText());
    }
    if (node.hasNonNull("protobuf")) {
      return new Body(Format.PROTOBUF, node.get("protobuf").asText());
    }
    throw new IllegalStateException("a body must name 'json' or 'protobuf': " + node);
  }

  private static String text(JsonNode node, String what) {
    if (!node.isTextual()) {
      throw new IllegalStateException("the spec has no " + what);
    }
    return node.asText();
  }

  public List<Endpoint> endpoints() {
    return endpoints;
  }

  /** The endpoint with this method and path (the query, if any, is ignored). */
  public Optional<Endpoint> endpoint(String method, String path) {
    int query = path.indexOf('?');
    String bare = query < 0 ? path : path.substring(0, query);
    return endpoints.stream()
        .filter(e -> e.method().equalsIgnoreCase(method) && e.path().equals(bare))
        .findFirst();
  }

  /** The header that carries the secret ({@code token}). */
  public String authHeader() {
    return authHeader;
  }

  public String envelopeCode() {
    return envelopeCode;
  }

  public String envelopeMessage() {
    return envelopeMessage;
  }

  public String envelopeData() {
    return envelopeData;
  }

  public long jsonSuccess() {
    return jsonSuccess;
  }

  public String statusField() {
    return statusField;
  }

  public String statusCode() {
    return statusCode;
  }

  public String statusMessage() {
    return statusMessage;
  }

  public long protobufSuccess() {
    return protobufSuccess;
  }

  public String jsonContentType() {
    return jsonContentType;
  }

  public String protobufContentType() {
    return protobufContentType;
  }
}
