package dev.apispec.codegen.docs;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Protobuf messages as the descriptor set declares them: each field with its number, type and label, linked to
 * the messages and enums it holds; reserved numbers and names, which a change of the message must respect.
 */
final class MessageTables {
  private final ProtoDescriptors descriptors;

  MessageTables(ProtoDescriptors descriptors) {
    this.descriptors = descriptors;
  }

  static String anchor(String fullName) {
    return "message-" + ProtoDescriptors.strip(fullName);
  }

  /** A message with the messages and enums it reaches through its fields (map entries are looked through). */
  Set<String> reachable(String fullName) {
    Set<String> found = new TreeSet<>();
    walk(ProtoDescriptors.strip(fullName), found);
    return found;
  }

  private void walk(String fullName, Set<String> found) {
    DescriptorProto message = descriptors.message(fullName);
    if (message == null) {
      if (descriptors.enumType(fullName) != null) {
        found.add(fullName);
      }
      return;
    }
    // a map's entry is shown as map<K, V>, not as a message of its own
    if (!isMapEntry(message) && !found.add(fullName)) {
      return;
    }
    for (FieldDescriptorProto field : message.getFieldList()) {
      if (field.hasTypeName()) {
        walk(ProtoDescriptors.strip(field.getTypeName()), found);
      }
    }
  }

  void fields(Markdown page, String fullName) {
    DescriptorProto message = descriptors.message(fullName);
    if (message.getFieldCount() == 0) {
      page.paragraph("No fields.");
    } else {
      List<List<String>> rows = new ArrayList<>();
      for (FieldDescriptorProto field : message.getFieldList()) {
        rows.add(List.of(String.valueOf(field.getNumber()), Markdown.code(field.getName()), type(field),
            label(fullName, message, field)));
      }
      page.table(List.of("number", "field", "type", "label"), rows);
    }
    List<String> reserved = new ArrayList<>();
    for (DescriptorProto.ReservedRange range : message.getReservedRangeList()) {
      int last = range.getEnd() - 1; // the end is exclusive
      reserved.add(range.getStart() == last ? String.valueOf(last) : range.getStart() + " to " + last);
    }
    message.getReservedNameList().forEach(name -> reserved.add(Markdown.code(name)));
    if (!reserved.isEmpty()) {
      page.paragraph("Reserved: " + String.join(", ", reserved) + ".");
    }
  }

  void values(Markdown page, String fullName) {
    EnumDescriptorProto enumType = descriptors.enumType(fullName);
    List<List<String>> rows = new ArrayList<>();
    for (EnumValueDescriptorProto value : enumType.getValueList()) {
      rows.add(List.of(String.valueOf(value.getNumber()), Markdown.code(value.getName())));
    }
    page.table(List.of("number", "name"), rows);
  }

  boolean isEnum(String fullName) {
    return descriptors.message(fullName) == null;
  }

  private String type(FieldDescriptorProto field) {
    if (!field.hasTypeName()) {
      return Markdown.code(field.getType().name().substring("TYPE_".length()).toLowerCase(Locale.ROOT));
    }
    String name = ProtoDescriptors.strip(field.getTypeName());
    DescriptorProto message = descriptors.message(name);
    if (message != null && isMapEntry(message)) {
      return "map\\<" + type(message.getField(0)) + ", " + type(message.getField(1)) + "\\>";
    }
    return Markdown.link(Markdown.code(name), "#" + anchor(name));
  }

  private String label(String fullName, DescriptorProto message, FieldDescriptorProto field) {
    if (field.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED) {
      DescriptorProto entry = field.hasTypeName() ? descriptors.message(field.getTypeName()) : null;
      return entry != null && isMapEntry(entry) ? "map" : "repeated";
    }
    if (field.getLabel() == FieldDescriptorProto.Label.LABEL_REQUIRED) {
      return "required";
    }
    if (field.getProto3Optional()) {
      return "optional";
    }
    if (field.hasOneofIndex()) {
      return "oneof " + Markdown.code(message.getOneofDecl(field.getOneofIndex()).getName());
    }
    return descriptors.isProto2(fullName) ? "optional" : "";
  }

  private static boolean isMapEntry(DescriptorProto message) {
    return message.getOptions().getMapEntry();
  }
}
