package dev.yunhu.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apispec.runtime.Calls;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document the build exported from the Yunhu spec, read back by a real OpenAPI parser. */
class OpenApiExportTest {
  private static final Path DOCUMENT = Path.of("target", "openapi", "yunhu-openapi.json");
  private static SwaggerParseResult result;
  private static OpenAPI api;

  @BeforeAll
  static void parse() throws Exception {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    result = new OpenAPIV3Parser().readContents(Files.readString(DOCUMENT), null, options);
    api = result.getOpenAPI();
  }

  @Test
  void parsesWithoutAnyMessage() {
    assertEquals(List.of(), result.getMessages());
    assertEquals("3.1.0", api.getOpenapi());
    assertEquals("https://chat-go.jwzhd.com", api.getServers().get(0).getUrl());
  }

  @Test
  void everyEndpointIsThere() {
    assertEquals(clientPaths(), new TreeSet<>(api.getPaths().keySet()));
    Operation apply = api.getPaths().get("/v1/friend/apply").getPost();
    assertEquals("friendApply", apply.getOperationId());
    assertEquals("#/components/schemas/FriendApplyRequest",
        apply.getRequestBody().getContent().get("application/json").getSchema().get$ref());
    assertEquals("groupTagRelateCancel", api.getPaths().get("/v1/group-tag/relate-cancel").getPost().getOperationId());
  }

  /**
   * The paths the generated client calls, read from its {@code @Calls} annotations: the spec's endpoints. An
   * endpoint of a named host whose method and path another host also has is exported as {@code path#host}.
   */
  private static Set<String> clientPaths() {
    List<Calls> all = new ArrayList<>();
    for (Method accessor : YunhuClient.class.getMethods()) {
      if (accessor.getParameterCount() == 0 && accessor.getReturnType().getSimpleName().endsWith("Api")) {
        for (Method method : accessor.getReturnType().getMethods()) {
          Calls calls = method.getAnnotation(Calls.class);
          // Each method has an ...Async twin with the same annotation; the set below folds them.
          if (calls != null) {
            all.add(calls);
          }
        }
      }
    }
    Map<String, Set<String>> hostsOfRoute = new HashMap<>();
    all.forEach(c -> hostsOfRoute.computeIfAbsent(c.method() + " " + c.path(), k -> new TreeSet<>()).add(c.host()));
    Set<String> paths = new TreeSet<>();
    for (Calls calls : all) {
      boolean shared = hostsOfRoute.get(calls.method() + " " + calls.path()).size() > 1;
      paths.add(!calls.host().isEmpty() && shared ? calls.path() + "#" + calls.host() : calls.path());
    }
    assertTrue(paths.size() >= 20, "the seed's 20 endpoints at least: " + paths);
    return paths;
  }

  @Test
  void theTokenHeaderIsAnApiKeyScheme() {
    SecurityScheme scheme = api.getComponents().getSecuritySchemes().get("apiKey");
    assertEquals(SecurityScheme.Type.APIKEY, scheme.getType());
    assertEquals(SecurityScheme.In.HEADER, scheme.getIn());
    assertEquals("token", scheme.getName());
    assertTrue(api.getSecurity().get(0).containsKey("apiKey"));
  }

  @Test
  void jsonResponsesCarryTheEnvelopeWithTypedData() {
    MediaType ok = api.getPaths().get("/v1/group/live-room").getPost().getResponses().get("200")
        .getContent().get("application/json");
    assertEquals("#/components/schemas/LiveRoomListEnvelope", ok.getSchema().get$ref());
    Schema<?> envelope = api.getComponents().getSchemas().get("LiveRoomListEnvelope");
    assertEquals(List.of("code"), envelope.getRequired());
    assertEquals("#/components/schemas/LiveRoomList", ((Schema<?>) envelope.getProperties().get("data")).get$ref());
  }

  @Test
  void enumsHaveTheirValuesAndStayOpen() {
    Schema<?> chatType = api.getComponents().getSchemas().get("ChatType");
    assertEquals(2, chatType.getAnyOf().size());
    Schema<?> known = chatType.getAnyOf().get(0);
    Schema<?> any = chatType.getAnyOf().get(1);
    assertEquals(List.of(1, 2, 3), known.getEnum().stream().map(v -> ((Number) v).intValue()).toList());
    // the second branch takes any int32: chat type 4 is valid, as the client decodes it
    assertEquals(null, any.getEnum());
    assertEquals("int32", any.getFormat());
    assertTrue(chatType.getDescription().contains("1 USER"), chatType.getDescription());
  }

  @Test
  void theVersionIsTheProjectsAsTheSpecGivesNone() {
    assertEquals(System.getProperty("project.version"), api.getInfo().getVersion());
    assertEquals(null, api.getInfo().getLicense());
  }

  @Test
  void protobufBodiesNameTheirMessage() {
    Operation info = api.getPaths().get("/v1/group/info").getPost();
    MediaType request = info.getRequestBody().getContent().get("application/x-protobuf");
    MediaType response = info.getResponses().get("200").getContent().get("application/x-protobuf");
    assertNotNull(request);
    assertEquals("yunhu.v1.GroupInfoRequest", request.getExtensions().get("x-protobuf-message"));
    assertEquals("yunhu.v1.GroupInfoResponse", response.getExtensions().get("x-protobuf-message"));
  }
}
