package dev.apispec.runtime;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds 32-bit integer fields whose value on the wire does not fit them.
 *
 * <p>protobuf-java reads a varint of any size into an {@code int32}, {@code uint32}, {@code sint32} or enum
 * field and keeps its low 32 bits: 2^40 sent for an {@code int32} decodes as 0, with no error. A client
 * that returned that value would hand its caller a wrong number, so the bytes are checked once more
 * against the message's descriptor. Negative {@code int32} values, which the wire carries as 64-bit
 * varints, are in range.
 *
 * <p>Which fields to look at is worked out once per message type (a {@link Plan}): the walk skips nested
 * messages that cannot hold such a field, and does not happen at all for a type that cannot.
 */
final class ProtoRanges {
  private ProtoRanges() {}

  /** The deepest nesting checked; protobuf-java refuses more than 100 levels anyway. */
  private static final int MAX_DEPTH = 100;

  /** Field numbers up to this are looked up in arrays indexed by number; larger ones by binary search. */
  static final int MAX_DENSE_NUMBER = 255;

  /**
   * Types built at run time (DynamicMessage) could grow the cache without end; past this many, plans are
   * still made but no longer kept.
   */
  private static final int MAX_CACHED = 4096;

  /** Descriptors are compared by identity; those of generated classes live as long as their class. */
  private static final ConcurrentHashMap<Descriptor, Plan> PLANS = new ConcurrentHashMap<>();

  /**
   * The first field of {@code bytes} (a message of {@code type} that already parsed) whose value does
   * not fit its type, described for an error message, or {@code null} when every value fits.
   */
  static String firstOutOfRange(Descriptor type, byte[] bytes) {
    Plan plan = plan(type);
    if (plan == Plan.NONE) {
      return null;
    }
    try {
      return check(plan, CodedInputStream.newInstance(bytes), 0);
    } catch (IOException e) {
      // The bytes parsed before, so this does not happen; a message that cannot be walked is not judged.
      return null;
    }
  }

  private static String check(Plan plan, CodedInputStream in, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      return null;
    }
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (tag == 0) {
        return null;
      }
      int slot = plan.slot(WireFormat.getTagFieldNumber(tag));
      FieldDescriptor narrow = slot < 0 ? null : plan.narrow[slot];
      Plan nested = slot < 0 ? null : plan.nested[slot];
      int wireType = WireFormat.getTagWireType(tag);
      String problem = null;
      if (narrow != null && wireType == WireFormat.WIRETYPE_VARINT) {
        problem = checkValue(narrow, in);
      } else if (narrow != null && wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        // a packed repeated field: varints one after another
        int limit = in.pushLimit(in.readRawVarint32());
        while (problem == null && !in.isAtEnd()) {
          problem = checkValue(narrow, in);
        }
        in.skipRawBytes(in.getBytesUntilLimit());
        in.popLimit(limit);
      } else if (nested != null && wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        int limit = in.pushLimit(in.readRawVarint32());
        problem = check(nested, in, depth + 1);
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

  /** The plan of {@code type}: {@link Plan#NONE} when no value of it can be out of range. */
  static Plan plan(Descriptor type) {
    Plan plan = PLANS.get(type);
    return plan != null ? plan : planAll(type);
  }

  /**
   * Plans {@code root} and every message type reachable from it that has no plan yet. A type needs a plan
   * when it has a 32-bit field or a message field of a type that needs one; types may contain themselves,
   * so this is settled over the whole graph of types rather than by recursion.
   */
  private static Plan planAll(Descriptor root) {
    List<Descriptor> reached = new ArrayList<>();
    Set<Descriptor> seen = new HashSet<>();
    Map<Descriptor, List<Descriptor>> containers = new HashMap<>();
    Set<Descriptor> holding = new HashSet<>();
    Deque<Descriptor> todo = new ArrayDeque<>();
    seen.add(root);
    todo.push(root);
    while (!todo.isEmpty()) {
      Descriptor type = todo.pop();
      reached.add(type);
      for (FieldDescriptor field : type.getFields()) {
        if (isNarrow(field)) {
          holding.add(type);
        } else if (field.getType() == FieldDescriptor.Type.MESSAGE) {
          Descriptor inner = field.getMessageType();
          Plan known = PLANS.get(inner);
          if (known != null) {
            if (known != Plan.NONE) {
              holding.add(type);
            }
          } else {
            containers.computeIfAbsent(inner, k -> new ArrayList<>()).add(type);
            if (seen.add(inner)) {
              todo.push(inner);
            }
          }
        }
      }
    }
    Deque<Descriptor> spread = new ArrayDeque<>(holding);
    while (!spread.isEmpty()) {
      for (Descriptor container : containers.getOrDefault(spread.pop(), List.of())) {
        if (holding.add(container)) {
          spread.push(container);
        }
      }
    }

    Map<Descriptor, Plan> plans = new HashMap<>();
    for (Descriptor type : holding) {
      plans.put(type, new Plan());
    }
    for (Map.Entry<Descriptor, Plan> entry : plans.entrySet()) {
      entry.getValue().fill(entry.getKey(), plans);
    }
    // Published only now, complete: the map's put and get order the plans' writes before any reader.
    for (Descriptor type : reached) {
      if (PLANS.size() < MAX_CACHED) {
        PLANS.putIfAbsent(type, plans.getOrDefault(type, Plan.NONE));
      }
    }
    return plans.getOrDefault(root, Plan.NONE);
  }

  /**
   * What to look at in a message of one type: by field number, the 32-bit field to check or the plan of
   * the nested message to walk. Numbers with neither are skipped.
   */
  static final class Plan {
    /** No field of the type can be out of range. */
    static final Plan NONE = new Plan();

    /** The field numbers of the slots, ascending; {@code null} when the slot is the number itself. */
    private int[] numbers;
    private FieldDescriptor[] narrow = {};
    private Plan[] nested = {};

    private Plan() {}

    private void fill(Descriptor type, Map<Descriptor, Plan> plans) {
      List<FieldDescriptor> fields = new ArrayList<>();
      List<Plan> inner = new ArrayList<>();
      for (FieldDescriptor field : type.getFields()) {
        Plan plan = null;
        if (field.getType() == FieldDescriptor.Type.MESSAGE) {
          // planned in this round, or before it (then never null); absent from both means NONE
          plan = plans.getOrDefault(field.getMessageType(), PLANS.get(field.getMessageType()));
        }
        if (isNarrow(field) || (plan != null && plan != NONE)) {
          fields.add(field);
          inner.add(plan);
        }
      }
      int max = fields.stream().mapToInt(FieldDescriptor::getNumber).max().orElse(0);
      if (max <= MAX_DENSE_NUMBER) {
        narrow = new FieldDescriptor[max + 1];
        nested = new Plan[max + 1];
        for (int i = 0; i < fields.size(); i++) {
          narrow[fields.get(i).getNumber()] = inner.get(i) == null ? fields.get(i) : null;
          nested[fields.get(i).getNumber()] = inner.get(i);
        }
      } else {
        int[] bySlot = fields.stream().mapToInt(FieldDescriptor::getNumber).sorted().toArray();
        narrow = new FieldDescriptor[bySlot.length];
        nested = new Plan[bySlot.length];
        for (int i = 0; i < fields.size(); i++) {
          int slot = Arrays.binarySearch(bySlot, fields.get(i).getNumber());
          narrow[slot] = inner.get(i) == null ? fields.get(i) : null;
          nested[slot] = inner.get(i);
        }
        numbers = bySlot;
      }
    }

    /** The slot of field {@code number}, or -1 when the walk skips it. */
    int slot(int number) {
      if (numbers == null) {
        return number < narrow.length ? number : -1;
      }
      int slot = Arrays.binarySearch(numbers, number);
      return slot >= 0 ? slot : -1;
    }

    /** The 32-bit field checked under {@code number}, or {@code null}. */
    FieldDescriptor narrow(int number) {
      int slot = slot(number);
      return slot < 0 ? null : narrow[slot];
    }

    /** The plan of the nested message walked under {@code number}, or {@code null}. */
    Plan nested(int number) {
      int slot = slot(number);
      return slot < 0 ? null : nested[slot];
    }

    /** Whether field numbers are looked up by binary search rather than by index. */
    boolean sparse() {
      return numbers != null;
    }
  }
}
