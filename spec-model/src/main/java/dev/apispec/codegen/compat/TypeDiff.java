package dev.apispec.codegen.compat;

import dev.apispec.codegen.diagnostics.Location;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.naming.Symbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares the spec's named types: object fields by wire name (what travels) and by the record component name the
 * generator gives them (what user code calls), enum values by value and by constant name.
 */
final class TypeDiff {
  private final Side baseline;
  private final Side current;
  private final JsonShapes shapes;
  private final Changes changes;

  TypeDiff(Side baseline, Side current, JsonShapes shapes, Changes changes) {
    this.baseline = baseline;
    this.current = current;
    this.shapes = shapes;
    this.changes = changes;
  }

  void compare() {
    for (TypeDef before : baseline.types.values()) {
      TypeDef after = current.types.get(before.name());
      if (after == null) {
        changes.source("type-removed:" + before.name(), before.location(), "The type " + before.name()
            + " was removed: code that names it no longer compiles.");
        continue;
      } else if (before instanceof TypeDef.ObjectDef a && after instanceof TypeDef.ObjectDef b) {
        compareObjects(a, b);
      } else if (before instanceof TypeDef.EnumDef a && after instanceof TypeDef.EnumDef b) {
        compareEnums(a, b);
      } else {
        changes.both("type-kind-changed:" + before.name(), after.location(), "The type " + before.name()
            + " changed from " + kindName(before) + " to " + kindName(after) + ".");
        continue;
      }
      if (!Objects.equals(before.doc(), after.doc())) {
        changes.safe("type-doc-changed:" + before.name(), after.location(),
            "The documentation of " + before.name() + " changed.");
      }
    }
    for (TypeDef after : current.types.values()) {
      if (!baseline.types.containsKey(after.name())) {
        changes.safe("type-added:" + after.name(), after.location(), "The " + kindName(after) + " "
            + after.name() + " is new.");
      }
    }
  }

  private void compareObjects(TypeDef.ObjectDef before, TypeDef.ObjectDef after) {
    String type = before.name();
    boolean request = baseline.inRequest(type) || current.inRequest(type);
    boolean response = baseline.inResponse(type) || current.inResponse(type);
    Map<String, TypeDef.FieldDef> afterByWire = byWire(after);
    Map<String, TypeDef.FieldDef> beforeByWire = byWire(before);
    Map<String, TypeDef.FieldDef> addedByJava = new LinkedHashMap<>();
    after.fields().stream().filter(f -> !beforeByWire.containsKey(f.wireName()))
        .forEach(f -> addedByJava.putIfAbsent(Symbols.fieldName(f), f));
    List<String> keptBefore = new ArrayList<>();
    for (TypeDef.FieldDef field : before.fields()) {
      TypeDef.FieldDef other = afterByWire.get(field.wireName());
      String javaName = Symbols.fieldName(field);
      if (other == null) {
        TypeDef.FieldDef renamed = addedByJava.remove(javaName);
        if (renamed != null) {
          changes.wire("field-wire-name-changed:" + type + "." + javaName, renamed.location(), type + "." + javaName
              + " travels as \"" + renamed.wireName() + "\" instead of \"" + field.wireName()
              + "\": each side no longer reads what the other writes.");
          compareField(type, field, renamed, request, response, javaName);
          keptBefore.add(javaName);
        } else {
          changes.both("field-removed:" + type + "." + field.wireName(), field.location(), "The property \""
              + field.wireName() + "\" of " + type + " was removed, and with it the component " + javaName + "().");
        }
        continue;
      }
      keptBefore.add(javaName);
      compareField(type, field, other, request, response, field.wireName());
    }
    for (TypeDef.FieldDef field : addedByJava.values()) {
      boolean wireBreak = field.required() && request;
      String sentence = "The property \"" + field.wireName() + "\" of " + type + " is new"
          + (field.required() ? ", and required" : "")
          + (wireBreak ? ": a client built from the baseline does not send it" : "")
          + (request ? (wireBreak ? "; " : ": ") + "the record's constructors take one more component, so code that"
              + " builds a " + type + " must pass it" : "")
          + ".";
      changes.add("field-added:" + type + "." + field.wireName(), field.location(), sentence,
          Changes.kinds(wireBreak, request));
    }
    List<String> keptAfter = new ArrayList<>();
    for (TypeDef.FieldDef field : after.fields()) {
      String javaName = Symbols.fieldName(field);
      if (keptBefore.contains(javaName)) {
        keptAfter.add(javaName);
      }
    }
    if (!keptAfter.equals(keptBefore.stream().filter(keptAfter::contains).toList())) {
      changes.source("components-reordered:" + type, after.location(), "The components of " + type
          + " are in another order (" + String.join(", ", keptAfter) + "): its canonical constructor changed, and a"
          + " call with arguments of the same types in the old order still compiles but mixes them up.");
    }
  }

  private void compareField(String type, TypeDef.FieldDef before, TypeDef.FieldDef after, boolean request,
      boolean response, String key) {
    String id = type + "." + key;
    String label = type + "." + Symbols.fieldName(after) + " (\"" + after.wireName() + "\")";
    Location at = after.location();
    String beforeJava = Symbols.fieldName(before);
    String afterJava = Symbols.fieldName(after);
    if (!beforeJava.equals(afterJava)) {
      changes.source("field-renamed:" + id, at, "The component " + type + "." + beforeJava + "() is now "
          + afterJava + "(); the wire name stays \"" + after.wireName() + "\".");
    }
    boolean wireBreak = !shapes.same(before.type(), before.format(), after.type(), after.format());
    boolean sourceBreak = !JavaSurface.component(before).equals(JavaSurface.component(after));
    if (wireBreak || sourceBreak) {
      changes.add("field-type-changed:" + id, at, label + " changed from " + describe(before) + " to "
          + describe(after) + (wireBreak ? ": its JSON reads differently" : ": the same JSON")
          + (sourceBreak ? (wireBreak ? ", and" : ", but") + " its Java type is now " + JavaSurface.component(after)
              : "") + ".", Changes.kinds(wireBreak, sourceBreak));
    }
    if (!before.required() && after.required()) {
      if (request) {
        changes.wire("field-required:" + id, at, label + " is now required: a client built from the baseline may"
            + " leave it out of a request.");
      } else {
        changes.safe("field-required:" + id, at, label + " is now always in the response.");
      }
    } else if (before.required() && !after.required()) {
      if (response) {
        changes.wire("field-optional:" + id, at, label + " is no longer required: a client built from the baseline"
            + " fails on a response without it.");
      } else {
        changes.safe("field-optional:" + id, at, label + " may now be left out of a request.");
      }
    }
    if (before.secret() != after.secret()) {
      changes.safe("field-secret-changed:" + id, at, label + (after.secret() ? " is now" : " is no longer")
          + " a secret, hidden from toString() and recordings.");
    }
    if (!Objects.equals(before.doc(), after.doc()) || !Objects.equals(before.example(), after.example())) {
      changes.safe("field-doc-changed:" + id, at, "The documentation of " + label + " changed.");
    }
  }

  private void compareEnums(TypeDef.EnumDef before, TypeDef.EnumDef after) {
    String type = before.name();
    if (before.intValued() != after.intValued()) {
      changes.both("enum-kind-changed:" + type, after.location(), "The values of " + type + " are now "
          + (after.intValued() ? "numbers" : "strings") + " (were " + (before.intValued() ? "numbers" : "strings")
          + ").");
      return;
    }
    Map<String, TypeDef.EnumValue> afterValues = new LinkedHashMap<>();
    after.values().forEach(v -> afterValues.putIfAbsent(String.valueOf(v.value()), v));
    Map<String, TypeDef.EnumValue> beforeValues = new LinkedHashMap<>();
    before.values().forEach(v -> beforeValues.putIfAbsent(String.valueOf(v.value()), v));
    for (TypeDef.EnumValue value : before.values()) {
      String key = String.valueOf(value.value());
      TypeDef.EnumValue other = afterValues.get(key);
      String id = type + "." + key;
      if (other == null) {
        changes.both("enum-value-removed:" + id, value.location(), "The value " + key + " (" + type + "."
            + value.name() + ") was removed: a client built from the baseline may still send it, and code that"
            + " names the constant no longer compiles.");
        continue;
      }
      if (!other.name().equals(value.name())) {
        changes.source("enum-constant-renamed:" + id, other.location(), "The constant " + type + "." + value.name()
            + " is now " + type + "." + other.name() + "; its value stays " + key + ".");
      }
      if (!Objects.equals(value.doc(), other.doc())) {
        changes.safe("enum-value-doc-changed:" + id, other.location(), "The documentation of " + type + "."
            + other.name() + " changed.");
      }
    }
    for (TypeDef.EnumValue value : after.values()) {
      String key = String.valueOf(value.value());
      if (!beforeValues.containsKey(key)) {
        changes.safe("enum-value-added:" + type + "." + key, value.location(), "The value " + key + " ("
            + type + "." + value.name() + ") is new.");
      }
    }
  }

  private static Map<String, TypeDef.FieldDef> byWire(TypeDef.ObjectDef object) {
    Map<String, TypeDef.FieldDef> fields = new LinkedHashMap<>();
    object.fields().forEach(field -> fields.putIfAbsent(field.wireName(), field));
    return fields;
  }

  private static String describe(TypeDef.FieldDef field) {
    return field.type() + (field.format() == TypeDef.Format.PLAIN ? "" : " (" + field.format().specName() + ")");
  }

  private static String kindName(TypeDef type) {
    return type instanceof TypeDef.EnumDef ? "enum" : "object type";
  }
}
