package dev.apispec.codegen.spec;

import dev.apispec.codegen.diagnostics.Location;
import dev.apispec.codegen.diagnostics.Problems;
import dev.apispec.codegen.model.TypeRef;

/** Parses a type reference such as {@code list<map<int64>>}; names are resolved later. */
final class TypeRefParser {
  private static final int MAX_NESTING = 16;

  private TypeRefParser() {}

  static TypeRef parse(String text, Location location, Problems problems) {
    String compact = text.replace(" ", "");
    TypeRef type = parse(compact, 0);
    if (type == null) {
      problems.add(location, "'" + text + "' is not a type; write string, int32, int64, float64, bool, "
          + "a type name, list<T> or map<T>");
    }
    return type;
  }

  private static TypeRef parse(String text, int depth) {
    if (depth > MAX_NESTING || text.isEmpty()) {
      return null;
    }
    if (text.startsWith("list<") && text.endsWith(">")) {
      TypeRef element = parse(text.substring(5, text.length() - 1), depth + 1);
      return element == null ? null : new TypeRef.ListOf(element);
    }
    if (text.startsWith("map<") && text.endsWith(">")) {
      TypeRef value = parse(text.substring(4, text.length() - 1), depth + 1);
      return value == null ? null : new TypeRef.MapOf(value);
    }
    TypeRef.Scalar scalar = TypeRef.Scalar.bySpecName(text);
    if (scalar != null) {
      return scalar;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = i == 0 ? Character.isLetter(c) || c == '_' : Character.isLetterOrDigit(c) || c == '_';
      if (!ok) {
        return null;
      }
    }
    return new TypeRef.Named(text);
  }
}
