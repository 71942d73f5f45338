package dev.apispec.codegen.compat;

import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.model.TypeRef;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a value of one type, written by one side, reads as the same value on the other: judged by wire names,
 * JSON types and formats. A type of the same name on both sides counts as the same here, because its own changes
 * are reported once, with the type, rather than at every use.
 */
final class JsonShapes {
  private final Side baseline;
  private final Side current;
  /** Pairs of type names being compared, so that recursive types end. */
  private final Set<String> assumed = new HashSet<>();

  JsonShapes(Side baseline, Side current) {
    this.baseline = baseline;
    this.current = current;
  }

  boolean same(TypeRef before, TypeDef.Format beforeFormat, TypeRef after, TypeDef.Format afterFormat) {
    return beforeFormat == afterFormat && same(before, after);
  }

  boolean same(TypeRef before, TypeRef after) {
    if (before instanceof TypeRef.Scalar || after instanceof TypeRef.Scalar) {
      return before == after;
    }
    if (before instanceof TypeRef.ListOf a && after instanceof TypeRef.ListOf b) {
      return same(a.element(), b.element());
    }
    if (before instanceof TypeRef.MapOf a && after instanceof TypeRef.MapOf b) {
      return same(a.value(), b.value());
    }
    if (before instanceof TypeRef.Named a && after instanceof TypeRef.Named b) {
      return a.name().equals(b.name()) || sameTypes(a.name(), b.name());
    }
    return false;
  }

  /** Two differently named types: the same JSON when they have the same properties, or the same enum values. */
  boolean sameTypes(String beforeName, String afterName) {
    if (!assumed.add(beforeName + "\u0000" + afterName)) {
      return true;
    }
    TypeDef before = baseline.types.get(beforeName);
    TypeDef after = current.types.get(afterName);
    if (before instanceof TypeDef.EnumDef a && after instanceof TypeDef.EnumDef b) {
      return a.intValued() == b.intValued() && values(a).equals(values(b));
    }
    if (before instanceof TypeDef.ObjectDef a && after instanceof TypeDef.ObjectDef b) {
      Map<String, TypeDef.FieldDef> afterFields = b.fields().stream()
          .collect(Collectors.toMap(TypeDef.FieldDef::wireName, f -> f, (x, y) -> x));
      if (a.fields().size() != afterFields.size()) {
        return false;
      }
      for (TypeDef.FieldDef field : a.fields()) {
        TypeDef.FieldDef other = afterFields.get(field.wireName());
        if (other == null || other.required() != field.required()
            || !same(field.type(), field.format(), other.type(), other.format())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static Set<String> values(TypeDef.EnumDef enumDef) {
    return enumDef.values().stream().map(value -> String.valueOf(value.value())).collect(Collectors.toSet());
  }
}
