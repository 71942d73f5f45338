package dev.apispec.codegen.model;

import dev.apispec.codegen.diagnostics.Location;
import java.util.List;

/** A named type of the spec: an object or an enum. */
public sealed interface TypeDef {
  String name();

  Location location();

  String doc();

  /** An object type: a JSON object with known properties. */
  record ObjectDef(String name, Location location, String doc, List<FieldDef> fields) implements TypeDef {}

  /** An open enum. {@code intValued} tells whether its values are numbers or strings. */
  record EnumDef(String name, Location location, String doc, boolean intValued, List<EnumValue> values)
      implements TypeDef {}

  /** One constant of an enum; {@code value} is a {@link Long} or a {@link String}. */
  record EnumValue(String name, Location location, Object value, String doc) {}

  /**
   * One property of an object type.
   *
   * @param wireName the JSON property name
   * @param javaName the Java name the spec asks for, or {@code null} to derive one
   * @param example an example value as written in the spec, or {@code null}
   * @param format how the value travels when not as its type's plain JSON
   * @param secret whether the value is a secret, kept out of {@code toString()} and messages
   */
  record FieldDef(
      String wireName,
      Location location,
      TypeRef type,
      Location typeLocation,
      boolean required,
      String doc,
      Object example,
      String javaName,
      Format format,
      Location formatLocation,
      boolean secret) {

    /** Whether a list travels as one comma-separated string. */
    public boolean commaSeparated() {
      return format == Format.COMMA_SEPARATED;
    }
  }

  /** How a field's value is written on the wire, when not as its type's plain JSON. */
  enum Format {
    /** As its type's JSON. */
    PLAIN(null),
    /** A list of scalars or enums, as one string such as {@code "1,2,3"}. */
    COMMA_SEPARATED("comma-separated"),
    /** A number, as a JSON string such as {@code "123"}. */
    STRING("string"),
    /** Any value, as its JSON text inside a JSON string, such as {@code "{\"a\":1}"}. */
    JSON_STRING("json-string");

    private final String specName;

    Format(String specName) {
      this.specName = specName;
    }

    public String specName() {
      return specName;
    }

    /** The format named {@code name} in a spec, or {@code null}. */
    public static Format bySpecName(String name) {
      for (Format format : values()) {
        if (name.equals(format.specName)) {
          return format;
        }
      }
      return null;
    }
  }
}
