package dev.apispec.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import com.sun.net.httpserver.HttpServer;
import dev.apispec.runtime.ApiHttpException;
import dev.yunhu.client.YunhuApiException;
import dev.yunhu.client.YunhuClient;
import dev.yunhu.client.model.ChatType;
import dev.yunhu.client.model.FriendApplyRequest;
import dev.yunhu.client.model.GroupTagList;
import dev.yunhu.client.model.GroupTagListRequest;
import dev.yunhu.client.proto.GroupInfoRequest;
import dev.yunhu.client.proto.GroupInfoResponse;
import dev.yunhu.client.proto.RequestListResponse;
import dev.yunhu.client.proto.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recording proxy end to end: the generated client talks to the proxy, the proxy to a second
 * local server standing in for the real API (both on 127.0.0.1). The secrets reach the "real"
 * server but never the files, and what is written replays green.
 */
class RecorderTest {
  private static final String TOKEN = "tok-7Hq2-real-secret-9c1f";
  private static final String REMARK = "my private remark 4411";
  private static final String NOTE = "secret note 8c2a";
  private static final String API_KEY = "key-abc-123-xyz";
  private static final ApiSpec SPEC = TestSupport.spec();

  @TempDir
  Path out;

  private HttpServer real;
  private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
  private final Map<String, String> contentTypes = new ConcurrentHashMap<>();
  private final List<LocalHttp.Received> received = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private Recorder recorder;
  private YunhuClient client;

  @BeforeEach
  void start() throws IOException {
    real = LocalHttp.server(0, "stand-in for the real API");
    real.createContext("/", exchange -> {
      LocalHttp.Received request = LocalHttp.receive(exchange);
      received.add(request);
      byte[] answer = answers.get(request.path());
      if (answer == null) {
        LocalHttp.send(exchange, 404, "text/html", "<html>not here</html>".getBytes(StandardCharsets.UTF_8));
      } else {
        LocalHttp.send(exchange, 200, contentTypes.get(request.path()), answer);
      }
    });
    real.start();
    recorder = Recorder.start(new Recorder.Options(LocalHttp.uri(real), 0, out, "live", Set.of("X-Api-Key"),
        Set.of("remark", "note")), ApiSpec.fromClasspath(YunhuClient.class), new PrintStream(log, true, StandardCharsets.UTF_8));
    client = YunhuClient.builder().baseUri(recorder.uri()).token(TOKEN).requestTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterEach
  void stop() {
    recorder.close();
    LocalHttp.stop(real);
  }

  private void answer(String path, String contentType, byte[] body) {
    answers.put(path, body);
    contentTypes.put(path, contentType);
  }

  private void answerJson(String path, String json) {
    answer(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aNamedHostIsRecordedBelowItsPrefixAndForwardedToItsOwnTarget() throws Exception {
    HttpServer web = LocalHttp.server(0, "stand-in for the web host");
    List<String> webPaths = new CopyOnWriteArrayList<>();
    web.createContext("/", exchange -> {
      webPaths.add(LocalHttp.receive(exchange).path());
      LocalHttp.send(exchange, 200, "application/json", "{\"code\":1,\"msg\":\"web\"}".getBytes(StandardCharsets.UTF_8));
    });
    web.start();
    try (Recorder twoHosts = Recorder.start(new Recorder.Options(LocalHttp.uri(real), 0, out, "live", Set.of(),
        Set.of(), Map.of("web", LocalHttp.uri(web))), ApiSpec.fromClasspath(YunhuClient.class),
        new PrintStream(log, true, StandardCharsets.UTF_8))) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(twoHosts.uri() + "/_hosts/web/v1/common/get-version")).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals("{\"code\":1,\"msg\":\"web\"}", response.body());
      assertEquals(List.of("/v1/common/get-version"), webPaths);
      assertEquals(List.of(), received, "the default host got the web host's request");
      Recording recording = Recording.parse("x", Files.readAllBytes(twoHosts.written().get(0)));
      assertEquals("web", recording.request().host());
      assertEquals("/v1/common/get-version", recording.request().path());
    } finally {
      LocalHttp.stop(web);
    }
  }

  @Test
  void recordsThroughTheProxyWithoutSecretsAndTheRecordingsReplayGreen() throws Exception {
    answerJson("/v1/friend/apply", "{\"code\":1,\"msg\":\"success\"}");
    // the server echoes the token inside a string: it must be scrubbed from the recording too
    answerJson("/v1/group-tag/list", "{\"code\":1,\"data\":{\"list\":[{\"id\":7,\"groupId\":\"1\",\"tag\":\"t\","
        + "\"desc\":\"issued to " + TOKEN + "\",\"createTime\":1753719847}]},\"msg\":\"success\"}");
    RequestListResponse requests = RequestListResponse.newBuilder()
        .setStatus(Status.newBuilder().setNumber(1).setCode(1).setMsg("success"))
        .addRequests(RequestListResponse.Request.newBuilder().setName("张三").setNote(NOTE).setRequestId(5))
        .setTotal(1)
        .build();
    answer("/v1/friend/request-list", "application/x-protobuf", requests.toByteArray());
    GroupInfoResponse info = GroupInfoResponse.newBuilder()
        .setStatus(Status.newBuilder().setNumber(2).setCode(1).setMsg("success"))
        .setData(GroupInfoResponse.GroupData.newBuilder().setId("9").setName("群").setMember(3))
        .build();
    answer("/v1/group/info", "application/x-protobuf", info.toByteArray());

    client.friend().apply(new FriendApplyRequest("123", ChatType.GROUP, REMARK));
    GroupTagList tags = client.groupTag().list(new GroupTagListRequest("1", 20, 1, ""));
    RequestListResponse gotRequests = client.friend().requestList();
    GroupInfoResponse gotInfo = client.group().info(GroupInfoRequest.newBuilder().setGroupId("9").build());

    // the client got the real answers, unchanged
    assertEquals("issued to " + TOKEN, tags.list().get(0).desc());
    assertEquals(requests, gotRequests);
    assertEquals(info, gotInfo);
    // the real server got the real secrets
    assertEquals(4, received.size());
    for (LocalHttp.Received request : received) {
      assertEquals(TOKEN, request.header("token"), request.path());
    }
    assertTrue(new String(received.get(0).body(), StandardCharsets.UTF_8).contains(REMARK));

    List<String> files = relative(recorder.written());
    assertEquals(List.of("friend/apply/live.json", "group-tag/list/live.json", "friend/request-list/live.json",
        "group/info/live.json"), files);
    assertNoSecretIn(recorder.written());

    Recording apply = read("friend/apply/live");
    assertEquals(Map.of("token", Recording.REDACTED, "content-type", "application/json", "accept", "application/json"),
        apply.request().headers());
    assertEquals("{\"chatId\":\"123\",\"chatType\":2,\"remark\":\"<redacted>\"}",
        ((Recording.JsonBody) apply.request().body()).json().toString());
    assertEquals(200, apply.response().status());
    assertEquals("application/json", apply.response().contentType());

    Recording list = read("group-tag/list/live");
    assertEquals("issued to <redacted>", list.response().body() instanceof Recording.JsonBody json
        ? json.json().at("/data/list/0/desc").asText() : null);

    Recording requestList = read("friend/request-list/live");
    assertNull(requestList.request().body());
    Recording.ProtobufBody proto = (Recording.ProtobufBody) requestList.response().body();
    assertEquals("yunhu.v1.RequestListResponse", proto.message());
    assertEquals("<redacted>", RequestListResponse.parseFrom(proto.bytes()).getRequests(0).getNote());
    assertEquals("张三", RequestListResponse.parseFrom(proto.bytes()).getRequests(0).getName());
    assertTrue(proto.decoded().contains("  note: \"<redacted>\""), proto.decoded().toString());

    Recording groupInfo = read("group/info/live");
    assertEquals(info, GroupInfoResponse.parseFrom(groupInfo.response().body().bytes()));
    assertEquals(List.of("group_id: \"9\""), ((Recording.ProtobufBody) groupInfo.request().body()).decoded());

    ContractCheck check = new ContractCheck(SPEC, TestSupport.client());
    for (String id : List.of("friend/apply/live", "group-tag/list/live", "friend/request-list/live",
        "group/info/live")) {
      assertEquals(List.of(), check.problems(read(id)), id);
    }

    String logged = log.toString(StandardCharsets.UTF_8);
    assertTrue(logged.contains("POST /v1/friend/apply -> 200, wrote friend/apply/live.json"), logged);
    assertFalse(logged.contains(TOKEN) || logged.contains(REMARK) || logged.contains(NOTE), logged);
  }

  @Test
  void failuresAreRecordedUnderFreshNamesAndReplayAsFailures() throws Exception {
    answerJson("/v1/friend/apply", "{\"code\":-9,\"msg\":\"您已添加过对方\"}");

    for (int i = 0; i < 2; i++) {
      YunhuApiException e = assertThrows(YunhuApiException.class,
          () -> client.friend().apply(new FriendApplyRequest("1", ChatType.USER, null)));
      assertEquals(-9, e.code());
    }

    assertEquals(List.of("friend/apply/live.json", "friend/apply/live-2.json"), relative(recorder.written()));
    assertNoSecretIn(recorder.written());
    ContractCheck check = new ContractCheck(SPEC, TestSupport.client());
    assertEquals(List.of(), check.problems(read("friend/apply/live-2")));
    assertEquals(new ContractCheck.Outcome(false, -9L, "您已添加过对方"), check.outcome(read("friend/apply/live-2")));
  }

  @Test
  void credentialHeadersOfAnyApiAreHiddenWithoutBeingNamed() throws Exception {
    answerJson("/v1/friend/apply", "{\"code\":1,\"msg\":\"success\"}");
    String bearer = "Bearer eyJhbGciOi-bearer-7781";
    String cookie = "sid=cookie-value-5521";
    HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(recorder.uri().resolve("/v1/friend/apply"))
            .header("token", TOKEN)
            .header("Authorization", bearer)
            .header("Proxy-Authorization", "Basic cHJveHk6cGFzcw==")
            .header("Cookie", cookie)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"chatId\":\"1\",\"chatType\":1}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(bearer, received.get(0).header("authorization"));
    Recording recording = read("friend/apply/live");
    for (String header : List.of("authorization", "cookie", "token")) {
      assertEquals(Recording.REDACTED, recording.request().header(header), header);
    }
    // a hop-by-hop header: not passed on, and not recorded at all
    assertNull(recording.request().header("proxy-authorization"));
    String text = Files.readString(recorder.written().get(0));
    assertFalse(text.contains("eyJhbGciOi") || text.contains("cookie-value") || text.contains("cHJveHk6"), text);
  }

  @Test
  void namedHeadersAreHiddenAndUnknownPathsAreFiledByPath() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(recorder.uri().resolve("/v1/friend/no-such-endpoint"))
            .header("token", TOKEN)
            .header("X-Api-Key", API_KEY)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"id\":123,\"remark\":\"" + REMARK + "\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());

    // the stand-in has no such endpoint: its 404 page is passed on, and recorded as text
    assertEquals(404, response.statusCode());
    assertEquals("<html>not here</html>", response.body());
    assertEquals(API_KEY, received.get(0).header("x-api-key"));
    assertEquals(List.of("friend/no-such-endpoint/live.json"), relative(recorder.written()));
    assertNoSecretIn(recorder.written());
    Recording recording = read("friend/no-such-endpoint/live");
    assertEquals(Recording.REDACTED, recording.request().header("x-api-key"));
    assertEquals(Recording.REDACTED, recording.request().header("token"));
    assertNull(recording.request().header("user-agent"));
    assertEquals(new Recording.TextBody("<html>not here</html>"), recording.response().body());
    // a recording of an endpoint the spec does not have: the coverage check reports it
    assertEquals(List.of("friend/no-such-endpoint/live: POST /v1/friend/no-such-endpoint matches no endpoint of the spec"),
        new Coverage(SPEC, TestSupport.client()).strayRecordings(List.of(recording)));
  }

  @Test
  void anExchangeThatWouldStillHoldTheTokenIsNotWritten() throws Exception {
    // the token inside an unknown protobuf field: it cannot be replaced, so nothing may be written
    GroupInfoResponse leaky = GroupInfoResponse.newBuilder()
        .setStatus(Status.newBuilder().setCode(1).setMsg("success"))
        .setUnknownFields(UnknownFieldSet.newBuilder()
            .addField(99, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8(TOKEN)).build())
            .build())
        .build();
    answer("/v1/group/info", "application/x-protobuf", leaky.toByteArray());

    GroupInfoResponse got = client.group().info(GroupInfoRequest.newBuilder().setGroupId("1").build());

    assertEquals(leaky, got);
    assertEquals(List.of(), recorder.written());
    try (Stream<Path> files = Files.walk(out)) {
      assertEquals(List.of(out), files.toList());
    }
    String logged = log.toString(StandardCharsets.UTF_8);
    assertTrue(logged.contains("POST /v1/group/info -> 200, not recorded: a hidden value would still be in the"
        + " recording after redaction (it is not replaced there)"), logged);
    assertFalse(logged.contains(TOKEN), logged);
  }

  @Test
  void anUnreachableApiGetsA502AndNothingIsWritten() throws Exception {
    URI gone;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getByName(LocalHttp.HOST))) {
      gone = URI.create("http://" + LocalHttp.HOST + ":" + closed.getLocalPort());
    }
    try (Recorder nowhere = Recorder.start(new Recorder.Options(gone, 0, out, "live", Set.of(), Set.of()),
        SPEC, new PrintStream(log, true, StandardCharsets.UTF_8))) {
      YunhuClient lost = YunhuClient.builder().baseUri(nowhere.uri()).token(TOKEN).build();

      ApiHttpException e = assertThrows(ApiHttpException.class,
          () -> lost.friend().apply(new FriendApplyRequest("1", ChatType.USER, "x")));

      assertEquals(502, e.httpStatus());
      assertFalse(e.getMessage().contains(TOKEN));
      assertEquals(List.of(), nowhere.written());
    }
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("POST /v1/friend/apply -> not recorded: " + gone
        + " did not answer (ConnectException)"), log.toString(StandardCharsets.UTF_8));
  }

  @Test
  void commandLine() {
    Recorder.Options defaults = Recorder.parse(new String[] {"--out", out.toString()}, YunhuClient.DEFAULT_BASE_URI);
    assertEquals(YunhuClient.DEFAULT_BASE_URI, defaults.target());
    assertEquals(8098, defaults.port());
    assertEquals("recorded", defaults.name());
    assertEquals(out.toAbsolutePath().normalize(), defaults.out());

    Recorder.Options options = Recorder.parse(new String[] {"--target", "http://127.0.0.1:1", "--port", "0",
        "--out", out.toString(), "--name", "after-fix", "--redact-header", "Cookie", "--redact-field", "phone",
        "--redact-field", "email"}, YunhuClient.DEFAULT_BASE_URI);
    assertEquals(Set.of("cookie"), options.redactHeaders());
    assertEquals(Set.of("phone", "email"), options.redactFields());
    assertEquals("after-fix", options.name());

    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> Recorder.parse(new String[] {"--out", out.toString(), "--name", "../x"}, YunhuClient.DEFAULT_BASE_URI));
    assertEquals("--name must be letters, digits, '.', '_' or '-': ../x", bad.getMessage());
    assertEquals("friend/no-such-endpoint", Recorder.fallbackDir("/v1/friend/no-such-endpoint?x=1"));
    assertEquals("a/_2e/b", Recorder.fallbackDir("/a/../%2e/b"));
  }

  // ---------------------------------------------------------------------------------------------

  private List<String> relative(List<Path> files) {
    List<String> names = new ArrayList<>();
    files.forEach(f -> names.add(out.relativize(f).toString().replace('\\', '/')));
    return names;
  }

  private Recording read(String id) throws IOException {
    return Recording.parse(id, Files.readAllBytes(out.resolve(id + ".json")));
  }

  /** Scans the written bytes, and the bodies they encode, for every secret. */
  private static void assertNoSecretIn(List<Path> files) throws IOException {
    assertFalse(files.isEmpty());
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      String text = new String(bytes, StandardCharsets.UTF_8);
      Recording recording = Recording.parse("scan", bytes);
      List<byte[]> bodies = new ArrayList<>();
      if (recording.request().body() != null) {
        bodies.add(recording.request().body().bytes());
      }
      if (recording.response().body() != null) {
        bodies.add(recording.response().body().bytes());
      }
      for (String secret : List.of(TOKEN, REMARK, NOTE, API_KEY)) {
        assertFalse(text.contains(secret), file + " holds a secret");
        for (byte[] body : bodies) {
          assertFalse(new String(body, StandardCharsets.ISO_8859_1).contains(
              new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)),
              file + " holds a secret in a body");
        }
      }
    }
  }
}
