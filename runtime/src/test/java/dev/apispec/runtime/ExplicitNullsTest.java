package dev.apispec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A known property sent as an explicit {@code null} is written back as {@code null}; an absent one stays absent. */
class ExplicitNullsTest {
  static final ObjectMapper MAPPER = ApiJson.newMapper();

  /** Shaped as the generator writes a record: NON_NULL, unknown properties kept in an any-setter parameter. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"a", "b", "inner", "items"})
  record Item(@JsonProperty("a") String a, @JsonProperty("b") Integer b, @JsonProperty("inner") Item inner,
      @JsonProperty("items") List<Item> items, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    Item {
      unknownFields = unknownFields == null || unknownFields.isEmpty() ? Collections.emptyMap()
          : Collections.unmodifiableMap(new LinkedHashMap<>(unknownFields));
    }
  }

  /** A record without unknown fields: left as Jackson makes it. */
  record Plain(String a, Integer b) {}

  /** A record that writes its nulls itself: the nulls are not kept twice. */
  record Always(String a, Integer b, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {}

  /** NON_NULL, but one property always written. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Mixed(@JsonInclude(JsonInclude.Include.ALWAYS) String a, Integer b,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {}

  private static void assertRoundTrip(String json) throws Exception {
    Item item = MAPPER.readValue(json, Item.class);
    assertEquals(MAPPER.readTree(json), MAPPER.readTree(MAPPER.writeValueAsString(item)), json);
    Item fromTree = MAPPER.treeToValue(MAPPER.readTree(json), Item.class);
    assertEquals(MAPPER.readTree(json), MAPPER.readTree(MAPPER.writeValueAsString(fromTree)), json);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"a\":null,\"b\":1}",
      "{\"b\":1}",
      "{}",
      "{\"a\":null,\"b\":null}",
      "{\"a\":\"x\",\"b\":null,\"z\":null,\"y\":[1,null]}",
      "{\"inner\":{\"a\":null,\"b\":2},\"b\":1}",
      "{\"inner\":{\"b\":2},\"a\":null}",
      "{\"inner\":null}",
      "{\"items\":[{\"a\":null},{\"b\":3},{\"a\":\"x\",\"inner\":{\"b\":null}}]}",
      "{\"items\":null,\"a\":\"x\"}",
  })
  void roundTripsKeepExplicitNullsAndAbsence(String json) throws Exception {
    assertRoundTrip(json);
  }

  @Test
  void anExplicitNullIsKeptInTheUnknownFieldsOnly() throws Exception {
    Item item = MAPPER.readValue("{\"a\":null,\"b\":1}", Item.class);

    assertNull(item.a());
    assertEquals(1, item.b());
    assertTrue(item.unknownFields().containsKey("a"));
    assertNull(item.unknownFields().get("a"));
    assertEquals(1, item.unknownFields().size());
    assertEquals(Map.of(), MAPPER.readValue("{\"b\":1}", Item.class).unknownFields());
  }

  @Test
  void aPlainMapperWithoutTheModuleDropsTheNullAsBefore() throws Exception {
    Item item = new ObjectMapper().readValue("{\"a\":null,\"b\":1}", Item.class);

    assertEquals("{\"b\":1}", new ObjectMapper().writeValueAsString(item));
  }

  @Test
  void aPlainMapperWithTheModuleKeepsIt() throws Exception {
    ObjectMapper plain = new ObjectMapper().registerModule(ApiJson.module());

    Item item = plain.readValue("{\"a\":null,\"b\":1}", Item.class);

    assertEquals("{\"b\":1,\"a\":null}", plain.writeValueAsString(item));
  }

  @Test
  void recordsWithoutUnknownFieldsAreUntouched() throws Exception {
    assertEquals(new Plain(null, 1), MAPPER.readValue("{\"a\":null,\"b\":1}", Plain.class));
    assertEquals(new Plain("x", null), MAPPER.readValue("{\"a\":\"x\"}", Plain.class));
  }

  @Test
  void aRecordThatWritesItsNullsIsNotTaughtToWriteThemTwice() throws Exception {
    Always always = MAPPER.readValue("{\"a\":null,\"b\":1}", Always.class);
    Mixed mixed = MAPPER.readValue("{\"a\":null,\"b\":null}", Mixed.class);

    assertEquals(Map.of(), always.unknownFields());
    assertEquals("{\"a\":null,\"b\":1}", MAPPER.writeValueAsString(always));
    assertEquals(Collections.singletonMap("b", null), mixed.unknownFields());
    assertEquals("{\"a\":null,\"b\":null}", MAPPER.writeValueAsString(mixed));
  }

  @Test
  void aMapperWhoseDefaultOmitsNullsKeepsThemForAnyRecord() throws Exception {
    // values NON_NULL, contents (the unknown-fields map's values) ALWAYS, as a class-level NON_NULL has it
    ObjectMapper nonNull = ApiJson.newMapper().setDefaultPropertyInclusion(
        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));

    Always always = nonNull.readValue("{\"a\":null,\"b\":1}", Always.class);

    assertEquals("{\"b\":1,\"a\":null}", nonNull.writeValueAsString(always));
  }

  @Test
  void theUnknownFieldsParameterIsFoundOnTheCanonicalConstructor() {
    assertEquals(4, ExplicitNulls.unknownFieldsIndex(Item.class));
    assertEquals(-1, ExplicitNulls.unknownFieldsIndex(Plain.class));
  }

  /** Both ways a transport reads a JSON envelope: the one-pass reader and, for an irregular body, the tree. */
  @Nested
  class OverTheTransport {
    private LocalServer server;

    @BeforeEach
    void start() throws Exception {
      server = LocalServer.start();
    }

    @AfterEach
    void stop() {
      server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the one-pass EnvelopeReader: data after the code, and before it (buffered)
        "{\"code\":1,\"msg\":\"ok\",\"data\":%s}",
        "{\"data\":%s,\"code\":1,\"msg\":\"ok\"}",
        // the tree path: a code given twice is irregular for EnvelopeReader
        "{\"code\":1,\"code\":1,\"msg\":\"ok\",\"data\":%s}",
    })
    void anEnvelopeKeepsThem(String envelope) throws Exception {
      String data = "{\"a\":null,\"b\":1,\"items\":[{\"a\":null},{\"b\":2}],\"inner\":{\"b\":null}}";
      server.respondJson(envelope.formatted(data));
      ApiTransport transport = ApiTransport.builder().baseUri(server.uri())
          .jsonEnvelope(new JsonEnvelope("code", "msg", "data", 1)).build();

      Item item = transport.call(Endpoint.post("/v1/x", ResponseFormat.jsonData(Item.class)), null);

      JsonNode written = MAPPER.readTree(MAPPER.writeValueAsString(item));
      assertEquals(MAPPER.readTree(data), written);
      assertFalse(written.get("items").get(1).has("a"));
    }
  }
}
