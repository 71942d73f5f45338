package dev.apispec.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.UnknownFieldSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A protobuf endpoint. The message types are built at runtime from descriptors, as they would be
 * declared in a {@code .proto} file:
 *
 * <pre>
 * syntax = "proto3";
 * package example;
 * message Status { uint64 number = 1; int64 code = 2; string msg = 3; }
 * message Resp { Status status = 1; string value = 2; }
 * message Req { string chat_id = 1; int32 chat_type = 2; }
 * </pre>
 */
class ApiTransportProtobufTest {
  static final String TOKEN = "tok_5f3c9a2e81d4b7";
  static final String PROTOBUF = "application/x-protobuf";

  static final Descriptor STATUS;
  static final Descriptor RESP;
  static final Descriptor REQ;

  static {
    FileDescriptorProto file = FileDescriptorProto.newBuilder()
        .setName("example/api.proto")
        .setPackage("example")
        .setSyntax("proto3")
        .addMessageType(DescriptorProto.newBuilder().setName("Status")
            .addField(field("number", 1, FieldDescriptorProto.Type.TYPE_UINT64))
            .addField(field("code", 2, FieldDescriptorProto.Type.TYPE_INT64))
            .addField(field("msg", 3, FieldDescriptorProto.Type.TYPE_STRING)))
        .addMessageType(DescriptorProto.newBuilder().setName("Resp")
            .addField(field("status", 1, FieldDescriptorProto.Type.TYPE_MESSAGE).setTypeName(".example.Status"))
            .addField(field("value", 2, FieldDescriptorProto.Type.TYPE_STRING)))
        .addMessageType(DescriptorProto.newBuilder().setName("Req")
            .addField(field("chat_id", 1, FieldDescriptorProto.Type.TYPE_STRING))
            .addField(field("chat_type", 2, FieldDescriptorProto.Type.TYPE_INT32)))
        .build();
    try {
      Descriptors.FileDescriptor descriptor = Descriptors.FileDescriptor.buildFrom(file, new Descriptors.FileDescriptor[0]);
      STATUS = descriptor.findMessageTypeByName("Status");
      RESP = descriptor.findMessageTypeByName("Resp");
      REQ = descriptor.findMessageTypeByName("Req");
    } catch (Descriptors.DescriptorValidationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static FieldDescriptorProto.Builder field(String name, int number, FieldDescriptorProto.Type type) {
    return FieldDescriptorProto.newBuilder()
        .setName(name)
        .setNumber(number)
        .setType(type)
        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL);
  }

  static final Endpoint<DynamicMessage> X =
      Endpoint.post("/v1/x", ResponseFormat.protobuf(DynamicMessage.getDefaultInstance(RESP).getParserForType()));

  private LocalServer server;
  private ApiTransport transport;

  @BeforeEach
  void startServer() throws Exception {
    server = LocalServer.start();
    transport = ApiTransport.builder()
        .baseUri(server.uri())
        .auth("token", TOKEN)
        .protoStatus(new ProtoStatus("status", "code", "msg", 1))
        .build();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  static DynamicMessage status(long number, long code, String msg) {
    return DynamicMessage.newBuilder(STATUS)
        .setField(STATUS.findFieldByName("number"), number)
        .setField(STATUS.findFieldByName("code"), code)
        .setField(STATUS.findFieldByName("msg"), msg)
        .build();
  }

  static DynamicMessage resp(DynamicMessage status, String value) {
    DynamicMessage.Builder resp = DynamicMessage.newBuilder(RESP).setField(RESP.findFieldByName("value"), value);
    if (status != null) {
      resp.setField(RESP.findFieldByName("status"), status);
    }
    return resp.build();
  }

  static DynamicMessage req(String chatId, int chatType) {
    return DynamicMessage.newBuilder(REQ)
        .setField(REQ.findFieldByName("chat_id"), chatId)
        .setField(REQ.findFieldByName("chat_type"), chatType)
        .build();
  }

  @Test
  void sendsTheMessageBytesAndReturnsTheParsedResponse() throws Exception {
    DynamicMessage expected = resp(status(7, 1, "success"), "hello");
    server.respond(200, PROTOBUF, expected.toByteArray());
    DynamicMessage request = req("u42", 2);

    DynamicMessage response = transport.call(X, request);

    assertEquals(expected, response);
    assertEquals("hello", response.getField(RESP.findFieldByName("value")));
    LocalServer.Recorded sent = server.takeRequest();
    assertEquals("POST", sent.method());
    assertEquals("/v1/x", sent.path());
    assertEquals(PROTOBUF, sent.header("Content-Type"));
    assertEquals(PROTOBUF, sent.header("Accept"));
    assertEquals(TOKEN, sent.header("token"));
    assertArrayEquals(request.toByteArray(), sent.body());
    assertArrayEquals(new byte[] {0x0a, 0x03, 'u', '4', '2', 0x10, 0x02}, sent.body());
  }

  @Test
  void nonSuccessCodeBecomesApiErrorException() {
    server.respond(200, PROTOBUF, resp(status(7, 1002, "消息发送过于频繁"), "").toByteArray());

    ApiErrorException e = assertThrows(ApiErrorException.class, () -> transport.call(X, req("u1", 1)));

    assertEquals(1002, e.code());
    assertEquals("消息发送过于频繁", e.getMessage());
    assertEquals("POST /v1/x", e.endpoint());
    assertEquals(200, e.httpStatus());
  }

  @Test
  void negativeCodeBecomesApiErrorException() {
    server.respond(200, PROTOBUF, resp(status(0, -1, "token 无效"), "").toByteArray());

    ApiErrorException e = assertThrows(ApiErrorException.class, () -> transport.call(X, null));

    assertEquals(-1, e.code());
    assertEquals("token 无效", e.getMessage());
  }

  @Test
  void statusWithoutCodeIsNotSuccessWhenSuccessIsOne() {
    // proto3 drops zero values: code 0 and msg "" are simply absent on the wire.
    server.respond(200, PROTOBUF, resp(status(0, 0, ""), "v").toByteArray());

    ApiErrorException e = assertThrows(ApiErrorException.class, () -> transport.call(X, null));

    assertEquals(0, e.code());
    assertEquals("", e.getMessage());
  }

  @Test
  void codeOutsideIntRangeIsReportedAsIntMinValue() {
    server.respond(200, PROTOBUF, resp(status(0, 1L << 40, "huge"), "").toByteArray());

    ApiErrorException e = assertThrows(ApiErrorException.class, () -> transport.call(X, null));

    assertEquals(Integer.MIN_VALUE, e.code());
    assertEquals("huge", e.getMessage());
  }

  @Test
  void errorFactoryIsUsedForProtobufToo() {
    server.respond(200, PROTOBUF, resp(status(0, -1, "nope"), "").toByteArray());
    ApiTransport withFactory = ApiTransport.builder()
        .baseUri(server.uri())
        .protoStatus(new ProtoStatus("status", "code", "msg", 1))
        .errorFactory(ApiTransportErrorTest.ExampleApiException::new)
        .build();

    ApiTransportErrorTest.ExampleApiException e =
        assertThrows(ApiTransportErrorTest.ExampleApiException.class, () -> withFactory.call(X, null));

    assertEquals(-1, e.code());
    assertEquals("nope", e.getMessage());
  }

  @Test
  void missingStatusBecomesApiDecodeException() {
    server.respond(200, PROTOBUF, resp(null, "no status here").toByteArray());

    ApiDecodeException e = assertThrows(ApiDecodeException.class, () -> transport.call(X, null));

    assertEquals("POST /v1/x (HTTP 200): the response has no 'status'", e.getMessage());
    assertEquals("POST /v1/x", e.endpoint());
    assertEquals(200, e.httpStatus());
  }

  @Test
  void emptyBodyHasNoStatus() {
    server.respond(200, PROTOBUF, new byte[0]);

    ApiDecodeException e = assertThrows(ApiDecodeException.class, () -> transport.call(X, null));

    assertEquals("POST /v1/x (HTTP 200): the response has no 'status'", e.getMessage());
  }

  @Test
  void garbageBytesBecomeApiDecodeException() {
    // field 1, length-delimited, says 16 bytes follow but only 2 do
    server.respond(200, PROTOBUF, new byte[] {0x0a, 0x10, 0x01, 0x02});

    ApiDecodeException e = assertThrows(ApiDecodeException.class, () -> transport.call(X, null));

    assertTrue(e.getMessage().startsWith("POST /v1/x (HTTP 200): the response is not a valid protobuf message: "),
        e.getMessage());
    assertEquals(200, e.httpStatus());
  }

  @Test
  void htmlPageInsteadOfProtobufBecomesApiDecodeException() {
    server.respond(200, "text/html", "<html><body>Login</body></html>");

    ApiDecodeException e = assertThrows(ApiDecodeException.class, () -> transport.call(X, null));

    assertTrue(e.getMessage().startsWith("POST /v1/x (HTTP 200): the response is not a valid protobuf message: "),
        e.getMessage());
  }

  @Test
  void nonSuccessHttpStatusBecomesApiHttpException() {
    server.respond(502, "text/plain", "Bad Gateway");

    ApiHttpException e = assertThrows(ApiHttpException.class, () -> transport.call(X, req("u1", 1)));

    assertEquals("POST /v1/x failed with HTTP 502: Bad Gateway", e.getMessage());
    assertEquals(502, e.httpStatus());
  }

  @Test
  void unknownFieldsSurviveParsingAndReEncoding() throws Exception {
    // Written by hand: Status{number=5, code=1, msg="success", #9=77} and Resp{status, value="v", #99=7, #100="extra"},
    // the unknown fields being ones a newer server added.
    byte[] statusBytes = encode(out -> {
      out.writeUInt64(1, 5);
      out.writeInt64(2, 1);
      out.writeString(3, "success");
      out.writeUInt64(9, 77);
    });
    byte[] respBytes = encode(out -> {
      out.writeBytes(1, ByteString.copyFrom(statusBytes));
      out.writeString(2, "v");
      out.writeUInt64(99, 7);
      out.writeString(100, "extra");
    });
    server.respond(200, PROTOBUF, respBytes);

    DynamicMessage response = transport.call(X, null);

    UnknownFieldSet unknown = response.getUnknownFields();
    assertTrue(unknown.hasField(99));
    assertEquals(List.of(7L), unknown.getField(99).getVarintList());
    assertEquals(List.of(ByteString.copyFromUtf8("extra")), unknown.getField(100).getLengthDelimitedList());
    assertFalse(unknown.hasField(2));
    DynamicMessage status = (DynamicMessage) response.getField(RESP.findFieldByName("status"));
    assertEquals(List.of(77L), status.getUnknownFields().getField(9).getVarintList());
    assertEquals("v", response.getField(RESP.findFieldByName("value")));
    assertArrayEquals(respBytes, response.toByteArray());
  }

  @Test
  void callAsyncFailsWithTheSameExceptions() {
    server.respond(200, PROTOBUF, resp(status(0, -1, "nope"), "").toByteArray());

    ExecutionException failure = assertThrows(ExecutionException.class,
        () -> transport.callAsync(X, req("u1", 1)).get(10, TimeUnit.SECONDS));

    ApiErrorException e = assertInstanceOf(ApiErrorException.class, failure.getCause());
    assertEquals(-1, e.code());
    assertEquals("nope", e.getMessage());
  }

  @Test
  void withoutProtoStatusTheResponseIsReturnedUnchecked() {
    server.respond(200, PROTOBUF, resp(status(0, -1, "nope"), "v").toByteArray());
    ApiTransport unchecked = ApiTransport.builder().baseUri(server.uri()).build();

    DynamicMessage response = unchecked.call(X, null);

    assertEquals(resp(status(0, -1, "nope"), "v"), response);
  }

  private interface Writer {
    void write(CodedOutputStream out) throws IOException;
  }

  private static byte[] encode(Writer writer) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    writer.write(out);
    out.flush();
    return bytes.toByteArray();
  }
}
