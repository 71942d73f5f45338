package dev.apispec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnknownFieldsTest {
  @Test
  void aKnownPropertyWithAValueLeavesTheMapAndOneWithoutStays() {
    Map<String, Object> unknown = new LinkedHashMap<>();
    unknown.put("z", 1);
    unknown.put("remark", null);
    unknown.put("title", null);
    unknown.put("a", null);
    Map<String, Object> copy = UnknownFields.copyOf(unknown, "remark", "hi", "title", null);
    assertEquals(List.of("z", "title", "a"), new ArrayList<>(copy.keySet()));
    assertThrows(UnsupportedOperationException.class, () -> copy.put("b", 2));
    unknown.clear();
    assertEquals(3, copy.size());
  }

  @Test
  void withoutKnownPropertiesItIsACopy() {
    Map<String, Object> unknown = new HashMap<>(Map.of("x", "y"));
    assertEquals(Map.of("x", "y"), UnknownFields.copyOf(unknown));
  }
}
