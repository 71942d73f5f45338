package dev.apispec.codegen.docs;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The messages and enums of a descriptor set by full name, as the reference describes them: fields in their
 * declared order with numbers and labels, nested types, reserved numbers. ({@code ProtoCatalog} keeps what the
 * generator needs, which is less.)
 */
final class ProtoDescriptors {
  static final ProtoDescriptors EMPTY = new ProtoDescriptors(Map.of(), Map.of(), Map.of(), Set.of());

  private final Map<String, DescriptorProto> messages;
  private final Map<String, EnumDescriptorProto> enums;
  private final Map<String, String> files;
  private final Set<String> proto2;

  private ProtoDescriptors(Map<String, DescriptorProto> messages, Map<String, EnumDescriptorProto> enums,
      Map<String, String> files, Set<String> proto2) {
    this.messages = messages;
    this.enums = enums;
    this.files = files;
    this.proto2 = proto2;
  }

  static ProtoDescriptors parse(byte[] descriptorSet) throws InvalidProtocolBufferException {
    Map<String, DescriptorProto> messages = new TreeMap<>();
    Map<String, EnumDescriptorProto> enums = new TreeMap<>();
    Map<String, String> files = new TreeMap<>();
    Set<String> proto2 = new HashSet<>();
    for (FileDescriptorProto file : FileDescriptorSet.parseFrom(descriptorSet).getFileList()) {
      String prefix = file.getPackage().isEmpty() ? "" : file.getPackage() + ".";
      file.getEnumTypeList().forEach(e -> enums.put(prefix + e.getName(), e));
      for (DescriptorProto message : file.getMessageTypeList()) {
        collect(prefix + message.getName(), message, file.getName(), messages, enums, files);
      }
      if (!file.getSyntax().equals("proto3") && !file.getSyntax().equals("editions")) {
        files.forEach((name, declaredIn) -> {
          if (declaredIn.equals(file.getName())) {
            proto2.add(name);
          }
        });
      }
    }
    return new ProtoDescriptors(Collections.unmodifiableMap(messages), Collections.unmodifiableMap(enums),
        Collections.unmodifiableMap(files), Collections.unmodifiableSet(proto2));
  }

  private static void collect(String fullName, DescriptorProto message, String file,
      Map<String, DescriptorProto> messages, Map<String, EnumDescriptorProto> enums, Map<String, String> files) {
    messages.put(fullName, message);
    files.put(fullName, file);
    message.getEnumTypeList().forEach(e -> enums.put(fullName + "." + e.getName(), e));
    for (DescriptorProto nested : message.getNestedTypeList()) {
      collect(fullName + "." + nested.getName(), nested, file, messages, enums, files);
    }
  }

  /** The message of that full name (with or without protoc's leading dot), or {@code null}. */
  DescriptorProto message(String fullName) {
    return messages.get(strip(fullName));
  }

  EnumDescriptorProto enumType(String fullName) {
    return enums.get(strip(fullName));
  }

  /** The {@code .proto} file a message is declared in. */
  String file(String fullName) {
    return files.get(strip(fullName));
  }

  /** Whether a message is declared with proto2's syntax, where a singular field is {@code optional}. */
  boolean isProto2(String fullName) {
    return proto2.contains(strip(fullName));
  }

  static String strip(String fullName) {
    return fullName.startsWith(".") ? fullName.substring(1) : fullName;
  }
}
