package dev.apispec.runtime;

import static dev.apispec.runtime.HostileFixtures.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import dev.apispec.runtime.testing.CannedHttpClient;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The status check of protobuf responses, whose field descriptors are looked up once per response type.
 * The types:
 *
 * <pre>
 * syntax = "proto3";
 * package st;
 * message Status { int64 code = 1; string msg = 2; }
 * message Other { int32 code = 5; string msg = 6; }
 * message Bare { string note = 1; }
 * message TextCode { string code = 1; string msg = 2; }
 * message NoText { int32 code = 1; }
 * message Resp { Status status = 1; string value = 2; }
 * message OtherResp { string value = 1; Other status = 2; }
 * message Plain { string value = 1; }
 * message NotMessage { string status = 1; }
 * message Codeless { Bare status = 1; }
 * message StringCode { TextCode status = 1; }
 * message Silent { NoText status = 1; }
 * </pre>
 */
class ProtoStatusCheckTest {
  private static final String TOKEN = "tok_status_8c1e27f04b";
  private static final Descriptor RESP;
  private static final Descriptor OTHER_RESP;
  private static final Descriptor PLAIN;
  private static final Descriptor NOT_MESSAGE;
  private static final Descriptor CODELESS;
  private static final Descriptor STRING_CODE;
  private static final Descriptor SILENT;

  static {
    FileDescriptorProto file = FileDescriptorProto.newBuilder()
        .setName("st/st.proto")
        .setPackage("st")
        .setSyntax("proto3")
        .addMessageType(message("Status", field("code", 1, Type.TYPE_INT64), field("msg", 2, Type.TYPE_STRING)))
        .addMessageType(message("Other", field("code", 5, Type.TYPE_INT32), field("msg", 6, Type.TYPE_STRING)))
        .addMessageType(message("Bare", field("note", 1, Type.TYPE_STRING)))
        .addMessageType(message("TextCode", field("code", 1, Type.TYPE_STRING), field("msg", 2, Type.TYPE_STRING)))
        .addMessageType(message("NoText", field("code", 1, Type.TYPE_INT32)))
        .addMessageType(message("Resp", status(1, "Status"), field("value", 2, Type.TYPE_STRING)))
        .addMessageType(message("OtherResp", field("value", 1, Type.TYPE_STRING), status(2, "Other")))
        .addMessageType(message("Plain", field("value", 1, Type.TYPE_STRING)))
        .addMessageType(message("NotMessage", field("status", 1, Type.TYPE_STRING)))
        .addMessageType(message("Codeless", status(1, "Bare")))
        .addMessageType(message("StringCode", status(1, "TextCode")))
        .addMessageType(message("Silent", status(1, "NoText")))
        .build();
    try {
      Descriptors.FileDescriptor descriptor = Descriptors.FileDescriptor.buildFrom(file, new Descriptors.FileDescriptor[0]);
      RESP = descriptor.findMessageTypeByName("Resp");
      OTHER_RESP = descriptor.findMessageTypeByName("OtherResp");
      PLAIN = descriptor.findMessageTypeByName("Plain");
      NOT_MESSAGE = descriptor.findMessageTypeByName("NotMessage");
      CODELESS = descriptor.findMessageTypeByName("Codeless");
      STRING_CODE = descriptor.findMessageTypeByName("StringCode");
      SILENT = descriptor.findMessageTypeByName("Silent");
    } catch (Descriptors.DescriptorValidationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static FieldDescriptorProto.Builder field(String name, int number, Type type) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL);
  }

  private static FieldDescriptorProto.Builder status(int number, String type) {
    return field("status", number, Type.TYPE_MESSAGE).setTypeName(".st." + type);
  }

  private static DescriptorProto.Builder message(String name, FieldDescriptorProto.Builder... fields) {
    DescriptorProto.Builder message = DescriptorProto.newBuilder().setName(name);
    for (FieldDescriptorProto.Builder field : fields) {
      message.addField(field);
    }
    return message;
  }

  private static Endpoint<DynamicMessage> endpoint(Descriptor type) {
    return Endpoint.post("/v1/" + type.getName(),
        ResponseFormat.protobuf(DynamicMessage.getDefaultInstance(type).getParserForType()));
  }

  private static ApiTransport transport(CannedHttpClient httpClient) {
    return ApiTransport.builder()
        .httpClient(httpClient)
        .baseUri(URI.create("http://127.0.0.1:9"))
        .auth("token", TOKEN)
        .protoStatus(new ProtoStatus("status", "code", "msg", 1))
        .build();
  }

  /** A transport answering every call with {@code body}. */
  private static ApiTransport answering(byte[] body) {
    return transport(CannedHttpClient.answering(200, "application/x-protobuf", body));
  }

  /** A status of {@code code} and {@code msg} in the given field numbers, in field {@code statusNumber}. */
  private static byte[] withStatus(int statusNumber, int codeNumber, long code, int msgNumber, String msg) {
    byte[] status = encode(out -> {
      out.writeInt64(codeNumber, code);
      out.writeString(msgNumber, msg);
    });
    return encode(out -> out.writeBytes(statusNumber, ByteString.copyFrom(status)));
  }

  @Test
  void eachResponseTypeIsCheckedWithItsOwnFields() {
    // one transport, two response types whose status fields differ in number and type; each called twice,
    // the second time with the fields resolved the first
    byte[] resp = withStatus(1, 1, 1002, 2, "busy");
    byte[] other = withStatus(2, 5, 7, 6, "other");
    ApiTransport transport = transport(CannedHttpClient.answering(request -> CannedHttpClient.Canned.of(200,
        "application/x-protobuf", request.uri().getPath().endsWith("/OtherResp") ? other : resp)));
    for (int i = 0; i < 2; i++) {
      ApiErrorException e = assertThrows(ApiErrorException.class, () -> transport.call(endpoint(RESP), null));
      assertEquals(1002, e.code());
      assertEquals("busy", e.getMessage());
      ApiErrorException o = assertThrows(ApiErrorException.class, () -> transport.call(endpoint(OTHER_RESP), null));
      assertEquals(7, o.code());
      assertEquals("other", o.getMessage());
    }

    DynamicMessage ok = answering(withStatus(2, 5, 1, 6, "success")).call(endpoint(OTHER_RESP), null);

    DynamicMessage status = (DynamicMessage) ok.getField(OTHER_RESP.findFieldByName("status"));
    assertEquals("success", status.getField(status.getDescriptorForType().findFieldByName("msg")));
  }

  @Test
  void theFieldsOfAResponseTypeAreResolvedOnce() {
    ProtoStatusCheck check = new ProtoStatusCheck(new ProtoStatus("status", "code", "msg", 1), ApiErrorException::new);

    ProtoStatusCheck.Fields fields = check.fields(RESP);

    assertSame(fields, check.fields(RESP));
    assertEquals("st.Resp.status", fields.status().getFullName());
    assertEquals("st.Status.code", fields.code().getFullName());
    assertEquals("st.Status.msg", fields.text().getFullName());
    assertEquals("st.Other.code", check.fields(OTHER_RESP).code().getFullName());
  }

  @Test
  void aResponseTypeWithoutAStatusMessageFieldIsAnIllegalState() {
    for (int i = 0; i < 2; i++) {
      IllegalStateException plain = assertThrows(IllegalStateException.class,
          () -> answering(new byte[0]).call(endpoint(PLAIN), null));
      assertEquals("st.Plain has no message field 'status'", plain.getMessage());
      IllegalStateException notMessage = assertThrows(IllegalStateException.class,
          () -> answering(new byte[0]).call(endpoint(NOT_MESSAGE), null));
      assertEquals("st.NotMessage has no message field 'status'", notMessage.getMessage());
    }
  }

  @Test
  void aStatusWithoutAnIntegerCodeIsAnIllegalStateOnlyWhenPresent() {
    ApiDecodeException absent = assertThrows(ApiDecodeException.class,
        () -> answering(new byte[0]).call(endpoint(CODELESS), null));
    assertEquals("POST /v1/Codeless (HTTP 200): the response has no 'status'", absent.getMessage());

    byte[] bare = encode(out -> out.writeBytes(1, ByteString.copyFrom(encode(s -> s.writeString(1, "n")))));
    IllegalStateException codeless = assertThrows(IllegalStateException.class,
        () -> answering(bare).call(endpoint(CODELESS), null));
    assertEquals("st.Bare has no integer field 'code'", codeless.getMessage());

    byte[] textCode = encode(out -> out.writeBytes(1, ByteString.copyFrom(encode(s -> s.writeString(1, "1")))));
    IllegalStateException stringCode = assertThrows(IllegalStateException.class,
        () -> answering(textCode).call(endpoint(STRING_CODE), null));
    assertEquals("st.TextCode has no integer field 'code'", stringCode.getMessage());
  }

  @Test
  void aStatusWithoutAMessageFieldFailsWithAnEmptyMessage() {
    byte[] body = encode(out -> out.writeBytes(1, ByteString.copyFrom(encode(s -> s.writeInt32(1, -3)))));

    ApiErrorException e = assertThrows(ApiErrorException.class, () -> answering(body).call(endpoint(SILENT), null));

    assertEquals(-3, e.code());
    assertEquals("", e.getMessage());
  }

  @Test
  void theServersMessageIsRedacted() {
    ApiErrorException e = assertThrows(ApiErrorException.class,
        () -> answering(withStatus(1, 1, -1, 2, "bad token " + TOKEN)).call(endpoint(RESP), null));

    assertEquals("bad token ***", e.getMessage());
  }
}
