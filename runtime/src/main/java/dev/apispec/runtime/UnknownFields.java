package dev.apispec.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a generated record's constructor does with the properties it does not describe. */
public final class UnknownFields {
  private UnknownFields() {}

  /**
   * An unmodifiable copy of {@code unknown}, in its order, without the known properties that have a value: a
   * known property sent as {@code null} is kept here as {@code name -> null} (see {@link ApiJson#module()}), and
   * once the record gets a value for it, the entry would write the property a second time.
   *
   * @param unknown the properties the record does not describe, not empty
   * @param known the record's known properties: wire name, value, wire name, value…
   * @return the copy
   */
  public static Map<String, Object> copyOf(Map<String, Object> unknown, Object... known) {
    Map<String, Object> copy = new LinkedHashMap<>(unknown);
    for (int i = 0; i + 1 < known.length; i += 2) {
      if (known[i + 1] != null) {
        copy.remove((String) known[i]);
      }
    }
    return Collections.unmodifiableMap(copy);
  }
}
