package dev.apispec.codegen.docs;

import dev.apispec.codegen.emit.JavaSurface;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.model.TypeRef;
import dev.apispec.codegen.naming.Symbols;
import java.util.ArrayList;
import java.util.List;

/** The spec's object types and enums as tables: fields with their Java and wire names, enum constants with values. */
final class TypeTables {
  private final JavaSurface surface;

  TypeTables(JavaSurface surface) {
    this.surface = surface;
  }

  /** The anchor a type is described at, on every page that mentions it. */
  static String anchor(String typeName) {
    return "type-" + typeName;
  }

  /** A type reference as the spec writes it, linked to the type it names ({@code list<ChatType>}). */
  static String reference(TypeRef type) {
    String text = Markdown.text(type.toString());
    String named = namedIn(type);
    return named == null ? text : Markdown.link(text, "#" + anchor(named));
  }

  /** The object type or enum a reference names, through lists and maps, or {@code null} for a scalar. */
  static String namedIn(TypeRef type) {
    if (type instanceof TypeRef.Named named) {
      return named.name();
    }
    if (type instanceof TypeRef.ListOf list) {
      return namedIn(list.element());
    }
    return type instanceof TypeRef.MapOf map ? namedIn(map.value()) : null;
  }

  void fields(Markdown page, TypeDef.ObjectDef object) {
    if (object.fields().isEmpty()) {
      page.paragraph("No fields.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (TypeDef.FieldDef field : object.fields()) {
      rows.add(List.of(
          Markdown.code(Symbols.fieldName(field)),
          Markdown.code(field.wireName()),
          reference(field.type()),
          Markdown.code(JavaSignatures.simple(surface.component(field))),
          field.required() ? "yes" : "no",
          fieldDoc(field)));
    }
    page.table(List.of("Java name", "wire name", "type", "Java type", "required", "doc"), rows);
  }

  private static String fieldDoc(TypeDef.FieldDef field) {
    List<String> parts = new ArrayList<>();
    if (field.doc() != null) {
      parts.add(Markdown.text(field.doc()));
    }
    switch (field.format()) {
      case COMMA_SEPARATED -> parts.add("Sent as one comma-separated string, such as `\"1,2,3\"`.");
      case STRING -> parts.add("Sent as a JSON string, such as `\"123\"`.");
      case JSON_STRING -> parts.add("Sent as its JSON text inside a JSON string.");
      case PLAIN -> { }
    }
    if (field.secret()) {
      parts.add("**Secret**: never printed, and masked in messages.");
    }
    if (field.example() != null) {
      parts.add("Example: " + Markdown.code(JsonExample.write(field.example(), "")) + ".");
    }
    return String.join(" ", parts);
  }

  static void values(Markdown page, TypeDef.EnumDef enumDef) {
    page.paragraph("An open enum of " + (enumDef.intValued() ? "numbers" : "strings")
        + ": a value not listed here decodes too, and is sent back as it came.");
    List<List<String>> rows = new ArrayList<>();
    for (TypeDef.EnumValue value : enumDef.values()) {
      String wire = value.value() instanceof String text ? "\"" + text + "\"" : String.valueOf(value.value());
      rows.add(List.of(Markdown.code(value.name()), Markdown.code(wire), Markdown.text(value.doc())));
    }
    page.table(List.of("constant", "value", "doc"), rows);
  }
}
