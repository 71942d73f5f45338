package dev.apispec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JSON carried as text in a JSON string, numbers as strings, and free-form JSON, with the client's mapper. */
class JsonStringTest {
  static final ObjectMapper MAPPER = ApiJson.newMapper();

  record Foo(int a, BigDecimal price) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Holder(
      @JsonSerialize(using = JsonString.Serializer.class) @JsonDeserialize(using = JsonString.Deserializer.class)
      Foo one,
      @JsonSerialize(using = JsonString.Serializer.class) @JsonDeserialize(using = JsonString.Deserializer.class)
      List<Foo> many,
      @JsonSerialize(using = JsonString.Serializer.class) @JsonDeserialize(using = JsonString.Deserializer.class)
      Map<String, List<Integer>> table) {}

  @Test
  void readsTheTextOfAStringAsTheDeclaredType() throws Exception {
    Holder holder = MAPPER.readValue("{\"one\":\"{\\\"a\\\":1,\\\"price\\\":1.10}\","
        + "\"many\":\"[{\\\"a\\\":2},{\\\"a\\\":3}]\",\"table\":\"{\\\"x\\\":[1,2]}\"}", Holder.class);

    assertEquals(new Foo(1, new BigDecimal("1.10")), holder.one());
    assertEquals(List.of(new Foo(2, null), new Foo(3, null)), holder.many());
    assertInstanceOf(Foo.class, holder.many().get(0)); // the element type came from the declaration
    assertEquals(Map.of("x", List.of(1, 2)), holder.table());
  }

  @Test
  void writesTheValueBackAsAStringOfCompactJson() throws Exception {
    Holder holder = new Holder(new Foo(1, new BigDecimal("1.10")), List.of(new Foo(2, null)), Map.of("x", List.of(7)));

    assertEquals("{\"one\":\"{\\\"a\\\":1,\\\"price\\\":1.10}\",\"many\":\"[{\\\"a\\\":2,\\\"price\\\":null}]\","
        + "\"table\":\"{\\\"x\\\":[7]}\"}", MAPPER.writeValueAsString(holder));
  }

  @Test
  void roundTripsThroughATreeToo() throws Exception {
    String json = "{\"one\":\"{\\\"a\\\":5,\\\"price\\\":2}\"}";

    Holder holder = MAPPER.treeToValue(MAPPER.readTree(json), Holder.class);

    assertEquals(new Foo(5, new BigDecimal("2")), holder.one());
    assertEquals(MAPPER.readTree(json), MAPPER.valueToTree(holder));
  }

  @Test
  void nullIsNull() throws Exception {
    Holder holder = MAPPER.readValue("{\"one\":null}", Holder.class);

    assertNull(holder.one());
    assertEquals("{}", MAPPER.writeValueAsString(holder));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"  \""})
  void anEmptyStringIsRefusedAsNotJson(String value) {
    MismatchedInputException e = assertThrows(MismatchedInputException.class,
        () -> MAPPER.readValue("{\"one\":" + value + "}", Holder.class));

    assertTrue(e.getOriginalMessage().contains("got an empty string (it is not JSON)"), e.getOriginalMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"{\\\"a\\\":\"", "\"nope\"", "\"{\\\"a\\\":1} x\""})
  void textThatIsNotJsonIsADecodeErrorThatSaysSo(String value) {
    MismatchedInputException e = assertThrows(MismatchedInputException.class,
        () -> MAPPER.readValue("{\"one\":" + value + "}", Holder.class));

    assertTrue(e.getOriginalMessage().startsWith("the string does not hold valid JSON text for")
        || e.getOriginalMessage().startsWith("the JSON text in the string holds more than one value"),
        e.getOriginalMessage());
  }

  @Test
  void jsonOfTheWrongShapeIsADecodeErrorThatSaysSo() {
    MismatchedInputException e = assertThrows(MismatchedInputException.class,
        () -> MAPPER.readValue("{\"one\":\"[1,2]\"}", Holder.class));

    assertTrue(e.getOriginalMessage().startsWith("the JSON text in the string is not a valid"), e.getOriginalMessage());
  }

  @Test
  void aValueThatIsNotAStringIsRefused() {
    MismatchedInputException e = assertThrows(MismatchedInputException.class,
        () -> MAPPER.readValue("{\"one\":{\"a\":1}}", Holder.class));

    assertTrue(e.getOriginalMessage().contains("expected a JSON string holding JSON text"), e.getOriginalMessage());
  }

  @Test
  void aDecodeErrorThroughTheTransportNamesTheEndpoint() throws Exception {
    try (LocalServer server = LocalServer.start()) {
      server.respondJson("{\"code\":1,\"msg\":\"ok\",\"data\":{\"one\":\"\"}}");
      ApiTransport transport = ApiTransport.builder().baseUri(server.uri())
          .jsonEnvelope(new JsonEnvelope("code", "msg", "data", 1)).build();

      ApiDecodeException e = assertThrows(ApiDecodeException.class,
          () -> transport.call(Endpoint.post("/v1/x", ResponseFormat.jsonData(Holder.class)), null));

      assertTrue(e.getMessage().startsWith("POST /v1/x (HTTP 200): 'data' is not a valid Holder: "), e.getMessage());
      assertTrue(e.getMessage().contains("empty string"), e.getMessage());
    }
  }

  record Ids(@JsonFormat(shape = JsonFormat.Shape.STRING) Long id, @JsonFormat(shape = JsonFormat.Shape.STRING) long raw) {}

  @Test
  void numbersAsStringsRoundTrip() throws Exception {
    Ids ids = MAPPER.readValue("{\"id\":\"123\",\"raw\":\"9007199254740993\"}", Ids.class);

    assertEquals(new Ids(123L, 9007199254740993L), ids);
    assertEquals("{\"id\":\"123\",\"raw\":\"9007199254740993\"}", MAPPER.writeValueAsString(ids));
  }

  record Free(JsonNode extra) {}

  @Test
  void aJsonNodeComponentKeepsItsValueExactly() throws Exception {
    String json = "{\"extra\":{\"x\":[1,1.10,null]}}";

    Free free = MAPPER.readValue(json, Free.class);

    assertEquals(json, MAPPER.writeValueAsString(free));
    assertEquals(new BigDecimal("1.10"), free.extra().get("x").get(1).decimalValue());
    assertInstanceOf(NullNode.class, free.extra().get("x").get(2));
  }

  @Test
  void aPresentNullOfAJsonNodeIsANullNode() throws Exception {
    // Jackson hands a JsonNode property NullNode for an explicit null (getNullValue), and leaves an absent one null
    assertEquals(NullNode.getInstance(), MAPPER.readValue("{\"extra\":null}", Free.class).extra());
    assertNull(MAPPER.readValue("{}", Free.class).extra());
  }
}
