package dev.apispec.codegen.compat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import dev.apispec.codegen.diagnostics.Location;
import dev.apispec.codegen.proto.ProtoCatalog;
import java.util.Map;

/**
 * Compares the protobuf messages the endpoints reach, field by field number: the number is what travels, the name
 * only gives the Java accessors their names.
 */
final class MessageDiff {
  private final Side baseline;
  private final Side current;
  private final ProtoWire wire;
  private final Changes changes;

  MessageDiff(Side baseline, Side current, Changes changes) {
    this.baseline = baseline;
    this.current = current;
    this.wire = new ProtoWire(baseline, current);
    this.changes = changes;
  }

  ProtoWire wire() {
    return wire;
  }

  void compare() {
    for (Map.Entry<String, Location> entry : baseline.messages.entrySet()) {
      String name = entry.getKey();
      DescriptorProto before = baseline.protos.descriptor(name);
      DescriptorProto after = current.protos.descriptor(name);
      if (before == null) {
        continue;
      }
      if (after == null) {
        changes.source("message-removed:" + name, entry.getValue(), "The protobuf message " + name
            + " was removed: code that names its Java class no longer compiles.");
        continue;
      }
      Location location = current.messages.getOrDefault(name, entry.getValue());
      compareClass(name, location);
      compareFields(name, before, after, location);
    }
    for (Map.Entry<String, Location> entry : current.messages.entrySet()) {
      String name = entry.getKey();
      if (!baseline.messages.containsKey(name) && current.protos.descriptor(name) != null) {
        changes.safe("message-added:" + name, entry.getValue(), "The protobuf message " + name + " is new.");
      }
    }
  }

  private void compareClass(String name, Location location) {
    ProtoCatalog.Message before = baseline.protos.find(name);
    ProtoCatalog.Message after = current.protos.find(name);
    if (before != null && after != null && !before.javaClass().equals(after.javaClass())) {
      changes.source("message-class-changed:" + name, location, "The Java class of the protobuf message " + name
          + " is now " + after.javaClass() + " (was " + before.javaClass() + ").");
    }
  }

  private void compareFields(String name, DescriptorProto before, DescriptorProto after, Location location) {
    Map<Integer, FieldDescriptorProto> afterFields = ProtoWire.byNumber(after);
    Map<Integer, FieldDescriptorProto> beforeFields = ProtoWire.byNumber(before);
    for (FieldDescriptorProto field : before.getFieldList()) {
      String id = name + "#" + field.getNumber();
      String label = name + " field " + field.getNumber() + " (" + field.getName() + ")";
      FieldDescriptorProto other = afterFields.get(field.getNumber());
      if (other == null) {
        if (ProtoWire.reserved(after, field.getNumber())) {
          changes.source("proto-field-removed:" + id, location, label + " was removed and its number reserved:"
              + " its accessors are gone from the Java class.");
        } else {
          changes.both("proto-field-removed:" + id, location, label + " was removed without reserving its number:"
              + " a later field could take it and be read from old bytes; its accessors are gone too.");
        }
        continue;
      }
      boolean wireBreak = !wire.compatible(field, other);
      boolean sourceBreak = !JavaSurface.protoField(field).equals(JavaSurface.protoField(other));
      if (wireBreak || sourceBreak || !Side.strip(field.getTypeName()).equals(Side.strip(other.getTypeName()))) {
        changes.add("proto-field-type-changed:" + id, location, label + " changed from "
            + describe(field) + " to " + describe(other) + (wireBreak
                ? ": the bytes of one no longer read as the other." : ": the bytes still read the same."),
            Changes.kinds(wireBreak, sourceBreak));
      }
      if (!JavaSurface.protoAccessor(field.getName()).equals(JavaSurface.protoAccessor(other.getName()))) {
        changes.source("proto-field-renamed:" + id, location, label + " is now called " + other.getName()
            + ": the same on the wire, but its Java accessors are renamed.");
      }
    }
    for (FieldDescriptorProto field : after.getFieldList()) {
      if (beforeFields.containsKey(field.getNumber())) {
        continue;
      }
      String id = name + "#" + field.getNumber();
      String label = name + " field " + field.getNumber() + " (" + field.getName() + ")";
      if (ProtoWire.reserved(before, field.getNumber())) {
        changes.wire("proto-field-number-reused:" + id, location, label + " takes a number the baseline reserved:"
            + " bytes of the field that had it would be read as this one.");
      } else {
        changes.safe("proto-field-added:" + id, location, label + " is new.");
      }
    }
  }

  private static String describe(FieldDescriptorProto field) {
    String type = field.getType() == FieldDescriptorProto.Type.TYPE_MESSAGE
        || field.getType() == FieldDescriptorProto.Type.TYPE_ENUM
        ? Side.strip(field.getTypeName())
        : field.getType().name().substring("TYPE_".length()).toLowerCase(java.util.Locale.ROOT);
    return field.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED ? "repeated " + type : type;
  }
}
