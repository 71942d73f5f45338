package dev.apispec.codegen.proto;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The protobuf messages compiled in the same build, read from the descriptor set {@code protoc}
 * wrote, with the Java class {@code protoc} gives each of them.
 */
public final class ProtoCatalog {
  private final Map<String, Message> messages;

  private ProtoCatalog(Map<String, Message> messages) {
    this.messages = messages;
  }

  /** A message: its full name, its Java class and its fields by name. */
  public record Message(String fullName, ClassName javaClass, Map<String, FieldDescriptorProto> fields) {}

  /** Each message's descriptor as protoc wrote it, with its reserved numbers and names. */
  private final Map<String, DescriptorProto> descriptors = new TreeMap<>();

  public static ProtoCatalog empty() {
    return new ProtoCatalog(Map.of());
  }

  /** Stands for a descriptor set that was given but could not be read (a problem that is reported already). */
  public static ProtoCatalog unreadable() {
    return UNREADABLE;
  }

  private static final ProtoCatalog UNREADABLE = new ProtoCatalog(Map.of());

  /** Whether this stands for a descriptor set that could not be read: its messages are unknown, not missing. */
  public boolean isUnreadable() {
    return this == UNREADABLE;
  }

  public static ProtoCatalog parse(byte[] descriptorSet) throws InvalidProtocolBufferException {
    FileDescriptorSet set = FileDescriptorSet.parseFrom(descriptorSet);
    Map<String, Message> messages = new TreeMap<>();
    Map<String, DescriptorProto> descriptors = new TreeMap<>();
    for (FileDescriptorProto file : set.getFileList()) {
      String javaPackage = file.getOptions().hasJavaPackage() ? file.getOptions().getJavaPackage() : file.getPackage();
      boolean multipleFiles = file.getOptions().getJavaMultipleFiles();
      ClassName outer = multipleFiles ? null : ClassName.get(javaPackage, outerClassName(file));
      String protoPrefix = file.getPackage().isEmpty() ? "" : file.getPackage() + ".";
      for (DescriptorProto message : file.getMessageTypeList()) {
        ClassName javaClass = outer == null
            ? ClassName.get(javaPackage, message.getName())
            : outer.nestedClass(message.getName());
        collect(messages, descriptors, protoPrefix + message.getName(), javaClass, message);
      }
    }
    ProtoCatalog catalog = new ProtoCatalog(Collections.unmodifiableMap(messages));
    catalog.descriptors.putAll(descriptors);
    return catalog;
  }

  private static void collect(Map<String, Message> into, Map<String, DescriptorProto> descriptors, String fullName,
      ClassName javaClass, DescriptorProto message) {
    Map<String, FieldDescriptorProto> fields = new TreeMap<>();
    for (FieldDescriptorProto field : message.getFieldList()) {
      fields.put(field.getName(), field);
    }
    into.put(fullName, new Message(fullName, javaClass, Collections.unmodifiableMap(fields)));
    descriptors.put(fullName, message);
    for (DescriptorProto nested : message.getNestedTypeList()) {
      collect(into, descriptors, fullName + "." + nested.getName(), javaClass.nestedClass(nested.getName()), nested);
    }
  }

  /** protoc's rule: the option, else the file name in upper camel case, + "OuterClass" on a clash. */
  static String outerClassName(FileDescriptorProto file) {
    if (file.getOptions().hasJavaOuterClassname()) {
      return file.getOptions().getJavaOuterClassname();
    }
    String base = file.getName();
    base = base.substring(base.lastIndexOf('/') + 1);
    if (base.endsWith(".proto")) {
      base = base.substring(0, base.length() - ".proto".length());
    }
    StringBuilder name = new StringBuilder();
    boolean upper = true;
    for (char c : base.toCharArray()) {
      if (Character.isLetter(c)) {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else if (Character.isDigit(c)) {
        name.append(c);
        upper = true;
      } else {
        upper = true;
      }
    }
    Set<String> taken = new HashSet<>();
    file.getMessageTypeList().forEach(message -> addTypeNames(message, taken));
    file.getEnumTypeList().stream().map(EnumDescriptorProto::getName).forEach(taken::add);
    file.getServiceList().stream().map(ServiceDescriptorProto::getName).forEach(taken::add);
    String result = name.toString();
    return taken.contains(result) ? result + "OuterClass" : result;
  }

  /** protoc also renames the outer class when a nested message or enum has its name. */
  private static void addTypeNames(DescriptorProto message, Set<String> into) {
    into.add(message.getName());
    message.getEnumTypeList().stream().map(EnumDescriptorProto::getName).forEach(into::add);
    message.getNestedTypeList().forEach(nested -> addTypeNames(nested, into));
  }

  public Message find(String fullName) {
    return messages.get(fullName.startsWith(".") ? fullName.substring(1) : fullName);
  }

  /** The descriptor of the message {@code fullName} (a leading dot allowed), or {@code null}. */
  public DescriptorProto descriptor(String fullName) {
    return descriptors.get(fullName.startsWith(".") ? fullName.substring(1) : fullName);
  }

  public List<String> names() {
    return new ArrayList<>(messages.keySet());
  }

  public boolean isEmpty() {
    return messages.isEmpty();
  }
}
