package dev.apispec.codegen.docs;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.model.TypeRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON body made of the spec's examples: every field that has an {@code example} (as the spec writes it, which
 * is its wire form), and the fields of nested objects that have some. Nothing is made up: a body without any
 * example has no example.
 */
final class JsonExample {
  private final Map<String, TypeDef> types;

  JsonExample(Map<String, TypeDef> types) {
    this.types = types;
  }

  /** The example of an object type as indented JSON, or {@code null} when none of its fields has one. */
  String of(String typeName) {
    Object value = object(typeName, new HashSet<>());
    return value == null ? null : write(value, "");
  }

  private Map<String, Object> object(String typeName, Set<String> open) {
    if (!(types.get(typeName) instanceof TypeDef.ObjectDef object) || !open.add(typeName)) {
      return null; // an enum, or a type that contains itself: its example would never end
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    for (TypeDef.FieldDef field : object.fields()) {
      Object value = field.example() != null ? fieldExample(field) : nested(field.type(), open);
      if (value != null) {
        fields.put(field.wireName(), value);
      }
    }
    open.remove(typeName);
    return fields.isEmpty() ? null : fields;
  }

  /** A list's example is one element, unless the list travels as a string, whose example is that string. */
  private static Object fieldExample(TypeDef.FieldDef field) {
    boolean plainList = field.type() instanceof TypeRef.ListOf && field.format() == TypeDef.Format.PLAIN;
    return plainList ? List.of(field.example()) : field.example();
  }

  private Object nested(TypeRef type, Set<String> open) {
    if (type instanceof TypeRef.Named named) {
      return object(named.name(), open);
    }
    if (type instanceof TypeRef.ListOf list) {
      Object element = nested(list.element(), open);
      return element == null ? null : List.of(element);
    }
    return null;
  }

  /** Two spaces an indent and {@code \n} line ends on every platform, so that the page is the same everywhere. */
  static String write(Object value, String indent) {
    if (value instanceof Map<?, ?> map) {
      List<String> entries = new ArrayList<>();
      String inner = indent + "  ";
      map.forEach((key, v) -> entries.add(inner + quote(key.toString()) + ": " + write(v, inner)));
      return "{\n" + String.join(",\n", entries) + "\n" + indent + "}";
    }
    if (value instanceof List<?> list) {
      List<String> elements = new ArrayList<>();
      String inner = indent + "  ";
      list.forEach(v -> elements.add(inner + write(v, inner)));
      return "[\n" + String.join(",\n", elements) + "\n" + indent + "]";
    }
    if (value instanceof String text) {
      return quote(text);
    }
    return String.valueOf(value);
  }

  private static String quote(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }
}
