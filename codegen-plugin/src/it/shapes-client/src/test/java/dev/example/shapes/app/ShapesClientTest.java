package dev.example.shapes.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.apispec.runtime.ApiCredentialException;
import dev.apispec.runtime.ApiJson;
import dev.example.shapes.ShapesApiException;
import dev.example.shapes.ShapesClient;
import dev.example.shapes.model.FormReport;
import dev.example.shapes.model.LoginRequest;
import dev.example.shapes.model.MemberState;
import dev.example.shapes.model.Platform;
import dev.example.shapes.model.Profile;
import dev.example.shapes.model.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated client as a user calls it, against a server on 127.0.0.1 that answers each path as told. */
class ShapesClientTest {
  private final ObjectMapper mapper = ApiJson.newMapper();
  private final Map<String, String[]> answers = new ConcurrentHashMap<>();
  private final Map<String, String> seen = new ConcurrentHashMap<>();
  private HttpServer server;
  private ShapesClient anonymous;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        seen.put("uri", path + (query == null ? "" : "?" + query));
        seen.put("token", String.valueOf(exchange.getRequestHeaders().getFirst("token")));
        seen.put("body", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        String[] answer = answers.get(path);
        byte[] body = (answer == null ? "no answer for " + path : answer[1]).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer == null ? "text/plain" : answer[0]);
        exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
        out.write(body);
      }
    });
    server.start();
    anonymous = ShapesClient.builder().allBaseUris(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .build();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(String path, String contentType, String body) {
    answers.put(path, new String[] {contentType, body});
  }

  @Test
  void signInWithoutATokenThenCallWithTheOneItAnswered() {
    answer("/v1/user/email-login", "application/json",
        "{\"code\":1,\"msg\":\"success\",\"data\":{\"token\":\"s3cr3t\",\"userId\":\"42\"}}");
    Session session = anonymous.user().emailLogin(new LoginRequest("me@example.com", "pw"));
    assertEquals("null", seen.get("token"));
    assertEquals(42L, session.userId());
    assertFalse(session.toString().contains("s3cr3t"), session.toString());

    assertThrows(ApiCredentialException.class, () -> anonymous.group().memberIsRemoved());
    answer("/v1/group/member-is-removed", "application/json", "{\"code\":2,\"msg\":\"success\"}");
    ShapesClient shapes = anonymous.withToken(session.token());
    assertFalse(shapes.group().memberIsRemoved());
    assertEquals("s3cr3t", seen.get("token"));
  }

  @Test
  void parametersCodesMessagesAndHosts() {
    ShapesClient shapes = anonymous.withToken("t");
    answer("/v1/user/a%20b/profile", "application/json", "{\"code\":1,\"msg\":\"ok\",\"data\":{\"nickname\":\"n\"}}");
    Profile profile = shapes.user().userIdProfile("a b", null, 3, List.of(Platform.WINDOWS), null);
    assertEquals("n", profile.nickname());
    assertEquals("/v1/user/a%20b/profile?page=3&platforms=windows", seen.get("uri"));

    answer("/v1/group/member-state", "application/json", "{\"code\":1,\"msg\":\"ok\"}");
    assertSame(MemberState.REMOVED, shapes.group().memberState());
    answer("/v1/group/member-state", "application/json", "{\"code\":-7,\"msg\":\"no\"}");
    assertEquals(-7, assertThrows(ShapesApiException.class, () -> shapes.group().memberState()).code());

    answer("/v1/group/edit-my-group-nickname", "application/json", "{\"msg\":\"success\"}");
    shapes.group().editMyGroupNickname(new Profile("nick", null));
    assertEquals("{\"nickname\":\"nick\"}", seen.get("body"));

    answer("/v1/user/info", "application/json", "{\"Code\":0,\"Message\":\"ok\",\"Data\":{\"name\":\"web\"}}");
    assertEquals("web", shapes.webUser().info().name());
  }

  @Test
  void textBytesAndJsonOfEveryKind() throws Exception {
    answer("/v1/misc/auto-update", "application/xml", "<update/>");
    assertEquals("<update/>", anonymous.misc().autoUpdate(Platform.ANDROID, "1.2"));
    assertEquals("/v1/misc/auto-update?platform=android&version=1.2", seen.get("uri"));
    answer("/v1/misc/avatar", "image/png", "PNG");
    assertArrayEquals("PNG".getBytes(StandardCharsets.UTF_8), anonymous.misc().avatar());

    String data = "{\"formContext\":{\"x\":[1,null]},\"settings\":\"{\\\"theme\\\":\\\"dark\\\"}\",\"score\":\"1.50\","
        + "\"extra\":null}";
    FormReport report = mapper.readValue(data, FormReport.class);
    assertEquals("dark", report.settings().theme());
    assertEquals(new java.math.BigDecimal("1.50"), report.score());
    assertTrue(report.formContext().get("x").get(1).isNull());
    assertEquals(mapper.readTree(data), mapper.readTree(mapper.writeValueAsString(report)));
    String withNull = "{\"score\":null}";
    assertEquals(mapper.readTree(withNull), mapper.readTree(mapper.writeValueAsString(
        mapper.readValue(withNull, FormReport.class))));
    assertNull(mapper.readValue("{}", FormReport.class).score());
  }
}
