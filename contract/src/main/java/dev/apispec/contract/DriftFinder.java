package dev.apispec.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the fields of a recorded response that the spec does not know ("drift"), each with its exact
 * path: {@code data.rooms[0].newField} for a JSON property (found in the {@code unknownFields()} of
 * the decoded records), {@code data.tag[0]#5} for a protobuf field number (found in the unknown
 * fields of the parsed message: the path of the message, {@code #}, the number). Only 2xx responses
 * are examined; the shape of other responses is not part of the spec.
 */
public final class DriftFinder {

  /**
   * A field the spec does not know.
   *
   * @param path where it is
   * @param detail what it holds, for the report
   */
  public record Drift(String path, String detail) {
    @Override
    public String toString() {
      return path + "  (" + detail + ")";
    }
  }

  /**
   * What the response holds.
   *
   * @param drift the fields the spec does not know
   * @param problems reasons the response does not fit the spec at all (does not decode, wrong format)
   */
  public record Analysis(List<Drift> drift, List<String> problems) {
    /** The drift paths. */
    public List<String> paths() {
      return drift.stream().map(Drift::path).toList();
    }
  }

  private final ApiSpec spec;

  public DriftFinder(ApiSpec spec) {
    this.spec = spec;
  }

  /** Examines the recorded response of {@code recording}, an exchange with {@code binding}'s endpoint. */
  public Analysis analyse(Recording recording, ClientBinding binding) {
    List<Drift> drift = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Recording.Response response = recording.response();
    if (response.status() < 200 || response.status() > 299 || response.body() == null) {
      return new Analysis(drift, problems);
    }
    ApiSpec.Endpoint endpoint = binding.endpoint();
    ApiSpec.Format format = endpoint.response() == null ? null : endpoint.response().format();
    if (format == ApiSpec.Format.TEXT || format == ApiSpec.Format.BYTES) {
      // opaque to the spec: nothing in them can be unknown
      return new Analysis(drift, problems);
    }
    if (endpoint.jsonResponse() && endpoint.envelope().none()) {
      payload(response.body(), binding, drift, problems);
    } else if (endpoint.jsonResponse()) {
      json(response.body(), binding, drift, problems);
    } else {
      protobuf(response.body(), binding, drift, problems);
    }
    return new Analysis(List.copyOf(drift), List.copyOf(problems));
  }

  private void json(Recording.Body body, ClientBinding binding, List<Drift> drift, List<String> problems) {
    if (!(body instanceof Recording.JsonBody json) || !json.json().isObject()) {
      problems.add("the response body is not a JSON object, but " + binding.endpoint() + " answers with a JSON envelope");
      return;
    }
    ApiSpec.Envelope envelope = binding.endpoint().envelope();
    JsonNode root = json.json();
    ApiSpec.Body response = binding.endpoint().response();
    if (envelope.beside() && response != null && response.format() == ApiSpec.Format.JSON) {
      beside(root, envelope, binding, drift, problems);
      return;
    }
    for (String name : JsonCompare.extraNames(root, envelope.names())) {
      drift.add(new Drift(name, "JSON property of the envelope, value " + JsonCompare.excerpt(root.get(name))));
    }
    boolean success = true;
    if (envelope.code() != null) {
      JsonNode code = root.get(envelope.code());
      if (code == null || !code.isIntegralNumber() || !code.canConvertToInt()) {
        problems.add("the envelope has no integer '" + envelope.code() + "'"
            + (code == null ? "" : ": " + JsonCompare.excerpt(code)));
        return;
      }
      success = code.asLong() == envelope.success();
    }
    if (envelope.data() == null) {
      return;
    }
    JsonNode data = root.get(envelope.data());
    boolean hasData = data != null && !data.isNull();
    if (!success || response == null || response.format() != ApiSpec.Format.JSON) {
      if (hasData) {
        drift.add(new Drift(envelope.data(), (success ? "the spec gives " + binding.endpoint() + " no response data"
            : "data in a failure response") + ", value " + JsonCompare.excerpt(data)));
      }
      return;
    }
    if (!hasData) {
      problems.add("the response has no '" + envelope.data() + "', but the spec says " + response.type());
      return;
    }
    decodeAndWalk(envelope.data(), data, binding, drift, problems);
  }

  /**
   * A payload beside the envelope's code and message: a success decodes as a whole, and the envelope's own
   * properties, which the record keeps among its unknown fields, are not drift.
   */
  private void beside(JsonNode root, ApiSpec.Envelope envelope, ClientBinding binding, List<Drift> drift,
      List<String> problems) {
    JsonNode code = root.get(envelope.code());
    if (code == null || !code.isIntegralNumber() || !code.canConvertToInt()) {
      problems.add("the envelope has no integer '" + envelope.code() + "'"
          + (code == null ? "" : ": " + JsonCompare.excerpt(code)));
      return;
    }
    if (code.asLong() != envelope.success()) {
      return; // a failure holds no payload
    }
    List<Drift> found = new ArrayList<>();
    decodeAndWalk("", root, binding, found, problems);
    Set<String> own = envelope.names();
    found.stream().filter(d -> !own.contains(d.path().substring(1))).forEach(drift::add);
  }

  /** An answer without envelope: the whole body is the payload. */
  private void payload(Recording.Body body, ClientBinding binding, List<Drift> drift, List<String> problems) {
    if (binding.endpoint().response() == null) {
      return;
    }
    if (!(body instanceof Recording.JsonBody json)) {
      problems.add("the response body is not JSON, but the spec says " + binding.endpoint().response().type());
      return;
    }
    decodeAndWalk("", json.json(), binding, drift, problems);
  }

  private void decodeAndWalk(String where, JsonNode data, ClientBinding binding, List<Drift> drift,
      List<String> problems) {
    String name = where.isEmpty() ? "the body" : where;
    Object decoded;
    try {
      decoded = JsonCompare.PLAIN.treeToValue(data, binding.responseType());
    } catch (JsonMappingException e) {
      problems.add(name + pathOf(e) + " does not decode into "
          + binding.responseType().getSimpleName() + ": " + e.getOriginalMessage());
      return;
    } catch (Exception e) {
      problems.add(name + " does not decode into " + binding.responseType().getSimpleName() + ": " + e);
      return;
    }
    walkJson(where, decoded, drift);
  }

  /** {@code .rooms[0].count}: where in the data a Jackson error happened. */
  static String pathOf(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static void walkJson(String path, Object value, List<Drift> drift) {
    if (value == null) {
      return;
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        walkJson(path + "[" + i + "]", list.get(i), drift);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> walkJson(path + "." + key, item, drift));
      return;
    }
    if (!value.getClass().isRecord()) {
      return;
    }
    for (RecordComponent component : value.getClass().getRecordComponents()) {
      Object item;
      try {
        item = component.getAccessor().invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + component, e);
      }
      if (component.getName().equals("unknownFields") && item instanceof Map<?, ?> unknown) {
        unknown.forEach((key, extra) -> drift.add(new Drift(path + "." + key,
            "JSON property, value " + JsonCompare.excerpt(JsonCompare.normalise(extra)))));
        continue;
      }
      JsonProperty wire = component.getAccessor().getAnnotation(JsonProperty.class);
      String name = wire != null && !wire.value().isEmpty() ? wire.value() : component.getName();
      walkJson(path + "." + name, item, drift);
    }
  }

  private static void protobuf(Recording.Body body, ClientBinding binding, List<Drift> drift, List<String> problems) {
    if (!(body instanceof Recording.ProtobufBody proto)) {
      problems.add("the response body is not protobuf, but the spec says " + binding.endpoint().response().type());
      return;
    }
    Message message;
    try {
      message = ClientBinding.parseProtobuf(binding.responseType(), proto.bytes());
    } catch (Exception e) {
      problems.add("the response body is not a valid " + binding.endpoint().response().type() + ": " + e.getMessage());
      return;
    }
    walkProtobuf("", message, drift);
  }

  /** Adds the unknown fields of {@code message} and of every message inside it. */
  static void walkProtobuf(String path, Message message, List<Drift> drift) {
    for (Map.Entry<Integer, UnknownFieldSet.Field> field : message.getUnknownFields().asMap().entrySet()) {
      drift.add(new Drift(path + "#" + field.getKey(), "protobuf field " + field.getKey() + ", "
          + describe(field.getValue())));
    }
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      FieldDescriptor descriptor = field.getKey();
      if (descriptor.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      String child = (path.isEmpty() ? "" : path + ".") + descriptor.getName();
      if (descriptor.isRepeated()) {
        List<?> items = (List<?>) field.getValue();
        for (int i = 0; i < items.size(); i++) {
          walkProtobuf(child + "[" + i + "]", (Message) items.get(i), drift);
        }
      } else {
        walkProtobuf(child, (Message) field.getValue(), drift);
      }
    }
  }

  private static String describe(UnknownFieldSet.Field field) {
    List<String> values = new ArrayList<>();
    field.getVarintList().forEach(v -> values.add("varint " + v));
    field.getFixed32List().forEach(v -> values.add("fixed32 " + Integer.toUnsignedString(v)));
    field.getFixed64List().forEach(v -> values.add("fixed64 " + Long.toUnsignedString(v)));
    field.getLengthDelimitedList().forEach(v -> values.add(lengthDelimited(v)));
    if (!field.getGroupList().isEmpty()) {
      values.add(field.getGroupList().size() + " group(s)");
    }
    return String.join(", ", values);
  }

  private static String lengthDelimited(ByteString bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
      String excerpt = text.length() > 40 ? text.substring(0, 40) + "…" : text;
      return "length-delimited " + bytes.size() + " bytes, as text \"" + excerpt + "\"";
    } catch (CharacterCodingException e) {
      return "length-delimited " + bytes.size() + " bytes";
    }
  }
}
