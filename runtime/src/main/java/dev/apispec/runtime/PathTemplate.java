package dev.apispec.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An endpoint's path split at its {@code {name}} placeholders, filled from {@link Params}. Parsed once per path.
 */
final class PathTemplate {
  /** Literal text and placeholder names, alternating: literal, name, literal, …, literal. */
  private final String[] parts;

  private PathTemplate(String[] parts) {
    this.parts = parts;
  }

  static PathTemplate parse(String path) {
    List<String> parts = new ArrayList<>();
    int from = 0;
    for (int open = path.indexOf('{'); open >= 0; open = path.indexOf('{', from)) {
      int close = path.indexOf('}', open);
      if (close < 0) {
        break; // not a placeholder: kept as it is
      }
      parts.add(path.substring(from, open));
      parts.add(path.substring(open + 1, close));
      from = close + 1;
    }
    parts.add(path.substring(from));
    return new PathTemplate(parts.toArray(String[]::new));
  }

  /** Whether the path has no placeholder. */
  boolean isLiteral() {
    return parts.length == 1;
  }

  /** The first placeholder's name; only for a template that has one. */
  String firstName() {
    return parts[1];
  }

  /**
   * The path with every placeholder replaced by its (encoded) value.
   *
   * @throws IllegalArgumentException when a placeholder has no value or a value names no placeholder
   */
  String expand(Endpoint<?> endpoint, Map<String, String> values) {
    StringBuilder out = new StringBuilder(endpoint.path().length() + 32);
    out.append(parts[0]);
    int used = 0;
    for (int i = 1; i < parts.length; i += 2) {
      String value = values.get(parts[i]);
      if (value == null) {
        throw missing(endpoint, parts[i]);
      }
      used++;
      out.append(value).append(parts[i + 1]);
    }
    if (used != values.size()) {
      for (String name : values.keySet()) {
        if (!has(name)) {
          throw new IllegalArgumentException(endpoint + " has no path parameter '" + name + "'");
        }
      }
    }
    return out.toString();
  }

  private boolean has(String name) {
    for (int i = 1; i < parts.length; i += 2) {
      if (parts[i].equals(name)) {
        return true;
      }
    }
    return false;
  }

  static IllegalArgumentException missing(Endpoint<?> endpoint, String name) {
    return new IllegalArgumentException(endpoint + " needs a value for the path parameter '" + name + "'");
  }
}
