package dev.apispec.codegen.compat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.apispec.codegen.diagnostics.Problems;
import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.proto.ProtoCatalog;
import dev.apispec.codegen.spec.SpecReader;
import dev.apispec.codegen.validate.SpecValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shop spec and its protobuf messages that the compat tests edit, read and validated as the goals do. */
final class CompatFixtures {
  private CompatFixtures() {}

  static String shopSpec() {
    try (InputStream in = CompatFixtures.class.getResourceAsStream("/compat/shop.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** shop.v1: Status, ItemRequest, ItemResponse and Item, whose number 5 is reserved. */
  static FileDescriptorProto.Builder shopProto() {
    return FileDescriptorProto.newBuilder()
        .setName("shop/v1/shop.proto")
        .setPackage("shop.v1")
        .setSyntax("proto3")
        .setOptions(FileOptions.newBuilder().setJavaPackage("dev.shop.proto").setJavaMultipleFiles(true))
        .addMessageType(message("Status", scalar("code", 1, Type.TYPE_INT64), scalar("msg", 2, Type.TYPE_STRING)))
        .addMessageType(message("ItemRequest", scalar("id", 1, Type.TYPE_STRING),
            scalar("count", 2, Type.TYPE_INT32)))
        .addMessageType(message("ItemResponse", messageField("status", 1, "Status"), messageField("item", 2, "Item")))
        .addMessageType(message("Item", scalar("name", 1, Type.TYPE_STRING), scalar("price", 2, Type.TYPE_INT64),
            scalar("tags", 3, Type.TYPE_STRING).setLabel(Label.LABEL_REPEATED))
            .addReservedRange(DescriptorProto.ReservedRange.newBuilder().setStart(5).setEnd(6)));
  }

  static DescriptorProto.Builder message(String name, FieldDescriptorProto.Builder... fields) {
    DescriptorProto.Builder message = DescriptorProto.newBuilder().setName(name);
    for (FieldDescriptorProto.Builder field : fields) {
      message.addField(field);
    }
    return message;
  }

  static FieldDescriptorProto.Builder scalar(String name, int number, Type type) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
        .setLabel(Label.LABEL_OPTIONAL);
  }

  static FieldDescriptorProto.Builder messageField(String name, int number, String message) {
    return scalar(name, number, Type.TYPE_MESSAGE).setTypeName(".shop.v1." + message);
  }

  /** The message {@code name} of the file, to edit in place. */
  static DescriptorProto.Builder find(FileDescriptorProto.Builder file, String name) {
    return file.getMessageTypeBuilderList().stream().filter(m -> m.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no message " + name));
  }

  static FieldDescriptorProto.Builder field(DescriptorProto.Builder message, int number) {
    return message.getFieldBuilderList().stream().filter(f -> f.getNumber() == number).findFirst()
        .orElseThrow(() -> new AssertionError("no field " + number + " in " + message.getName()));
  }

  static ProtoCatalog catalog(FileDescriptorProto file) {
    try {
      return ProtoCatalog.parse(FileDescriptorSet.newBuilder().addFile(file).build().toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  /** Reads and validates a spec; an invalid one fails the test, as it would fail the goal. */
  static Spec read(String fileName, String yaml, ProtoCatalog protos) {
    Problems problems = new Problems();
    Spec spec = SpecReader.readText(fileName, yaml, problems);
    SpecValidator.validate(spec, protos, problems);
    problems.throwIfAny();
    return spec;
  }
}
