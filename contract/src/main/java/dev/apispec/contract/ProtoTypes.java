package dev.apispec.contract;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import com.google.protobuf.UnknownFieldSet;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The protobuf messages the generated client speaks, by full name ({@code shop.v1.OrderResponse}),
 * found by reflection on a generated client's class: every message a method takes or returns, and every
 * message of the same {@code .proto} files. Also prints bodies in text format for review.
 */
public final class ProtoTypes {
  private static final TextFormat.Printer PRINTER = TextFormat.printer().escapingNonAscii(false);
  private static final Pattern BLOCK = Pattern.compile("^\\s*([A-Za-z0-9_.\\[\\]]+) \\{$");
  private static final Pattern FIELD = Pattern.compile("^\\s*([A-Za-z0-9_.\\[\\]]+): ");

  /** One per client class: finding the descriptors walks every method of the client. */
  private static final Map<Class<?>, ProtoTypes> OF_CLIENT = new java.util.concurrent.ConcurrentHashMap<>();

  private final Map<String, Descriptor> messages = new HashMap<>();
  /** The files of those messages, with the files they import. */
  private final List<FileDescriptor> files = new ArrayList<>();

  private ProtoTypes(Class<?> clientClass) {
    for (Method accessor : clientClass.getMethods()) {
      if (accessor.getParameterCount() != 0 || Modifier.isStatic(accessor.getModifiers())
          || accessor.getDeclaringClass() != clientClass) {
        continue;
      }
      for (Method method : accessor.getReturnType().getMethods()) {
        List<Class<?>> types = new ArrayList<>(List.of(method.getParameterTypes()));
        types.add(method.getReturnType());
        for (Class<?> type : types) {
          if (Message.class.isAssignableFrom(type)) {
            addFile(descriptorOf(type).getFile(), files);
          }
        }
      }
    }
    for (FileDescriptor file : files) {
      file.getMessageTypes().forEach(this::addMessage);
    }
  }

  /** The files of the client's messages as a {@code FileDescriptorSet}, as protoc writes one. */
  public byte[] descriptorSet() {
    FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
    files.forEach(file -> set.addFile(file.toProto()));
    return set.build().toByteArray();
  }

  private ProtoTypes(List<FileDescriptor> descriptors) {
    files.addAll(descriptors);
    for (FileDescriptor file : files) {
      file.getMessageTypes().forEach(this::addMessage);
    }
  }

  /**
   * The messages of a descriptor set, as protoc writes one ({@code --descriptor_set_out}, with its imports), for
   * tools that have the spec but not the client.
   *
   * @param descriptorSet the {@code FileDescriptorSet} bytes
   * @return its messages
   * @throws IllegalArgumentException when the set cannot be read, or misses a file another imports
   */
  public static ProtoTypes fromDescriptorSet(byte[] descriptorSet) {
    try {
      FileDescriptorSet set = FileDescriptorSet.parseFrom(descriptorSet);
      Map<String, FileDescriptorProto> protos = new java.util.LinkedHashMap<>();
      set.getFileList().forEach(file -> protos.put(file.getName(), file));
      Map<String, FileDescriptor> built = new HashMap<>();
      for (FileDescriptorProto file : set.getFileList()) {
        build(file.getName(), protos, built);
      }
      return new ProtoTypes(List.copyOf(built.values()));
    } catch (com.google.protobuf.InvalidProtocolBufferException | Descriptors.DescriptorValidationException e) {
      throw new IllegalArgumentException("the descriptor set cannot be read: " + e.getMessage(), e);
    }
  }

  /** No messages: for a spec without protobuf endpoints. */
  public static ProtoTypes none() {
    return new ProtoTypes(List.of());
  }

  private static FileDescriptor build(String name, Map<String, FileDescriptorProto> protos,
      Map<String, FileDescriptor> built) throws Descriptors.DescriptorValidationException {
    FileDescriptor done = built.get(name);
    if (done != null) {
      return done;
    }
    FileDescriptorProto proto = protos.get(name);
    if (proto == null) {
      throw new IllegalArgumentException("the descriptor set has no file " + name + ", which another imports;"
          + " write it with its imports (protoc --include_imports)");
    }
    List<FileDescriptor> dependencies = new ArrayList<>();
    for (String dependency : proto.getDependencyList()) {
      dependencies.add(build(dependency, protos, built));
    }
    FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new));
    built.put(name, file);
    return file;
  }

  /** The messages of a generated client: every message its group methods take or return, and their files. */
  public static ProtoTypes of(Class<?> clientClass) {
    return OF_CLIENT.computeIfAbsent(clientClass, ProtoTypes::new);
  }

  private static Descriptor descriptorOf(Class<?> messageClass) {
    try {
      return (Descriptor) messageClass.getMethod("getDescriptor").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(messageClass.getName() + " has no static getDescriptor()", e);
    }
  }

  private static void addFile(FileDescriptor file, List<FileDescriptor> files) {
    if (files.contains(file)) {
      return;
    }
    files.add(file);
    file.getDependencies().forEach(dependency -> addFile(dependency, files));
  }

  private void addMessage(Descriptor message) {
    messages.put(message.getFullName(), message);
    message.getNestedTypes().forEach(this::addMessage);
  }

  /** The message type with this full name. */
  public Optional<Descriptor> find(String fullName) {
    return Optional.ofNullable(fullName == null ? null : messages.get(fullName));
  }

  /** Parses bytes as the named message type (fields it does not know are kept as unknown fields). */
  public DynamicMessage parse(String fullName, byte[] bytes) throws InvalidProtocolBufferException {
    Descriptor type = find(fullName)
        .orElseThrow(() -> new IllegalArgumentException("no protobuf message named " + fullName));
    return DynamicMessage.parseFrom(type, bytes);
  }

  /**
   * The bytes in protobuf text format, one string per line, decoded as {@code fullName}, or as bare
   * field numbers when the type is {@code null} or unknown.
   *
   * @throws InvalidProtocolBufferException if the bytes are not a protobuf message
   */
  public List<String> decode(String fullName, byte[] bytes) throws InvalidProtocolBufferException {
    String text = find(fullName).isPresent()
        ? PRINTER.printToString(parse(fullName, bytes))
        : PRINTER.printToString(UnknownFieldSet.parseFrom(bytes));
    return lines(text);
  }

  /** A message in text format, one string per line. */
  public static List<String> text(Message message) {
    return lines(PRINTER.printToString(message));
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  /**
   * The field path each line of a text-format dump is about: {@code data.tag[0].color} for a field
   * line, {@code data.tag[0]} for the line that opens a message, {@code data[0].data[0]#6} for a
   * field the type does not know. Closing lines get the path of the message they close.
   */
  public List<String> linePaths(String fullName, List<String> lines) {
    record Frame(Descriptor type, String path, Map<String, Integer> seen) {}
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(find(fullName).orElse(null), "", new HashMap<>()));
    List<String> paths = new ArrayList<>();
    for (String line : lines) {
      Frame frame = stack.peek();
      if (line.trim().equals("}")) {
        paths.add(frame.path());
        if (stack.size() > 1) {
          stack.pop();
        }
        continue;
      }
      Matcher block = BLOCK.matcher(line);
      Matcher field = FIELD.matcher(line);
      String name = block.matches() ? block.group(1) : field.find() ? field.group(1) : null;
      if (name == null) {
        paths.add(frame.path());
        continue;
      }
      FieldDescriptor descriptor = frame.type() == null || !Character.isLetter(name.charAt(0))
          ? null : frame.type().findFieldByName(name);
      int index = frame.seen().merge(name, 1, Integer::sum) - 1;
      String path;
      if (descriptor == null) {
        path = frame.path() + "#" + name;
      } else {
        path = (frame.path().isEmpty() ? "" : frame.path() + ".") + name
            + (descriptor.isRepeated() ? "[" + index + "]" : "");
      }
      paths.add(path);
      if (block.matches()) {
        Descriptor child = descriptor != null && descriptor.getJavaType() == FieldDescriptor.JavaType.MESSAGE
            ? descriptor.getMessageType() : null;
        stack.push(new Frame(child, path, new HashMap<>()));
      }
    }
    return paths;
  }
}
