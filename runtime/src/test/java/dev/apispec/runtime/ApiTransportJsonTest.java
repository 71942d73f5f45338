package dev.apispec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A JSON endpoint, called the way a generated client calls it. */
class ApiTransportJsonTest {
  static final String TOKEN = "tok_5f3c9a2e81d4b7";

  /** The request DTO of the example endpoint. */
  record FriendQuery(String chatId, int chatType, String remark) {}

  /** The {@code data} of its response. */
  record Friend(String chatId, String nickname, int level) {}

  static final Endpoint<Friend> GET_FRIEND = Endpoint.post("/v1/x", ResponseFormat.jsonData(Friend.class));
  static final Endpoint<Void> APPLY = Endpoint.post("/v1/friend/apply", ResponseFormat.jsonNoData());

  private LocalServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = LocalServer.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private ApiTransport transport(URI baseUri) {
    return ApiTransport.builder()
        .baseUri(baseUri)
        .auth("token", TOKEN)
        .jsonEnvelope(new JsonEnvelope("code", "msg", "data", 1))
        .build();
  }

  @Test
  void postsTheRequestAsJsonAndDecodesData() throws Exception {
    server.respondJson("{\"code\":1,\"msg\":\"success\",\"data\":{\"chatId\":\"u42\",\"nickname\":\"小明\",\"level\":3}}");
    FriendQuery query = new FriendQuery("u42", 1, "hi 你好");

    Friend friend = transport(server.uri()).call(GET_FRIEND, query);

    assertEquals(new Friend("u42", "小明", 3), friend);
    LocalServer.Recorded request = server.takeRequest();
    assertEquals("POST", request.method());
    assertEquals("/v1/x", request.path());
    assertEquals(TOKEN, request.header("token"));
    assertEquals("application/json", request.header("Content-Type"));
    assertEquals("application/json", request.header("Accept"));
    assertEquals("{\"chatId\":\"u42\",\"chatType\":1,\"remark\":\"hi 你好\"}", request.bodyText());
    assertEquals(new ObjectMapper().writeValueAsString(query), request.bodyText());
    assertEquals(0, server.pendingRequests());
  }

  @ParameterizedTest(name = "base \"{0}\" + /v1/x -> {1}")
  @CsvSource({
      "'',      /v1/x",
      "/,       /v1/x",
      "/api,    /api/v1/x",
      "/api/,   /api/v1/x",
      "/a/b/c/, /a/b/c/v1/x",
  })
  void appendsThePathToTheBaseUri(String basePath, String expectedPath) throws Exception {
    server.respondJson("{\"code\":1,\"msg\":\"success\",\"data\":{\"chatId\":\"u1\",\"nickname\":\"n\",\"level\":0}}");
    ApiTransport transport = transport(server.uri(basePath));

    transport.call(GET_FRIEND, new FriendQuery("u1", 1, ""));

    assertEquals(expectedPath, server.takeRequest().path());
    assertEquals(URI.create(server.uri() + expectedPath.substring(0, expectedPath.length() - "/v1/x".length())),
        transport.baseUri());
  }

  @Test
  void jsonNoDataReturnsNullAndIgnoresAnyData() throws Exception {
    server.respondJson("{\"code\":1,\"msg\":\"success\",\"data\":{\"whatever\":[1,2,3]}}");
    assertNull(transport(server.uri()).call(APPLY, new FriendQuery("u1", 1, "hello")));

    server.respondJson("{\"code\":1,\"msg\":\"success\"}");
    assertNull(transport(server.uri()).call(APPLY, new FriendQuery("u1", 1, "hello")));

    assertEquals("/v1/friend/apply", server.takeRequest().path());
    assertEquals("/v1/friend/apply", server.takeRequest().path());
  }

  @Test
  void noBodyMeansNoContentType() throws Exception {
    server.respondJson("{\"code\":1,\"msg\":\"success\"}");

    assertNull(transport(server.uri()).call(APPLY, null));

    LocalServer.Recorded request = server.takeRequest();
    assertEquals("POST", request.method());
    assertFalse(request.hasHeader("Content-Type"), () -> "Content-Type: " + request.header("Content-Type"));
    assertEquals(0, request.body().length);
    assertEquals(TOKEN, request.header("token"));
  }

  @Test
  void withoutATokenNoAuthHeaderIsSent() throws Exception {
    server.respondJson("{\"code\":1,\"msg\":\"success\"}");
    ApiTransport anonymous = ApiTransport.builder()
        .baseUri(server.uri())
        .jsonEnvelope(new JsonEnvelope("code", "msg", "data", 1))
        .build();

    anonymous.call(APPLY, null);

    LocalServer.Recorded request = server.takeRequest();
    assertFalse(request.hasHeader("token"));
    assertFalse(request.hasHeader("Authorization"));
  }

  @Test
  void unknownPropertiesOfDataAreIgnored() {
    server.respondJson("{\"code\":1,\"msg\":\"success\",\"data\":"
        + "{\"chatId\":\"u7\",\"nickname\":\"Ann\",\"level\":2,\"addedIn\":\"v2\",\"score\":1.10}}");

    assertEquals(new Friend("u7", "Ann", 2), transport(server.uri()).call(GET_FRIEND, null));
  }

  @Test
  void theEnvelopeFieldsAndSuccessCodeAreConfigurable() throws Exception {
    server.respondJson("{\"status\":0,\"message\":\"ok\",\"result\":{\"chatId\":\"u9\",\"nickname\":\"Bo\",\"level\":9}}");
    ApiTransport transport = ApiTransport.builder()
        .baseUri(server.uri())
        .auth("Authorization", "Bearer " + TOKEN)
        .jsonEnvelope(new JsonEnvelope("status", "message", "result", 0))
        .build();

    assertEquals(new Friend("u9", "Bo", 9), transport.call(GET_FRIEND, null));
    assertEquals("Bearer " + TOKEN, server.takeRequest().header("Authorization"));
  }

  @Test
  void callAsyncDecodesTheSameWay() throws Exception {
    server.respondJson("{\"code\":1,\"msg\":\"success\",\"data\":{\"chatId\":\"u5\",\"nickname\":\"Cy\",\"level\":5}}");

    Friend friend = transport(server.uri()).callAsync(GET_FRIEND, new FriendQuery("u5", 2, "x"))
        .get(10, TimeUnit.SECONDS);

    assertEquals(new Friend("u5", "Cy", 5), friend);
    LocalServer.Recorded request = server.takeRequest();
    assertEquals("/v1/x", request.path());
    assertEquals("{\"chatId\":\"u5\",\"chatType\":2,\"remark\":\"x\"}", request.bodyText());
  }

  /** A DTO with a money amount and a bag for properties added by newer servers. */
  record Price(BigDecimal amount, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {}

  @Test
  void decimalsInDataKeepTheirScale() {
    server.respondJson("{\"code\":1,\"msg\":\"success\",\"data\":{\"amount\":1.10,\"fee\":0.50}}");
    Endpoint<Price> price = Endpoint.post("/v1/price", ResponseFormat.jsonData(Price.class));

    Price result = transport(server.uri()).call(price, null);

    assertEquals(new BigDecimal("1.10"), result.amount());
    assertEquals(new BigDecimal("0.50"), result.unknown().get("fee").decimalValue());
  }

  @Test
  void apiJsonKeepsDecimalsExact() throws Exception {
    ObjectMapper mapper = ApiJson.newMapper();

    assertEquals(new BigDecimal("1.10"), mapper.readTree("{\"p\":1.10}").get("p").decimalValue());
    assertEquals("{\"p\":1.10}", mapper.writeValueAsString(mapper.readTree("{\"p\":1.10}")));
    assertEquals(new Friend("a", "b", 1),
        mapper.readValue("{\"chatId\":\"a\",\"nickname\":\"b\",\"level\":1,\"extra\":true}", Friend.class));
    Price price = mapper.readValue("{\"amount\":2.50,\"fee\":1.10}", Price.class);
    assertEquals(new BigDecimal("2.50"), price.amount());
    assertEquals("{\"amount\":2.50,\"fee\":1.10}", mapper.writeValueAsString(price));
  }

  @Test
  void endpointNamesItselfAsMethodAndPath() {
    assertEquals("POST /v1/x", GET_FRIEND.toString());
    assertEquals("GET /v1/y", new Endpoint<>("GET", "/v1/y", ResponseFormat.jsonNoData()).toString());
    assertThrows(IllegalArgumentException.class,
        () -> Endpoint.post("v1/x", ResponseFormat.jsonNoData()));
  }
}
