package dev.yunhu.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apispec.runtime.ApiHttpException;
import dev.apispec.runtime.ApiJson;
import dev.yunhu.client.model.CoinProduct;
import dev.yunhu.client.model.CoinProductList;
import dev.yunhu.client.model.CoinProductListRequest;
import dev.yunhu.client.model.FriendRemarkField;
import dev.yunhu.client.model.FriendRemarkRequest;
import dev.yunhu.client.model.GroupNicknameRequest;
import dev.yunhu.client.model.MemberIsRemovedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoints whose answers are not the usual envelope with data, and the fields that travel as JSON text inside a
 * string, against a local server: what goes out, and what each answer turns into.
 */
class YunhuShapesWireTest {
  private static final ObjectMapper JSON = ApiJson.newMapper();

  private LocalServer server;
  private YunhuClient client;

  @BeforeEach
  void start() throws Exception {
    server = new LocalServer();
    client = YunhuClient.builder().baseUri(server.uri()).token("t0k3n").requestTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void answer(String json) {
    server.respond(200, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  private JsonNode sent() throws Exception {
    return JSON.readTree(server.last().body());
  }

  @Test
  void memberIsRemovedAnswersWithItsCode() throws Exception {
    MemberIsRemovedRequest request = new MemberIsRemovedRequest("7356666", "123456789");

    answer("{\"code\":1,\"msg\":\"用户已被移除\"}");
    assertTrue(client.group().memberIsRemoved(request));
    assertEquals(JSON.readTree("{\"userId\":\"7356666\",\"groupId\":\"123456789\"}"), sent());
    assertEquals("/v1/group/member-is-removed", server.last().path());

    answer("{\"code\":2,\"msg\":\"用户未被移除\"}");
    assertFalse(client.group().memberIsRemoved(request));

    answer("{\"code\":-1,\"msg\":\"参数错误\"}");
    YunhuApiException failure = assertThrows(YunhuApiException.class, () -> client.group().memberIsRemoved(request));
    assertEquals(-1, failure.code());
    assertEquals("POST /v1/group/member-is-removed", failure.endpoint());
    assertEquals("参数错误", failure.getMessage());
  }

  @Test
  void aMessageOnlyAnswerIsASuccessWhateverItsMessage() throws Exception {
    GroupNicknameRequest request = new GroupNicknameRequest("123456789", "群里的名字");

    answer("{\"msg\":\"success\"}");
    client.group().editMyNickname(request);
    assertEquals(JSON.readTree("{\"groupId\":\"123456789\",\"nickname\":\"群里的名字\"}"), sent());

    answer("{\"msg\":\"修改成功\"}");
    client.group().editMyNickname(request);

    server.respond(500, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
    ApiHttpException failure = assertThrows(ApiHttpException.class, () -> client.group().editMyNickname(request));
    assertEquals(500, failure.httpStatus());
    assertTrue(failure.getMessage().startsWith("POST /v1/group/edit-my-group-nickname failed with HTTP 500"),
        failure.getMessage());
  }

  @Test
  void aListInAStringIsSentAsItsJsonText() throws Exception {
    answer("{\"code\":1,\"msg\":\"success\"}");
    client.user().saveUserRemarks(new FriendRemarkRequest("123123123", "备注", "12300000000",
        List.of(new FriendRemarkField("生日", "5月1日"), new FriendRemarkField("城市", "杭州"))));

    JsonNode body = sent();
    assertTrue(body.get("others").isTextual(), body.toString());
    assertEquals(JSON.readTree("[{\"key\":\"生日\",\"value\":\"5月1日\"},{\"key\":\"城市\",\"value\":\"杭州\"}]"),
        JSON.readTree(body.get("others").asText()));
  }

  @Test
  void aListInAStringIsReadAndWrittenBackAsAString() throws Exception {
    String product = "{\"id\":1,\"name\":\"会员7天\",\"price\":100,"
        + "\"imageUrls\":\"[\\\"https://img.example.com/a.png\\\",\\\"https://img.example.com/b.png\\\"]\"}";
    answer("{\"code\":1,\"msg\":\"success\",\"data\":{\"list\":[" + product + "],\"total\":1}}");

    CoinProductList page = client.coin().shopProductRecommend(new CoinProductListRequest(10, 1));

    CoinProduct first = page.list().get(0);
    assertEquals(List.of("https://img.example.com/a.png", "https://img.example.com/b.png"), first.imageUrls());
    JsonNode written = JSON.readTree(JSON.writeValueAsBytes(first));
    assertEquals(JSON.readTree(JSON.readTree(product).get("imageUrls").asText()),
        JSON.readTree(written.get("imageUrls").asText()));
    assertEquals(100.0, written.get("price").doubleValue());
  }
}
