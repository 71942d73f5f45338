package dev.apispec.codegen.model;

/** A reference to a type, as written in a field's {@code type}. */
public sealed interface TypeRef {

  /** The built-in scalar types. */
  enum Scalar implements TypeRef {
    STRING("string"),
    INT32("int32"),
    INT64("int64"),
    FLOAT64("float64"),
    BOOL("bool"),
    /** Any JSON value, kept as it came (a {@code JsonNode} in Java). */
    JSON("json");

    private final String specName;

    Scalar(String specName) {
      this.specName = specName;
    }

    public String specName() {
      return specName;
    }

    public static Scalar bySpecName(String name) {
      for (Scalar scalar : values()) {
        if (scalar.specName.equals(name)) {
          return scalar;
        }
      }
      return null;
    }

    @Override
    public String toString() {
      return specName;
    }
  }

  /** An object type or enum of the spec. */
  record Named(String name) implements TypeRef {
    @Override
    public String toString() {
      return name;
    }
  }

  record ListOf(TypeRef element) implements TypeRef {
    @Override
    public String toString() {
      return "list<" + element + ">";
    }
  }

  /** A JSON object with free keys. */
  record MapOf(TypeRef value) implements TypeRef {
    @Override
    public String toString() {
      return "map<" + value + ">";
    }
  }
}
