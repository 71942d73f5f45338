package dev.apispec.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apispec.runtime.ApiHttpException;
import dev.yunhu.client.YunhuApiException;
import dev.yunhu.client.YunhuClient;
import dev.yunhu.client.model.ChatType;
import dev.yunhu.client.model.FriendApplyRequest;
import dev.yunhu.client.model.GagDuration;
import dev.yunhu.client.model.GagMemberRequest;
import dev.yunhu.client.model.GroupTagList;
import dev.yunhu.client.model.GroupTagListRequest;
import dev.yunhu.client.model.LiveRoomList;
import dev.yunhu.client.model.LiveRoomRequest;
import dev.yunhu.client.proto.GroupInfoRequest;
import dev.yunhu.client.proto.GroupInfoResponse;
import dev.yunhu.client.proto.RequestListResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mock server, driven by the generated client as a user developing offline would. */
class MockServerTest {
  private static final String TOKEN = "mock-token-5d1e9a";
  private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  private static MockServer mock;
  private static YunhuClient yunhu;
  private static final HttpClient RAW = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() throws Exception {
    mock = MockServer.start(0, Recordings.builtIn(), ProtoTypes.of(YunhuClient.class), new PrintStream(LOG, true, StandardCharsets.UTF_8));
    yunhu = YunhuClient.builder()
        .baseUri(mock.uri())
        .token(TOKEN)
        .requestTimeout(Duration.ofSeconds(10))
        .build();
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  @Test
  void listensOnLoopbackOnly() {
    assertEquals("127.0.0.1", mock.uri().getHost());
    assertEquals(URI.create("http://127.0.0.1:" + mock.port()), mock.uri());
  }

  /** The README's client example, line by line, against the mock. */
  @Test
  void theReadmeExampleRuns() throws Exception {
    yunhu.friend().apply(new FriendApplyRequest("123", ChatType.GROUP, "hello"));

    GroupTagList tags = yunhu.groupTag().list(new GroupTagListRequest("123456789", 20, 1, ""));
    assertEquals("一个标签", tags.list().get(0).tag());
    assertEquals(1753719847L, tags.list().get(0).createTime());

    GroupInfoResponse info = yunhu.group().info(GroupInfoRequest.newBuilder().setGroupId("123").build());
    assertEquals("测试群聊", info.getData().getName());
    assertEquals(List.of("123"), info.getData().getAdminList());

    RequestListResponse requests = yunhu.friend().requestListAsync().get(10, TimeUnit.SECONDS);
    assertEquals(1, requests.getTotal());
    assertEquals("测试对象请求", requests.getRequests(0).getNote());
  }

  @Test
  void picksTheRecordingByBody() {
    LiveRoomList rooms = yunhu.group().liveRoom(new LiveRoomRequest("123"));
    assertEquals("测试房间", rooms.rooms().get(0).title());

    YunhuApiException owner = assertThrows(YunhuApiException.class,
        () -> yunhu.group().gagMember(new GagMemberRequest("123", "1000000", GagDuration.TEN_MINUTES)));
    assertEquals(-1, owner.code());
    assertEquals("不可以禁言群主！", owner.getMessage());

    YunhuApiException duration = assertThrows(YunhuApiException.class,
        () -> yunhu.group().gagMember(new GagMemberRequest("123", "123", GagDuration.of(60))));
    assertEquals("禁言时长错误，请重试", duration.getMessage());

    yunhu.group().gagMember(new GagMemberRequest("123", "123", GagDuration.LIFT));

    YunhuApiException added = assertThrows(YunhuApiException.class,
        () -> yunhu.friend().apply(new FriendApplyRequest("1234567", ChatType.USER, "测试申请简介")));
    assertEquals(-9, added.code());
    assertEquals("您已添加过对方", added.getMessage());
  }

  @Test
  void anUnrecordedBodyGetsA404ThatListsTheRecordingsOfThePath() throws Exception {
    ApiHttpException e = assertThrows(ApiHttpException.class,
        () -> yunhu.friend().apply(new FriendApplyRequest("42", ChatType.USER, "hi")));
    assertEquals(404, e.httpStatus());
    assertTrue(e.getMessage().startsWith("POST /v1/friend/apply failed with HTTP 404: No recording of POST"
        + " /v1/friend/apply matches this request body."), e.getMessage());
    assertFalse(e.getMessage().contains(TOKEN));

    HttpResponse<String> raw = post("/v1/friend/apply", "application/json",
        "{\"chatId\":\"42\",\"chatType\":1,\"remark\":\"hi\"}".getBytes(StandardCharsets.UTF_8));
    assertEquals(404, raw.statusCode());
    assertEquals("text/plain; charset=utf-8", raw.headers().firstValue("content-type").orElseThrow());
    assertEquals("""
        No recording of POST /v1/friend/apply matches this request body. Recordings of this path (and the request each answers):
          friend/apply/error-already-added: POST {"chatId":"1234567","chatType":1,"remark":"测试申请简介"}
          friend/apply/error-not-found: POST {"chatId":"999999999","chatType":2,"remark":"测试申请简介"}
          friend/apply/readme-example: POST {"chatId":"123","chatType":2,"remark":"hello"}
          friend/apply/success: POST {"chatId":"123","chatType":2,"remark":"测试申请简介"}
        Add a recording (docs/recordings.md) to answer this request.
        """, raw.body());
  }

  @Test
  void anUnknownPathGetsA404ThatListsTheRecordedPaths() throws Exception {
    HttpResponse<String> raw = post("/v1/friend/no-such-call", "application/json",
        "{\"id\":123}".getBytes(StandardCharsets.UTF_8));

    assertEquals(404, raw.statusCode());
    assertTrue(raw.body().startsWith("No recording for POST /v1/friend/no-such-call. Recorded paths:\n"), raw.body());
    assertTrue(raw.body().contains(
        "\n  POST /v1/friend/address-book-list\n  POST /v1/friend/agree-apply\n  POST /v1/friend/apply\n"), raw.body());
    // one line per method and path of each host, a named host's path below /_hosts/<name> as the mock serves it
    assertEquals(TestSupport.recordings().stream().map(r -> r.request().method() + " "
            + (r.request().host() == null ? "" : MockServer.HOSTS_PREFIX + r.request().host()) + r.request().path())
            .distinct().count(),
        raw.body().lines().filter(line -> line.startsWith("  POST /") || line.startsWith("  GET /")).count());
  }

  @Test
  void protobufBodiesMatchAsMessages() throws Exception {
    // field 2 sent twice: other bytes, but the same message (the last value wins)
    byte[] twice = {0x12, 0x03, '9', '9', '9', 0x12, 0x03, '1', '2', '3'};
    HttpResponse<byte[]> raw = RAW.send(HttpRequest.newBuilder(mock.uri().resolve("/v1/group/info"))
        .header("token", TOKEN)
        .header("Content-Type", "application/x-protobuf")
        .POST(HttpRequest.BodyPublishers.ofByteArray(twice)).build(), HttpResponse.BodyHandlers.ofByteArray());

    assertEquals(200, raw.statusCode());
    assertEquals("application/x-protobuf", raw.headers().firstValue("content-type").orElseThrow());
    assertArrayEquals(DriftTest.builtIn("group/info/success").response().body().bytes(), raw.body());
  }

  @Test
  void everyRecordingIsServedForItsOwnRequest() throws Exception {
    for (Recording recording : Recordings.builtIn()) {
      HttpRequest.Builder request = HttpRequest.newBuilder(
          URI.create(mock.uri(recording.request().host()) + recording.request().path()));
      String contentType = recording.request().header("content-type");
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      byte[] body = recording.request().body() == null ? new byte[0] : recording.request().body().bytes();
      HttpResponse<byte[]> response = RAW.send(
          request.method(recording.request().method(), HttpRequest.BodyPublishers.ofByteArray(body)).build(),
          HttpResponse.BodyHandlers.ofByteArray());

      assertEquals(recording.response().status(), response.statusCode(), recording.id());
      assertEquals(recording.response().contentType(), response.headers().firstValue("content-type").orElse(null),
          recording.id());
      assertArrayEquals(recording.response().body().bytes(), response.body(), recording.id());
    }
  }

  @Test
  void servesTheSamePathOfTwoHostsApart() throws Exception {
    Recording.Response a = new Recording.Response(200, "text/plain", new Recording.TextBody("default host"));
    Recording.Response b = new Recording.Response(200, "text/plain", new Recording.TextBody("web host"));
    List<Recording> recordings = List.of(
        new Recording("x/info/one", null, new Recording.Request("GET", "/v1/user/info", Map.of(), null), a, List.of()),
        new Recording("y/info/two", null, new Recording.Request("GET", "/v1/user/info", Map.of(), null, "web"), b,
            List.of()));
    try (MockServer two = MockServer.start(0, recordings, ProtoTypes.none(), null)) {
      assertEquals(URI.create(two.uri() + "/_hosts/web"), two.uri("web"));
      for (Map.Entry<URI, String> expected : Map.of(two.uri(), "default host", two.uri("web"), "web host").entrySet()) {
        HttpResponse<String> response = RAW.send(
            HttpRequest.newBuilder(URI.create(expected.getKey() + "/v1/user/info")).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(expected.getValue(), response.body(), expected.getKey().toString());
      }
      HttpResponse<String> other = RAW.send(
          HttpRequest.newBuilder(URI.create(two.uri("admin") + "/v1/user/info")).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(404, other.statusCode());
      assertTrue(other.body().contains("GET /_hosts/web/v1/user/info"), other.body());
    }
  }

  @Test
  void logsOneLinePerRequestAndNeverTheToken() {
    yunhu.friend().apply(new FriendApplyRequest("123", ChatType.GROUP, "hello"));

    String log = LOG.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("POST /v1/friend/apply -> friend/apply/readme-example (200)"), log);
    assertFalse(log.contains(TOKEN), log);
  }

  @Test
  void commandLineArgumentsAreChecked() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MockServer.run(new String[] {"--prot", "8099"}, List.of(), ProtoTypes.of(YunhuClient.class)));
    assertEquals("unknown argument: --prot (try --help)", e.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> MockServer.run(new String[] {"--port"}, List.of(), ProtoTypes.of(YunhuClient.class)));
    assertEquals("--port needs a value", missing.getMessage());
  }

  private static HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
    return RAW.send(HttpRequest.newBuilder(mock.uri().resolve(path))
        .header("token", TOKEN)
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
