package dev.apispec.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import dev.yunhu.client.YunhuClient;
import dev.yunhu.client.proto.GroupInfoResponse;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The drift finder and the contract check on mutated copies of real recordings: a changed value, a
 * renamed field and an extra field must each fail with a message that names the recording and the
 * field, and the accepted drift of the address book must pass only while it is listed.
 */
class DriftTest {
  private static final ApiSpec SPEC = TestSupport.spec();
  private static final ContractCheck CHECK = new ContractCheck(SPEC, TestSupport.client());
  private static final DriftFinder FINDER = new DriftFinder(SPEC);

  // ---------------------------------------------------------------------------------------------
  // JSON

  @Test
  void unmutatedRecordingsPass() {
    for (String id : List.of("group/live-room/success", "group/info/success", "friend/address-book-list/success",
        "group/recommend/list/success", "friend/apply/success")) {
      assertEquals(List.of(), CHECK.problems(builtIn(id)), id);
    }
  }

  @Test
  void jsonExtraFieldIsDriftWithItsPath() {
    Recording mutated = mutate("group/live-room/success", root -> room(root).put("newField", 7));

    assertEquals(List.of(new DriftFinder.Drift("data.rooms[0].newField", "JSON property, value 7")),
        analyse(mutated).drift());
    ContractViolation failure = assertThrows(ContractViolation.class, () -> CHECK.verify(mutated));
    assertEquals("group/live-room/success (POST /v1/group/live-room) breaks the contract:\n"
        + "  - drift: the response has a field the spec does not know:\n"
        + "      data.rooms[0].newField  (JSON property, value 7)\n"
        + "    Describe it in the spec, or list the path(s) in the recording's \"knownDrift\" to accept them.",
        failure.getMessage());
  }

  @Test
  void jsonRenamedFieldIsDriftWithItsNewName() {
    Recording mutated = mutate("group/live-room/success", root -> {
      ObjectNode room = room(root);
      room.set("titel", room.remove("title"));
    });

    assertEquals(List.of("data.rooms[0].titel"), analyse(mutated).paths());
    ContractViolation failure = assertThrows(ContractViolation.class, () -> CHECK.verify(mutated));
    assertTrue(failure.getMessage().startsWith("group/live-room/success (POST /v1/group/live-room)"),
        failure.getMessage());
    assertTrue(failure.getMessage().contains("data.rooms[0].titel  (JSON property, value \"测试房间\")"),
        failure.getMessage());
  }

  @Test
  void jsonChangedValueThatDoesNotSurviveTheRoundTripFails() {
    // "123" decodes into the Integer count (Jackson coerces it) but encodes back as 123: something is lost
    Recording mutated = mutate("group/live-room/success", root -> room(root).put("count", "123"));

    assertEquals(List.of(), analyse(mutated).drift());
    assertEquals(List.of("response does not survive decode and encode: data.rooms[0].count: recorded \"123\","
        + " re-encoded 123"), CHECK.problems(mutated));
  }

  @Test
  void jsonChangedValueOfTheWrongTypeFails() {
    Recording mutated = mutate("group/live-room/success", root -> room(root).put("chatType", "group"));

    List<String> problems = CHECK.problems(mutated);
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("data.rooms[0].chatType does not decode into LiveRoomList: "),
        problems.get(0));
    assertTrue(problems.get(1).startsWith("the recorded response is a success, but the client threw"
        + " ApiDecodeException: POST /v1/group/live-room (HTTP 200): 'data' is not a valid LiveRoomList"),
        problems.get(1));
    ContractViolation failure = assertThrows(ContractViolation.class, () -> CHECK.verify(mutated));
    assertTrue(failure.getMessage().startsWith("group/live-room/success (POST /v1/group/live-room) breaks the"
        + " contract:\n  - data.rooms[0].chatType does not decode"), failure.getMessage());
  }

  @Test
  void jsonCommaSeparatedListChangedToAnArrayFails() {
    Recording mutated = mutate("group/recommend/list/success",
        root -> ((ObjectNode) root.at("/response/body/json/data/groups/0")).putArray("msgTypeLimit").add(1));

    List<String> problems = CHECK.problems(mutated);
    assertTrue(problems.get(0).startsWith("data.groups[0].msgTypeLimit does not decode into RecommendedGroups: "),
        problems.toString());
  }

  @Test
  void extraEnvelopePropertyAndDataWhereTheSpecHasNoneAreDrift() {
    Recording mutated = mutate("friend/apply/success", root -> {
      ObjectNode envelope = (ObjectNode) root.at("/response/body/json");
      envelope.put("traceId", "abc");
      envelope.putObject("data").put("id", 1);
    });

    assertEquals(List.of("traceId", "data"), analyse(mutated).paths());
  }

  @Test
  void extraFieldInAMapOrNestedUnknownObjectIsReportedOnceAtItsTop() {
    Recording mutated = mutate("group/instruction-list/success", root ->
        ((ObjectNode) root.at("/response/body/json/data/instructions/0")).putObject("extra").put("deep", true));

    assertEquals(List.of(new DriftFinder.Drift("data.instructions[0].extra", "JSON property, value {\"deep\":true}")),
        analyse(mutated).drift());
  }

  @Test
  void errorResponsesAreCheckedForEnvelopeDriftOnly() {
    Recording mutated = mutate("group/gag-member/error-owner",
        root -> ((ObjectNode) root.at("/response/body/json")).put("hint", "x"));

    assertEquals(List.of("hint"), analyse(mutated).paths());
  }

  // ---------------------------------------------------------------------------------------------
  // Protobuf

  @Test
  void protobufExtraFieldIsDriftWithPathAndNumber() throws Exception {
    Recording mutated = mutateGroupInfo(info -> {
      GroupInfoResponse.Builder builder = info.toBuilder();
      builder.getDataBuilder().getTagBuilder(0).setUnknownFields(UnknownFieldSet.newBuilder()
          .addField(5, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("新")).build())
          .build());
      return builder.build();
    });

    assertEquals(List.of(new DriftFinder.Drift("data.tag[0]#5", "protobuf field 5, length-delimited 3 bytes,"
        + " as text \"新\"")), analyse(mutated).drift());
    ContractViolation failure = assertThrows(ContractViolation.class, () -> CHECK.verify(mutated));
    assertEquals("group/info/success (POST /v1/group/info) breaks the contract:\n"
        + "  - drift: the response has a field the spec does not know:\n"
        + "      data.tag[0]#5  (protobuf field 5, length-delimited 3 bytes, as text \"新\")\n"
        + "    Describe it in the spec, or list the path(s) in the recording's \"knownDrift\" to accept them.",
        failure.getMessage());
  }

  @Test
  void protobufRenumberedFieldIsDriftAtItsNewNumber() throws Exception {
    // the tag's colour (field 4) arrives as field 9: the known field is gone, an unknown one appeared
    Recording mutated = mutateGroupInfo(info -> {
      GroupInfoResponse.Builder builder = info.toBuilder();
      GroupInfoResponse.GroupData.Tag.Builder tag = builder.getDataBuilder().getTagBuilder(0);
      String color = tag.getColor();
      tag.clearColor().setUnknownFields(UnknownFieldSet.newBuilder()
          .addField(9, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8(color)).build())
          .build());
      return builder.build();
    });

    assertEquals(List.of("data.tag[0]#9"), analyse(mutated).paths());
    ContractViolation failure = assertThrows(ContractViolation.class, () -> CHECK.verify(mutated));
    assertTrue(failure.getMessage().startsWith("group/info/success (POST /v1/group/info) breaks the contract:"),
        failure.getMessage());
    assertTrue(failure.getMessage().contains("data.tag[0]#9  (protobuf field 9"), failure.getMessage());
  }

  @Test
  void protobufChangedWireTypeIsDrift() throws Exception {
    // member (field 6 of the group data) sent as a string instead of a varint: protobuf keeps it as unknown
    Recording mutated = mutateGroupInfo(info -> {
      GroupInfoResponse.Builder builder = info.toBuilder();
      builder.getDataBuilder().clearMember().setUnknownFields(UnknownFieldSet.newBuilder()
          .addField(6, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("123")).build())
          .build());
      return builder.build();
    });

    assertEquals(List.of("data#6"), analyse(mutated).paths());
  }

  @Test
  void protobufBytesChangedWithoutTheirDecodedViewFail() throws Exception {
    Recording original = builtIn("group/info/success");
    GroupInfoResponse info = GroupInfoResponse.parseFrom(original.response().body().bytes());
    byte[] changed = info.toBuilder().setData(info.getData().toBuilder().setMember(124)).build().toByteArray();
    Recording.ProtobufBody body = (Recording.ProtobufBody) original.response().body();
    Recording mutated = withResponseBody(original, new Recording.ProtobufBody(changed, body.message(), body.decoded()));

    assertEquals(List.of("response body: the decoded view does not match the bytes (the bytes are the truth;"
        + " regenerate the view with Reformat, see docs/recordings.md) at data.member: the decoded view has 'member: 123', the bytes decode to"
        + " 'member: 124'"), CHECK.problems(mutated));
  }

  @Test
  void protobufMessageOfTheWrongTypeFails() {
    Recording original = builtIn("group/info/success");
    Recording.ProtobufBody body = (Recording.ProtobufBody) original.response().body();
    Recording mutated = withResponseBody(original,
        new Recording.ProtobufBody(body.bytes(), "yunhu.v1.RequestListResponse", body.decoded()));

    assertTrue(CHECK.problems(mutated).contains(
        "response body names message yunhu.v1.RequestListResponse, but the spec says yunhu.v1.GroupInfoResponse"));
  }

  // ---------------------------------------------------------------------------------------------
  // Known drift

  @Test
  void addressBookDriftIsRealAndAcceptedOnlyWhileListed() {
    Recording recorded = builtIn("friend/address-book-list/success");
    assertEquals(List.of("data[0].data[0]#6"), recorded.knownDrift());
    assertEquals(List.of(new DriftFinder.Drift("data[0].data[0]#6", "protobuf field 6, varint 1")),
        analyse(recorded).drift());
    assertEquals(List.of(), CHECK.problems(recorded));

    Recording unlisted = new Recording(recorded.id(), recorded.description(), recorded.request(),
        recorded.response(), List.of());
    ContractViolation failure = assertThrows(ContractViolation.class, () -> CHECK.verify(unlisted));
    assertEquals("friend/address-book-list/success (POST /v1/friend/address-book-list) breaks the contract:\n"
        + "  - drift: the response has a field the spec does not know:\n"
        + "      data[0].data[0]#6  (protobuf field 6, varint 1)\n"
        + "    Describe it in the spec, or list the path(s) in the recording's \"knownDrift\" to accept them.",
        failure.getMessage());
  }

  @Test
  void staleKnownDriftFails() {
    Recording recorded = builtIn("group/live-room/success");
    Recording stale = new Recording(recorded.id(), null, recorded.request(), recorded.response(),
        List.of("data.rooms[0].gone"));

    assertEquals(List.of("knownDrift lists data.rooms[0].gone, but the response has no such unknown field; remove it"),
        CHECK.problems(stale));
  }

  // ---------------------------------------------------------------------------------------------
  // The recording itself

  @Test
  void aRealTokenInARecordingFailsWithoutPrintingIt() {
    Recording mutated = mutate("friend/apply/success",
        root -> ((ObjectNode) root.at("/request/headers")).put("token", "real-token-value-123"));

    List<String> problems = CHECK.problems(mutated);
    assertEquals(List.of("request header 'token' holds a value; a recording may only hold \"<redacted>\" there"),
        problems);
  }

  @Test
  void aRequestTheClientCannotSendAsRecordedFails() {
    // the client encodes chatType as a number: a recording that says "2" cannot be what it sends
    Recording mutated = mutate("friend/apply/success",
        root -> ((ObjectNode) root.at("/request/body/json")).put("chatType", "2"));

    assertEquals(List.of("request body: chatType: recorded \"2\", sent 2"), CHECK.problems(mutated));
  }

  @Test
  void anEnvelopeWithoutAnIntegerCodeFails() {
    Recording mutated = mutate("friend/apply/error-already-added",
        root -> ((ObjectNode) root.at("/response/body/json")).put("code", "-9"));

    assertEquals(List.of("the envelope has no integer 'code': \"-9\""), CHECK.problems(mutated));
  }

  // ---------------------------------------------------------------------------------------------

  private static DriftFinder.Analysis analyse(Recording recording) {
    ApiSpec.Endpoint endpoint = SPEC.endpoint(recording.request().method(), recording.request().path()).orElseThrow();
    return FINDER.analyse(recording, ClientBinding.of(endpoint, YunhuClient.class));
  }

  static Recording builtIn(String id) {
    return Recordings.builtIn().stream().filter(r -> r.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no recording " + id));
  }

  /** A built-in recording with its file's JSON changed. */
  static Recording mutate(String id, Consumer<ObjectNode> change) {
    try {
      ObjectNode root = (ObjectNode) Recording.JSON.readTree(builtIn(id).toFile());
      change.accept(root);
      return Recording.parse(id, Recording.JSON.writeValueAsBytes(root));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ObjectNode room(ObjectNode root) {
    return (ObjectNode) ((ArrayNode) root.at("/response/body/json/data/rooms")).get(0);
  }

  interface Change {
    GroupInfoResponse apply(GroupInfoResponse info);
  }

  /** group/info/success with its response message changed, and its decoded view regenerated. */
  private static Recording mutateGroupInfo(Change change) throws Exception {
    Recording original = builtIn("group/info/success");
    GroupInfoResponse info = GroupInfoResponse.parseFrom(original.response().body().bytes());
    GroupInfoResponse changed = change.apply(info);
    byte[] bytes = changed.toByteArray();
    return withResponseBody(original, new Recording.ProtobufBody(bytes, "yunhu.v1.GroupInfoResponse",
        ProtoTypes.of(YunhuClient.class).decode("yunhu.v1.GroupInfoResponse", bytes)));
  }

  private static Recording withResponseBody(Recording original, Recording.Body body) {
    return new Recording(original.id(), original.description(), original.request(),
        new Recording.Response(original.response().status(), original.response().contentType(), body),
        original.knownDrift());
  }

  @Test
  void base64OfTheSeedIsTheEncodingOfItsExample() {
    Recording recorded = builtIn("friend/address-book-list/success");
    assertEquals("EgYxMjMxMjM=", Base64.getEncoder().encodeToString(recorded.request().body().bytes()));
  }
}
