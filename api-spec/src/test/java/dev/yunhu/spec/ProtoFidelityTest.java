package dev.yunhu.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Our .proto files against the notes' message facts, field number by field number: what a server speaking the
 * notes' full.proto sends must decode into the same field of ours, with a type that reads it, and what we send must
 * be what it reads. Names are ours and not compared. Every protobuf endpoint the spec has is checked, its request and
 * response, recursively through nested messages.
 */
class ProtoFidelityTest {

  private static final Path FACTS = Path.of("src/test/resources/notes-proto-fields.txt");
  private static final Path ENDPOINTS = Path.of("src/test/resources/notes-protobuf-endpoints.tsv");

  /**
   * Where we chose a type that does not read every value of the notes' type, on purpose (each said in the .proto
   * file too): notes field ("Message.number") to the type we use.
   */
  private static final Map<String, String> DECIDED = Map.of(
      // Declared bool, but it carries a number of days (90): a bool would read 90 as true.
      "GroupData.32", "uint64");

  /** Numbers of ours that the notes' message lacks, each said in the .proto file: "Message.number". */
  private static final Set<String> EXTRA = Set.of(
      // The pages' decoded example shows field 8 with the value of 7; the definition leaves it out.
      "RequestListResponse.Request.8");

  /** Types of one varint encoding: the same bytes for every value both can hold (signedness aside). */
  private static final Set<String> VARINTS = Set.of("int32", "int64", "uint32", "uint64", "bool", "enum");

  private static final Set<String> VARINTS_64 = Set.of("int64", "uint64");

  private record NotesField(int number, boolean repeated, String type, String name) {}

  @Test
  void everyProtobufEndpointOfTheSpecSpeaksTheNotesFieldNumbers() throws IOException {
    Map<String, Map<Integer, NotesField>> messages = new TreeMap<>();
    Set<String> enums = new HashSet<>();
    readFacts(messages, enums);
    Map<String, DescriptorProto> ours = SpecFiles.compiledMessages();
    Map<String, JsonNode> spec = specEndpoints();

    List<String> problems = new ArrayList<>();
    int compared = 0;
    for (String line : Files.readAllLines(ENDPOINTS)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t");
      assertEquals(6, c.length, line);
      JsonNode endpoint = spec.get(c[1] + " " + c[2] + " " + c[3]);
      if (endpoint == null) {
        continue; // not in the spec yet: notes-endpoints.tsv keeps count of that
      }
      String[] notes = {c[4], c[5]};
      String[] bodies = {"request", "response"};
      for (int i = 0; i < 2; i++) {
        String where = c[2] + " " + c[3] + " " + bodies[i];
        JsonNode message = endpoint.path(bodies[i]).path("protobuf");
        if (notes[i].equals("-")) {
          if (!message.isMissingNode()) {
            problems.add(where + ": the notes give no protobuf message, the spec says " + message.asText());
          }
          continue;
        }
        if (message.isMissingNode()) {
          problems.add(where + ": the notes give protobuf " + notes[i] + ", the spec another body: "
              + endpoint.path(bodies[i]));
          continue;
        }
        if (notes[i].equals("inline")) {
          continue; // written on the page, not in full.proto: its .proto comments say how it was read
        }
        assertTrue(messages.containsKey(notes[i]), "notes message " + notes[i] + " of " + where);
        compare(notes[i], message.asText(), where, messages, enums, ours, new HashSet<>(), problems);
        compared++;
      }
    }
    assertEquals(List.of(), problems, "differences from the notes' field numbers and types");
    assertTrue(compared > 0, "no protobuf endpoint compared");
  }

  /** Comparisons that must fail: a number the notes give and ours lacks, a type that cannot read the value. */
  @Test
  void aMissingNumberAndAnIncompatibleTypeAreReported() throws IOException {
    Map<String, Map<Integer, NotesField>> messages = new TreeMap<>();
    Set<String> enums = new HashSet<>();
    readFacts(messages, enums);
    Map<String, DescriptorProto> ours = new HashMap<>(SpecFiles.compiledMessages());
    DescriptorProto medal = ours.get("yunhu.v1.UserMedal");
    DescriptorProto.Builder changed = medal.toBuilder().removeField(medal.getFieldCount() - 1);
    changed.getFieldBuilder(0).setType(FieldDescriptorProto.Type.TYPE_BOOL);
    changed.getFieldBuilder(1).setType(FieldDescriptorProto.Type.TYPE_INT64);
    ours.put("yunhu.v1.UserMedal", changed.build());
    List<String> problems = new ArrayList<>();
    compare("MedalInfo", "yunhu.v1.UserMedal", "test", messages, enums, ours, new HashSet<>(), problems);
    assertEquals(List.of(
        "test: MedalInfo.1 (id): the notes' uint64, ours bool",
        "test: MedalInfo.2 (name): the notes' string, ours int64",
        "test: MedalInfo.5 (sort): yunhu.v1.UserMedal has no field 5"), problems);
  }

  private static void compare(String notesName, String ourName, String where,
      Map<String, Map<Integer, NotesField>> messages, Set<String> enums, Map<String, DescriptorProto> ours,
      Set<String> seen, List<String> problems) {
    if (!seen.add(notesName + "=" + ourName)) {
      return;
    }
    DescriptorProto our = ours.get(ourName);
    if (our == null) {
      problems.add(where + ": " + ourName + " is not compiled");
      return;
    }
    Map<Integer, FieldDescriptorProto> byNumber = new HashMap<>();
    our.getFieldList().forEach(f -> byNumber.put(f.getNumber(), f));
    Map<Integer, NotesField> fields = messages.get(notesName);
    for (NotesField field : fields.values()) {
      String at = where + ": " + notesName + "." + field.number() + " (" + field.name() + ")";
      FieldDescriptorProto mine = byNumber.get(field.number());
      if (mine == null) {
        problems.add(at + ": " + ourName + " has no field " + field.number());
        continue;
      }
      boolean repeated = mine.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED;
      if (repeated != field.repeated()) {
        problems.add(at + ": repeated in " + (field.repeated() ? "the notes" : "ours") + " only");
      }
      String mineType = typeName(mine);
      if (messages.containsKey(field.type())) {
        if (!mineType.startsWith(".")) {
          problems.add(at + ": the notes' message " + field.type() + ", ours " + mineType);
        } else {
          compare(field.type(), mineType.substring(1), where, messages, enums, ours, seen, problems);
        }
      } else if (enums.contains(field.type())) {
        // An enum of ours reads the same varint; so does a number, as some of ours keep the raw value.
        if (!mineType.equals("enum") && !readsEveryValue("int32", mineType)) {
          problems.add(at + ": the notes' enum " + field.type() + ", ours " + mineType);
        }
      } else if (!mineType.equals(field.type()) && !readsEveryValue(field.type(), mineType)
          && !mineType.equals(DECIDED.get(notesName + "." + field.number()))) {
        problems.add(at + ": the notes' " + field.type() + ", ours " + mineType);
      }
    }
    for (FieldDescriptorProto mine : our.getFieldList()) {
      if (!fields.containsKey(mine.getNumber()) && !EXTRA.contains(notesName + "." + mine.getNumber())) {
        problems.add(where + ": " + ourName + "." + mine.getName() + " = " + mine.getNumber()
            + " is not a field of the notes' " + notesName);
      }
    }
  }

  /**
   * Whether a field of ours decodes every value a field of the notes' scalar type carries, to the same number: the
   * varint types read one another's bytes (the seed's uint64 flags read the newer notes' bools, int64 reads an
   * int32's sign-extended bytes), except that a bool reads any number as true and a 32-bit type cuts a 64-bit
   * value. {@code string} and {@code bytes} share their bytes too.
   */
  private static boolean readsEveryValue(String notes, String ours) {
    if (VARINTS.contains(notes) && VARINTS.contains(ours)) {
      return !ours.equals("bool") && !(VARINTS_64.contains(notes) && !VARINTS_64.contains(ours));
    }
    return Set.of(notes, ours).equals(Set.of("string", "bytes"));
  }

  /** "string", "int64", …, "enum", or ".package.Message" for a message field. */
  private static String typeName(FieldDescriptorProto field) {
    return switch (field.getType()) {
      case TYPE_MESSAGE -> field.getTypeName();
      case TYPE_ENUM -> "enum";
      default -> field.getType().name().substring("TYPE_".length()).toLowerCase(Locale.ROOT);
    };
  }

  private static void readFacts(Map<String, Map<Integer, NotesField>> messages, Set<String> enums)
      throws IOException {
    Map<Integer, NotesField> current = null;
    for (String line : Files.readAllLines(FACTS)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      if (line.startsWith("message ")) {
        current = new TreeMap<>();
        messages.put(line.substring("message ".length()).trim(), current);
      } else if (line.startsWith("enum ")) {
        current = null;
        enums.add(line.substring("enum ".length()).trim());
      } else if (current != null) {
        String[] c = line.trim().split("\t");
        assertEquals(3, c.length, line);
        boolean repeated = c[1].startsWith("repeated ");
        NotesField field = new NotesField(Integer.parseInt(c[0]), repeated,
            repeated ? c[1].substring("repeated ".length()) : c[1], c[2]);
        assertEquals(null, current.put(field.number(), field), "field number given twice: " + line);
      }
    }
    assertFalse(messages.isEmpty(), "no messages in " + FACTS);
  }

  /** "host METHOD path" of every endpoint of the spec; host "default" for the API's baseUrl. */
  private static Map<String, JsonNode> specEndpoints() {
    Map<String, JsonNode> endpoints = new HashMap<>();
    for (Path file : SpecFiles.specFiles()) {
      SpecFiles.readYaml(file).path("groups").forEach(group ->
          group.path("endpoints").forEach(e -> endpoints.put(SpecFiles.endpointKey(group, e), e)));
    }
    return endpoints;
  }
}
