package dev.apispec.codegen.compat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether protobuf bytes written with one field (or message) read correctly with another, judged by field
 * number and wire encoding as protobuf defines it: the varint types (int32, int64, uint32, uint64, bool, enum) read
 * each other, and so do sint32 and sint64, fixed32 and sfixed32, fixed64 and sfixed64, and string and bytes.
 */
final class ProtoWire {
  private final Side baseline;
  private final Side current;
  private final Set<String> assumed = new HashSet<>();

  ProtoWire(Side baseline, Side current) {
    this.baseline = baseline;
    this.current = current;
  }

  boolean compatible(FieldDescriptorProto before, FieldDescriptorProto after) {
    if (repeated(before) != repeated(after)) {
      return false;
    }
    if (before.getType() == Type.TYPE_MESSAGE && after.getType() == Type.TYPE_MESSAGE) {
      return compatibleMessages(Side.strip(before.getTypeName()), Side.strip(after.getTypeName()));
    }
    return group(before.getType()).equals(group(after.getType()));
  }

  /**
   * A message read as another: the same name counts as the same (its own changes are reported with it); else every
   * number both have must be compatible, and they must share at least one, or nothing the old one said arrives.
   */
  boolean compatibleMessages(String beforeName, String afterName) {
    if (beforeName.equals(afterName) || !assumed.add(beforeName + "\u0000" + afterName)) {
      return true;
    }
    DescriptorProto before = baseline.protos.descriptor(beforeName);
    DescriptorProto after = current.protos.descriptor(afterName);
    if (before == null || after == null) {
      return false;
    }
    Map<Integer, FieldDescriptorProto> afterFields = byNumber(after);
    boolean shared = false;
    for (FieldDescriptorProto field : before.getFieldList()) {
      FieldDescriptorProto other = afterFields.get(field.getNumber());
      if (other != null) {
        shared = true;
        if (!compatible(field, other)) {
          return false;
        }
      }
    }
    return shared || before.getFieldCount() == 0;
  }

  static Map<Integer, FieldDescriptorProto> byNumber(DescriptorProto message) {
    return message.getFieldList().stream()
        .collect(Collectors.toMap(FieldDescriptorProto::getNumber, Function.identity(), (a, b) -> a));
  }

  /** Whether {@code number} is among the message's reserved numbers (ranges end exclusive in descriptors). */
  static boolean reserved(DescriptorProto message, int number) {
    return message.getReservedRangeList().stream()
        .anyMatch(range -> number >= range.getStart() && number < range.getEnd());
  }

  private static boolean repeated(FieldDescriptorProto field) {
    return field.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED;
  }

  private static String group(Type type) {
    return switch (type) {
      case TYPE_INT32, TYPE_INT64, TYPE_UINT32, TYPE_UINT64, TYPE_BOOL, TYPE_ENUM -> "varint";
      case TYPE_SINT32, TYPE_SINT64 -> "zigzag";
      case TYPE_FIXED32, TYPE_SFIXED32 -> "fixed32";
      case TYPE_FIXED64, TYPE_SFIXED64 -> "fixed64";
      case TYPE_STRING, TYPE_BYTES -> "length-delimited";
      default -> type.name();
    };
  }
}
