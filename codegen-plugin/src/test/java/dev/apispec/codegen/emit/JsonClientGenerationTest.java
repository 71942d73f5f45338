package dev.apispec.codegen.emit;

import static dev.apispec.codegen.Reflect.call;
import static dev.apispec.codegen.Reflect.construct;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.JavaFile;
import dev.apispec.codegen.Codegen;
import dev.apispec.codegen.CompiledSources;
import dev.apispec.codegen.LoopbackServer;
import dev.apispec.codegen.output.SourceWriter;
import dev.apispec.runtime.ApiErrorException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates the client of src/test/resources/specs/chat.yaml, compiles it with every lint warning an error,
 * and uses it: through reflection, with a plain Jackson {@code ObjectMapper}, and over HTTP on loopback.
 */
class JsonClientGenerationTest {
  private static final String PKG = "dev.example.chat";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  static Path work;

  private static CompiledSources compiled;

  static Path chatSpec() throws URISyntaxException {
    return Path.of(JsonClientGenerationTest.class.getResource("/specs/chat.yaml").toURI());
  }

  static List<JavaFile> generate() throws URISyntaxException {
    Path spec = chatSpec();
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

  private static Class<?> model(String simpleName) {
    return compiled.load(PKG + ".model." + simpleName);
  }

  @Test
  void generatesARecordOrEnumPerTypeAClassPerGroupTheExceptionAndTheClient() throws Exception {
    assertEquals(List.of(
            PKG + ".model.ChatType",
            PKG + ".model.Colour",
            PKG + ".model.FriendApplyRequest",
            PKG + ".model.Friend",
            PKG + ".model.FriendList",
            PKG + ".model.Nothing",
            PKG + ".ChatApiException",
            PKG + ".FriendApi",
            PKG + ".GroupTagApi",
            PKG + ".ChatClient"),
        generate().stream().map(f -> f.packageName() + "." + f.typeSpec().name()).toList());
    assertEquals(List.of(
            PKG + ".ChatApiException",
            PKG + ".ChatClient",
            PKG + ".ChatClient$Builder",
            PKG + ".FriendApi",
            PKG + ".GroupTagApi",
            PKG + ".model.ChatType",
            PKG + ".model.Colour",
            PKG + ".model.Friend",
            PKG + ".model.FriendApplyRequest",
            PKG + ".model.FriendList",
            PKG + ".model.Nothing"),
        compiled.classNames());
    assertTrue(model("Friend").isRecord());
    assertTrue(model("ChatType").isRecord());
    assertSame(ApiErrorException.class, compiled.load(PKG + ".ChatApiException").getSuperclass());
  }

  @Test
  void groupsHaveAMethodAndAnAsyncTwinPerEndpoint() throws Exception {
    Class<?> friendApi = compiled.load(PKG + ".FriendApi");
    Class<?> groupTagApi = compiled.load(PKG + ".GroupTagApi");
    assertEquals(void.class, friendApi.getMethod("apply", model("FriendApplyRequest")).getReturnType());
    assertEquals(CompletableFuture.class, friendApi.getMethod("applyAsync", model("FriendApplyRequest")).getReturnType());
    assertEquals(model("FriendList"), friendApi.getMethod("list").getReturnType());
    assertEquals(model("FriendList"), friendApi.getMethod("recommendList", model("Nothing")).getReturnType());
    Method delete = friendApi.getMethod("delete", model("Friend"));
    assertNotNull(delete.getAnnotation(Deprecated.class));
    assertEquals(void.class, groupTagApi.getMethod("relateCancel", model("Friend")).getReturnType());
    assertEquals(model("FriendList"), groupTagApi.getMethod("all").getReturnType());
  }

  @Test
  void theClientHasOneAccessorPerGroupAndNeverPrintsTheToken() throws Throwable {
    Class<?> clientType = compiled.load(PKG + ".ChatClient");
    assertEquals(URI.create("https://chat.example.com"), clientType.getField("DEFAULT_BASE_URI").get(null));
    Object builder = call(clientType, "builder");
    // A client without a token is allowed (some endpoints need none); one with a token is derived from it.
    Object anonymous = call(builder, "build");
    assertEquals("Builder{baseUri=https://chat.example.com, token=unset}", builder.toString());
    assertSame(clientType, call(anonymous, "withToken", "s3cret-token").getClass());
    assertEquals("ChatClient{baseUri=https://chat.example.com}", call(anonymous, "withToken", "s3cret-token")
        .toString());

    call(builder, "token", "s3cret-token");
    Object client = call(builder, "build");
    assertSame(compiled.load(PKG + ".FriendApi"), call(client, "friend").getClass());
    assertSame(compiled.load(PKG + ".GroupTagApi"), call(client, "groupTag").getClass());
    assertEquals("ChatClient{baseUri=https://chat.example.com}", client.toString());
    assertEquals("Builder{baseUri=https://chat.example.com, token=***}", builder.toString());
  }

  @Test
  void jacksonRoundTripKeepsUnknownPropertiesUnknownEnumValuesAndCommaSeparatedLists() throws Throwable {
    String json = """
        {"chatId":"42","chatType":4,"msgTypeLimit":"1,2,3","chatTypes":"1,4","del_flag":0,"class":"vip",
         "colour":"purple","tags":{"a":["x","y"]},"score":0.5,"createTime":1753719847,"muted":false,
         "avatar":{"url":"https://example.com/a.png","sizes":[16,32]},"nickname":"小明"}
        """;
    Object friend = MAPPER.readValue(json, model("Friend"));

    Object chatType = call(friend, "chatType");
    assertEquals(4, call(chatType, "value"));
    assertEquals(false, call(chatType, "isKnown"));
    assertEquals("ChatType(4)", chatType.toString());
    assertEquals(List.of(1, 2, 3), call(friend, "msgTypeLimit"));
    List<?> chatTypes = (List<?>) call(friend, "chatTypes");
    assertSame(model("ChatType").getField("USER").get(null), chatTypes.get(0));
    assertEquals("ChatType(4)", chatTypes.get(1).toString());
    assertEquals(0, call(friend, "delFlag"));
    assertEquals("vip", call(friend, "class_"));
    assertEquals("Colour(purple)", call(friend, "colour").toString());
    assertEquals(Map.of("a", List.of("x", "y")), call(friend, "tags"));
    assertEquals(1753719847L, call(friend, "createTime"));
    assertEquals(Set.of("avatar", "nickname"), ((Map<?, ?>) call(friend, "unknownFields")).keySet());

    JsonNode written = MAPPER.readTree(MAPPER.writeValueAsString(friend));
    assertEquals(MAPPER.readTree(json), written);
    assertEquals("\"1,4\"", written.get("chatTypes").toString());
  }

  @Test
  void absentOptionalFieldsAreNullAndNotWritten() throws Throwable {
    String json = "{\"chatId\":\"42\",\"chatType\":1}";
    Object request = MAPPER.readValue(json, model("FriendApplyRequest"));
    assertEquals(null, call(request, "remark"));
    assertEquals(Map.of(), call(request, "unknownFields"));
    assertEquals(json, MAPPER.writeValueAsString(request));
  }

  @Test
  void anEmptyCommaSeparatedStringIsTheEmptyList() throws Throwable {
    Object friend = MAPPER.readValue("{\"chatId\":\"1\",\"msgTypeLimit\":\"\"}", model("Friend"));
    assertEquals(List.of(), call(friend, "msgTypeLimit"));
    assertEquals("{\"chatId\":\"1\",\"msgTypeLimit\":\"\"}", MAPPER.writeValueAsString(friend));
  }

  @Test
  void knownEnumValuesAreTheConstants() throws Throwable {
    Class<?> chatType = model("ChatType");
    Object group = chatType.getField("GROUP").get(null);
    assertSame(group, call(chatType, "of", 2));
    assertSame(group, MAPPER.readValue("2", chatType));
    assertEquals("GROUP", group.toString());
    assertEquals("2", MAPPER.writeValueAsString(group));

    Class<?> colour = model("Colour");
    assertSame(colour.getField("DARK_BLUE").get(null), MAPPER.readValue("\"dark-blue\"", colour));
    assertEquals("\"dark-blue\"", MAPPER.writeValueAsString(call(colour, "of", "dark-blue")));
    assertEquals("DARK_BLUE", call(call(colour, "of", "dark-blue"), "constantName"));
    assertEquals(null, call(call(colour, "of", "pink"), "constantName"));
  }

  @Test
  void aRequiredFieldRejectsNullAndSaysWhich() throws Throwable {
    Class<?> request = model("FriendApplyRequest");
    Object user = model("ChatType").getField("USER").get(null);
    NullPointerException direct = assertThrows(NullPointerException.class, () -> construct(request, null, user, "hi"));
    assertEquals("chatId is required", direct.getMessage());

    JsonMappingException noChatId = assertThrows(JsonMappingException.class,
        () -> MAPPER.readValue("{\"chatType\":1}", request));
    assertEquals("chatId is required",
        assertInstanceOf(NullPointerException.class, noChatId.getCause()).getMessage());

    JsonMappingException noChatType = assertThrows(JsonMappingException.class,
        () -> MAPPER.readValue("{\"chatId\":\"1\"}", request));
    assertEquals("chatType is required",
        assertInstanceOf(NullPointerException.class, noChatType.getCause()).getMessage());
  }

  @Test
  void unknownFieldsAreACopyThatCannotBeChanged() throws Throwable {
    Map<String, Object> extra = new HashMap<>(Map.of("a", 1));
    Object user = model("ChatType").getField("USER").get(null);
    Object request = construct(model("FriendApplyRequest"), "1", user, null, extra);
    extra.put("b", 2);
    Map<?, ?> kept = (Map<?, ?>) call(request, "unknownFields");
    assertEquals(Map.of("a", 1), kept);
    assertThrows(UnsupportedOperationException.class, () -> kept.clear());
  }

  @Test
  void recordsWithoutUnknownFieldsShareOneImmutableEmptyMap() throws Throwable {
    Class<?> request = model("FriendApplyRequest");
    Object user = model("ChatType").getField("USER").get(null);
    Map<String, Object> shared = Collections.emptyMap();
    assertSame(shared, call(construct(request, "1", user, null, null), "unknownFields"), "null");
    assertSame(shared, call(construct(request, "1", user, null, new HashMap<>()), "unknownFields"), "an empty map");
    assertSame(shared, call(construct(request, "1", user, null), "unknownFields"), "the convenience constructor");
    assertSame(shared, call(MAPPER.readValue("{\"chatId\":\"1\",\"chatType\":1}", request), "unknownFields"),
        "decoded without unknown properties");
    @SuppressWarnings("unchecked")
    Map<String, Object> kept = (Map<String, Object>) call(construct(request, "1", user, null, null), "unknownFields");
    assertThrows(UnsupportedOperationException.class, () -> kept.put("a", 1));
  }

  @Test
  void unknownFieldsAreACopyInTheCallersOrderAndDecodedOnesAreKept() throws Throwable {
    Class<?> request = model("FriendApplyRequest");
    Object user = model("ChatType").getField("USER").get(null);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("z", 1);
    extra.put("a", 2);
    extra.put("m", 3);
    Object made = construct(request, "1", user, null, extra);
    extra.remove("z");
    extra.put("b", 4);
    Map<?, ?> kept = (Map<?, ?>) call(made, "unknownFields");
    assertEquals(List.of("z", "a", "m"), List.copyOf(kept.keySet()));
    assertEquals(List.of(1, 2, 3), List.copyOf(kept.values()));

    String json = "{\"chatId\":\"1\",\"chatType\":1,\"z\":1,\"a\":[2],\"m\":{\"n\":3}}";
    Object decoded = MAPPER.readValue(json, request);
    Map<?, ?> decodedExtra = (Map<?, ?>) call(decoded, "unknownFields");
    // Jackson collects them in a HashMap of its own, so their order is Jackson's, not the document's.
    assertEquals(Map.of("z", 1, "a", List.of(2), "m", Map.of("n", 3)), decodedExtra);
    assertThrows(UnsupportedOperationException.class, () -> decodedExtra.clear());
    assertEquals(MAPPER.readTree(json), MAPPER.readTree(MAPPER.writeValueAsString(decoded)));
  }

  @Test
  void callsTheServerThroughTheGeneratedClient() throws Throwable {
    byte[] response = """
        {"code":1,"msg":"success","data":{"list":[{"chatId":"7","chatType":2,"msgTypeLimit":"1,2"}],"total":1}}
        """.getBytes(StandardCharsets.UTF_8);
    try (LoopbackServer server = LoopbackServer.answering("application/json", response)) {
      Object builder = call(compiled.load(PKG + ".ChatClient"), "builder");
      call(builder, "baseUri", server.baseUri());
      call(builder, "token", "s3cret-token");
      Object friendApi = call(call(builder, "build"), "friend");

      Object list = call(friendApi, "list");
      assertEquals("GET", server.lastRequest().method());
      assertEquals("/v1/friend/list", server.lastRequest().path());
      assertEquals("s3cret-token", server.lastRequest().header("token"));
      List<?> friends = (List<?>) call(list, "list");
      assertEquals("7", call(friends.get(0), "chatId"));
      assertEquals(List.of(1, 2), call(friends.get(0), "msgTypeLimit"));
      assertEquals(1L, call(list, "total"));

      Object request = construct(model("FriendApplyRequest"), "42", model("ChatType").getField("BOT").get(null), null);
      call(friendApi, "apply", request);
      assertEquals("POST", server.lastRequest().method());
      assertEquals("/v1/friend/apply", server.lastRequest().path());
      assertEquals("{\"chatId\":\"42\",\"chatType\":3}",
          new String(server.lastRequest().body(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aFailureCodeBecomesTheApisException() throws Throwable {
    byte[] response = "{\"code\":-1,\"msg\":\"对方已是您的好友\"}".getBytes(StandardCharsets.UTF_8);
    try (LoopbackServer server = LoopbackServer.answering("application/json", response)) {
      Object builder = call(compiled.load(PKG + ".ChatClient"), "builder");
      call(builder, "baseUri", server.baseUri());
      call(builder, "token", "t");
      Object friendApi = call(call(builder, "build"), "friend");
      Object request = construct(model("FriendApplyRequest"), "42", model("ChatType").getField("USER").get(null), null);

      ApiErrorException e = assertThrows(ApiErrorException.class, () -> call(friendApi, "apply", request));
      assertSame(compiled.load(PKG + ".ChatApiException"), e.getClass());
      assertEquals(-1, e.code());
      assertEquals("对方已是您的好友", e.getMessage());
      assertEquals("POST /v1/friend/apply", e.endpoint());
    }
  }

  @Test
  void generatingTwiceWritesByteIdenticalFiles() throws Exception {
    Path first = work.resolve("first");
    Path second = work.resolve("second");
    SourceWriter.replace(first, generate());
    SourceWriter.replace(second, generate());
    List<Path> files = relativeFiles(first);
    assertEquals(files, relativeFiles(second));
    assertEquals(10, files.size());
    for (Path file : files) {
      assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)),
          file + " differs between two runs");
    }
  }

  private static List<Path> relativeFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
