package dev.apispec.codegen.model;

import dev.apispec.codegen.spec.Location;
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
   * @param commaSeparated whether a list travels as one comma-separated string
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
      boolean commaSeparated,
      Location formatLocation) {}
}
