package dev.apispec.codegen.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import dev.apispec.codegen.diagnostics.Problems;
import dev.apispec.codegen.model.EndpointDef;
import dev.apispec.codegen.model.GroupDef;
import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.proto.ProtoCatalog;
import dev.apispec.codegen.spec.SpecReader;
import dev.apispec.codegen.validate.SpecValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Yunhu spec of today against its seed version (the 20 endpoints of the project's first commits, kept in
 * src/test/resources/compat/seed-spec with their .proto files, compiled by this module's build). What differs is
 * found here independently, by comparing the two models item by item, and each difference must have its change.
 */
class CompatYunhuSeedTest {
  private static Spec seed;
  private static Spec today;
  private static ProtoCatalog seedProtos;
  private static ProtoCatalog todayProtos;
  private static List<Change> changes;

  @BeforeAll
  static void compare() throws IOException {
    Path seedSpec = Path.of("src/test/resources/compat/seed-spec/spec");
    Path todaySpec = Path.of(System.getProperty("apispec.test.yunhuSpec", "../api-spec/src/main/spec"));
    seedProtos = descriptorSet("apispec.test.seedDescriptorSet");
    todayProtos = descriptorSet("apispec.test.yunhuDescriptorSet");
    Problems problems = new Problems();
    seed = SpecReader.read(seedSpec, seedSpec, problems);
    SpecValidator.validate(seed, seedProtos, problems);
    today = SpecReader.read(todaySpec, todaySpec, problems);
    SpecValidator.validate(today, todayProtos, problems);
    problems.throwIfAny();
    changes = SpecDiff.compare(seed, seedProtos, today, todayProtos);
  }

  private static ProtoCatalog descriptorSet(String property) throws IOException {
    String path = System.getProperty(property);
    if (path == null) {
      throw new IllegalStateException(property + " is not set; run the tests with Maven, which runs protoc first");
    }
    return ProtoCatalog.parse(Files.readAllBytes(Path.of(path)));
  }

  @Test
  void theSeedHasItsTwentyEndpointsAndAllAreStillThere() {
    Map<String, EndpointDef> seedEndpoints = endpoints(seed);
    Map<String, EndpointDef> todayEndpoints = endpoints(today);
    assertEquals(20, seedEndpoints.size(), "the seed's endpoints");
    assertTrue(todayEndpoints.keySet().containsAll(seedEndpoints.keySet()), "today's spec keeps the seed's");
    assertEquals(List.of(), ids("endpoint-removed", "endpoint-moved", "method-renamed"),
        "no seed endpoint is reported gone, moved or renamed");
    Set<String> added = new TreeSet<>(todayEndpoints.keySet());
    added.removeAll(seedEndpoints.keySet());
    assertEquals(added, new TreeSet<>(ids("endpoint-added").stream().map(id -> id.substring(id.indexOf(':') + 1))
        .toList()), "each new endpoint once");
    assertTrue(ids("endpoint-added").contains("endpoint-added:POST /v1/group/list-member"));
  }

  @Test
  void everyEndpointThatDiffersHasItsChanges() {
    Map<String, EndpointDef> todayEndpoints = endpoints(today);
    endpoints(seed).forEach((key, before) -> {
      EndpointDef after = todayEndpoints.get(key);
      boolean differs = !Objects2.same(before.doc(), after.doc()) || !errors(before).equals(errors(after))
          || before.retryable() != after.retryable() || before.deprecated() != after.deprecated()
          || !body(before.request()).equals(body(after.request())) || !body(before.response()).equals(body(after.response()))
          || before.params().size() != after.params().size();
      boolean reported = changes.stream().anyMatch(change -> change.id().endsWith(":" + key)
          || change.id().contains(":" + key + " "));
      assertEquals(differs, reported, key + (differs ? " differs but no change says so" : " has a change but is the same"));
    });
  }

  @Test
  void everyTypeThatDiffersHasItsChanges() {
    Map<String, TypeDef> before = types(seed);
    Map<String, TypeDef> after = types(today);
    Set<String> all = new TreeSet<>(before.keySet());
    all.addAll(after.keySet());
    for (String name : all) {
      TypeDef a = before.get(name);
      TypeDef b = after.get(name);
      boolean reported = changes.stream().anyMatch(change -> change.id().endsWith(":" + name)
          || change.id().contains(":" + name + "."));
      boolean differs = a == null || b == null || !shape(a).equals(shape(b));
      assertEquals(differs, reported, name + (differs ? " differs but no change says so" : " has a change but is the same"));
      if (a == null) {
        assertTrue(ids("type-added").contains("type-added:" + name), name + " is new");
      }
    }
    assertEquals(List.of(), ids("type-removed"), "no seed type is gone");
  }

  @Test
  void everyProtobufFieldThatDiffersHasItsChange() {
    List<String> differing = new ArrayList<>();
    for (String name : todayProtos.names()) {
      DescriptorProto after = todayProtos.descriptor(name);
      DescriptorProto before = seedProtos.descriptor(name);
      if (before == null) {
        continue;
      }
      Map<Integer, FieldDescriptorProto> beforeFields = before.getFieldList().stream()
          .collect(Collectors.toMap(FieldDescriptorProto::getNumber, f -> f));
      for (FieldDescriptorProto field : after.getFieldList()) {
        if (!field.equals(beforeFields.remove(field.getNumber()))) {
          differing.add(name + "#" + field.getNumber());
        }
      }
      beforeFields.keySet().forEach(number -> differing.add(name + "#" + number));
    }
    Set<String> reported = changes.stream().filter(change -> change.type().startsWith("proto-field-"))
        .map(change -> change.id().substring(change.id().indexOf(':') + 1)).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(differing), reported, "each protobuf field that differs, and no other");
    assertTrue(differing.size() > 0, "the newer notes added fields to seed messages");
    assertTrue(reported.contains("yunhu.v1.GroupInfoResponse.GroupData#"
        + number("yunhu.v1.GroupInfoResponse.GroupData", "auto_delete_message")),
        "GroupData gained auto_delete_message");
  }

  @Test
  void todaysSpecOnlyAddsToTheSeed() {
    Map<Kind, Long> byKind = new TreeMap<>();
    changes.forEach(change -> change.kinds().forEach(kind -> byKind.merge(kind, 1L, Long::sum)));
    assertEquals(Map.of(Kind.SAFE, (long) changes.size()), byKind, () -> changes.stream()
        .filter(change -> !change.is(Kind.SAFE)).map(Change::toString).collect(Collectors.joining("\n")));
    Map<String, Long> byType = changes.stream().collect(Collectors.groupingBy(Change::type, TreeMap::new,
        Collectors.counting()));
    assertEquals(endpoints(today).size() - 20L, byType.get("endpoint-added"));
    assertEquals(types(today).size() - types(seed).size(), byType.get("type-added").intValue());
    assertTrue(ids("host-added").contains("host-added:web"));
    assertEquals(changes.size(), changes.stream().map(Change::id).distinct().count(), "each change once");
  }

  private List<String> ids(String... types) {
    Set<String> wanted = Set.of(types);
    return changes.stream().filter(change -> wanted.contains(change.type())).map(Change::id).toList();
  }

  private static int number(String message, String field) {
    return todayProtos.find(message).fields().get(field).getNumber();
  }

  private static Map<String, EndpointDef> endpoints(Spec spec) {
    Map<String, EndpointDef> all = new LinkedHashMap<>();
    for (GroupDef group : spec.groups()) {
      for (EndpointDef endpoint : group.endpoints()) {
        String host = group.host(endpoint);
        all.put(endpoint.method() + " " + endpoint.path() + (host == null ? "" : " @" + host), endpoint);
      }
    }
    return all;
  }

  private static Map<String, TypeDef> types(Spec spec) {
    Map<String, TypeDef> all = new LinkedHashMap<>();
    spec.types().forEach(type -> all.put(type.name(), type));
    return all;
  }

  /** A type without its locations. */
  private static String shape(TypeDef type) {
    if (type instanceof TypeDef.EnumDef enumDef) {
      return enumDef.doc() + enumDef.intValued() + enumDef.values().stream()
          .map(v -> v.name() + "=" + v.value() + ":" + v.doc()).toList();
    }
    TypeDef.ObjectDef object = (TypeDef.ObjectDef) type;
    return object.doc() + object.fields().stream().map(f -> List.of(f.wireName(), f.type().toString(),
        f.required(), String.valueOf(f.doc()), String.valueOf(f.example()), String.valueOf(f.javaName()), f.format(),
        f.secret())).toList();
  }

  private static String body(EndpointDef.Body body) {
    if (body == null) {
      return "none";
    }
    if (body instanceof EndpointDef.JsonBody json) {
      return "json " + json.typeName();
    }
    if (body instanceof EndpointDef.ProtobufBody protobuf) {
      return "protobuf " + protobuf.messageName();
    }
    return body.getClass().getSimpleName();
  }

  private static List<String> errors(EndpointDef endpoint) {
    return endpoint.errors().stream().map(e -> e.code() + " " + e.message() + " " + e.doc()).toList();
  }

  /** {@code Objects.equals}, named apart from the record's own. */
  private static final class Objects2 {
    static boolean same(Object a, Object b) {
      return java.util.Objects.equals(a, b);
    }
  }
}
