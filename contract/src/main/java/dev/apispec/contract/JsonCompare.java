package dev.apispec.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compares JSON as trees and says where two differ. */
public final class JsonCompare {
  /** The plain mapper the checks decode and encode DTOs with, as a user of the client would. */
  public static final ObjectMapper PLAIN = new ObjectMapper();

  private static final int EXCERPT = 80;

  private JsonCompare() {}

  /**
   * A value as a tree with numbers normalised: written and read again by {@link #PLAIN}, so that
   * {@code 1231231230} read as a long and as an int, or {@code 2.50} and {@code 2.5}, compare equal; and a
   * whole floating-point number read as the integer it is, so that {@code 100.0} equals {@code 100}. JSON has
   * one number type: a server's {@code 100} for a {@code float64} field comes back from the client as
   * {@code 100.0}, the same number.
   */
  public static JsonNode normalise(Object value) {
    try {
      return wholeNumbersAsIntegers(PLAIN.readTree(PLAIN.writeValueAsBytes(value)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode wholeNumbersAsIntegers(JsonNode node) throws IOException {
    if (node.isFloatingPointNumber() && Double.isFinite(node.doubleValue())) {
      BigDecimal value = node.decimalValue();
      if (value.signum() == 0 || value.stripTrailingZeros().scale() <= 0) {
        return PLAIN.readTree(value.toBigIntegerExact().toString());
      }
    } else if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        field.setValue(wholeNumbersAsIntegers(field.getValue()));
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, wholeNumbersAsIntegers(array.get(i)));
      }
    }
    return node;
  }

  /** Normalised JSON bytes, or {@code null} when they are not JSON. */
  public static JsonNode normaliseBytes(byte[] json) {
    try {
      JsonNode node = PLAIN.readTree(json);
      return node == null || node.isMissingNode() ? null : normalise(node);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Where {@code actual} differs from {@code expected}, as {@code path: expected …, actual …}
   * lines (at most ten). Paths start at {@code root} ({@code data.rooms[0].count}).
   */
  public static List<String> differences(String root, JsonNode expected, JsonNode actual, String expectedName,
      String actualName) {
    List<String> out = new ArrayList<>();
    diff(root, normalise(expected), normalise(actual), expectedName, actualName, out);
    return out.size() > 10 ? List.copyOf(out.subList(0, 10)) : out;
  }

  private static void diff(String path, JsonNode expected, JsonNode actual, String expectedName, String actualName,
      List<String> out) {
    if (expected.equals(actual)) {
      return;
    }
    if (expected.isObject() && actual.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String child = path.isEmpty() ? name : path + "." + name;
        JsonNode e = expected.get(name);
        JsonNode a = actual.get(name);
        if (e == null) {
          out.add(child + ": not in the " + expectedName + ", " + actualName + " " + excerpt(a));
        } else if (a == null) {
          out.add(child + ": " + expectedName + " " + excerpt(e) + ", missing in the " + actualName);
        } else {
          diff(child, e, a, expectedName, actualName, out);
        }
      }
      return;
    }
    if (expected.isArray() && actual.isArray()) {
      int n = Math.max(expected.size(), actual.size());
      for (int i = 0; i < n; i++) {
        String child = path + "[" + i + "]";
        if (i >= expected.size()) {
          out.add(child + ": not in the " + expectedName + ", " + actualName + " " + excerpt(actual.get(i)));
        } else if (i >= actual.size()) {
          out.add(child + ": " + expectedName + " " + excerpt(expected.get(i)) + ", missing in the " + actualName);
        } else {
          diff(child, expected.get(i), actual.get(i), expectedName, actualName, out);
        }
      }
      return;
    }
    out.add((path.isEmpty() ? "(the whole body)" : path) + ": " + expectedName + " " + excerpt(expected) + ", "
        + actualName + " " + excerpt(actual));
  }

  /** A short JSON rendering of a value, for messages. */
  public static String excerpt(JsonNode node) {
    String text = node.toString();
    return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
  }

  /** Whether an object has only the given property names. */
  static List<String> extraNames(JsonNode object, Set<String> known) {
    List<String> extra = new ArrayList<>();
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        extra.add(name);
      }
    }
    return extra;
  }
}
