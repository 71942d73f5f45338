package dev.apispec.codegen.compat;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import dev.apispec.codegen.model.EndpointDef;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.model.TypeRef;

/**
 * The Java types the generator gives fields, parameters and protobuf fields, written as user code names them, so
 * that a change of one is a change of what user code compiles against. Mirrors the plugin's {@code JavaTypes}.
 */
final class JavaSurface {
  private JavaSurface() {}

  /** A record component's type. */
  static String component(TypeDef.FieldDef field) {
    return field.format() == TypeDef.Format.STRING && field.type() == TypeRef.Scalar.FLOAT64
        ? "BigDecimal" : of(field.type());
  }

  /** A method parameter's type: primitive where required and the scalar has one. */
  static String parameter(EndpointDef.ParamDef param) {
    if (param.required() && param.type() instanceof TypeRef.Scalar scalar) {
      switch (scalar) {
        case INT32: return "int";
        case INT64: return "long";
        case FLOAT64: return "double";
        case BOOL: return "boolean";
        default: break;
      }
    }
    return of(param.type());
  }

  static String of(TypeRef type) {
    if (type instanceof TypeRef.Scalar scalar) {
      return switch (scalar) {
        case STRING -> "String";
        case INT32 -> "Integer";
        case INT64 -> "Long";
        case FLOAT64 -> "Double";
        case BOOL -> "Boolean";
        case JSON -> "JsonNode";
      };
    }
    if (type instanceof TypeRef.Named named) {
      return named.name();
    }
    if (type instanceof TypeRef.ListOf list) {
      return "List<" + of(list.element()) + ">";
    }
    return "Map<String, " + of(((TypeRef.MapOf) type).value()) + ">";
  }

  /** The type of a protobuf field's getter, as protoc's Java code has it. */
  static String protoField(FieldDescriptorProto field) {
    String element = switch (field.getType()) {
      case TYPE_INT32, TYPE_UINT32, TYPE_SINT32, TYPE_FIXED32, TYPE_SFIXED32 -> "int";
      case TYPE_INT64, TYPE_UINT64, TYPE_SINT64, TYPE_FIXED64, TYPE_SFIXED64 -> "long";
      case TYPE_FLOAT -> "float";
      case TYPE_DOUBLE -> "double";
      case TYPE_BOOL -> "boolean";
      case TYPE_STRING -> "String";
      case TYPE_BYTES -> "ByteString";
      default -> Side.strip(field.getTypeName());
    };
    return field.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED ? "repeated " + element : element;
  }

  /** protoc's Java name of a field's accessors: {@code group_id} and {@code groupId} both give {@code GroupId}. */
  static String protoAccessor(String fieldName) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : fieldName.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else if (Character.isDigit(c)) {
        out.append(c);
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
