package dev.apispec.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One recorded HTTP exchange: the request a client sent and the response the server gave. Stored as
 * a JSON file that people review ({@code docs/recordings.md} describes the format); its
 * {@link #id()} is the file's path below the recordings folder without {@code .json}, such as
 * {@code friend/apply/success}.
 *
 * @param id the name of the recording, from its file path
 * @param description what the exchange shows and where it comes from; may be {@code null}
 * @param request the request
 * @param response the response
 * @param knownDrift paths of response fields the spec does not know and that are accepted
 */
public record Recording(String id, String description, Request request, Response response, List<String> knownDrift) {

  /** What a secret (the token header, or a field the recorder was told to hide) is replaced with. */
  public static final String REDACTED = "<redacted>";

  /** Reads and writes recordings: decimals stay exact, duplicate keys are errors. */
  static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
      Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  public Recording {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(response, "response");
    knownDrift = knownDrift == null ? List.of() : List.copyOf(knownDrift);
  }

  /**
   * The request.
   *
   * @param method the HTTP method, upper case
   * @param path the path (and query, if any) below the base URL
   * @param headers the headers worth keeping, by lower-case name; secrets are {@link #REDACTED}
   * @param body the body, or {@code null} for none
   * @param host the name of the spec's host the request went to ({@code api.hosts}), or {@code null} for the
   *     API's {@code baseUrl}
   */
  public record Request(String method, String path, Map<String, String> headers, Body body, String host) {
    /** A request to the API's {@code baseUrl}. */
    public Request(String method, String path, Map<String, String> headers, Body body) {
      this(method, path, headers, body, null);
    }

    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      Map<String, String> copy = new LinkedHashMap<>();
      if (headers != null) {
        headers.forEach((name, value) -> copy.put(name.toLowerCase(Locale.ROOT), value));
      }
      headers = Collections.unmodifiableMap(copy);
    }

    /** A header by name, any case; {@code null} when absent. */
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * The response.
   *
   * @param status the HTTP status
   * @param contentType the Content-Type header, or {@code null} when absent
   * @param body the body, or {@code null} for none
   */
  public record Response(int status, String contentType, Body body) {}

  /** A body: JSON, protobuf, other text or other bytes. */
  public sealed interface Body permits JsonBody, ProtobufBody, TextBody, BinaryBody {
    /** The bytes on the wire. */
    byte[] bytes();
  }

  /** A JSON body, stored as JSON. */
  public record JsonBody(JsonNode json) implements Body {
    public JsonBody {
      Objects.requireNonNull(json, "json");
    }

    @Override
    public byte[] bytes() {
      try {
        return JSON.writeValueAsBytes(json);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * A protobuf body: the exact bytes (the truth), the message type they were decoded with, and the
   * decoded text (protobuf text format, one line per element) for review.
   *
   * @param bytes the bytes on the wire
   * @param message the full name of the message type, or {@code null} when it is not known
   * @param decoded the bytes in protobuf text format, one string per line
   */
  public record ProtobufBody(byte[] bytes, String message, List<String> decoded) implements Body {
    public ProtobufBody {
      bytes = bytes.clone();
      decoded = decoded == null ? List.of() : List.copyOf(decoded);
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  /** A body that is neither JSON nor protobuf but UTF-8 text (an HTML error page, say). */
  public record TextBody(String text) implements Body {
    @Override
    public byte[] bytes() {
      return text.getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Any other body, as bytes. */
  public record BinaryBody(byte[] bytes) implements Body {
    public BinaryBody {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  /** {@code METHOD /path}, as exceptions of the client name the endpoint; {@code METHOD host:/path} on a named host. */
  public String endpoint() {
    return request.method() + " " + (request.host() == null ? "" : request.host() + ":") + request.path();
  }

  @Override
  public String toString() {
    return id;
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /** Reads a recording file. Unknown keys and missing required ones are errors that name the file. */
  public static Recording parse(String id, byte[] file) {
    JsonNode root;
    try {
      root = JSON.readTree(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(id + ": not valid JSON: " + e.getMessage(), e);
    }
    try {
      return fromJson(id, root);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(id + ": " + e.getMessage(), e);
    }
  }

  private static Recording fromJson(String id, JsonNode root) {
    object(root, "the recording", Set.of("description", "request", "response", "knownDrift"));
    String description = optionalText(root, "description");
    JsonNode request = required(root, "request");
    object(request, "request", Set.of("host", "method", "path", "headers", "body"));
    Map<String, String> headers = new LinkedHashMap<>();
    JsonNode headerNode = request.get("headers");
    if (headerNode != null) {
      object(headerNode, "request.headers", null);
      for (Iterator<Map.Entry<String, JsonNode>> it = headerNode.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> header = it.next();
        if (!header.getValue().isTextual()) {
          throw new IllegalArgumentException("request.headers." + header.getKey() + " must be a string");
        }
        if (headers.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue().asText()) != null) {
          throw new IllegalArgumentException("request.headers has " + header.getKey() + " twice");
        }
      }
    }
    Request req = new Request(requiredText(request, "method").toUpperCase(Locale.ROOT),
        requiredText(request, "path"), headers, body(request.get("body"), "request.body"),
        optionalText(request, "host"));
    if (!req.path().startsWith("/")) {
      throw new IllegalArgumentException("request.path must start with '/': " + req.path());
    }
    JsonNode response = required(root, "response");
    object(response, "response", Set.of("status", "contentType", "body"));
    JsonNode status = required(response, "status");
    if (!status.canConvertToInt() || !status.isIntegralNumber()) {
      throw new IllegalArgumentException("response.status must be an HTTP status code");
    }
    Response resp = new Response(status.intValue(), optionalText(response, "contentType"),
        body(response.get("body"), "response.body"));
    List<String> drift = new ArrayList<>();
    JsonNode driftNode = root.get("knownDrift");
    if (driftNode != null) {
      if (!driftNode.isArray()) {
        throw new IllegalArgumentException("knownDrift must be an array of field paths");
      }
      for (JsonNode path : driftNode) {
        if (!path.isTextual() || path.asText().isBlank()) {
          throw new IllegalArgumentException("knownDrift must hold field paths (strings), not " + path);
        }
        drift.add(path.asText());
      }
    }
    return new Recording(id, description, req, resp, drift);
  }

  private static Body body(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return null;
    }
    object(node, where, Set.of("json", "protobuf", "message", "decoded", "text", "base64"));
    if (node.has("json")) {
      only(node, where, "json");
      return new JsonBody(node.get("json"));
    }
    if (node.has("protobuf")) {
      only(node, where, "protobuf", "message", "decoded");
      List<String> decoded = new ArrayList<>();
      JsonNode lines = node.get("decoded");
      if (lines != null) {
        if (!lines.isArray()) {
          throw new IllegalArgumentException(where + ".decoded must be an array of lines");
        }
        lines.forEach(line -> decoded.add(line.asText()));
      }
      return new ProtobufBody(base64(node, "protobuf", where), optionalText(node, "message"), decoded);
    }
    if (node.has("text")) {
      only(node, where, "text");
      return new TextBody(requiredText(node, "text"));
    }
    if (node.has("base64")) {
      only(node, where, "base64");
      return new BinaryBody(base64(node, "base64", where));
    }
    throw new IllegalArgumentException(where + " must have one of json, protobuf, text, base64");
  }

  private static byte[] base64(JsonNode node, String key, String where) {
    JsonNode value = node.get(key);
    if (!value.isTextual()) {
      throw new IllegalArgumentException(where + "." + key + " must be a base64 string");
    }
    try {
      return Base64.getDecoder().decode(value.asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + "." + key + " is not valid base64: " + e.getMessage(), e);
    }
  }

  private static void only(JsonNode node, String where, String... allowed) {
    Set<String> keys = Set.of(allowed);
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!keys.contains(name)) {
        throw new IllegalArgumentException(where + " cannot have both " + allowed[0] + " and " + name);
      }
    }
  }

  private static void object(JsonNode node, String what, Set<String> allowed) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(what + " must be a JSON object");
    }
    if (allowed != null) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!allowed.contains(name)) {
          throw new IllegalArgumentException(what + " has an unknown key '" + name + "' (known: "
              + String.join(", ", allowed.stream().sorted().toList()) + ")");
        }
      }
    }
  }

  private static JsonNode required(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("'" + key + "' is missing");
    }
    return value;
  }

  private static String requiredText(JsonNode node, String key) {
    JsonNode value = required(node, key);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("'" + key + "' must be a string");
    }
    return value.asText();
  }

  private static String optionalText(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("'" + key + "' must be a string");
    }
    return value.asText();
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  /** The recording as the file people read: two-space indents, one header, field or line per line. */
  public byte[] toFile() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    if (description != null) {
      root.put("description", description);
    }
    ObjectNode req = root.putObject("request");
    if (request.host() != null) {
      req.put("host", request.host());
    }
    req.put("method", request.method());
    req.put("path", request.path());
    if (!request.headers().isEmpty()) {
      ObjectNode headers = req.putObject("headers");
      request.headers().forEach(headers::put);
    }
    if (request.body() != null) {
      req.set("body", bodyJson(request.body()));
    }
    ObjectNode resp = root.putObject("response");
    resp.put("status", response.status());
    if (response.contentType() != null) {
      resp.put("contentType", response.contentType());
    }
    if (response.body() != null) {
      resp.set("body", bodyJson(response.body()));
    }
    if (!knownDrift.isEmpty()) {
      ArrayNode drift = root.putArray("knownDrift");
      knownDrift.forEach(drift::add);
    }
    try {
      String text = JSON.writer(PRETTY)
          .with(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(root);
      return (text + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode bodyJson(Body body) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    if (body instanceof JsonBody json) {
      node.set("json", json.json());
    } else if (body instanceof ProtobufBody proto) {
      node.put("protobuf", Base64.getEncoder().encodeToString(proto.bytes()));
      if (proto.message() != null) {
        node.put("message", proto.message());
      }
      ArrayNode lines = node.putArray("decoded");
      proto.decoded().forEach(lines::add);
    } else if (body instanceof TextBody text) {
      node.put("text", text.text());
    } else if (body instanceof BinaryBody binary) {
      node.put("base64", Base64.getEncoder().encodeToString(binary.bytes()));
    }
    return node;
  }

  /** A copy with another id. */
  public Recording withId(String newId) {
    return new Recording(newId, description, request, response, knownDrift);
  }
}
