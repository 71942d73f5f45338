package dev.apispec.codegen.spec;

import dev.apispec.codegen.diagnostics.Location;
import java.util.List;

/** A YAML value that remembers where it was written. */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

  Location location();

  /** A word for the kind of value, for messages: "a map", "a list", "a string", "a number" … */
  String kind();

  /** A mapping; keys are unique (duplicates are reported while reading). */
  record Mapping(Location location, List<Entry> entries) implements YamlNode {
    public YamlNode get(String key) {
      for (Entry entry : entries) {
        if (entry.key().equals(key)) {
          return entry.value();
        }
      }
      return null;
    }

    @Override
    public String kind() {
      return "a map";
    }
  }

  /** One key of a mapping, with the location of the key itself. */
  record Entry(String key, Location keyLocation, YamlNode value) {}

  record Sequence(Location location, List<YamlNode> items) implements YamlNode {
    @Override
    public String kind() {
      return "a list";
    }
  }

  /**
   * A scalar: {@code value} is a {@link String}, {@link Long}, {@link java.math.BigInteger},
   * {@link Double}, {@link Boolean}, or {@code null} for YAML null.
   */
  record Scalar(Location location, Object value) implements YamlNode {
    @Override
    public String kind() {
      if (value == null) {
        return "null";
      }
      if (value instanceof String) {
        return "a string";
      }
      if (value instanceof Boolean) {
        return "a boolean";
      }
      return "a number";
    }
  }
}
