package dev.apispec.codegen.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.apispec.codegen.model.TypeRef;
import dev.apispec.codegen.naming.Symbols;
import java.util.List;
import java.util.Map;

/** Maps spec type references to Java types. */
final class JavaTypes {
  private final Symbols symbols;

  JavaTypes(Symbols symbols) {
    this.symbols = symbols;
  }

  /** The Java type of a required parameter: a primitive where the scalar has one, so that it cannot be null. */
  TypeName ofRequired(TypeRef type) {
    TypeName boxed = of(type);
    return type instanceof TypeRef.Scalar scalar && scalar != TypeRef.Scalar.STRING && scalar != TypeRef.Scalar.JSON
        ? boxed.unbox() : boxed;
  }

  TypeName of(TypeRef type) {
    if (type instanceof TypeRef.Scalar scalar) {
      return switch (scalar) {
        case STRING -> ClassName.get(String.class);
        case INT32 -> ClassName.get(Integer.class);
        case INT64 -> ClassName.get(Long.class);
        case FLOAT64 -> ClassName.get(Double.class);
        case BOOL -> ClassName.get(Boolean.class);
        case JSON -> ClassName.get(JsonNode.class);
      };
    }
    if (type instanceof TypeRef.Named named) {
      return symbols.type(named.name());
    }
    if (type instanceof TypeRef.ListOf list) {
      return ParameterizedTypeName.get(ClassName.get(List.class), of(list.element()));
    }
    TypeRef.MapOf map = (TypeRef.MapOf) type;
    return ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), of(map.value()));
  }
}
