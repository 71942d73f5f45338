package dev.yunhu.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import dev.apispec.contract.ProtoTypes;
import dev.apispec.contract.Recording;
import dev.yunhu.client.proto.AddressBookListRequest;
import dev.yunhu.client.proto.AddressBookListResponse;
import dev.yunhu.client.proto.GroupInfoRequest;
import dev.yunhu.client.proto.GroupInfoResponse;
import dev.yunhu.client.proto.RequestListResponse;
import dev.yunhu.client.proto.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The generator of the protobuf seed recordings: the seed notes' decoded examples, built with the
 * generated message classes and encoded to real bytes. The committed files must be exactly what it
 * produces; to rewrite them after changing an example here, run
 *
 * <pre>
 * mvn -pl contract-tests verify -Dtest=SeedRecordingsTest -Dcontract.writeSeeds=true
 * </pre>
 */
class SeedRecordingsTest {
  private static final String PROTOBUF = "application/x-protobuf";
  private static final Status OK = Status.newBuilder().setNumber(114514).setCode(1).setMsg("success").build();

  /** The protobuf seed recordings, by id. */
  static Map<String, Recording> seeds() {
    Map<String, Recording> seeds = new LinkedHashMap<>();

    // Field 6 of a contact: the notes' definition has it commented out as an unknown int32, and the
    // decoded example shows an unknown value 1 (temp_text1) in that place. It is not in our .proto,
    // so it is real drift, accepted below. The example also shows a second copy of the name whose
    // field number the notes do not give; it is left out rather than given a made-up number.
    AddressBookListResponse.Contact contact = AddressBookListResponse.Contact.newBuilder()
        .setChatId("123")
        .setName("测试聊天对象名称")
        .setAvatarUrl("https://...")
        .setPermissionLevel(2)
        .setUnknownFields(UnknownFieldSet.newBuilder()
            .addField(6, UnknownFieldSet.Field.newBuilder().addVarint(1).build())
            .build())
        .build();
    AddressBookListResponse addressBook = AddressBookListResponse.newBuilder()
        .setStatus(OK)
        .addData(AddressBookListResponse.ContactList.newBuilder()
            .setListName("测试聊天对象列表名称")
            .addData(contact))
        .build();
    seeds.put("friend/address-book-list/success", recording("friend/address-book-list/success",
        "From the seed notes' decoded example: one list holding one contact in which the caller is an admin"
            + " (permission level 2). The contact carries field 6, which the notes mark as unknown and our .proto"
            + " does not declare: accepted as known drift.",
        "/v1/friend/address-book-list",
        AddressBookListRequest.newBuilder().setNumber("123123").build(), addressBook,
        List.of("data[0].data[0]#6")));

    RequestListResponse requestList = RequestListResponse.newBuilder()
        .setStatus(OK)
        .addRequests(RequestListResponse.Request.newBuilder()
            .setReceiverName("测试接收者名称")
            .setReceiverAvatar("https://...")
            .setName("测试用户名称")
            .setAvatar("https://...")
            .setGroupName("测试群组名称")
            .setGroupAvatar("https://...")
            .setInviterId("123")
            .setSourceType(1)
            .setTargetType(1)
            .setTargetId("123")
            .setReceiverId("123")
            .setResult(0)
            .setProcessedAt(1231231230L)
            .setInviteAt(1231231230L)
            .setInviteAtStr("1231-23-12 31:23:00")
            .setRequestId(123)
            .setBotName("测试机器人名称")
            .setBotAvatar("https://...")
            .setProcessorName("测试处理者名称")
            .setNote("测试对象请求"))
        .setTotal(1)
        .setPending(0)
        .build();
    seeds.put("friend/request-list/success", recording("friend/request-list/success",
        "From the seed notes' decoded example (its typos resolved by field number): one request, none pending."
            + " The request has no body.",
        "/v1/friend/request-list", null, requestList, List.of()));

    GroupInfoResponse groupInfo = GroupInfoResponse.newBuilder()
        .setStatus(OK)
        .setData(GroupInfoResponse.GroupData.newBuilder()
            .setId("123")
            .setName("测试群聊")
            .setAvatarUrl("https://...")
            .setAvatarId(123)
            .setIntroduction("测试群聊")
            .setMember(123)
            .setCreateBy("123")
            .setDirectJoin(0)
            .setPermissionLevel(2)
            .setHistoryMsg(1)
            .setCategoryName("无")
            .setCategoryId(40)
            .setPrivate(0)
            .setDoNotDisturb(1)
            .setCommunityId(123)
            .setCommunityName("云湖")
            .setTop(0)
            .addAdmin("123")
            .setLimitedMsgType("")
            .setOwner("123")
            .setRecommendation(1)
            .addTagOld("冲刺一百万用户！")
            .addTag(GroupInfoResponse.GroupData.Tag.newBuilder().setId(123).setText("").setColor("#FFFFFFFF")))
        .addHistoryBot(GroupInfoResponse.BotData.newBuilder()
            .setId("123")
            .setName("测试")
            .setNameId(123)
            .setAvatarUrl("https://...")
            .setAvatarId(123)
            .setIntroduction("测试机器人")
            .setCreateBy("123")
            .setCreateTime(1231231230L)
            .setUserNumber(123)
            .setPrivate(1))
        .build();
    seeds.put("group/info/success", recording("group/info/success",
        "From the seed notes' decoded example: group 123 seen by an admin, with one tag and one bot. The notes"
            + " give no request example; the group ID is the one of the response. Fields at 0 or \"\" are not on"
            + " the wire (proto3 defaults).",
        "/v1/group/info", GroupInfoRequest.newBuilder().setGroupId("123").build(), groupInfo, List.of()));
    return seeds;
  }

  private static Recording recording(String id, String description, String path, Message request,
      Message response, List<String> knownDrift) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("token", Recording.REDACTED);
    if (request != null) {
      headers.put("content-type", PROTOBUF);
    }
    return new Recording(id, description,
        new Recording.Request("POST", path, headers, request == null ? null : body(request)),
        new Recording.Response(200, PROTOBUF, body(response)), knownDrift);
  }

  private static Recording.ProtobufBody body(Message message) {
    return new Recording.ProtobufBody(message.toByteArray(), message.getDescriptorForType().getFullName(),
        ProtoTypes.text(message));
  }

  @TestFactory
  Stream<DynamicTest> committedSeedRecordingsAreTheGeneratorsOutput() throws IOException {
    Path dir = Path.of(System.getProperty("contract.recordingsDir", "src/main/resources/recordings"));
    boolean write = Boolean.getBoolean("contract.writeSeeds");
    Map<String, Recording> seeds = seeds();
    if (write) {
      for (Recording seed : seeds.values()) {
        Path file = dir.resolve(seed.id() + ".json");
        Files.createDirectories(file.getParent());
        Files.write(file, seed.toFile());
      }
    }
    return seeds.values().stream().map(seed -> DynamicTest.dynamicTest(seed.id(), () -> {
      Path file = dir.resolve(seed.id() + ".json");
      assertTrue(Files.exists(file), file + " is missing; run with -Dcontract.writeSeeds=true to write it");
      assertEquals(new String(seed.toFile(), StandardCharsets.UTF_8), Files.readString(file),
          file + " is not what the generator writes; run with -Dcontract.writeSeeds=true to rewrite it");
    }));
  }
}
