package dev.apispec.runtime;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.WireFormat;
import java.io.IOException;

/**
 * Finds 32-bit integer fields whose value on the wire does not fit them.
 *
 * <p>protobuf-java reads a varint of any size into an {@code int32}, {@code uint32}, {@code sint32} or enum
 * field and keeps its low 32 bits: 2^40 sent for an {@code int32} decodes as 0, with no error. A client
 * that returned that value would hand its caller a wrong number, so the bytes are checked once more
 * against the message's descriptor. Negative {@code int32} values, which the wire carries as 64-bit
 * varints, are in range.
 */
final class ProtoRanges {
  private ProtoRanges() {}

  /** The deepest nesting checked; protobuf-java refuses more than 100 levels anyway. */
  private static final int MAX_DEPTH = 100;

  /**
   * The first field of {@code bytes} (a message of {@code type} that already parsed) whose value does
   * not fit its type, described for an error message, or {@code null} when every value fits.
   */
  static String firstOutOfRange(Descriptor type, byte[] bytes) {
    try {
      return check(type, CodedInputStream.newInstance(bytes), 0);
    } catch (IOException e) {
      // The bytes parsed before, so this does not happen; a message that cannot be walked is not judged.
      return null;
    }
  }

  private static String check(Descriptor type, CodedInputStream in, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      return null;
    }
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (tag == 0) {
        return null;
      }
      FieldDescriptor field = type.findFieldByNumber(WireFormat.getTagFieldNumber(tag));
      int wireType = WireFormat.getTagWireType(tag);
      String problem = null;
      if (field != null && isNarrow(field) && wireType == WireFormat.WIRETYPE_VARINT) {
        problem = checkValue(field, in);
      } else if (field != null && isNarrow(field) && wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        // a packed repeated field: varints one after another
        int limit = in.pushLimit(in.readRawVarint32());
        while (problem == null && !in.isAtEnd()) {
          problem = checkValue(field, in);
        }
        in.skipRawBytes(in.getBytesUntilLimit());
        in.popLimit(limit);
      } else if (field != null && field.getType() == FieldDescriptor.Type.MESSAGE
          && wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        int limit = in.pushLimit(in.readRawVarint32());
        problem = check(field.getMessageType(), in, depth + 1);
        in.skipRawBytes(in.getBytesUntilLimit());
        in.popLimit(limit);
      } else if (!in.skipField(tag)) {
        return null; // an end-group tag: the (proto2) group this walk is not inside of ends here
      }
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static boolean isNarrow(FieldDescriptor field) {
    return switch (field.getType()) {
      case INT32, SINT32, UINT32, ENUM -> true;
      default -> false;
    };
  }

  private static String checkValue(FieldDescriptor field, CodedInputStream in) throws IOException {
    long value;
    boolean fits;
    switch (field.getType()) {
      case SINT32 -> {
        value = in.readSInt64();
        fits = value == (int) value;
      }
      case UINT32 -> {
        value = in.readUInt64();
        fits = (value >>> 32) == 0;
      }
      default -> { // INT32 and ENUM
        value = in.readInt64();
        fits = value == (int) value;
      }
    }
    if (fits) {
      return null;
    }
    String shown = field.getType() == FieldDescriptor.Type.UINT32 ? Long.toUnsignedString(value) : Long.toString(value);
    return "field " + field.getFullName() + " (" + field.getType().name().toLowerCase(java.util.Locale.ROOT)
        + ") holds " + shown + ", which does not fit its type";
  }
}
