package dev.apispec.runtime;

import static dev.apispec.runtime.HostileFixtures.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.WireFormat;
import org.junit.jupiter.api.Test;

/**
 * The plan {@link ProtoRanges} makes once per message type, and the walk it steers. The types:
 *
 * <pre>
 * syntax = "proto3";
 * package plan;
 * message Flat { int64 a = 1; string b = 2; uint64 c = 3; fixed32 d = 4; }
 * message Quiet { int64 x = 1; Flat flat = 2; }
 * message Leaf { int32 v = 1; }
 * message Mixed { Quiet quiet = 1; Leaf leaf = 2; int64 n = 3; }
 * message Node { Node child = 1; int32 v = 2; string s = 3; }
 * message Loop { Loop next = 1; string s = 2; }
 * message A { B b = 1; string s = 2; }
 * message B { A a = 1; C c = 2; }
 * message C { sint32 z = 1; }
 * message P { Q q = 1; }
 * message Q { P p = 1; int64 n = 2; }
 * message Far { int32 small = 1; string s = 300; Leaf leaf = 100000; repeated int32 many = 4000; uint32 huge = 536870911; }
 * message WithMap { map&lt;string, int32&gt; counts = 1; map&lt;string, string&gt; names = 2; }
 * </pre>
 */
class ProtoRangesTest {
  private static final long BIG = 1L << 40;
  private static final String BIG_TEXT = "1099511627776";

  static final Descriptor FLAT;
  static final Descriptor QUIET;
  static final Descriptor LEAF;
  static final Descriptor MIXED;
  static final Descriptor NODE;
  static final Descriptor LOOP;
  static final Descriptor A;
  static final Descriptor B;
  static final Descriptor C;
  static final Descriptor P;
  static final Descriptor FAR;
  static final Descriptor WITH_MAP;

  static {
    FileDescriptorProto file = FileDescriptorProto.newBuilder()
        .setName("plan/plan.proto")
        .setPackage("plan")
        .setSyntax("proto3")
        .addMessageType(message("Flat", field("a", 1, Type.TYPE_INT64), field("b", 2, Type.TYPE_STRING),
            field("c", 3, Type.TYPE_UINT64), field("d", 4, Type.TYPE_FIXED32)))
        .addMessageType(message("Quiet", field("x", 1, Type.TYPE_INT64), message("flat", 2, "Flat")))
        .addMessageType(message("Leaf", field("v", 1, Type.TYPE_INT32)))
        .addMessageType(message("Mixed", message("quiet", 1, "Quiet"), message("leaf", 2, "Leaf"),
            field("n", 3, Type.TYPE_INT64)))
        .addMessageType(message("Node", message("child", 1, "Node"), field("v", 2, Type.TYPE_INT32),
            field("s", 3, Type.TYPE_STRING)))
        .addMessageType(message("Loop", message("next", 1, "Loop"), field("s", 2, Type.TYPE_STRING)))
        .addMessageType(message("A", message("b", 1, "B"), field("s", 2, Type.TYPE_STRING)))
        .addMessageType(message("B", message("a", 1, "A"), message("c", 2, "C")))
        .addMessageType(message("C", field("z", 1, Type.TYPE_SINT32)))
        .addMessageType(message("P", message("q", 1, "Q")))
        .addMessageType(message("Q", message("p", 1, "P"), field("n", 2, Type.TYPE_INT64)))
        .addMessageType(message("Far", field("small", 1, Type.TYPE_INT32), field("s", 300, Type.TYPE_STRING),
            message("leaf", 100_000, "Leaf"), field("many", 4000, Type.TYPE_INT32).setLabel(Label.LABEL_REPEATED),
            field("huge", 536_870_911, Type.TYPE_UINT32)))
        .addMessageType(message("WithMap",
                message("counts", 1, "WithMap.CountsEntry").setLabel(Label.LABEL_REPEATED),
                message("names", 2, "WithMap.NamesEntry").setLabel(Label.LABEL_REPEATED))
            .addNestedType(mapEntry("CountsEntry", Type.TYPE_INT32))
            .addNestedType(mapEntry("NamesEntry", Type.TYPE_STRING)))
        .build();
    try {
      Descriptors.FileDescriptor descriptor = Descriptors.FileDescriptor.buildFrom(file, new Descriptors.FileDescriptor[0]);
      FLAT = descriptor.findMessageTypeByName("Flat");
      QUIET = descriptor.findMessageTypeByName("Quiet");
      LEAF = descriptor.findMessageTypeByName("Leaf");
      MIXED = descriptor.findMessageTypeByName("Mixed");
      NODE = descriptor.findMessageTypeByName("Node");
      LOOP = descriptor.findMessageTypeByName("Loop");
      A = descriptor.findMessageTypeByName("A");
      B = descriptor.findMessageTypeByName("B");
      C = descriptor.findMessageTypeByName("C");
      P = descriptor.findMessageTypeByName("P");
      FAR = descriptor.findMessageTypeByName("Far");
      WITH_MAP = descriptor.findMessageTypeByName("WithMap");
    } catch (Descriptors.DescriptorValidationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static FieldDescriptorProto.Builder field(String name, int number, Type type) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
        .setLabel(Label.LABEL_OPTIONAL);
  }

  private static FieldDescriptorProto.Builder message(String name, int number, String type) {
    return field(name, number, Type.TYPE_MESSAGE).setTypeName(".plan." + type);
  }

  private static DescriptorProto.Builder message(String name, FieldDescriptorProto.Builder... fields) {
    DescriptorProto.Builder message = DescriptorProto.newBuilder().setName(name);
    for (FieldDescriptorProto.Builder field : fields) {
      message.addField(field);
    }
    return message;
  }

  private static DescriptorProto.Builder mapEntry(String name, Type valueType) {
    return message(name, field("key", 1, Type.TYPE_STRING), field("value", 2, valueType))
        .setOptions(MessageOptions.newBuilder().setMapEntry(true));
  }

  private static String problem(String field, String type, String value) {
    return "field plan." + field + " (" + type + ") holds " + value + ", which does not fit its type";
  }

  /** A message field {@code number} holding {@code inner}. */
  private static byte[] nested(int number, byte[] inner) {
    return encode(out -> out.writeBytes(number, ByteString.copyFrom(inner)));
  }

  private static byte[] concat(byte[]... parts) {
    return encode(out -> {
      for (byte[] part : parts) {
        out.writeRawBytes(part);
      }
    });
  }

  @Test
  void typesThatCannotHoldA32BitFieldAreNotWalked() {
    // no 32-bit field (fixed32 is not one: its four bytes always fit), nor one in a nested message
    assertSame(ProtoRanges.Plan.NONE, ProtoRanges.plan(FLAT));
    assertSame(ProtoRanges.Plan.NONE, ProtoRanges.plan(QUIET));

    assertNull(ProtoRanges.firstOutOfRange(FLAT, encode(out -> {
      out.writeInt64(1, BIG);
      out.writeUInt64(3, -1);
    })));
  }

  @Test
  void typesThatCanHoldOneGetAPlan() {
    assertNotSame(ProtoRanges.Plan.NONE, ProtoRanges.plan(LEAF));
    assertEquals("plan.Leaf.v", ProtoRanges.plan(LEAF).narrow(1).getFullName());
    assertSame(ProtoRanges.plan(LEAF), ProtoRanges.plan(LEAF)); // made once

    assertEquals(problem("Leaf.v", "int32", BIG_TEXT),
        ProtoRanges.firstOutOfRange(LEAF, encode(out -> out.writeInt64(1, BIG))));
  }

  @Test
  void nestedMessagesThatCannotHoldOneAreSkippedAndTheOthersChecked() {
    ProtoRanges.Plan mixed = ProtoRanges.plan(MIXED);
    assertNull(mixed.nested(1)); // Quiet
    assertNull(mixed.narrow(1));
    assertSame(ProtoRanges.plan(LEAF), mixed.nested(2));
    assertNull(mixed.narrow(3)); // int64

    byte[] leafTooBig = nested(2, encode(out -> out.writeInt64(1, BIG)));
    assertEquals(problem("Leaf.v", "int32", BIG_TEXT), ProtoRanges.firstOutOfRange(MIXED, leafTooBig));
    assertNull(ProtoRanges.firstOutOfRange(MIXED, nested(2, encode(out -> out.writeInt32(1, -7)))));

    // Quiet's bytes are not read at all: a tag of wire type 7, which would stop a walk through them
    // (a message that cannot be walked is not judged), does not keep the leaf after them from being checked.
    byte[] unwalkableQuiet = nested(1, new byte[] {(byte) ((1 << 3) | 7), 0});
    assertEquals(problem("Leaf.v", "int32", BIG_TEXT),
        ProtoRanges.firstOutOfRange(MIXED, concat(unwalkableQuiet, leafTooBig)));
  }

  @Test
  void aTypeThatContainsItselfIsPlannedOnceAndWalkedToTheDepthLimit() {
    ProtoRanges.Plan node = ProtoRanges.plan(NODE);
    assertSame(node, node.nested(1));
    assertEquals("plan.Node.v", node.narrow(2).getFullName());
    assertNull(node.narrow(3));
    assertSame(ProtoRanges.Plan.NONE, ProtoRanges.plan(LOOP));

    // the value at the given depth (0: the message itself)
    assertEquals(problem("Node.v", "int32", BIG_TEXT), ProtoRanges.firstOutOfRange(NODE, nodes(0)));
    assertEquals(problem("Node.v", "int32", BIG_TEXT), ProtoRanges.firstOutOfRange(NODE, nodes(100)));
    assertNull(ProtoRanges.firstOutOfRange(NODE, nodes(101)));
  }

  /** A Node whose child at {@code depth} holds 2^40 in its int32. */
  private static byte[] nodes(int depth) {
    byte[] bytes = encode(out -> out.writeInt64(2, BIG));
    for (int i = 0; i < depth; i++) {
      bytes = nested(1, bytes);
    }
    return bytes;
  }

  @Test
  void typesThatContainEachOtherArePlannedTogether() {
    ProtoRanges.Plan a = ProtoRanges.plan(A);
    ProtoRanges.Plan b = ProtoRanges.plan(B);
    assertSame(b, a.nested(1));
    assertSame(a, b.nested(1));
    assertSame(ProtoRanges.plan(C), b.nested(2));
    assertSame(ProtoRanges.Plan.NONE, ProtoRanges.plan(P)); // P and Q contain each other and nothing else

    byte[] deep = nested(1, nested(1, nested(1, nested(2, encode(out -> out.writeSInt64(1, -BIG))))));
    assertEquals(problem("C.z", "sint32", "-" + BIG_TEXT), ProtoRanges.firstOutOfRange(A, deep));
  }

  @Test
  void largeFieldNumbersAreLookedUpByBinarySearch() {
    ProtoRanges.Plan far = ProtoRanges.plan(FAR);
    assertTrue(far.sparse());
    assertFalse(ProtoRanges.plan(LEAF).sparse());
    assertNull(far.narrow(300)); // a string
    assertNull(far.narrow(2)); // no such field
    assertSame(ProtoRanges.plan(LEAF), far.nested(100_000));

    assertEquals(problem("Far.small", "int32", BIG_TEXT),
        ProtoRanges.firstOutOfRange(FAR, encode(out -> out.writeInt64(1, BIG))));
    assertEquals(problem("Far.huge", "uint32", "4294967296"),
        ProtoRanges.firstOutOfRange(FAR, encode(out -> out.writeUInt64(536_870_911, 1L << 32))));
    assertEquals(problem("Leaf.v", "int32", BIG_TEXT),
        ProtoRanges.firstOutOfRange(FAR, nested(100_000, encode(out -> out.writeInt64(1, BIG)))));
    byte[] packed = encode(out -> {
      out.writeTag(4000, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      out.writeUInt32NoTag(1 + CodedOutputStream.computeInt64SizeNoTag(BIG));
      out.writeInt32NoTag(3);
      out.writeInt64NoTag(BIG);
    });
    assertEquals(problem("Far.many", "int32", BIG_TEXT), ProtoRanges.firstOutOfRange(FAR, packed));
    // unknown fields, whatever their number, are not judged
    assertNull(ProtoRanges.firstOutOfRange(FAR, encode(out -> {
      out.writeInt64(2, BIG);
      out.writeInt64(536_870_910, BIG);
      out.writeInt32(1, 5);
      out.writeUInt32(536_870_911, -1);
    })));
  }

  @Test
  void unknownFieldsPastTheLastPlannedNumberAreNotJudged() {
    assertNull(ProtoRanges.firstOutOfRange(LEAF, encode(out -> {
      out.writeInt64(2, BIG);
      out.writeInt64(255, BIG);
      out.writeInt64(256, BIG);
      out.writeInt64(100_000, BIG);
    })));
  }

  @Test
  void mapValuesAreChecked() throws Exception {
    ProtoRanges.Plan withMap = ProtoRanges.plan(WITH_MAP);
    assertNotNull(withMap.nested(1));
    assertNull(withMap.nested(2)); // map<string, string>

    byte[] bytes = nested(1, encode(out -> {
      out.writeString(1, "k");
      out.writeInt64(2, BIG);
    }));
    DynamicMessage.parseFrom(WITH_MAP, bytes); // it parses: protobuf-java keeps the low 32 bits
    assertEquals(problem("WithMap.CountsEntry.value", "int32", BIG_TEXT), ProtoRanges.firstOutOfRange(WITH_MAP, bytes));
  }

  @Test
  void bytesThatCannotBeWalkedAreNotJudged() {
    // a varint cut short, then a length past the end
    assertNull(ProtoRanges.firstOutOfRange(LEAF, new byte[] {0x08, (byte) 0x80}));
    assertNull(ProtoRanges.firstOutOfRange(MIXED, new byte[] {0x12, 0x10, 0x08}));
  }
}
