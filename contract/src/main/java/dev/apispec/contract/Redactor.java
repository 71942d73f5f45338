package dev.apispec.contract;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a live exchange into a recording with every secret replaced by {@value Recording#REDACTED}:
 * the auth header, the headers and body fields the user names, and then every other occurrence of
 * their values (in JSON strings, protobuf strings, text bodies and the path). Secrets shorter than
 * {@value #MIN_SCRUB_LENGTH} characters are only replaced where they are named, so that hiding a
 * field holding {@code 1} does not rewrite every 1. A recording that would still hold a secret is
 * refused with {@link SecretLeft}, whose message never holds the secret.
 */
final class Redactor {
  static final int MIN_SCRUB_LENGTH = 4;

  /** The exchange still holds a secret after redaction; nothing may be written. */
  static final class SecretLeft extends Exception {
    private static final long serialVersionUID = 1L;

    SecretLeft(String where) {
      super("a hidden value would still be in the " + where + " after redaction (it is not replaced there)");
    }
  }

  private final ApiSpec spec;
  private final ProtoTypes protos;
  private final Set<String> headers;
  private final Set<String> fields;
  private final Set<String> secrets = new LinkedHashSet<>();
  /** What the last {@link #record} could not hide by name, and wrote in its place. */
  private final List<String> undecoded = new ArrayList<>();

  /** Written for a body that named fields may be in but that could not be decoded to find them. */
  static final String UNDECODED = "<redacted: could not be decoded>";

  Redactor(ApiSpec spec, ProtoTypes protos, Set<String> headers, Set<String> fields) {
    this.spec = spec;
    this.protos = protos;
    Set<String> all = new LinkedHashSet<>(Recorder.CREDENTIAL_HEADERS);
    if (spec.authHeader() != null) {
      all.add(spec.authHeader().toLowerCase(Locale.ROOT));
    }
    headers.forEach(h -> all.add(h.toLowerCase(Locale.ROOT)));
    this.headers = Set.copyOf(all);
    Set<String> named = new LinkedHashSet<>(spec.secretFields());
    named.addAll(fields);
    this.fields = Set.copyOf(named);
  }

  /** The recording of one exchange, with every secret replaced. */
  Recording record(LocalHttp.Received request, int status, String contentType, byte[] responseBody,
      String description, Set<String> droppedHeaders) throws SecretLeft {
    return record(null, request, status, contentType, responseBody, description, droppedHeaders);
  }

  /** The recording of one exchange with a named host of the spec ({@code null}: the {@code baseUrl}). */
  Recording record(String host, LocalHttp.Received request, int status, String contentType, byte[] responseBody,
      String description, Set<String> droppedHeaders) throws SecretLeft {
    Map<String, String> recordedHeaders = new LinkedHashMap<>();
    request.headers().forEach((name, values) -> {
      if (droppedHeaders.contains(name)) {
        return;
      }
      if (headers.contains(name)) {
        values.forEach(this::secret);
        secret(String.join(", ", values));
        recordedHeaders.put(name, Recording.REDACTED);
      } else {
        recordedHeaders.put(name, String.join(", ", values));
      }
    });
    ApiSpec.Endpoint endpoint = spec.endpoint(host, request.method(), request.path()).orElse(null);
    String requestType = endpoint != null && endpoint.request() != null
        && endpoint.request().format() == ApiSpec.Format.PROTOBUF ? endpoint.request().type() : null;
    String responseType = endpoint != null && endpoint.response() != null
        && endpoint.response().format() == ApiSpec.Format.PROTOBUF ? endpoint.response().type() : null;
    Recording.Body requestBody = classify(request.body(), request.header("content-type"), requestType);
    Recording.Body response = classify(responseBody, contentType, responseType);

    // First the named fields (which adds their values to the secrets), then every other occurrence.
    undecoded.clear();
    requestBody = hideNamedFields(requestBody, "request");
    response = hideNamedFields(response, "response");
    requestBody = scrub(requestBody);
    response = scrub(response);
    recordedHeaders.replaceAll((name, value) -> scrub(value));
    String path = scrub(request.path());

    Recording recording = new Recording("new", description,
        new Recording.Request(request.method(), path, recordedHeaders, requestBody, host),
        new Recording.Response(status, contentType, response), List.of());
    guard(recording);
    return recording;
  }

  private void secret(String value) {
    if (value != null && !value.isEmpty() && !value.equals(Recording.REDACTED)) {
      secrets.add(value);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Bodies

  private Recording.Body classify(byte[] bytes, String contentType, String protobufType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (bytes.length == 0 && protobufType == null) {
      return null;
    }
    if (type.contains("json")) {
      JsonNode json = json(bytes);
      if (json != null) {
        return new Recording.JsonBody(json);
      }
    }
    if (protobufType != null || type.contains("protobuf")) {
      for (String message : new String[] {protobufType, null}) {
        try {
          if (message == null || protos.find(message).isPresent()) {
            return new Recording.ProtobufBody(bytes, message, protos.decode(message, bytes));
          }
        } catch (Exception e) {
          // not this type: try the next, then fall back to bytes
        }
      }
    }
    if (!type.contains("json")) {
      JsonNode json = bytes.length > 0 && (bytes[0] == '{' || bytes[0] == '[') ? json(bytes) : null;
      if (json != null) {
        return new Recording.JsonBody(json);
      }
    }
    String text = utf8(bytes);
    if (text != null && (type.isEmpty() || type.startsWith("text/") || type.contains("json") || type.contains("xml")
        || type.contains("html"))) {
      return new Recording.TextBody(text);
    }
    return new Recording.BinaryBody(bytes);
  }

  private static JsonNode json(byte[] bytes) {
    try {
      return Recording.JSON.readTree(bytes);
    } catch (Exception e) {
      return null;
    }
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * The bodies the last {@link #record} wrote as {@value #UNDECODED}: ones that named fields may be in (a
   * protobuf message the recorder could not name, raw bytes) and so are not written in clear.
   */
  List<String> undecoded() {
    return List.copyOf(undecoded);
  }

  private Recording.Body hideNamedFields(Recording.Body body, String which) {
    if (fields.isEmpty()) {
      return body;
    }
    if ((body instanceof Recording.ProtobufBody proto && protos.find(proto.message()).isEmpty())
        || body instanceof Recording.BinaryBody) {
      undecoded.add(which);
      return new Recording.TextBody(UNDECODED);
    }
    if (body instanceof Recording.JsonBody json) {
      JsonNode copy = json.json().deepCopy();
      hideJson(copy);
      return new Recording.JsonBody(copy);
    }
    if (body instanceof Recording.ProtobufBody proto && protos.find(proto.message()).isPresent()) {
      return rewriteProtobuf(proto, true);
    }
    return body;
  }

  private void hideJson(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> property = it.next();
        if (fields.contains(property.getKey()) && !property.getValue().isNull()) {
          secret(property.getValue().isValueNode() ? property.getValue().asText() : property.getValue().toString());
          property.setValue(TextNode.valueOf(Recording.REDACTED));
        } else {
          hideJson(property.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(this::hideJson);
    }
  }

  private Recording.Body scrub(Recording.Body body) {
    if (body instanceof Recording.JsonBody json) {
      return new Recording.JsonBody(scrubJson(json.json().deepCopy()));
    }
    if (body instanceof Recording.TextBody text) {
      return new Recording.TextBody(scrub(text.text()));
    }
    if (body instanceof Recording.ProtobufBody proto && protos.find(proto.message()).isPresent()) {
      return rewriteProtobuf(proto, false);
    }
    return body;
  }

  private JsonNode scrubJson(JsonNode node) {
    if (node.isTextual()) {
      return TextNode.valueOf(scrub(node.asText()));
    }
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> property = it.next();
        property.setValue(scrubJson(property.getValue()));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, scrubJson(array.get(i)));
      }
    }
    return node;
  }

  private String scrub(String text) {
    String result = text;
    for (String secret : secrets) {
      if (secret.length() >= MIN_SCRUB_LENGTH) {
        result = result.replace(secret, Recording.REDACTED);
      }
    }
    return result;
  }

  /** Re-encodes a protobuf body with named string fields hidden ({@code named}) or secrets scrubbed. */
  private Recording.Body rewriteProtobuf(Recording.ProtobufBody proto, boolean named) {
    try {
      DynamicMessage message = protos.parse(proto.message(), proto.bytes());
      Message rewritten = rewrite(message, named);
      if (rewritten.equals(message)) {
        return proto;
      }
      byte[] bytes = rewritten.toByteArray();
      return new Recording.ProtobufBody(bytes, proto.message(), protos.decode(proto.message(), bytes));
    } catch (Exception e) {
      return proto;
    }
  }

  private Message rewrite(Message message, boolean named) {
    Message.Builder builder = message.toBuilder();
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      FieldDescriptor descriptor = field.getKey();
      if (descriptor.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        if (descriptor.isRepeated()) {
          List<Object> items = new ArrayList<>();
          for (Object item : (List<?>) field.getValue()) {
            items.add(rewrite((Message) item, named));
          }
          builder.setField(descriptor, items);
        } else {
          builder.setField(descriptor, rewrite((Message) field.getValue(), named));
        }
      } else if (descriptor.getJavaType() == FieldDescriptor.JavaType.STRING) {
        boolean hide = named && fields.contains(descriptor.getName());
        if (descriptor.isRepeated()) {
          List<Object> items = new ArrayList<>();
          for (Object item : (List<?>) field.getValue()) {
            items.add(rewriteString((String) item, hide, named));
          }
          builder.setField(descriptor, items);
        } else {
          builder.setField(descriptor, rewriteString((String) field.getValue(), hide, named));
        }
      }
    }
    return builder.build();
  }

  private String rewriteString(String value, boolean hide, boolean named) {
    if (hide) {
      secret(value);
      return Recording.REDACTED;
    }
    return named ? value : scrub(value);
  }

  // ---------------------------------------------------------------------------------------------
  // The last line of defence

  private void guard(Recording recording) throws SecretLeft {
    String file = new String(recording.toFile(), StandardCharsets.UTF_8);
    for (String secret : secrets) {
      if (secret.length() < MIN_SCRUB_LENGTH) {
        continue;
      }
      String escaped = new String(JsonStringEncoder.getInstance().quoteAsString(secret));
      if (file.contains(secret) || file.contains(escaped)) {
        throw new SecretLeft("recording");
      }
      byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
      if (contains(recording.request().body(), needle)) {
        throw new SecretLeft("request body");
      }
      if (contains(recording.response().body(), needle)) {
        throw new SecretLeft("response body");
      }
    }
  }

  private static boolean contains(Recording.Body body, byte[] needle) {
    if (body == null) {
      return false;
    }
    byte[] haystack = body.bytes();
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
