package dev.yunhu.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apispec.runtime.ApiCredentialException;
import dev.apispec.runtime.ApiDecodeException;
import dev.apispec.runtime.ApiHttpException;
import dev.yunhu.client.model.AgreeApplyRequest;
import dev.yunhu.client.model.ApplyDecision;
import dev.yunhu.client.model.ChatType;
import dev.yunhu.client.model.FriendApplyRequest;
import dev.yunhu.client.model.FriendDeleteRequest;
import dev.yunhu.client.model.GagMemberRequest;
import dev.yunhu.client.model.GroupInviteRequest;
import dev.yunhu.client.model.GroupTagCreateRequest;
import dev.yunhu.client.model.GroupTagDeleteRequest;
import dev.yunhu.client.model.GroupTagEditRequest;
import dev.yunhu.client.model.GroupTagList;
import dev.yunhu.client.model.GroupTagListRequest;
import dev.yunhu.client.model.InstructionAuth;
import dev.yunhu.client.model.InstructionList;
import dev.yunhu.client.model.InstructionListRequest;
import dev.yunhu.client.model.LiveRoomList;
import dev.yunhu.client.model.LiveRoomRequest;
import dev.yunhu.client.model.MessageType;
import dev.yunhu.client.model.MsgTypeLimitRequest;
import dev.yunhu.client.model.NoNotifyRequest;
import dev.yunhu.client.model.RecommendListRequest;
import dev.yunhu.client.model.RecommendedGroups;
import dev.yunhu.client.model.RemoveMemberRequest;
import dev.yunhu.client.model.TagRelationRequest;
import dev.yunhu.client.proto.AddressBookListRequest;
import dev.yunhu.client.proto.AddressBookListResponse;
import dev.yunhu.client.proto.GroupInfoRequest;
import dev.yunhu.client.proto.GroupInfoResponse;
import dev.yunhu.client.proto.RequestListResponse;
import dev.yunhu.client.proto.Status;
import com.google.protobuf.UnknownFieldSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated client against a local server: requests built from the seed documents' JSON examples
 * go out exactly as documented, and documented responses come back typed with nothing lost.
 */
class YunhuClientWireTest {
  private static final String TOKEN = "secret-token-7f3a";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OK = "{\"code\":1,\"msg\":\"success\"}";

  private LocalServer server;
  private YunhuClient client;

  @BeforeEach
  void start() throws Exception {
    server = new LocalServer();
    client = YunhuClient.builder().baseUri(server.uri()).token(TOKEN).requestTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A JSON endpoint without response data: the seed's request example, and the call that sends it. */
  record JsonCall(String path, String seedRequest, Consumer<YunhuClient> call) {
    @Override
    public String toString() {
      return path;
    }
  }

  static Stream<Arguments> jsonEndpointsWithoutData() {
    return Stream.of(
        call("/v1/friend/apply", "{\"chatId\":\"123\",\"chatType\":2,\"remark\":\"测试申请简介\"}",
            (c, body) -> c.friend().apply(read(body, FriendApplyRequest.class))),
        call("/v1/friend/delete-friend", "{\"chatId\":\"123\",\"chatType\":2}",
            (c, body) -> c.friend().deleteFriend(read(body, FriendDeleteRequest.class))),
        call("/v1/friend/agree-apply", "{\"id\":123,\"agree\":1}",
            (c, body) -> c.friend().agreeApply(read(body, AgreeApplyRequest.class))),
        call("/v1/friend/no-notify", "{\"chatId\":\"118738312\",\"noNotify\":0}",
            (c, body) -> c.friend().noNotify(read(body, NoNotifyRequest.class))),
        call("/v1/group/invite", "{\"chatId\":\"123\",\"chatType\":1,\"groupId\":\"123\"}",
            (c, body) -> c.group().invite(read(body, GroupInviteRequest.class))),
        call("/v1/group/remove-member", "{\"groupId\":\"123\",\"userId\":\"123\"}",
            (c, body) -> c.group().removeMember(read(body, RemoveMemberRequest.class))),
        call("/v1/group/gag-member", "{\"groupId\":\"123\",\"userId\":\"123\",\"gag\":0}",
            (c, body) -> c.group().gagMember(read(body, GagMemberRequest.class))),
        call("/v1/group/msg-type-limit", "{\"groupId\":\"123\",\"type\":\"1,2,3\"}",
            (c, body) -> c.group().msgTypeLimit(read(body, MsgTypeLimitRequest.class))),
        call("/v1/group-tag/relate", "{\"userId\":\"1234567\",\"tagGroupId\":1145}",
            (c, body) -> c.groupTag().relate(read(body, TagRelationRequest.class))),
        call("/v1/group-tag/relate-cancel", "{\"userId\":\"1234567\",\"tagGroupId\":1145}",
            (c, body) -> c.groupTag().relateCancel(read(body, TagRelationRequest.class))),
        call("/v1/group-tag/edit",
            "{\"id\":1234,\"groupId\":\"123456789\",\"tag\":\"一个标签\",\"color\":\"#E91E63\",\"desc\":\"\",\"sort\":0}",
            (c, body) -> c.groupTag().edit(read(body, GroupTagEditRequest.class))),
        call("/v1/group-tag/create",
            "{\"groupId\":\"123456789\",\"tag\":\"标签名称\",\"color\":\"#2196F3\",\"desc\":\"\",\"sort\":0}",
            (c, body) -> c.groupTag().create(read(body, GroupTagCreateRequest.class))),
        call("/v1/group-tag/delete", "{\"id\":1234}",
            (c, body) -> c.groupTag().delete(read(body, GroupTagDeleteRequest.class))));
  }

  interface Call {
    void run(YunhuClient client, String body);
  }

  private static Arguments call(String path, String body, Call call) {
    return Arguments.of(path, body, call);
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (Exception e) {
      throw new AssertionError("seed example does not decode into " + type.getSimpleName(), e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jsonEndpointsWithoutData")
  void jsonRequestGoesOutAsDocumented(String path, String seedRequest, Call call) throws Exception {
    server.respond(200, "application/json", OK.getBytes(StandardCharsets.UTF_8));

    call.run(client, seedRequest);

    LocalServer.Received request = server.last();
    assertEquals("POST", request.method());
    assertEquals(path, request.path());
    assertEquals(TOKEN, request.header("token"));
    assertEquals("application/json", request.header("Content-Type"));
    assertEquals(JSON.readTree(seedRequest), JSON.readTree(request.body()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jsonEndpointsWithoutData")
  void errorEnvelopeRaisesYunhuApiException(String path, String seedRequest, Call call) {
    server.respond(200, "application/json",
        "{\"code\":-9,\"msg\":\"您已添加过对方\"}".getBytes(StandardCharsets.UTF_8));

    YunhuApiException e = assertThrows(YunhuApiException.class, () -> call.run(client, seedRequest));

    assertEquals(-9, e.code());
    assertEquals("您已添加过对方", e.getMessage());
    assertEquals("POST " + path, e.endpoint());
  }

  @Test
  void liveRoomUsesTheSeedWireNameAndDecodesRooms() throws Exception {
    String data = "{\"rooms\":[{\"userId\":\"123\",\"roomId\":\"123\",\"chatId\":\"123\",\"title\":\"测试房间\","
        + "\"chatType\":2,\"status\":0,\"createBy\":\"123\",\"createTime\":1231231230,\"nickname\":\"测试用户\","
        + "\"count\":123,\"avatarUrl\":\"https://...\"}]}";
    serveData(data);

    LiveRoomList rooms = client.group().liveRoom(read("{\"group_id\":\"123\"}", LiveRoomRequest.class));

    assertEquals(JSON.readTree("{\"group_id\":\"123\"}"), JSON.readTree(server.last().body()));
    assertEquals("/v1/group/live-room", server.last().path());
    assertEquals(1, rooms.rooms().size());
    assertEquals("测试房间", rooms.rooms().get(0).title());
    assertEquals(ChatType.GROUP, rooms.rooms().get(0).chatType());
    assertEquals(1231231230L, rooms.rooms().get(0).createTime());
    assertEquals(JSON.readTree(data), reencode(rooms));
  }

  @Test
  void instructionListDecodesAuthAsEnum() throws Exception {
    String data = "{\"instructions\":[{\"botId\":\"123\",\"botName\":\"测试机器人\",\"name\":\"测试指令\","
        + "\"desc\":\"测试指令简介\",\"id\":123,\"sort\":0,\"auth\":3}]}";
    serveData(data);

    InstructionList list = client.group().instructionList(read("{\"groupId\":\"big\"}", InstructionListRequest.class));

    assertEquals(JSON.readTree("{\"groupId\":\"big\"}"), JSON.readTree(server.last().body()));
    assertEquals(InstructionAuth.OWNER_AND_ADMINS, list.instructions().get(0).auth());
    assertEquals(JSON.readTree(data), reencode(list));
  }

  @Test
  void recommendListDecodesCommaSeparatedTypesAndKeepsUnknownFields() throws Exception {
    String data = "{\"groups\":[{\"id\":9910,\"groupId\":\"114514\",\"name\":\"这是群聊名字\","
        + "\"introduction\":\"这是个群聊介绍\",\"createBy\":\"114514\",\"createTime\":1754113069,\"avatarId\":43821,"
        + "\"del_flag\":0,\"avatarUrl\":\"https://chat-img.jwznb.com/a.gif\",\"headcount\":16,\"readHistory\":1,"
        + "\"alwaysAgree\":1,\"categoryId\":22,\"category\":\"技术-IT/互联网\",\"private\":0,\"banId\":0,\"gag\":0,"
        + "\"gagBy\":\"\",\"msgTypeLimit\":\"1,2,99\",\"newField\":{\"nested\":[1,2.50]}}]}";
    serveData(data);

    RecommendedGroups groups = client.group().recommendList(
        read("{\"categoryId\":22,\"keyword\":\"114514\"}", RecommendListRequest.class));

    assertEquals("/v1/group/recommend/list", server.last().path());
    var group = groups.groups().get(0);
    assertEquals(List.of(MessageType.TEXT, MessageType.IMAGE, MessageType.of(99)), group.msgTypeLimit());
    assertFalse(group.msgTypeLimit().get(2).isKnown());
    assertEquals(0, group.privateGroup());
    assertTrue(group.unknownFields().containsKey("newField"));
    assertEquals(JSON.readTree(data), reencode(groups));
  }

  @Test
  void groupTagListRoundTrips() throws Exception {
    String data = "{\"list\":[{\"id\":1234,\"groupId\":\"123456789\",\"tag\":\"一个标签\",\"color\":\"#E91E63\","
        + "\"desc\":\"\",\"sort\":0,\"delFlag\":0,\"createTime\":1753719847}]}";
    serveData(data);
    String request = "{\"groupId\":\"123456789\",\"size\":20,\"page\":1,\"tag\":\"\"}";

    GroupTagList list = client.groupTag().list(read(request, GroupTagListRequest.class));

    assertEquals(JSON.readTree(request), JSON.readTree(server.last().body()));
    assertEquals("一个标签", list.list().get(0).tag());
    assertEquals(JSON.readTree(data), reencode(list));
  }

  @Test
  void msgTypeLimitRequestIsAListOfMessageTypes() throws Exception {
    server.respond(200, "application/json", OK.getBytes(StandardCharsets.UTF_8));

    client.group().msgTypeLimit(new MsgTypeLimitRequest("123", List.of(MessageType.TEXT, MessageType.MARKDOWN)));

    assertEquals(JSON.readTree("{\"groupId\":\"123\",\"type\":\"1,3\"}"), JSON.readTree(server.last().body()));
  }

  @Test
  void unknownEnumValueSurvivesARoundTrip() throws Exception {
    FriendApplyRequest request = read("{\"chatId\":\"1\",\"chatType\":4}", FriendApplyRequest.class);

    assertEquals(4, request.chatType().value());
    assertFalse(request.chatType().isKnown());
    assertEquals("{\"chatId\":\"1\",\"chatType\":4}", JSON.writeValueAsString(request));
    assertEquals(ApplyDecision.ACCEPT, read("{\"id\":1,\"agree\":1}", AgreeApplyRequest.class).agree());
  }

  @Test
  void addressBookListSpeaksProtobuf() throws Exception {
    AddressBookListResponse response = AddressBookListResponse.newBuilder()
        .setStatus(Status.newBuilder().setNumber(114514).setCode(1).setMsg("success"))
        .addData(AddressBookListResponse.ContactList.newBuilder()
            .setListName("用户")
            .addData(AddressBookListResponse.Contact.newBuilder()
                .setChatId("123").setName("测试聊天对象名称").setAvatarUrl("https://...").setPermissionLevel(2)))
        .build();
    // field 6 of a contact is undocumented: it must survive decoding
    byte[] withUnknown = withUnknownContactField(response);
    server.respond(200, "application/x-protobuf", withUnknown);

    AddressBookListResponse decoded = client.friend().addressBookList(
        AddressBookListRequest.newBuilder().setNumber("123123").build());

    LocalServer.Received request = server.last();
    assertEquals("/v1/friend/address-book-list", request.path());
    assertEquals("application/x-protobuf", request.header("Content-Type"));
    assertEquals(TOKEN, request.header("token"));
    assertEquals("123123", AddressBookListRequest.parseFrom(request.body()).getNumber());
    assertEquals("测试聊天对象名称", decoded.getData(0).getData(0).getName());
    assertEquals(2, decoded.getData(0).getData(0).getPermissionLevel());
    assertTrue(decoded.getData(0).getData(0).getUnknownFields().hasField(6));
    assertArrayEquals(withUnknown, decoded.toByteArray());
  }

  private static byte[] withUnknownContactField(AddressBookListResponse response) {
    AddressBookListResponse.Builder builder = response.toBuilder();
    AddressBookListResponse.Contact contact = builder.getData(0).getData(0).toBuilder()
        .setUnknownFields(UnknownFieldSet.newBuilder()
            .addField(6, UnknownFieldSet.Field.newBuilder()
                .addLengthDelimited(com.google.protobuf.ByteString.copyFromUtf8("测试聊天对象名称")).build())
            .build())
        .build();
    builder.setData(0, builder.getData(0).toBuilder().setData(0, contact));
    return builder.build().toByteArray();
  }

  @Test
  void requestListHasNoRequestBody() throws Exception {
    RequestListResponse response = RequestListResponse.newBuilder()
        .setStatus(Status.newBuilder().setNumber(114514).setCode(1).setMsg("success"))
        .addRequests(RequestListResponse.Request.newBuilder()
            .setReceiverName("测试接收者名称").setInviterId("123").setSourceType(1).setTargetType(1)
            .setProcessedAt(1231231230L).setInviteAtStr("1231-23-12 31:23:00").setRequestId(123)
            .setBotName("测试机器人名称").setNote("测试对象请求"))
        .setTotal(1)
        .setPending(0)
        .build();
    server.respond(200, "application/x-protobuf", response.toByteArray());

    RequestListResponse decoded = client.friend().requestList();

    assertEquals(0, server.last().body().length);
    assertNull(server.last().header("Content-Type"));
    assertEquals(response, decoded);
    assertEquals(123, decoded.getRequests(0).getRequestId());
  }

  @Test
  void groupInfoSpeaksProtobufAndChecksTheStatus() throws Exception {
    GroupInfoResponse response = GroupInfoResponse.newBuilder()
        .setStatus(Status.newBuilder().setNumber(114514).setCode(1).setMsg("success"))
        .setData(GroupInfoResponse.GroupData.newBuilder()
            .setId("123").setName("测试群聊").setMember(123).setPermissionLevel(2).setLimitedMsgType("1,2,3")
            .addAdmin("123").addTag(GroupInfoResponse.GroupData.Tag.newBuilder().setId(123).setColor("#FFFFFFFF")))
        .addHistoryBot(GroupInfoResponse.BotData.newBuilder().setId("123").setName("测试").setPrivate(1))
        .build();
    server.respond(200, "application/x-protobuf", response.toByteArray());

    GroupInfoResponse decoded = client.group().info(GroupInfoRequest.newBuilder().setGroupId("123").build());

    assertEquals("123", GroupInfoRequest.parseFrom(server.last().body()).getGroupId());
    assertEquals(response, decoded);

    server.respond(200, "application/x-protobuf", GroupInfoResponse.newBuilder()
        .setStatus(Status.newBuilder().setNumber(1).setCode(-1).setMsg("不存在")).build().toByteArray());
    YunhuApiException e = assertThrows(YunhuApiException.class,
        () -> client.group().info(GroupInfoRequest.newBuilder().setGroupId("0").build()));
    assertEquals(-1, e.code());
    assertEquals("不存在", e.getMessage());
  }

  @Test
  void asyncTwinReturnsTheSameData() throws Exception {
    serveData("{\"list\":[]}");

    GroupTagList list = client.groupTag()
        .listAsync(new GroupTagListRequest("1", 20, 1, "")).get();

    assertEquals(List.of(), list.list());
  }

  @Test
  void asyncTwinFailsWithTheTypedException() {
    server.respond(200, "application/json", "{\"code\":-1,\"msg\":\"不存在\"}".getBytes(StandardCharsets.UTF_8));

    CompletionException e = assertThrows(CompletionException.class,
        () -> client.friend().applyAsync(new FriendApplyRequest("1", ChatType.USER, null)).join());

    assertTrue(e.getCause() instanceof YunhuApiException);
    assertEquals(-1, ((YunhuApiException) e.getCause()).code());
  }

  @Test
  void httpErrorNamesEndpointAndStatus() {
    server.respond(502, "text/html", "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8));

    ApiHttpException e = assertThrows(ApiHttpException.class,
        () -> client.group().removeMember(new RemoveMemberRequest("1", "2")));

    assertEquals(502, e.httpStatus());
    assertTrue(e.getMessage().startsWith("POST /v1/group/remove-member failed with HTTP 502"), e.getMessage());
  }

  @Test
  void unparsableBodyNamesEndpointAndStatus() {
    server.respond(200, "text/html", "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8));

    ApiDecodeException e = assertThrows(ApiDecodeException.class,
        () -> client.groupTag().delete(new GroupTagDeleteRequest(1L)));

    assertTrue(e.getMessage().startsWith("POST /v1/group-tag/delete (HTTP 200)"), e.getMessage());
    assertFalse(e.getMessage().contains(TOKEN));
  }

  @Test
  void tokenIsNeverPrinted() {
    YunhuClient.Builder builder = YunhuClient.builder().token(TOKEN);

    assertFalse(builder.toString().contains(TOKEN), builder.toString());
    assertFalse(client.toString().contains(TOKEN), client.toString());
    assertTrue(client.toString().contains(server.uri().toString()));
  }

  @Test
  void aClientWithoutTheTokenSendsNothingToAnEndpointThatNeedsIt() {
    YunhuClient anonymous = YunhuClient.builder().baseUri(server.uri()).build();
    ApiCredentialException e = assertThrows(ApiCredentialException.class,
        () -> anonymous.friend().apply(new FriendApplyRequest("123", ChatType.USER, "hi")));
    assertEquals("POST /v1/friend/apply needs a credential in the 'token' header, and this client has none",
        e.getMessage());
    assertEquals(0, server.count());
    assertEquals("https://chat-go.jwzhd.com", YunhuClient.DEFAULT_BASE_URI.toString());

    server.respond(200, "application/json", OK.getBytes(StandardCharsets.UTF_8));
    anonymous.withToken(TOKEN).friend().apply(new FriendApplyRequest("123", ChatType.USER, "hi"));
    assertEquals(TOKEN, server.last().header("token"));
  }

  @Test
  void requiredFieldsAreChecked() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> new FriendApplyRequest(null, ChatType.USER, "hi"));
    assertEquals("chatId is required", e.getMessage());
  }

  private static JsonNode reencode(Object value) throws Exception {
    return JSON.readTree(JSON.writeValueAsBytes(value));
  }

  private void serveData(String data) throws Exception {
    JsonNode envelope = JSON.readTree("{\"code\":1,\"data\":" + data + ",\"msg\":\"success\"}");
    server.respond(200, "application/json", JSON.writeValueAsBytes(envelope));
  }
}
