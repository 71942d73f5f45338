package dev.apispec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-pass envelope reader on its own: which bodies it settles (data or refusal) and which it leaves to
 * the tree ({@link EnvelopeReader.Irregular}). What the transport then makes of each is in
 * {@link ApiTransportEnvelopeTest}.
 */
class EnvelopeReaderTest {
  static final ObjectMapper MAPPER = ApiJson.newMapper();
  static final EnvelopeReader READER = new EnvelopeReader(MAPPER, new JsonEnvelope("code", "msg", "data", 1));

  /** Shaped like a generated record: unknown properties kept through the constructor. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Member(@JsonProperty("name") String name, @JsonProperty("since") Long since,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    Member {
      unknownFields = unknownFields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(unknownFields));
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Group(@JsonProperty("id") String id, @JsonProperty("count") Integer count,
      @JsonProperty("price") BigDecimal price, @JsonProperty("owner") Member owner,
      @JsonProperty("members") List<Member> members,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    Group {
      unknownFields = unknownFields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(unknownFields));
    }
  }

  static final String GROUP = "{\"id\":\"g1\",\"count\":3,\"price\":1.10,\"added\":{\"deep\":[1,2.50,null,\"x\"]},"
      + "\"owner\":{\"name\":\"Ann\",\"since\":17,\"badge\":\"gold\",\"big\":18446744073709551616},"
      + "\"members\":[{\"name\":\"Bo\",\"role\":{\"level\":2}},{\"name\":\"Cy\",\"since\":1}],\"flag\":true}";

  static final Group EXPECTED = new Group("g1", 3, new BigDecimal("1.10"),
      new Member("Ann", 17L, map("badge", "gold", "big", new BigInteger("18446744073709551616"))),
      List.of(new Member("Bo", null, map("role", map("level", 2))), new Member("Cy", 1L, Map.of())),
      map("added", map("deep", list(1, new BigDecimal("2.50"), null, "x")), "flag", true));

  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static List<Object> list(Object... values) {
    List<Object> list = new ArrayList<>();
    Collections.addAll(list, values);
    return list;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static <T> T read(String body, Class<T> type) throws EnvelopeReader.Refused, EnvelopeReader.Irregular {
    return READER.read(utf8(body), type);
  }

  /** Every order of the given top-level members, as one object each. */
  static List<String> everyOrder(List<String> members) {
    List<String> bodies = new ArrayList<>();
    permute(new ArrayList<>(members), 0, bodies);
    return bodies;
  }

  private static void permute(List<String> members, int from, List<String> out) {
    if (from == members.size()) {
      out.add("{" + String.join(",", members) + "}");
      return;
    }
    for (int i = from; i < members.size(); i++) {
      Collections.swap(members, from, i);
      permute(members, from + 1, out);
      Collections.swap(members, from, i);
    }
  }

  // ---- settled here: the data ----

  @Test
  void dataIsBoundInEveryOrderOfTheEnvelope() throws Exception {
    List<String> bodies = everyOrder(List.of("\"code\":1", "\"msg\":\"success\"", "\"data\":" + GROUP,
        "\"trace\":{\"id\":[1,{\"x\":null}]}"));
    assertEquals(24, bodies.size());

    for (String body : bodies) {
      assertEquals(EXPECTED, read(body, Group.class), body);
    }
  }

  @Test
  void unknownFieldsAtEveryLevelSurviveARoundTrip() throws Exception {
    for (String body : List.of("{\"code\":1,\"data\":" + GROUP + "}", "{\"data\":" + GROUP + ",\"code\":1}")) {
      Group group = read(body, Group.class);

      assertEquals("gold", group.owner().unknownFields().get("badge"));
      assertEquals(map("level", 2), group.members().get(0).unknownFields().get("role"));
      assertEquals(new BigDecimal("2.50"), ((List<?>) ((Map<?, ?>) group.unknownFields().get("added")).get("deep")).get(1));
      assertEquals(MAPPER.readTree(GROUP), MAPPER.readTree(MAPPER.writeValueAsString(group)), body);
    }
  }

  @Test
  void anEndpointWithoutDataIgnoresWhateverDataThereIs() throws Exception {
    assertNull(read("{\"code\":1,\"msg\":\"success\"}", null));
    for (String data : List.of("\"data\":null", "\"data\":[1,2]", "\"data\":\"x\"", "\"data\":" + GROUP)) {
      for (String body : everyOrder(List.of("\"code\":1", "\"msg\":\"success\"", data))) {
        assertNull(read(body, null), body);
      }
    }
  }

  @Test
  void trailingContentAfterTheObjectIsNotReadAsReadTreeDoesNot() throws Exception {
    // what the tree path did and still does: ObjectMapper.readTree stops after the first value
    assertEquals(1, MAPPER.readTree("{\"code\":1}}}garbage").get("code").intValue());

    assertEquals(EXPECTED, read("{\"code\":1,\"data\":" + GROUP + "}}}}garbage", Group.class));
    assertEquals(EXPECTED, read("{\"data\":" + GROUP + ",\"code\":1} {\"code\":", Group.class));
  }

  // ---- settled here: the refusal ----

  @Test
  void aRefusalNeverBindsItsData() {
    List<String> wrongShapes = List.of("\"data\":\"limited\"", "\"data\":[1,2]", "\"data\":{\"count\":\"many\"}",
        "\"data\":{\"owner\":[]}", "\"data\":null");
    for (String data : wrongShapes) {
      for (String body : everyOrder(List.of("\"code\":1002", "\"msg\":\"limited\"", data))) {
        EnvelopeReader.Refused refused = assertThrows(EnvelopeReader.Refused.class, () -> read(body, Group.class), body);
        assertEquals(1002, refused.code);
        assertEquals("limited", refused.text);
      }
    }
  }

  @Test
  void aRefusalCarriesTheMessageAsTheTreeWordsIt() throws Exception {
    assertNull(refusal("{\"code\":0}").text);
    assertNull(refusal("{\"code\":0,\"msg\":null}").text);
    assertEquals("已添加 \"x\"\n", refusal("{\"msg\":\"已添加 \\\"x\\\"\\n\",\"code\":0}").text);
    assertEquals("1E+2", refusal("{\"code\":0,\"msg\":1e2}").text); // a DecimalNode's text, as before
    assertEquals("true", refusal("{\"code\":0,\"msg\":true}").text);
    assertEquals("", refusal("{\"code\":0,\"msg\":{\"text\":\"nested\"}}").text);
    assertEquals(Integer.MIN_VALUE, refusal("{\"code\":-2147483648}").code);
    assertEquals(Integer.MAX_VALUE, refusal("{\"code\":2147483647}").code);
  }

  private static EnvelopeReader.Refused refusal(String body) {
    return assertThrows(EnvelopeReader.Refused.class, () -> read(body, Group.class), body);
  }

  // ---- left to the tree ----

  @ParameterizedTest
  @ValueSource(strings = {
      "", "   ", "null", "[]", "[{\"code\":1}]", "\"success\"", "1", "not json", "<html></html>",
      "/* c */{\"code\":1,\"data\":{}}", "{'code':1,'data':{}}", "{\"code\":1,\"msg\":\"succ",
      // no integer code
      "{\"msg\":\"success\",\"data\":{}}", "{\"code\":\"1\",\"data\":{}}", "{\"code\":1.0,\"data\":{}}",
      "{\"code\":1e0,\"data\":{}}", "{\"code\":true,\"data\":{}}", "{\"code\":null,\"data\":{}}",
      "{\"code\":{},\"data\":{}}", "{\"code\":[1],\"data\":{}}", "{\"code\":2147483648,\"data\":{}}",
      "{\"code\":-2147483649,\"data\":{}}", "{\"code\":1099511627776,\"data\":{}}", "{\"data\":{},\"code\":\"1\"}",
      // no data
      "{\"code\":1,\"msg\":\"success\"}", "{\"code\":1,\"data\":null}", "{\"data\":null,\"code\":1}",
      // data of the wrong shape, in either order
      "{\"code\":1,\"data\":[1,2]}", "{\"code\":1,\"data\":\"g1\"}", "{\"code\":1,\"data\":{\"count\":\"many\"}}",
      "{\"data\":{\"count\":1.5},\"code\":1}", "{\"data\":{\"owner\":[1]},\"code\":1}",
      // a key given twice: the tree keeps the last, this reader does not guess
      "{\"code\":-1,\"code\":1,\"data\":{}}", "{\"code\":1,\"msg\":\"a\",\"msg\":\"b\",\"data\":{}}",
      "{\"code\":1,\"data\":{\"id\":\"a\"},\"data\":{\"id\":\"b\"}}",
      // a refusal, but the body is not JSON further on: the tree refuses it as a whole
      "{\"code\":-1,\"msg\":\"busy\",", "{\"code\":-1,\"msg\":\"busy\"", "{\"code\":-1,\"x\":1e1000000000000}",
      "{\"code\":-1,\"msg\":[1e1000000000000]}", "{\"data\":{\"x\":1e1000000000000},\"code\":-1}",
      "{\"code\":-1,\"data\":{\"x\":1e1000000000000}}", "{\"code\":-1,\"x\":\"\u00c3(\"}",
      // success, and a number readTree cannot hold anywhere in the body
      "{\"code\":1,\"data\":{\"id\":\"g\"},\"x\":-1e999999999999}",
  })
  void bodiesThatAreNotAPlainSuccessOrRefusalAreLeftToTheTree(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1); // so that \u00c3( stays the invalid UTF-8 it spells
    assertSame(EnvelopeReader.Irregular.INSTANCE,
        assertThrows(EnvelopeReader.Irregular.class, () -> READER.read(bytes, Group.class), body));
  }

  @Test
  void dataNestedBeyondTheParsersLimitIsLeftToTheTreeInEitherOrder() {
    String deep = "[".repeat(1001) + "]".repeat(1001);
    for (String body : List.of("{\"code\":1,\"data\":{\"x\":" + deep + "}}", "{\"data\":{\"x\":" + deep + "},\"code\":1}",
        "{\"code\":-1,\"data\":{\"x\":" + deep + "}}", "{\"x\":" + deep + ",\"code\":1,\"data\":{}}")) {
      assertThrows(EnvelopeReader.Irregular.class, () -> read(body, Group.class), body);
      assertThrows(EnvelopeReader.Irregular.class, () -> read(body, null), body);
    }
  }

  @Test
  void aMapperThatRefusesTrailingTokensStillReadsTheEnvelope() throws Exception {
    ObjectMapper strict = ApiJson.newMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    EnvelopeReader reader = new EnvelopeReader(strict, new JsonEnvelope("code", "msg", "data", 1));

    assertEquals(EXPECTED, reader.read(utf8("{\"data\":" + GROUP + ",\"code\":1,\"x\":{}}\n"), Group.class));
    assertEquals(EXPECTED, reader.read(utf8("{\"code\":1,\"data\":" + GROUP + ",\"msg\":\"ok\"}"), Group.class));
    assertThrows(EnvelopeReader.Irregular.class,
        () -> reader.read(utf8("{\"code\":1,\"data\":" + GROUP + "} x"), Group.class));
  }

  @Test
  void theFieldNamesAndSuccessCodeComeFromTheEnvelope() throws Exception {
    EnvelopeReader reader = new EnvelopeReader(MAPPER, new JsonEnvelope("status", "message", "result", 0));

    assertEquals(EXPECTED, reader.read(utf8("{\"result\":" + GROUP + ",\"code\":7,\"status\":0}"), Group.class));
    EnvelopeReader.Refused refused = assertThrows(EnvelopeReader.Refused.class,
        () -> reader.read(utf8("{\"status\":1,\"message\":\"no\",\"msg\":\"other\"}"), Group.class));
    assertEquals(1, refused.code);
    assertEquals("no", refused.text);
    assertThrows(EnvelopeReader.Irregular.class,
        () -> reader.read(utf8("{\"code\":0,\"result\":" + GROUP + "}"), Group.class));
  }
}
