package dev.apispec.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON numbers compare by value, as JSON has one number type; everything else compares exactly. */
class JsonCompareTest {

  private static JsonNode json(String text) throws IOException {
    return JsonCompare.PLAIN.readTree(text);
  }

  private static List<String> diff(String expected, String actual) throws IOException {
    return JsonCompare.differences("", json(expected), json(actual), "recorded", "re-encoded");
  }

  @Test
  void aWholeNumberEqualsItsFloatingPointSpelling() throws IOException {
    assertEquals(List.of(), diff("{\"price\":100,\"list\":[2,0]}", "{\"price\":100.0,\"list\":[2.0,0.0]}"));
    assertEquals(List.of(), diff("{\"big\":12345678901234}", "{\"big\":1.2345678901234E13}"));
    assertEquals(List.of(), diff("{\"p\":2.50}", "{\"p\":2.5}"));
  }

  @Test
  void otherNumbersAndTypesStillDiffer() throws IOException {
    assertEquals(List.of("price: recorded 100, re-encoded 100.5"), diff("{\"price\":100}", "{\"price\":100.5}"));
    assertEquals(List.of("price: recorded 100, re-encoded \"100\""), diff("{\"price\":100}", "{\"price\":\"100\"}"));
    assertEquals(List.of("list[1]: recorded 0, re-encoded -1"), diff("{\"list\":[2,0]}", "{\"list\":[2.0,-1.0]}"));
  }

  @Test
  void theRequestMatcherSeesTheSameNumber() throws IOException {
    assertEquals(JsonCompare.normalise(json("{\"a\":[1,{\"b\":3}]}")),
        JsonCompare.normaliseBytes("{\"a\":[1.0,{\"b\":3.00}]}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
