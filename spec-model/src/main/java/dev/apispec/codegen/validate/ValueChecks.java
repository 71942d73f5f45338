package dev.apispec.codegen.validate;

import dev.apispec.codegen.diagnostics.Location;
import dev.apispec.codegen.diagnostics.Problems;
import dev.apispec.codegen.model.EndpointDef;
import dev.apispec.codegen.model.GroupDef;
import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.model.TypeRef;
import java.util.Map;

/**
 * Checks of values that the format documents but {@link SpecValidator} leaves to these: paths that HTTP would
 * change on the way (dot segments, broken percent-encoding), comma-separated lists that could not be read back,
 * and examples outside the range of their field's type.
 */
final class ValueChecks {
  private final Spec spec;
  private final Map<String, TypeDef> types;
  private final Problems problems;

  private ValueChecks(Spec spec, Map<String, TypeDef> types, Problems problems) {
    this.spec = spec;
    this.types = types;
    this.problems = problems;
  }

  static void check(Spec spec, Map<String, TypeDef> types, Problems problems) {
    new ValueChecks(spec, types, problems).run();
  }

  private void run() {
    for (TypeDef type : spec.types()) {
      if (type instanceof TypeDef.ObjectDef object) {
        for (TypeDef.FieldDef field : object.fields()) {
          if (field.commaSeparated()) {
            checkCommaSeparated(field);
          }
          checkExampleRange(field);
        }
      }
    }
    for (GroupDef group : spec.groups()) {
      if (group.prefix() != null) {
        checkPath("'prefix'", group.prefix(), group.prefixLocation());
      }
      for (EndpointDef endpoint : group.endpoints()) {
        checkPath("path", endpoint.path(), endpoint.pathLocation());
      }
    }
  }

  /** A client resolves {@code .} and {@code ..} away, and cannot send a {@code %} that starts no escape. */
  private void checkPath(String what, String path, Location location) {
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        problems.add(location, what + " '" + path + "' has the segment '" + segment
            + "', which HTTP clients and servers resolve away; write the path it stands for");
        return;
      }
    }
    for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
      if (i + 2 >= path.length() || !isHex(path.charAt(i + 1)) || !isHex(path.charAt(i + 2))) {
        problems.add(location, what + " '" + path + "' has a '%' at character " + (i + 1)
            + " that is not followed by two hex digits; write '%25' for a percent sign");
        return;
      }
    }
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** A value that holds the separator, or is empty, would read back as other values. */
  private void checkCommaSeparated(TypeDef.FieldDef field) {
    if (!(field.type() instanceof TypeRef.ListOf list && list.element() instanceof TypeRef.Named named
        && types.get(named.name()) instanceof TypeDef.EnumDef enumDef) || enumDef.intValued()) {
      return;
    }
    for (TypeDef.EnumValue value : enumDef.values()) {
      String text = (String) value.value();
      String trouble = text.isEmpty() ? "is empty (\"\" is the empty list)"
          : text.contains(",") ? "holds a comma, the separator" : null;
      if (trouble != null) {
        problems.add(field.formatLocation(), "field '" + field.wireName() + "' cannot be comma-separated: the value '"
            + text + "' of '" + value.name() + "' in enum '" + enumDef.name() + "' " + trouble
            + "; change the value or drop 'format'");
      }
    }
  }

  /** The type check of an example is {@link SpecValidator}'s; this is its range. */
  private void checkExampleRange(TypeDef.FieldDef field) {
    if (!(field.example() instanceof Long number) || (number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE)) {
      return;
    }
    boolean int32 = field.type() == TypeRef.Scalar.INT32 || field.type() instanceof TypeRef.Named named
        && types.get(named.name()) instanceof TypeDef.EnumDef enumDef && enumDef.intValued();
    if (int32) {
      problems.add(field.location(), "the 'example' " + number + " of field '" + field.wireName()
          + "' is outside the range of its type '" + field.type() + "' (" + Integer.MIN_VALUE + " to "
          + Integer.MAX_VALUE + ")");
    }
  }
}
