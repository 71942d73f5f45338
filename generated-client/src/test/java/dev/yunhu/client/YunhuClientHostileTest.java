package dev.yunhu.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedInputStream;
import dev.apispec.runtime.ApiDecodeException;
import dev.apispec.runtime.ApiResponseTooLargeException;
import dev.apispec.runtime.ApiTransport;
import dev.apispec.runtime.testing.CannedHttpClient;
import dev.apispec.runtime.testing.RawHttpServer;
import dev.apispec.runtime.testing.Reliability;
import dev.yunhu.client.model.ChatType;
import dev.yunhu.client.model.FriendApplyRequest;
import dev.yunhu.client.model.GroupTagList;
import dev.yunhu.client.model.GroupTagListRequest;
import dev.yunhu.client.model.RecommendListRequest;
import dev.yunhu.client.proto.GroupInfoRequest;
import dev.yunhu.client.proto.GroupInfoResponse;
import dev.yunhu.client.proto.RequestListResponse;
import dev.yunhu.client.proto.Status;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The named hostile responses of {@code HostileResponseTest} in the runtime, through the generated
 * {@link YunhuClient}: each ends in the exact typed exception, naming the Yunhu endpoint.
 */
class YunhuClientHostileTest {
  @RegisterExtension
  static final Reliability FIGURES = Reliability.forClass(YunhuClientHostileTest.class);

  private static final String AREA = "hostile responses";
  private static final String TRIED = "hostile inputs, through YunhuClient";
  private static final String TOKEN = "tok_yunhu_hostile_77f0";
  private static final String JSON = "application/json";
  private static final String PROTOBUF = "application/x-protobuf";
  private static final GroupTagListRequest LIST = new GroupTagListRequest("123456789", 20, 1, "");
  private static final GroupInfoRequest INFO = GroupInfoRequest.newBuilder().setGroupId("123").build();

  private static YunhuClient client(String contentType, byte[] body) {
    return YunhuClient.builder()
        .httpClient(CannedHttpClient.answering(200, contentType, body))
        .baseUri(URI.create("http://127.0.0.1:9"))
        .token(TOKEN)
        .build();
  }

  private static String decodeError(String contentType, byte[] body, Consumer<YunhuClient> call) {
    YunhuClient client = client(contentType, body);
    return assertThrows(ApiDecodeException.class, () -> call.accept(client)).getMessage();
  }

  private static String decodeError(String contentType, String body, Consumer<YunhuClient> call) {
    return decodeError(contentType, body.getBytes(StandardCharsets.UTF_8), call);
  }

  private static GroupInfoResponse fullInfo() {
    return GroupInfoResponse.newBuilder()
        .setStatus(Status.newBuilder().setNumber(114514).setCode(1).setMsg("success"))
        .setData(GroupInfoResponse.GroupData.newBuilder()
            .setId("123").setName("测试群聊").setMember(123).setPermissionLevel(2).setLimitedMsgType("1,2,3")
            .addAdmin("123").addTag(GroupInfoResponse.GroupData.Tag.newBuilder().setId(123).setColor("#FFFFFFFF")))
        .addHistoryBot(GroupInfoResponse.BotData.newBuilder().setId("123").setName("测试").setPrivate(1))
        .build();
  }

  @Test
  void emptyBody() {
    FIGURES.row(AREA, "empty body, status 200", TRIED).tried(3);

    assertEquals("POST /v1/group-tag/list (HTTP 200): the response is not a JSON object: ",
        decodeError(JSON, new byte[0], c -> c.groupTag().list(LIST)));
    assertEquals("POST /v1/friend/apply (HTTP 200): the response is not a JSON object: ",
        decodeError(JSON, new byte[0], c -> c.friend().apply(new FriendApplyRequest("1", ChatType.USER, "hi"))));
    assertEquals("POST /v1/group/info (HTTP 200): the response has no 'status'",
        decodeError(PROTOBUF, new byte[0], c -> c.group().info(INFO)));
  }

  @Test
  void bodyOfAnotherContentTypeThanDeclared() {
    FIGURES.row(AREA, "body not of the declared content type", TRIED).tried(2);

    assertEquals("POST /v1/group-tag/list (HTTP 200): the response is not JSON: Illegal character ((CTRL-CHAR, "
        + "code 15)): only regular white space (\\r, \\n, \\t) is allowed between tokens",
        decodeError(PROTOBUF, GroupInfoResponse.newBuilder().setStatus(Status.newBuilder().setNumber(114514)
            .setCode(1).setMsg("success")).build().toByteArray(), c -> c.groupTag().list(LIST)));
    assertTrue(decodeError(JSON, "{\"code\":1,\"msg\":\"success\",\"data\":{}}", c -> c.group().info(INFO))
        .startsWith("POST /v1/group/info (HTTP 200): the response is not a valid protobuf message: While parsing a "
            + "protocol message, the input ended unexpectedly in the middle of a field."));
  }

  @Test
  void htmlErrorPageWithStatus200() {
    FIGURES.row(AREA, "HTML error page with status 200", TRIED).tried(2);
    String page = "<!DOCTYPE html>\n<html><body><h1>系统维护中</h1></body></html>";

    assertEquals("POST /v1/group/recommend/list (HTTP 200): the response is not JSON: Unexpected character ('<' "
        + "(code 60)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
        decodeError("text/html", page, c -> c.group().recommendList(new RecommendListRequest(22, "x"))));
    assertEquals("POST /v1/group/info (HTTP 200): the response is not a valid protobuf message: Protocol message "
        + "end-group tag did not match expected tag.", decodeError("text/html", page, c -> c.group().info(INFO)));
  }

  @Test
  void truncatedGroupInfoAtEveryLength() throws IOException {
    byte[] full = fullInfo().toByteArray();
    List<Integer> boundaries = new ArrayList<>();
    CodedInputStream in = CodedInputStream.newInstance(full);
    while (!in.isAtEnd()) {
      in.skipField(in.readTag());
      boundaries.add(in.getTotalBytesRead());
    }
    Reliability.Row row = FIGURES.row(AREA, "truncated protobuf (every cut of a GroupInfoResponse)", TRIED);
    row.tried(full.length - 1);
    int decodeErrors = 0;

    for (int cut = 1; cut < full.length; cut++) {
      byte[] prefix = Arrays.copyOf(full, cut);
      YunhuClient client = client(PROTOBUF, prefix);
      if (boundaries.contains(cut)) {
        assertEquals(GroupInfoResponse.parseFrom(prefix), client.group().info(INFO));
      } else {
        int at = cut;
        ApiDecodeException e = assertThrows(ApiDecodeException.class, () -> client.group().info(INFO), () -> "cut " + at);
        assertTrue(e.getMessage().startsWith("POST /v1/group/info (HTTP 200): the response "), e.getMessage());
        decodeErrors++;
      }
    }

    assertEquals(full.length - boundaries.size(), decodeErrors);
    row.note(decodeErrors + " cuts inside a field: typed decode error; " + (boundaries.size() - 1)
        + " cuts between top-level fields: a shorter valid message");
  }

  @Test
  void statusWithAWrongWireType() {
    FIGURES.row(AREA, "protobuf fields with a wrong wire type", TRIED).tried(2);
    byte[] statusAsVarint = {0x08, 0x01};
    byte[] wireTypeSeven = {0x0a, 0x02, 0x10, 0x01, 0x17, 0x01};

    assertEquals("POST /v1/group/info (HTTP 200): the response has no 'status'",
        decodeError(PROTOBUF, statusAsVarint, c -> c.group().info(INFO)));
    assertEquals("POST /v1/group/info (HTTP 200): the response is not a valid protobuf message: Protocol message "
        + "tag had invalid wire type.", decodeError(PROTOBUF, wireTypeSeven, c -> c.group().info(INFO)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      headcount (int32) 2^40   | {"groups":[{"headcount":1099511627776}]} | Numeric value (1099511627776) out of range of int (-2147483648 - 2147483647)
      headcount (int32) 1.5    | {"groups":[{"headcount":1.5}]}           | Cannot coerce Floating-point value (1.5) to `java.lang.Integer` value (but could if coercion was enabled using `CoercionConfig`)
      createTime (int64) 2^64  | {"groups":[{"createTime":18446744073709551616}]} | Numeric value (18446744073709551616) out of range of long (-9223372036854775808 - 9223372036854775807)
      msgTypeLimit item 2^40   | {"groups":[{"msgTypeLimit":"1,1099511627776"}]} | Cannot construct instance of `dev.yunhu.client.model.MessageType` (although at least one Creator exists): no long/Long-argument constructor/factory method to deserialize from Number value (1099511627776)
      """)
  void jsonNumberOutOfRange(String name, String data, String problem) {
    FIGURES.row(AREA, "numbers out of range for their Java type (JSON)", TRIED).tried(1);

    String message = decodeError(JSON, "{\"code\":1,\"msg\":\"success\",\"data\":" + data + "}",
        c -> c.group().recommendList(new RecommendListRequest(22, "x")));

    assertEquals("POST /v1/group/recommend/list (HTTP 200): 'data' is not a valid RecommendedGroups: " + problem, message);
  }

  @Test
  void protobufInt32OutOfRange() {
    Reliability.Row row = FIGURES.row(AREA, "numbers out of range for their Java type (protobuf)", TRIED);
    row.tried(2);
    byte[] status = Status.newBuilder().setCode(1).setMsg("success").build().toByteArray();
    // RequestListResponse{status, total = 2^40} and {status, requests[0].request_id = 2^40}, by hand:
    // protobuf-java alone would read both as 0
    byte[] total = concat(new byte[] {0x0a, (byte) status.length}, status, new byte[] {0x18}, varint(1L << 40));
    byte[] request = concat(new byte[] {(byte) 0x90, 0x01}, varint(1L << 40));
    byte[] requestId = concat(new byte[] {0x0a, (byte) status.length}, status,
        new byte[] {0x12, (byte) request.length}, request);

    assertEquals(0, parse(total).getTotal());
    assertEquals(0, parse(requestId).getRequests(0).getRequestId());
    assertEquals("POST /v1/friend/request-list (HTTP 200): the response is not a valid protobuf message: field "
        + "yunhu.v1.RequestListResponse.total (int32) holds 1099511627776, which does not fit its type",
        decodeError(PROTOBUF, total, c -> c.friend().requestList()));
    assertEquals("POST /v1/friend/request-list (HTTP 200): the response is not a valid protobuf message: field "
        + "yunhu.v1.RequestListResponse.Request.request_id (int32) holds 1099511627776, which does not fit its type",
        decodeError(PROTOBUF, requestId, c -> c.friend().requestList()));
  }

  private static RequestListResponse parse(byte[] bytes) {
    try {
      return RequestListResponse.parseFrom(bytes);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] varint(long value) {
    byte[] out = new byte[10];
    int n = 0;
    while ((value & ~0x7FL) != 0) {
      out[n++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out[n++] = (byte) value;
    return Arrays.copyOf(out, n);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  @Test
  void jsonNestingBomb() {
    FIGURES.row(AREA, "JSON nesting depth bomb", TRIED).tried(1);
    String data = "{\"groups\":[],\"extra\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}";

    assertEquals("POST /v1/group/recommend/list (HTTP 200): the response is not JSON: Document nesting depth (1001) "
        + "exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)",
        decodeError(JSON, "{\"code\":1,\"msg\":\"success\",\"data\":" + data + "}",
            c -> c.group().recommendList(new RecommendListRequest(22, "x"))));
  }

  // ---- 50 MB ----

  /** 6 strings of 8.4 million characters in an unknown field of the group tag list: 50,400,046 bytes. */
  private static final byte[] BIG_PREFIX = "{\"code\":1,\"msg\":\"success\",\"data\":{\"list\":[],\"blob\":["
      .getBytes(StandardCharsets.UTF_8);
  private static final byte[] BIG_SUFFIX = "]}}".getBytes(StandardCharsets.UTF_8);
  private static final int CHUNKS = 6;
  private static final int CHUNK_CHARS = 8_400_000;
  private static final long BIG_LENGTH = BIG_PREFIX.length + CHUNKS * (CHUNK_CHARS + 2L) + CHUNKS - 1 + BIG_SUFFIX.length;

  private static RawHttpServer bigServer() throws IOException {
    return RawHttpServer.start((request, connection) -> {
      connection.write(RawHttpServer.Connection.head(200, JSON, BIG_LENGTH));
      byte[] xs = new byte[64 * 1024];
      Arrays.fill(xs, (byte) 'x');
      connection.write(BIG_PREFIX);
      for (int chunk = 0; chunk < CHUNKS; chunk++) {
        connection.write(chunk == 0 ? new byte[] {'"'} : new byte[] {',', '"'});
        for (int left = CHUNK_CHARS; left > 0; left -= xs.length) {
          connection.write(left >= xs.length ? xs : Arrays.copyOf(xs, left));
        }
        connection.write(new byte[] {'"'});
      }
      connection.write(BIG_SUFFIX);
      return false;
    });
  }

  @Test
  void fiftyMegabytes() throws Exception {
    Reliability.Row refused = FIGURES.row(AREA, "50 MB response, default limit (16 MiB)", TRIED);
    Reliability.Row accepted = FIGURES.row(AREA, "50 MB response, limit raised to 64 MiB", TRIED);
    refused.tried(1);
    accepted.tried(1);
    try (RawHttpServer server = bigServer()) {
      YunhuClient byDefault = YunhuClient.builder().baseUri(server.uri()).token(TOKEN)
          .requestTimeout(Duration.ofSeconds(20)).build();
      YunhuClient raised = YunhuClient.builder().baseUri(server.uri()).token(TOKEN)
          .requestTimeout(Duration.ofSeconds(20)).maxResponseBytes(64L * 1024 * 1024).build();

      ApiResponseTooLargeException e = assertThrows(ApiResponseTooLargeException.class,
          () -> byDefault.groupTag().list(LIST));
      assertTrue(server.awaitOpen(0, Duration.ofSeconds(5)), "the client kept the connection open");
      GroupTagList list = raised.groupTag().list(LIST);

      assertEquals(ApiTransport.DEFAULT_MAX_RESPONSE_BYTES, e.limit());
      assertEquals("POST /v1/group-tag/list (HTTP 200): the response body is larger than 16777216 bytes; raise "
          + "maxResponseBytes on the client's builder if it is expected", e.getMessage());
      List<?> blob = assertInstanceOf(List.class, list.unknownFields().get("blob"));
      long lost = (long) CHUNKS * CHUNK_CHARS;
      for (Object chunk : blob) {
        lost -= ((String) chunk).chars().filter(c -> c == 'x').count();
      }
      accepted.lost(lost);
      assertEquals(CHUNKS, blob.size());
      assertEquals(0, lost);
    }
  }
}
