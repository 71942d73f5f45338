package dev.yunhu.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.apispec.runtime.testing.CannedHttpClient;
import dev.apispec.runtime.testing.Oracles;
import dev.apispec.runtime.testing.Oracles.Outcome;
import dev.apispec.runtime.testing.Reliability;
import dev.yunhu.client.model.ChatType;
import dev.yunhu.client.model.FriendApplyRequest;
import dev.yunhu.client.model.GroupTagList;
import dev.yunhu.client.model.GroupTagListRequest;
import dev.yunhu.client.model.InstructionList;
import dev.yunhu.client.model.LiveRoomList;
import dev.yunhu.client.model.RecommendListRequest;
import dev.yunhu.client.model.RecommendedGroups;
import dev.yunhu.client.proto.AddressBookListResponse;
import dev.yunhu.client.proto.GroupInfoRequest;
import dev.yunhu.client.proto.GroupInfoResponse;
import dev.yunhu.client.proto.RequestListResponse;
import java.io.CharConversionException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fuzzes the generated client's decoding with bytes a hostile server might send.
 *
 * <ul>
 *   <li>the DTOs alone, read by a plain {@link ObjectMapper}: a value, or one of Jackson's own exceptions;
 *   <li>the protobuf messages alone, read by their {@code parseFrom}: a message, or an
 *       {@link InvalidProtocolBufferException};
 *   <li>the whole client on a {@link CannedHttpClient}: a value, or an {@code ApiException} that names the
 *       endpoint and does not show the token.
 * </ul>
 *
 * <p>Anything else (a {@code NullPointerException} from a record constructor, a {@code ClassCastException},
 * a {@code StackOverflowError}, ...) fails. Under {@code mvn test} each target runs once per saved input in
 * {@code src/test/resources/dev/yunhu/client/YunhuFuzzTestInputs/<target>/}; to fuzz, see
 * {@code docs/reliability.md}.
 */
class YunhuFuzzTest {
  static {
    Reliability.skipJazzerHooksUnlessFuzzing();
  }

  @RegisterExtension
  static final Reliability FIGURES = Reliability.forClass(YunhuFuzzTest.class);

  private static final String AREA = "hostile responses";
  private static final String TOKEN = "tok_yunhu_fuzz_a81c4e";
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final List<Class<?>> DTOS =
      List.of(RecommendedGroups.class, LiveRoomList.class, InstructionList.class, GroupTagList.class);
  private static final List<Parser<? extends Message>> MESSAGES =
      List.of(GroupInfoResponse.parser(), RequestListResponse.parser(), AddressBookListResponse.parser());

  private static String what() {
    return Reliability.fuzzing() ? "fuzz executions (fuzzing mode)" : "fuzz executions (saved inputs, regression mode)";
  }

  private static YunhuClient client(String contentType, byte[] body) {
    return YunhuClient.builder()
        .httpClient(CannedHttpClient.answering(200, contentType, body))
        .baseUri(URI.create("http://127.0.0.1:9"))
        .token(TOKEN)
        .build();
  }

  private static void check(Reliability.Row row, Outcome<?> outcome, String endpoint) {
    String problem = outcome.failed() ? Oracles.problemWith(outcome.failure(), endpoint, TOKEN) : null;
    if (problem != null) {
      row.failed(1);
      fail(problem, outcome.failure());
    }
  }

  @FuzzTest(maxDuration = "30s")
  void dtoWithPlainObjectMapper(byte[] json) {
    Reliability.Row row = FIGURES.row(AREA,
        "generated JSON DTOs, plain ObjectMapper (RecommendedGroups, LiveRoomList, InstructionList, GroupTagList)", what());
    row.tried(1).note("finding-utf32-*, finding-ucs4-*: Jackson's byte decoding raises java.io.CharConversionException, "
        + "not a JsonProcessingException (accepted as Jackson's own; through the client it is an ApiDecodeException); "
        + "a plain ObjectMapper reads 1e1000000 as Infinity and 1.5 into an int as 1 (Jackson defaults, not ApiJson's)");
    for (Class<?> type : DTOS) {
      Object value;
      try {
        value = PLAIN.readValue(json, type);
      } catch (JsonProcessingException jacksons) {
        continue;
      } catch (Throwable e) { // deliberately everything: an exception or an Error that is not Jackson's is a finding
        if (raisedByJacksonsDecoder(e)) {
          continue;
        }
        row.failed(1);
        fail("decoding " + type.getSimpleName() + " threw " + e, e);
        return;
      }
      if (value == null) {
        continue; // the JSON literal null
      }
      // Once decoded, a DTO must write and read back to the same JSON. (The first decode may already have
      // changed a number: a plain ObjectMapper reads 1e400 as Infinity and 1.5 into an int as 1 - Jackson's
      // defaults, which the client's own mapper, ApiJson, does not have.)
      try {
        byte[] once = PLAIN.writeValueAsBytes(value);
        byte[] twice = PLAIN.writeValueAsBytes(PLAIN.readValue(once, type));
        if (!PLAIN.readTree(once).equals(PLAIN.readTree(twice))) {
          row.lost(1);
          fail(type.getSimpleName() + " changed when written and read again: " + new String(once, UTF_8) + " -> "
              + new String(twice, UTF_8));
        }
      } catch (JsonProcessingException unwritable) {
        // e.g. a lone surrogate from an escape: a string Jackson will not write, not one the DTO lost
      } catch (IOException e) {
        row.lost(1);
        fail(type.getSimpleName() + " could not be read back: " + e, e);
      }
    }
  }

  /**
   * Found by fuzzing: for bytes that look like UTF-32, Jackson's own byte decoding raises a plain
   * {@link CharConversionException} ("Invalid UTF-32 character 0xeff0000 (above 0x0010ffff)", "Unsupported UCS-4
   * endianness (2143) detected") instead of one of its {@link JsonProcessingException}s. It is still Jackson's,
   * raised by its encoding detection or reader and declared by {@code readValue}; the client maps it to an
   * {@code ApiDecodeException} like any other.
   */
  private static boolean raisedByJacksonsDecoder(Throwable e) {
    return e instanceof CharConversionException
        && e.getStackTrace().length > 0
        && e.getStackTrace()[0].getClassName().startsWith("com.fasterxml.jackson.core.");
  }

  @FuzzTest(maxDuration = "30s")
  void protobufMessagesAlone(byte[] bytes) {
    Reliability.Row row = FIGURES.row(AREA,
        "generated protobuf messages, parseFrom (GroupInfoResponse, RequestListResponse, AddressBookListResponse)", what());
    row.tried(1);
    for (Parser<? extends Message> parser : MESSAGES) {
      Message message;
      try {
        message = parser.parseFrom(bytes);
      } catch (InvalidProtocolBufferException protobufs) {
        continue;
      } catch (Throwable e) { // deliberately everything
        row.failed(1);
        fail("parseFrom threw " + e, e);
        return;
      }
      try {
        Message back = parser.parseFrom(message.toByteArray());
        if (!message.equals(back)) {
          row.lost(1);
          fail("the message changed when written and read again: " + message + " -> " + back);
        }
      } catch (InvalidProtocolBufferException e) {
        row.lost(1);
        fail("the message could not be read back: " + e, e);
      }
    }
  }

  @FuzzTest(maxDuration = "30s")
  void clientJsonEndpoints(byte[] body) {
    Reliability.Row row = FIGURES.row(AREA,
        "YunhuClient JSON endpoints (group().recommendList, groupTag().list, friend().apply)", what());
    row.tried(1);
    YunhuClient client = client("application/json", body);

    Outcome<RecommendedGroups> groups =
        Oracles.outcome(() -> client.group().recommendList(new RecommendListRequest(22, "114514")));
    Outcome<GroupTagList> tags = Oracles.outcome(() -> client.groupTag().list(new GroupTagListRequest("1", 20, 1, "")));
    Outcome<GroupTagList> tagsAsync =
        Oracles.outcome(() -> client.groupTag().listAsync(new GroupTagListRequest("1", 20, 1, "")).join());
    Outcome<Void> apply = Oracles.outcome(() -> {
      client.friend().apply(new FriendApplyRequest("1", ChatType.USER, "hi"));
      return null;
    });

    check(row, groups, "POST /v1/group/recommend/list");
    check(row, tags, "POST /v1/group-tag/list");
    check(row, tagsAsync, "POST /v1/group-tag/list");
    check(row, apply, "POST /v1/friend/apply");
    if (!Objects.equals(tags.value(), tagsAsync.value()) || tags.failed() != tagsAsync.failed()) {
      row.failed(1);
      fail("list and listAsync disagree: " + tags + " / " + tagsAsync);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void clientProtobufEndpoints(byte[] body) {
    Reliability.Row row = FIGURES.row(AREA,
        "YunhuClient protobuf endpoints (group().info, friend().requestList)", what());
    row.tried(1);
    YunhuClient client = client("application/x-protobuf", body);

    Outcome<GroupInfoResponse> info =
        Oracles.outcome(() -> client.group().info(GroupInfoRequest.newBuilder().setGroupId("123").build()));
    Outcome<RequestListResponse> requests = Oracles.outcome(() -> client.friend().requestList());

    check(row, info, "POST /v1/group/info");
    check(row, requests, "POST /v1/friend/request-list");
    if (info.value() != null && info.value().getStatus().getCode() != 1) {
      row.failed(1);
      fail("a response whose status is not success was returned: " + info.value());
    }
  }
}
