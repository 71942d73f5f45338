package dev.apispec.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yunhu.client.YunhuClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The spec (read from {@code ../api-spec/src/main/spec}) and the recordings cover each other. The
 * build fails when an endpoint has no success recording, a documented error is not recorded, or a
 * recording belongs to no endpoint.
 */
class CoverageTest {
  private static final ApiSpec SPEC = TestSupport.spec();
  private static final Coverage COVERAGE = new Coverage(SPEC, TestSupport.client());

  @Test
  void theSpecHoldsTheSeedGroups() {
    List<String> groups = SPEC.endpoints().stream().map(ApiSpec.Endpoint::group).distinct().toList();
    assertTrue(groups.containsAll(List.of("friend", "group-tag", "group")), groups.toString());
    assertTrue(SPEC.endpoints().size() >= 20, SPEC.endpoints().toString());
  }

  @Test
  void everyEndpointOfTheSpecHasASuccessRecording() {
    assertEquals(List.of(), COVERAGE.endpointsWithoutSuccess(TestSupport.recordings()));
  }

  @Test
  void everyErrorTheSpecDocumentsIsRecorded() {
    assertEquals(List.of(), COVERAGE.documentedErrorsWithoutRecording(TestSupport.recordings()));
  }

  @Test
  void everyRecordingMatchesAnEndpointAndIsFiledUnderIt() {
    assertEquals(List.of(), COVERAGE.strayRecordings(TestSupport.recordings()));
  }

  @Test
  void noTwoRecordingsOfAnEndpointAnswerTheSameRequest() {
    // the set the mock server serves; a -Dcontract.recordings folder may well repeat requests
    assertEquals(List.of(), COVERAGE.ambiguousRecordings(Recordings.builtIn()));
  }

  @Test
  void everyEndpointHasItsClientMethod() {
    List<String> methods = new ArrayList<>();
    for (ApiSpec.Endpoint endpoint : SPEC.endpoints()) {
      ClientBinding binding = ClientBinding.of(endpoint, YunhuClient.class);
      methods.add(binding.accessor().getName() + "()." + binding.method().getName());
    }
    assertTrue(methods.contains("groupTag().relateCancel"), methods.toString());
    assertTrue(methods.contains("group().recommendList"), methods.toString());
    assertEquals(SPEC.endpoints().size(), methods.stream().distinct().count(), methods.toString());
  }

  @Test
  void theSpecOnTheClassPathIsTheOneInTheSources() {
    // the mock server and the recorder read the spec from the api-spec jar; a stale jar would mislead them
    assertEquals(SPEC.endpoints(), ApiSpec.fromClasspath(YunhuClient.class).endpoints(),
        "the api-spec on the class path is not the one in " + TestSupport.specDir() + "; run mvn install");
  }

  // The checks above can fail: the same checks on recordings with something missing or extra.

  @Test
  void anEndpointWithoutRecordingsIsReported() {
    List<Recording> withoutApply = TestSupport.recordings().stream()
        .filter(r -> !r.request().path().equals("/v1/friend/apply"))
        .toList();

    assertEquals(List.of("POST /v1/friend/apply has no success recording; add friend/apply/success.json"),
        COVERAGE.endpointsWithoutSuccess(withoutApply));
    assertEquals(List.of(
        "POST /v1/friend/apply documents failure -1 \"<群聊/用户/机器人>不存在\", but no recording in friend/apply/ shows it",
        "POST /v1/friend/apply documents failure -9 \"您已添加过对方\", but no recording in friend/apply/ shows it"),
        COVERAGE.documentedErrorsWithoutRecording(withoutApply));
  }

  @Test
  void anEndpointWithOnlyFailureRecordingsIsReported() {
    List<Recording> onlyFailures = TestSupport.recordings().stream()
        .filter(r -> !r.id().equals("group/remove-member/success"))
        .toList();

    assertEquals(List.of("POST /v1/group/remove-member has no success recording; add group/remove-member/success.json"),
        COVERAGE.endpointsWithoutSuccess(onlyFailures));
  }

  @Test
  void aRecordingOfAnUnknownEndpointOrInTheWrongFolderIsReported() {
    Recording apply = DriftTest.builtIn("friend/apply/success");
    Recording unknown = new Recording("friend/no-such-endpoint/success", null,
        new Recording.Request("POST", "/v1/friend/no-such-endpoint", apply.request().headers(), apply.request().body()),
        apply.response(), List.of());
    Recording misfiled = apply.withId("friend/delete-friend/apply");

    assertEquals(List.of(
        "friend/no-such-endpoint/success: POST /v1/friend/no-such-endpoint matches no endpoint of the spec",
        "friend/delete-friend/apply: a recording of POST /v1/friend/apply must be filed under friend/apply/, not"
            + " friend/delete-friend/"),
        COVERAGE.strayRecordings(List.of(apply, unknown, misfiled)));
  }

  @Test
  void twoRecordingsOfTheSameRequestAreReported() {
    Recording apply = DriftTest.builtIn("friend/apply/success");
    Recording again = DriftTest.mutate("friend/apply/error-already-added",
        root -> root.set("request", Recording.JSON.valueToTree(Map.of(
            "method", "POST", "path", "/v1/friend/apply",
            "body", Map.of("json", Map.of("remark", "测试申请简介", "chatType", 2, "chatId", "123"))))));

    assertEquals(List.of("friend/apply/success and friend/apply/error-already-added answer the same request; the mock"
        + " server would always pick friend/apply/success. Change one request body."),
        COVERAGE.ambiguousRecordings(List.of(apply, again)));
  }

  @Test
  void documentedMessagesWithVariantsMatchEachVariant() {
    ApiSpec.DocumentedError error = new ApiSpec.DocumentedError(-1, "<群聊/用户/机器人>不存在");

    assertTrue(error.matches(-1, "群聊不存在"));
    assertTrue(error.matches(-1, "用户不存在"));
    assertTrue(error.matches(-1, "机器人不存在"));
    assertTrue(error.matches(-1, "<群聊/用户/机器人>不存在"));
    assertFalse(error.matches(-1, "不存在"));
    assertFalse(error.matches(-9, "群聊不存在"));
  }
}
