package dev.apispec.codegen.emit;

import static dev.apispec.codegen.Reflect.call;
import static dev.apispec.codegen.Reflect.construct;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.JavaFile;
import com.sun.net.httpserver.HttpServer;
import dev.apispec.codegen.Codegen;
import dev.apispec.codegen.CompiledSources;
import dev.apispec.runtime.ApiCredentialException;
import dev.apispec.runtime.ApiErrorException;
import dev.apispec.runtime.ApiException;
import dev.apispec.runtime.ApiJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates the client of src/test/resources/specs/shapes.yaml (every construct beyond a JSON body in the default
 * envelope), compiles it with every lint warning an error, and calls it over HTTP on loopback: what goes on the
 * wire, and what comes back.
 */
class ShapesClientGenerationTest {
  private static final String PKG = "dev.example.shapes";
  private static final ObjectMapper MAPPER = ApiJson.newMapper();

  @TempDir
  static Path work;

  private static CompiledSources compiled;

  private Server server;

  static List<JavaFile> generate() throws Exception {
    Path spec = Path.of(ShapesClientGenerationTest.class.getResource("/specs/shapes.yaml").toURI());
    return Codegen.generate(spec, spec.getParent(), null);
  }

  @BeforeAll
  static void generateAndCompile() throws Exception {
    compiled = CompiledSources.compile(generate(), work);
  }

  @AfterAll
  static void closeLoader() throws IOException {
    compiled.close();
  }

  @BeforeEach
  void startServer() throws IOException {
    server = new Server();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private Class<?> type(String name) {
    return compiled.load(PKG + "." + name);
  }

  private Class<?> model(String name) {
    return type("model." + name);
  }

  /** A client of the local server for every host, with {@code token} when it is not null. */
  private Object client(String token) throws Throwable {
    Object builder = call(type("ShapesClient"), "builder");
    call(builder, "allBaseUris", server.baseUri());
    if (token != null) {
      call(builder, "token", token);
    }
    return call(builder, "build");
  }

  private static Object group(Object client, String accessor) throws Throwable {
    return call(client, accessor);
  }

  @Test
  void methodsTakeTheirParametersInSpecOrderThenTheBody() throws Exception {
    Class<?> user = type("UserApi");
    Method profile = user.getMethod("userIdProfile", String.class, String.class, int.class, List.class,
        String.class);
    assertEquals(model("Profile"), profile.getReturnType());
    assertEquals(boolean.class, type("GroupApi").getMethod("memberIsRemoved").getReturnType());
    assertEquals(model("MemberState"), type("GroupApi").getMethod("memberState").getReturnType());
    assertEquals(String.class, type("MiscApi").getMethod("autoUpdate", model("Platform"), String.class)
        .getReturnType());
    assertEquals(byte[].class, type("MiscApi").getMethod("avatar").getReturnType());
    assertEquals(String.class, type("MiscApi").getMethod("echo", String.class).getReturnType());
    assertEquals(JsonNode.class, model("FormReport").getRecordComponents()[0].getType());

    // each method says which endpoint it calls, and where each of its parameters goes
    dev.apispec.runtime.Calls calls = profile.getAnnotation(dev.apispec.runtime.Calls.class);
    assertEquals("GET", calls.method());
    assertEquals("/v1/user/{userId}/profile", calls.path());
    assertEquals("userId", profile.getParameters()[0].getAnnotation(dev.apispec.runtime.PathParam.class).value());
    assertEquals("page", profile.getParameters()[2].getAnnotation(dev.apispec.runtime.QueryParam.class).value());
    assertEquals("X-Trace-Id", profile.getParameters()[4].getAnnotation(dev.apispec.runtime.HeaderParam.class)
        .value());
    Method echo = type("MiscApi").getMethod("echoAsync", String.class);
    assertEquals("/v1/misc/echo", echo.getAnnotation(dev.apispec.runtime.Calls.class).path());
    assertEquals(0, echo.getParameters()[0].getAnnotations().length);
    assertEquals(Long.class, model("Session").getRecordComponents()[1].getType());
  }

  @Test
  void theBuilderHasASetterPerHostAndTheClientDerivesOneWithAToken() throws Throwable {
    Class<?> client = type("ShapesClient");
    assertEquals(URI.create("https://web.example.com"), client.getField("DEFAULT_WEB_BASE_URI").get(null));
    Object builder = call(client, "builder");
    IllegalArgumentException ftp = assertThrows(IllegalArgumentException.class,
        () -> call(builder, "webBaseUri", URI.create("ftp://web.example.com")));
    assertEquals("webBaseUri must be an absolute http or https URI: ftp://web.example.com", ftp.getMessage());
    assertSame(client, call(call(builder, "build"), "withToken", "t").getClass());
  }

  @Test
  void anEndpointWithoutAuthSendsNoTokenAndItsAnswerHidesTheSecret() throws Throwable {
    server.answer("/v1/user/email-login", 200, "application/json",
        "{\"code\":1,\"msg\":\"success\",\"data\":{\"token\":\"s3cr3t-session\",\"userId\":\"7356666\"}}");
    Object anonymous = client(null);
    Object request = construct(model("LoginRequest"), "a@example.com", "hunter2-password");
    assertFalse(request.toString().contains("hunter2"), request.toString());

    Object session = call(group(anonymous, "user"), "emailLogin", request);

    Server.Exchange sent = server.only();
    assertNull(sent.header("token"));
    assertEquals("{\"email\":\"a@example.com\",\"password\":\"hunter2-password\"}", sent.text());
    assertEquals("s3cr3t-session", call(session, "token"));
    assertEquals(7356666L, call(session, "userId"));
    assertEquals("Session[token=***, userId=7356666, unknownFields={}]", session.toString());
    assertEquals("{\"token\":\"s3cr3t-session\",\"userId\":\"7356666\"}", MAPPER.writeValueAsString(session));

    // the token of the answer makes an authenticated client
    server.answer("/v1/group/member-is-removed", 200, "application/json", "{\"code\":1,\"msg\":\"success\"}");
    Object signedIn = call(anonymous, "withToken", call(session, "token"));
    assertEquals(true, call(group(signedIn, "group"), "memberIsRemoved"));
    assertEquals("s3cr3t-session", server.last().header("token"));
  }

  @Test
  void anEndpointThatNeedsTheTokenFailsBeforeSendingWhenThereIsNone() throws Throwable {
    Object anonymous = client(null);
    ApiCredentialException e = assertThrows(ApiCredentialException.class,
        () -> call(group(anonymous, "group"), "memberIsRemoved"));
    assertEquals("POST /v1/group/member-is-removed needs a credential in the 'token' header, and this client has"
        + " none", e.getMessage());
    assertEquals(List.of(), server.exchanges);
  }

  @Test
  void pathQueryAndHeaderParametersAreEncodedAsRfc3986Says() throws Throwable {
    server.answer("/v1/user/a%2Fb%20c%C3%A9/profile", 200, "application/json",
        "{\"code\":1,\"msg\":\"success\",\"data\":{\"nickname\":\"Feng\"}}");
    Object user = group(client("t"), "user");
    Object android = call(model("Platform"), "of", "android");
    Object windows = call(model("Platform"), "of", "windows");

    Object profile = call(user, "userIdProfile", "a/b cé", "zh CN&x=1", 2, List.of(android, windows), "trace-1");

    Server.Exchange sent = server.only();
    assertEquals("GET", sent.method());
    assertEquals("/v1/user/a%2Fb%20c%C3%A9/profile?lang=zh%20CN%26x%3D1&page=2&platforms=android&platforms=windows",
        sent.rawUri());
    assertEquals("trace-1", sent.header("X-Trace-Id"));
    assertEquals("Feng", call(profile, "nickname"));

    // optional parameters left null are not sent; a required one may not be null
    server.answer("/v1/user/7/profile", 200, "application/json", "{\"code\":1,\"msg\":\"success\",\"data\":{}}");
    call(user, "userIdProfile", "7", null, 1, null, null);
    assertEquals("/v1/user/7/profile?page=1", server.last().rawUri());
    assertNull(server.last().header("X-Trace-Id"));
    assertThrows(NullPointerException.class, () -> call(user, "userIdProfile", null, null, 1, null, null));
  }

  @Test
  void anAnswerCarriedByTheCodeIsReturnedAndOtherCodesAreFailures() throws Throwable {
    Object groups = group(client("t"), "group");
    server.answer("/v1/group/member-is-removed", 200, "application/json", "{\"code\":2,\"msg\":\"success\"}");
    assertEquals(false, call(groups, "memberIsRemoved"));
    server.answer("/v1/group/member-is-removed", 200, "application/json", "{\"code\":-1,\"msg\":\"群聊不存在\"}");
    ApiErrorException e = assertThrows(ApiErrorException.class, () -> call(groups, "memberIsRemoved"));
    assertEquals(-1, e.code());
    assertEquals("群聊不存在", e.getMessage());
    assertSame(type("ShapesApiException"), e.getClass());

    server.answer("/v1/group/member-state", 200, "application/json", "{\"code\":2,\"msg\":\"success\"}");
    assertEquals(model("MemberState").getField("NEVER_REMOVED").get(null), call(groups, "memberState"));
  }

  @Test
  void aMessageOnlyAnswerIsASuccess() throws Throwable {
    server.answer("/v1/group/edit-my-group-nickname", 200, "application/json", "{\"msg\":\"success\"}");
    Object profile = construct(model("Profile"), "新昵称", null);
    call(group(client("t"), "group"), "editMyGroupNickname", profile);
    assertEquals("{\"nickname\":\"新昵称\"}", server.only().text());
  }

  @Test
  void freeFormJsonJsonInAStringNumbersAsStringsAndExplicitNullsSurviveARoundTrip() throws Throwable {
    String data = "{\"formContext\":{\"a\":[1,1.10,null],\"b\":{\"c\":true}},\"settings\":\"{\\\"theme\\\":\\\"dark\\\","
        + "\\\"size\\\":3}\",\"score\":\"2.5\",\"extra\":null}";
    server.answer("/v1/group/form-report", 200, "application/json", "{\"code\":1,\"msg\":\"success\",\"data\":" + data
        + "}");
    Object report = MAPPER.readValue(data, model("FormReport"));
    Object answer = call(group(client("t"), "group"), "formReport", report);

    JsonNode sent = MAPPER.readTree(server.only().body());
    assertEquals(MAPPER.readTree(data), sent);
    assertEquals(MAPPER.readTree(data), MAPPER.readTree(MAPPER.writeValueAsBytes(answer)));
    Object settings = call(answer, "settings");
    assertEquals("dark", call(settings, "theme"));
    assertEquals(3, call(settings, "size"));
    assertEquals(new java.math.BigDecimal("2.5"), call(answer, "score"));

    // a known property sent as null comes back as null, and an absent one stays absent
    String withNull = "{\"formContext\":null,\"score\":\"1\"}";
    assertEquals(MAPPER.readTree(withNull), MAPPER.readTree(MAPPER.writeValueAsBytes(
        MAPPER.readValue(withNull, model("FormReport")))));
    // a record given a value for a property it kept as an explicit null writes the property once
    Object kept = MAPPER.readValue("{\"score\":null}", model("FormReport"));
    Object valued = construct(model("FormReport"), null, null, new java.math.BigDecimal("3"), call(kept, "unknownFields"));
    assertEquals("{\"score\":\"3\"}", MAPPER.writeValueAsString(valued));
    String without = "{\"score\":\"1\"}";
    assertEquals(MAPPER.readTree(without), MAPPER.readTree(MAPPER.writeValueAsBytes(
        MAPPER.readValue(without, model("FormReport")))));
  }

  @Test
  void textAndBytesTravelAsTheyAre() throws Throwable {
    Object misc = group(client(null), "misc");
    server.answer("/v1/misc/auto-update", 200, "application/xml; charset=utf-8", "<update version=\"2\">新</update>");
    assertEquals("<update version=\"2\">新</update>", call(misc, "autoUpdate", call(model("Platform"), "of",
        "android"), null));
    assertEquals("/v1/misc/auto-update?platform=android", server.last().rawUri());
    assertEquals("application/xml", server.last().header("Accept"));
    assertNull(server.last().header("token"));

    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
    server.answer("/v1/misc/avatar", 200, "image/png", png);
    assertArrayEquals(png, (byte[]) call(misc, "avatar"));

    server.answer("/v1/misc/echo", 200, "text/plain", "pong");
    assertEquals("pong", call(misc, "echo", "ping 云湖"));
    assertEquals("ping 云湖", server.last().text());
    assertTrue(server.last().header("Content-Type").startsWith("text/plain"), server.last().header("Content-Type"));
  }

  @Test
  void aGroupOnAnotherHostHasItsOwnEnvelope() throws Throwable {
    Object web = group(client("t"), "webUser");
    server.answer("/v1/user/info", 200, "application/json",
        "{\"Code\":0,\"Message\":\"ok\",\"Data\":{\"userId\":\"9\",\"name\":\"W\"}}");
    assertEquals("W", call(call(web, "info"), "name"));
    server.answer("/v1/user/info", 200, "application/json", "{\"Code\":5,\"Message\":\"no such user\"}");
    ApiErrorException e = assertThrows(ApiErrorException.class, () -> call(web, "info"));
    assertEquals(5, e.code());
    assertEquals("no such user", e.getMessage());

    server.answer("/v1/user/ping", 200, "application/json", "{\"userId\":\"9\",\"name\":\"P\"}");
    assertEquals("P", call(call(web, "ping"), "name"));
  }

  @Test
  void aPayloadBesideTheCodeIsTheWholeBodyOnceTheCodeIsChecked() throws Throwable {
    Object web = group(client("t"), "webUser");
    String body = "{\"Code\":0,\"Message\":\"ok\",\"userId\":\"9\",\"name\":\"L\"}";
    server.answer("/v1/user/latest", 200, "application/json", body);
    Object latest = call(web, "latest");
    assertEquals("L", call(latest, "name"));
    assertEquals(Map.of("Code", 0, "Message", "ok"), call(latest, "unknownFields"));
    assertEquals(MAPPER.readTree(body), MAPPER.readTree(MAPPER.writeValueAsBytes(latest)));

    server.answer("/v1/user/latest", 200, "application/json", "{\"Code\":7,\"Message\":\"no such app\"}");
    ApiErrorException e = assertThrows(ApiErrorException.class, () -> call(web, "latest"));
    assertEquals(7, e.code());
    assertEquals("no such app", e.getMessage());
    assertSame(type("ShapesApiException"), e.getClass());
    assertTrue(e.endpoint().endsWith("/v1/user/latest"), e.endpoint());
  }

  @Test
  void theWebHostIsCalledAtItsOwnBaseUri() throws Throwable {
    try (Server other = new Server()) {
      other.answer("/v1/user/ping", 200, "application/json", "{\"name\":\"elsewhere\"}");
      Object builder = call(type("ShapesClient"), "builder");
      call(builder, "baseUri", server.baseUri());
      call(builder, "webBaseUri", other.baseUri());
      call(builder, "token", "t");
      Object client = call(builder, "build");
      assertEquals("elsewhere", call(call(group(client, "webUser"), "ping"), "name"));
      assertEquals(List.of(), server.exchanges);
    }
  }

  @Test
  void aSecretInAFailedAnswerIsNotInTheException() throws Throwable {
    server.answer("/v1/user/email-login", 500, "application/json",
        "{\"code\":1,\"data\":{\"token\":\"s3cr3t-session\"}}");
    Object request = construct(model("LoginRequest"), "a@example.com", "pw");
    ApiException e = assertThrows(ApiException.class, () -> call(group(client(null), "user"), "emailLogin", request));
    assertEquals(500, e.httpStatus());
    assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    assertFalse(e.toString().contains("s3cr3t"), e.toString());
    assertInstanceOf(ApiException.class, e);
  }

  /** Corners of the emitters: more than ten answer codes, hosts with dashes, an API without auth or envelope. */
  @Test
  void cornersCompileWithoutWarnings(@TempDir Path dir) throws Exception {
    StringBuilder values = new StringBuilder();
    for (int i = 1; i <= 12; i++) {
      values.append("      V").append(i).append(": {value: ").append(i).append("}\n");
    }
    String yaml = """
        api:
          name: Corner
          package: dev.example.corner
          baseUrl: https://a.example.com
          hosts: {web-2: https://b.example.com, cdn: {url: "https://c.example.com/base", doc: Files.}}
        types:
          Many:
            enum: int
            values:
        %s
          Item: {fields: {n: {type: int32}}}
        groups:
          things:
            prefix: /t/
            envelope: {code: c, message: m, success: 0}
            endpoints:
              - path: /t/many
                response: {codes: Many}
              - path: /t/{id}/{kind}
                host: web-2
                params:
                  id: {in: path, type: int64}
                  kind: {in: path, type: Many}
                  flag: {in: query, type: bool, required: true}
                  ratio: {in: query, type: float64}
                response: {bytes: application/octet-stream}
              - path: /t/item
                host: cdn
                envelope: none
                request: {bytes: application/octet-stream}
                response: {json: Item}
        """.formatted(values.toString().stripTrailing());
    try (CompiledSources corner = CompiledSources.compile(Codegen.generateFromText("corner.yaml", yaml, null), dir)) {
      Class<?> client = corner.load("dev.example.corner.CornerClient");
      assertEquals(URI.create("https://b.example.com"), client.getField("DEFAULT_WEB2_BASE_URI").get(null));
      Class<?> builder = corner.load("dev.example.corner.CornerClient$Builder");
      builder.getMethod("cdnBaseUri", URI.class);
      assertThrows(NoSuchMethodException.class, () -> client.getMethod("withToken", String.class));
      Class<?> many = corner.load("dev.example.corner.model.Many");
      Class<?> things = corner.load("dev.example.corner.ThingsApi");
      assertEquals(many, things.getMethod("many").getReturnType());
      assertEquals(byte[].class, things.getMethod("idKind", long.class, many, boolean.class, Double.class)
          .getReturnType());
    }
  }

  /** A server on 127.0.0.1 that answers each path as told and keeps every exchange. */
  private static final class Server implements AutoCloseable {
    record Exchange(String method, String rawUri, Map<String, List<String>> headers, byte[] body) {
      String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
            .map(e -> e.getValue().get(0)).findFirst().orElse(null);
      }

      String text() {
        return new String(body, StandardCharsets.UTF_8);
      }
    }

    private record Answer(int status, String contentType, byte[] body) {}

    private final HttpServer http;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<Exchange> exchanges = java.util.Collections.synchronizedList(new ArrayList<>());

    Server() throws IOException {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      http.createContext("/", exchange -> {
        try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
          exchanges.add(new Exchange(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
              + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
              Map.copyOf(exchange.getRequestHeaders()), in.readAllBytes()));
          Answer answer = answers.get(exchange.getRequestURI().getRawPath());
          if (answer == null) {
            answer = new Answer(404, "text/plain", "no answer".getBytes(StandardCharsets.UTF_8));
          }
          exchange.getResponseHeaders().set("Content-Type", answer.contentType());
          exchange.sendResponseHeaders(answer.status(), answer.body().length);
          out.write(answer.body());
        }
      });
      http.start();
    }

    void answer(String rawPath, int status, String contentType, String body) {
      answer(rawPath, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    void answer(String rawPath, int status, String contentType, byte[] body) {
      answers.put(rawPath, new Answer(status, contentType, body));
    }

    URI baseUri() {
      return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    Exchange only() {
      assertEquals(1, exchanges.size(), "exchanges: " + exchanges);
      return exchanges.get(0);
    }

    Exchange last() {
      return exchanges.get(exchanges.size() - 1);
    }

    @Override
    public void close() {
      http.stop(0);
    }
  }
}
