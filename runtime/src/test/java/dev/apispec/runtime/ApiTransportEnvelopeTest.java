package dev.apispec.runtime;

import static dev.apispec.runtime.HostileFixtures.JSON;
import static dev.apispec.runtime.HostileFixtures.JSON_DATA;
import static dev.apispec.runtime.HostileFixtures.JSON_NO_DATA;
import static dev.apispec.runtime.HostileFixtures.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apispec.runtime.EnvelopeReaderTest.Group;
import dev.apispec.runtime.HostileFixtures.Sample;
import dev.apispec.runtime.testing.CannedHttpClient;
import dev.apispec.runtime.testing.Oracles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JSON envelope through the whole transport, now that it is read in one pass: every case of the envelope,
 * and the outcome of every saved fuzz input and of a few thousand mutated envelopes checked against what
 * reading the body as a tree (the decoding before the one-pass reader) gives.
 */
class ApiTransportEnvelopeTest {
  static final ObjectMapper MAPPER = ApiJson.newMapper();
  static final Endpoint<Group> GROUP = Endpoint.post("/v1/group", ResponseFormat.jsonData(Group.class));
  static final String VALID_DATA = "{\"id\":\"u42\",\"count\":7,\"level\":3,\"total\":1754113069,\"flag\":true,"
      + "\"price\":1.10,\"numbers\":[1,2,3],\"nested\":{\"name\":\"小明\",\"when\":1231231230},"
      + "\"items\":[{\"name\":\"a\",\"when\":1},{\"name\":\"b\"}],\"kind\":2,\"kinds\":\"1,2,99\","
      + "\"newField\":{\"deep\":[1,2.50,null,\"x\"]}}";

  private static ApiTransport transport(byte[] body) {
    return HostileFixtures.transport(CannedHttpClient.answering(200, JSON, body)).build();
  }

  private static <T> T call(Endpoint<T> endpoint, String body) {
    return transport(body.getBytes(StandardCharsets.UTF_8)).call(endpoint, null);
  }

  private static ApiDecodeException decodeError(Endpoint<?> endpoint, String body) {
    return assertThrows(ApiDecodeException.class, () -> call(endpoint, body), body);
  }

  private static ApiErrorException refusal(Endpoint<?> endpoint, String body) {
    return assertThrows(ApiErrorException.class, () -> call(endpoint, body), body);
  }

  // ---- the oracle: the body read as a tree, as ApiTransport read every body before ----

  /** A call's outcome, boiled down: the value, the server's code and message, or a decode error. */
  record Outcome(Object value, Integer code, String message, boolean decodeError) {
    static Outcome of(Object value) {
      return new Outcome(value, null, null, false);
    }
  }

  static final Outcome DECODE_ERROR = new Outcome(null, null, null, true);

  /** What reading the whole body as a tree and binding data from the tree makes of {@code body}. */
  static Outcome tree(byte[] body, Class<?> type) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (IOException | IllegalArgumentException e) {
      return DECODE_ERROR;
    }
    JsonNode code = root == null ? null : root.get("code");
    if (root == null || !root.isObject() || code == null || !code.canConvertToInt() || !code.isIntegralNumber()) {
      return DECODE_ERROR;
    }
    if (code.intValue() != 1) {
      JsonNode message = root.get("msg");
      return new Outcome(null, code.intValue(),
          message == null || message.isNull() ? "" : message.asText().replace(TOKEN, "***"), false);
    }
    JsonNode data = root.get("data");
    if (type == null) {
      return Outcome.of(null);
    }
    if (data == null || data.isNull()) {
      return DECODE_ERROR;
    }
    try {
      return Outcome.of(MAPPER.treeToValue(data, type));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return DECODE_ERROR;
    }
  }

  /** The body {@link #SHARED} answers with: one transport (and mapper) for thousands of bodies. */
  static final AtomicReference<byte[]> BODY = new AtomicReference<>();
  static final ApiTransport SHARED = HostileFixtures.transport(
      CannedHttpClient.answering(request -> CannedHttpClient.Canned.of(200, JSON, BODY.get()))).build();

  /** What the transport makes of {@code body}; anything but a value or one of the promised exceptions fails. */
  static Outcome transport(byte[] body, Endpoint<?> endpoint) {
    BODY.set(body);
    Oracles.Outcome<?> outcome = Oracles.outcome(() -> SHARED.call(endpoint, null));
    if (outcome.failure() == null) {
      return Outcome.of(outcome.value());
    }
    String problem = HostileFixtures.problemWith(outcome.failure(), endpoint);
    if (problem != null) {
      StringWriter trace = new StringWriter();
      outcome.failure().printStackTrace(new PrintWriter(trace));
      throw new AssertionError(problem + "\n" + trace);
    }
    if (outcome.failure() instanceof ApiErrorException refused) {
      return new Outcome(null, refused.code(), refused.getMessage(), false);
    }
    assertInstanceOf(ApiDecodeException.class, outcome.failure(), () -> new String(body, StandardCharsets.UTF_8));
    return DECODE_ERROR;
  }

  /** Checks the three endpoints; returns what the {@code Sample} one came to: 0 a value, 1 a refusal, 2 an error. */
  private static int assertSameAsTheTree(byte[] body) {
    String shown = new String(body, StandardCharsets.UTF_8);
    Outcome sample = tree(body, Sample.class);
    assertEquals(sample, transport(body, JSON_DATA), shown);
    assertEquals(tree(body, Group.class), transport(body, GROUP), shown);
    assertEquals(tree(body, null), transport(body, JSON_NO_DATA), shown);
    return sample.decodeError() ? 2 : sample.code() != null ? 1 : 0;
  }

  static Stream<Path> savedFuzzInputs() throws IOException, URISyntaxException {
    Path dir = Path.of(Objects.requireNonNull(ApiTransportEnvelopeTest.class.getResource(
        "ResponseFuzzTestInputs/jsonEnvelopeAndData")).toURI());
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.sorted().toList();
    }
    return files.stream();
  }

  @Test
  void everySavedFuzzInputEndsAsItDidWhenReadAsATree() throws Exception {
    List<Path> inputs = savedFuzzInputs().toList();
    int[] kinds = new int[3];
    for (Path input : inputs) {
      kinds[assertSameAsTheTree(Files.readAllBytes(input))]++;
    }
    assertTrue(inputs.size() > 50 && kinds[0] >= 10 && kinds[1] >= 2 && kinds[2] >= 30, Arrays.toString(kinds));
  }

  /** What an envelope is made of, by member; a mutated envelope picks from each (often the first), then shuffles. */
  static final List<List<String>> MEMBERS = List.of(
      List.of("\"code\":1", "\"code\":-7", "\"code\":\"1\"", "\"code\":1.0", "\"code\":2147483648", ""),
      List.of("\"msg\":\"success\"", "\"msg\":null", "\"msg\":\"bad " + TOKEN + "\"", "\"msg\":{\"t\":[1]}", ""),
      List.of("\"data\":" + VALID_DATA, "\"data\":" + EnvelopeReaderTest.GROUP, "\"data\":{\"level\":1,\"x\":[]}",
          "\"data\":null", "\"data\":[1,2]", "\"data\":\"x\"", "\"data\":{\"level\":\"high\"}", ""),
      List.of("", "\"extra\":{\"a\":[1,{\"b\":null}],\"c\":2.50}", "\"n\":18446744073709551616", "\"code\":1",
          "\"data\":{\"level\":2}"));

  private static String pick(List<String> choices, Random random) {
    return choices.get(random.nextInt(3) > 0 ? 0 : random.nextInt(choices.size()));
  }

  private static final byte[] NOISE = "{}[]\":,0123456789.-+eE tfnul\\x".getBytes(StandardCharsets.US_ASCII);

  @Test
  void mutatedEnvelopesEndAsTheyDoWhenReadAsATree() {
    Random random = new Random(20261122);
    int[] kinds = new int[3];
    for (int round = 0; round < 3000; round++) {
      List<String> members = new ArrayList<>();
      for (List<String> choices : MEMBERS) {
        String member = pick(choices, random);
        if (!member.isEmpty()) {
          members.add(member);
        }
      }
      Collections.shuffle(members, random);
      byte[] body = ("{" + String.join(",", members) + "}").getBytes(StandardCharsets.UTF_8);
      int damage = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
      for (int i = 0; i < damage; i++) {
        body = mutate(body, random);
      }
      kinds[assertSameAsTheTree(body)]++;
    }
    // values, refusals and decode errors all occur, or the comparison says little
    assertTrue(kinds[0] > 500 && kinds[1] > 50 && kinds[2] > 500, Arrays.toString(kinds));
  }

  private static byte[] mutate(byte[] body, Random random) {
    int at = random.nextInt(body.length + 1);
    List<Byte> bytes = new ArrayList<>(body.length + 1);
    for (byte b : body) {
      bytes.add(b);
    }
    switch (random.nextInt(3)) {
      case 0 -> {
        if (at < bytes.size()) {
          bytes.remove(at);
        }
      }
      case 1 -> bytes.add(at, NOISE[random.nextInt(NOISE.length)]);
      default -> {
        if (at < bytes.size()) {
          bytes.set(at, NOISE[random.nextInt(NOISE.length)]);
        }
      }
    }
    byte[] out = new byte[bytes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bytes.get(i);
    }
    return out;
  }

  // ---- each case by name ----

  @Test
  void dataBeforeTheCodeDecodesAsDataAfterIt() {
    Sample first = call(JSON_DATA, "{\"code\":1,\"msg\":\"success\",\"data\":" + VALID_DATA + "}");
    Sample last = call(JSON_DATA, "{\"data\":" + VALID_DATA + ",\"msg\":\"success\",\"code\":1}");

    assertEquals(first, last);
    assertEquals(new BigDecimal("1.10"), last.price());
    assertEquals("小明", last.nested().name());
    assertEquals(Arrays.asList(1, new BigDecimal("2.50"), null, "x"),
        ((Map<?, ?>) last.extra().get("newField")).get("deep"));
  }

  @Test
  void aRefusalWithDataOfTheWrongShapeIsTheServersErrorInEitherOrder() {
    for (String body : List.of("{\"code\":1002,\"msg\":\"limited\",\"data\":[\"not\",\"a\",\"group\"]}",
        "{\"data\":{\"count\":\"many\",\"owner\":7},\"msg\":\"limited\",\"code\":1002}",
        "{\"msg\":\"limited\",\"data\":\"no\",\"code\":1002}")) {
      ApiErrorException e = refusal(GROUP, body);

      assertEquals(1002, e.code());
      assertEquals("limited", e.getMessage());
      assertEquals("POST /v1/group", e.endpoint());
      assertEquals(200, e.httpStatus());
      assertNull(e.getCause());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no msg             | {"code":-3}
      msg null           | {"code":-3,"msg":null}
      msg null first     | {"msg":null,"data":{"level":"x"},"code":-3}
      """)
  void aRefusalWithoutMessageHasAnEmptyOne(String what, String body) {
    ApiErrorException e = refusal(JSON_DATA, body);

    assertEquals(-3, e.code());
    assertEquals("", e.getMessage());
  }

  @Test
  void theTokenIsMaskedInARefusalInEitherOrder() {
    for (String body : List.of("{\"code\":-1,\"msg\":\"token " + TOKEN + " expired\"}",
        "{\"msg\":\"token " + TOKEN + " expired\",\"code\":-1}")) {
      ApiErrorException e = refusal(JSON_DATA, body);

      assertEquals("token *** expired", e.getMessage());
      assertTrue(Oracles.problemWith(e, "POST /v1/sample", TOKEN) == null, e::toString);
    }
  }

  @Test
  void theTokenStaysOutOfADecodeErrorWhenDataCameFirst() {
    ApiDecodeException e = decodeError(JSON_DATA, "{\"data\":{\"level\":\"" + TOKEN + "\"},\"code\":1}");

    assertEquals("POST /v1/sample (HTTP 200): 'data' is not a valid Sample: Cannot deserialize value of type `int` "
        + "from String \"***\": not a valid `int` value", e.getMessage());
    assertNull(e.getCause()); // Jackson's exception quotes the token
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      code as string after data  | {"data":{"level":1},"code":"1"}
      code fractional            | {"code":1.5,"data":{"level":1}}
      code 1.0                   | {"code":1.0,"data":{"level":1}}
      code in exponent form      | {"code":1e0,"data":{"level":1}}
      code 2^31                  | {"data":{"level":1},"code":2147483648}
      code -2^31-1               | {"code":-2147483649,"data":{"level":1}}
      code true                  | {"code":true,"data":{"level":1}}
      code null                  | {"code":null,"data":{"level":1}}
      code an object             | {"code":{"value":1},"data":{"level":1}}
      no code at all             | {"msg":"success","data":{"level":1}}
      """)
  void aCodeThatIsNotAnIntIsADecodeError(String what, String body) {
    assertEquals("POST /v1/sample (HTTP 200): the response has no integer 'code': " + body,
        decodeError(JSON_DATA, body).getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing           | {"code":1,"msg":"success"}
      null              | {"code":1,"msg":"success","data":null}
      null before code  | {"data":null,"msg":"success","code":1}
      """)
  void successWithoutDataIsADecodeError(String what, String body) {
    assertEquals("POST /v1/sample (HTTP 200): the response has no 'data'", decodeError(JSON_DATA, body).getMessage());
    assertNull(call(JSON_NO_DATA, body));
  }

  @Test
  void dataOfTheWrongShapeNamesTheEndpointStatusAndTypeInEitherOrder() {
    String problem = "POST /v1/sample (HTTP 200): 'data' is not a valid Sample: Cannot coerce Floating-point value "
        + "(1E+30) to `java.lang.Long` value (but could if coercion was enabled using `CoercionConfig`)";

    assertEquals(problem, decodeError(JSON_DATA, "{\"code\":1,\"data\":{\"total\":1e30}}").getMessage());
    assertEquals(problem, decodeError(JSON_DATA, "{\"data\":{\"total\":1e30},\"code\":1}").getMessage());
    assertTrue(decodeError(GROUP, "{\"data\":[1],\"code\":1}").getMessage()
        .startsWith("POST /v1/group (HTTP 200): 'data' is not a valid Group: "));
  }

  @Test
  void unknownTopLevelFieldsAreIgnoredWhereverTheyAre() {
    Sample expected = call(JSON_DATA, "{\"code\":1,\"data\":{\"level\":4}}");
    Sample sample = call(JSON_DATA, "{\"trace\":{\"id\":[1,{\"x\":null}]},\"data\":{\"level\":4},\"ts\":17e3,"
        + "\"code\":1,\"more\":[[],{}],\"msg\":\"success\",\"z\":null}");

    assertEquals(expected, sample);
    assertEquals(4, sample.level());
  }

  @Test
  void trailingGarbageAfterTheEnvelopeIsStillIgnored() {
    // readTree stops after the first value (FAIL_ON_TRAILING_TOKENS is off), and so does the one-pass reader
    assertEquals(1, call(JSON_DATA, "{\"code\":1,\"msg\":\"success\",\"data\":{\"level\":1}}}}}garbage").level());
    assertEquals(2, call(JSON_DATA, "{\"data\":{\"level\":2},\"code\":1} {\"code\":-1}").level());
  }

  @Test
  void aMapperThatRefusesTrailingTokensStillRefusesThem() {
    ObjectMapper strict = ApiJson.newMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    ApiTransport transport = HostileFixtures.transport(CannedHttpClient.answering(200, JSON,
        "{\"code\":1,\"data\":{\"level\":1}} x".getBytes(StandardCharsets.UTF_8))).objectMapper(strict).build();
    ApiTransport clean = HostileFixtures.transport(CannedHttpClient.answering(200, JSON,
        "{\"data\":{\"level\":1},\"code\":1}\n".getBytes(StandardCharsets.UTF_8))).objectMapper(strict).build();

    ApiDecodeException e = assertThrows(ApiDecodeException.class, () -> transport.call(JSON_DATA, null));

    assertTrue(e.getMessage().startsWith("POST /v1/sample (HTTP 200): the response is not JSON: Unrecognized token 'x'"),
        e.getMessage());
    assertEquals(1, clean.call(JSON_DATA, null).level());
  }

  @Test
  void duplicateKeysKeepTheLastValueAsTheTreeDid() {
    assertEquals(2, call(JSON_DATA, "{\"code\":-1,\"code\":1,\"msg\":\"success\",\"data\":{\"level\":1,\"level\":2}}")
        .level());
    assertEquals(3, call(JSON_DATA, "{\"code\":1,\"data\":{\"level\":\"bad\"},\"data\":{\"level\":3}}").level());
    assertEquals(5, call(JSON_DATA, "{\"code\":1,\"data\":{\"level\":5,\"id\":\"a\",\"level\":\"x\",\"level\":5}}")
        .level());

    ApiErrorException e = refusal(JSON_DATA, "{\"code\":1,\"msg\":\"a\",\"data\":{},\"msg\":\"b\",\"code\":-2}");
    assertEquals(-2, e.code());
    assertEquals("b", e.getMessage());
  }

  @Test
  void aNumberTheTreeCannotHoldIsNotJsonWhereverItIs() {
    String number = "-1e999999999999";
    String problem = "POST /v1/sample (HTTP 200): the response is not JSON: Value \"" + number + "\" can not be "
        + "deserialized as `java.math.BigDecimal`, reason:  Too many nonzero exponent digits.";

    for (String body : List.of(
        "{\"code\":1,\"data\":{\"level\":1},\"x\":" + number + "}",        // an unknown top-level field
        "{\"data\":{\"level\":1,\"x\":[" + number + "]},\"code\":1}",       // in data, before the code
        "{\"code\":-1,\"msg\":[" + number + "]}",                             // in a refusal's message
        "{\"data\":{\"x\":" + number + "},\"code\":-1}")) {                   // in a refusal's data
      assertEquals(problem, decodeError(JSON_DATA, body).getMessage(), body);
    }
  }

  @Test
  void theNestingLimitHoldsInEveryPlace() {
    String deep = "[".repeat(1000) + "]".repeat(1000);
    String problem = "the response is not JSON: Document nesting depth (1001) exceeds the maximum allowed (1000, "
        + "from `StreamReadConstraints.getMaxNestingDepth()`)";

    for (String body : List.of("{\"data\":{\"x\":" + deep + "},\"code\":1}", "{\"code\":1,\"x\":" + deep + ",\"data\":{}}",
        "{\"code\":-1,\"data\":" + deep + "}", "{\"code\":1,\"msg\":" + deep + ",\"data\":{}}")) {
      assertEquals("POST /v1/sample (HTTP 200): " + problem, decodeError(JSON_DATA, body).getMessage());
      assertEquals("POST /v1/sample/ack (HTTP 200): " + problem, decodeError(JSON_NO_DATA, body).getMessage());
    }
    String fits = "[".repeat(997) + "]".repeat(997);
    assertEquals(1, call(JSON_DATA, "{\"data\":{\"level\":1,\"x\":" + fits + "},\"code\":1}").level());
  }

  // ---- where binding from the parser differs from binding from the tree (none of it in the saved inputs) ----

  /** A number in a string field, a double, unknown properties: what a generated record may hold. */
  record Reading(@JsonProperty("label") String label, @JsonProperty("value") Double value,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {}

  static final Endpoint<Reading> READING = Endpoint.post("/v1/reading", ResponseFormat.jsonData(Reading.class));

  @Test
  void aNumberInAStringFieldKeepsItsSpellingFromTheWire() throws Exception {
    String body = "{\"code\":1,\"data\":{\"label\":1e2,\"value\":0.1}}";

    assertEquals("1e2", call(READING, body).label());
    assertEquals("1e2", call(READING, "{\"data\":{\"label\":1e2},\"code\":1}").label());
    // the tree spelled it as its BigDecimal prints
    assertEquals("1E+2", MAPPER.treeToValue(MAPPER.readTree(body).get("data"), Reading.class).label());
  }

  @Test
  void aDoubleWhoseExponentOverflowsIsInfinityAs1e400AlwaysWas() {
    assertEquals(Double.POSITIVE_INFINITY, call(READING, "{\"code\":1,\"data\":{\"value\":1e400}}").value());
    assertEquals(Double.POSITIVE_INFINITY,
        call(READING, "{\"code\":1,\"data\":{\"value\":1e99999999999}}").value());
    // the tree failed on the whole body: its BigDecimal cannot hold that exponent
    assertThrows(NumberFormatException.class, () -> MAPPER.readTree("{\"value\":1e99999999999}"));
    // where the value is kept as a decimal (an unknown property), the body is still not JSON
    assertTrue(decodeError(READING, "{\"code\":1,\"data\":{\"other\":1e99999999999}}").getMessage()
        .startsWith("POST /v1/reading (HTTP 200): the response is not JSON: Value \"1e99999999999\""));
  }

  @Test
  void aDuplicateUnknownPropertyInsideDataKeepsTheFirstValue() throws Exception {
    // Jackson 2.18 keeps the first of two unknown properties it collects through a record's constructor;
    // the tree had already kept the last. Top-level and declared keys still keep the last (see above).
    String body = "{\"code\":1,\"data\":{\"x\":1,\"label\":\"a\",\"x\":2}}";

    assertEquals(Map.of("x", 1), call(READING, body).unknownFields());
    assertEquals(Map.of("x", 2), MAPPER.treeToValue(MAPPER.readTree(body).get("data"), Reading.class).unknownFields());
  }
}
