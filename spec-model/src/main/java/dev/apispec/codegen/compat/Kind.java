package dev.apispec.codegen.compat;

/** What a change does to the users of a spec and of the client generated from it. */
public enum Kind {
  /** A client built from one spec breaks against a server of the other. */
  WIRE,
  /** User code that compiled against the baseline's generated client no longer compiles. */
  SOURCE,
  /** Neither: an addition or a documentation change, listed for the changelog. */
  SAFE;

  /** The name the plugin's {@code failOn} setting and the reports use: {@code wire}, {@code source}, {@code safe}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The kind labelled {@code label} (any case), or {@code null}. */
  public static Kind byLabel(String label) {
    for (Kind kind : values()) {
      if (kind.label().equalsIgnoreCase(label.trim())) {
        return kind;
      }
    }
    return null;
  }
}
