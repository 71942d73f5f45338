package dev.apispec.runtime;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import dev.apispec.runtime.testing.Oracles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the hostile-response tests decode: a JSON DTO shaped like the generated ones (boxed and primitive
 * numbers, a decimal, lists, a nested record, an open enum, a comma-separated list, unknown fields), and a
 * protobuf response with a status and every kind of 32-bit integer field.
 *
 * <pre>
 * syntax = "proto3";
 * package fuzz;
 * message Status { uint64 number = 1; int64 code = 2; string msg = 3; }
 * enum Kind { KIND_UNSPECIFIED = 0; KIND_A = 1; KIND_B = 2; }
 * message Item { string name = 1; int32 score = 2; }
 * message Resp {
 *   Status status = 1; string value = 2; int32 count = 3; uint32 size = 4; sint32 delta = 5;
 *   repeated int32 ids = 6; Kind kind = 7; Item item = 8; repeated Item items = 9; bytes blob = 10;
 *   bool on = 11; double ratio = 12; fixed32 mark = 13; int64 total = 14;
 * }
 * </pre>
 */
final class HostileFixtures {
  private HostileFixtures() {}

  static final String TOKEN = "tok_hostile_3e9d71a5c2";
  static final String JSON = "application/json";
  static final String PROTOBUF = "application/x-protobuf";

  /** An open enum, as the generator writes them. */
  record Kind(@JsonValue int value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Kind of(int value) {
      return new Kind(value);
    }
  }

  record Nested(String name, Long when) {}

  /** The {@code data} of the JSON endpoint. */
  record Sample(String id, Integer count, int level, Long total, Boolean flag, BigDecimal price,
      List<Integer> numbers, Nested nested, List<Nested> items, Kind kind,
      @JsonSerialize(using = CommaSeparated.Serializer.class)
      @JsonDeserialize(using = CommaSeparated.Deserializer.class) List<Kind> kinds,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    Sample {
      extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }
  }

  static final Endpoint<Sample> JSON_DATA = Endpoint.post("/v1/sample", ResponseFormat.jsonData(Sample.class));
  static final Endpoint<Void> JSON_NO_DATA = Endpoint.post("/v1/sample/ack", ResponseFormat.jsonNoData());

  static final Descriptor STATUS;
  static final Descriptor ITEM;
  static final Descriptor RESP;

  static {
    FileDescriptorProto file = FileDescriptorProto.newBuilder()
        .setName("fuzz/resp.proto")
        .setPackage("fuzz")
        .setSyntax("proto3")
        .addEnumType(EnumDescriptorProto.newBuilder().setName("Kind")
            .addValue(EnumValueDescriptorProto.newBuilder().setName("KIND_UNSPECIFIED").setNumber(0))
            .addValue(EnumValueDescriptorProto.newBuilder().setName("KIND_A").setNumber(1))
            .addValue(EnumValueDescriptorProto.newBuilder().setName("KIND_B").setNumber(2)))
        .addMessageType(DescriptorProto.newBuilder().setName("Status")
            .addField(field("number", 1, FieldDescriptorProto.Type.TYPE_UINT64))
            .addField(field("code", 2, FieldDescriptorProto.Type.TYPE_INT64))
            .addField(field("msg", 3, FieldDescriptorProto.Type.TYPE_STRING)))
        .addMessageType(DescriptorProto.newBuilder().setName("Item")
            .addField(field("name", 1, FieldDescriptorProto.Type.TYPE_STRING))
            .addField(field("score", 2, FieldDescriptorProto.Type.TYPE_INT32)))
        .addMessageType(DescriptorProto.newBuilder().setName("Resp")
            .addField(field("status", 1, FieldDescriptorProto.Type.TYPE_MESSAGE).setTypeName(".fuzz.Status"))
            .addField(field("value", 2, FieldDescriptorProto.Type.TYPE_STRING))
            .addField(field("count", 3, FieldDescriptorProto.Type.TYPE_INT32))
            .addField(field("size", 4, FieldDescriptorProto.Type.TYPE_UINT32))
            .addField(field("delta", 5, FieldDescriptorProto.Type.TYPE_SINT32))
            .addField(field("ids", 6, FieldDescriptorProto.Type.TYPE_INT32)
                .setLabel(FieldDescriptorProto.Label.LABEL_REPEATED))
            .addField(field("kind", 7, FieldDescriptorProto.Type.TYPE_ENUM).setTypeName(".fuzz.Kind"))
            .addField(field("item", 8, FieldDescriptorProto.Type.TYPE_MESSAGE).setTypeName(".fuzz.Item"))
            .addField(field("items", 9, FieldDescriptorProto.Type.TYPE_MESSAGE).setTypeName(".fuzz.Item")
                .setLabel(FieldDescriptorProto.Label.LABEL_REPEATED))
            .addField(field("blob", 10, FieldDescriptorProto.Type.TYPE_BYTES))
            .addField(field("on", 11, FieldDescriptorProto.Type.TYPE_BOOL))
            .addField(field("ratio", 12, FieldDescriptorProto.Type.TYPE_DOUBLE))
            .addField(field("mark", 13, FieldDescriptorProto.Type.TYPE_FIXED32))
            .addField(field("total", 14, FieldDescriptorProto.Type.TYPE_INT64)))
        .build();
    try {
      Descriptors.FileDescriptor descriptor = Descriptors.FileDescriptor.buildFrom(file, new Descriptors.FileDescriptor[0]);
      STATUS = descriptor.findMessageTypeByName("Status");
      ITEM = descriptor.findMessageTypeByName("Item");
      RESP = descriptor.findMessageTypeByName("Resp");
    } catch (Descriptors.DescriptorValidationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static final Endpoint<DynamicMessage> PROTO = Endpoint.post("/v1/proto",
      ResponseFormat.protobuf(DynamicMessage.getDefaultInstance(RESP).getParserForType()));

  private static FieldDescriptorProto.Builder field(String name, int number, FieldDescriptorProto.Type type) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL);
  }

  /** A transport the way a generated client builds one, on {@code httpClient}. */
  static ApiTransport.Builder transport(HttpClient httpClient) {
    return ApiTransport.builder()
        .httpClient(httpClient)
        .baseUri(java.net.URI.create("http://127.0.0.1:9"))
        .auth("token", TOKEN)
        .jsonEnvelope(new JsonEnvelope("code", "msg", "data", 1))
        .protoStatus(new ProtoStatus("status", "code", "msg", 1));
  }

  /** Writes protobuf bytes by hand, wrong ones included. */
  interface Writer {
    void write(CodedOutputStream out) throws IOException;
  }

  static byte[] encode(Writer writer) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      writer.write(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A successful status, as the server writes it. */
  static byte[] okStatus() {
    return encode(out -> {
      out.writeUInt64(1, 114514);
      out.writeInt64(2, 1);
      out.writeString(3, "success");
    });
  }

  /** Why {@code e} is not the kind of failure the client promises for {@code endpoint}, or {@code null}. */
  static String problemWith(Throwable e, Endpoint<?> endpoint) {
    return Oracles.problemWith(e, endpoint.toString(), TOKEN);
  }
}
