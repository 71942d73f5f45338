package dev.apispec.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Specs that look valid but go for the edges of what Java and file systems take: names of the packages that
 * generated code names, packages of the JDK, names a byte under or over the file-name limit, string constants over the class-file limit, paths with dot
 * segments or broken escapes, comma-separated enums whose values hold the separator, out-of-range examples,
 * YAML tags and unpaired surrogates (the sizes at the limits are {@link EdgeSpecs}'). Each hostile choice is
 * rare, so that many specs are accepted and compiled.
 * The same seed gives the same spec; {@code index} makes its package unique, so that many compile together.
 */
final class HostileSpecs {
  private static final String[] TYPE_NAMES = {
    "Tag", "Friend", "Page", "Objects", "Map", "Collections", "List", "JsonProperty", "JsonInclude",
    "CommaSeparated", "Endpoint", "ApiTransport", "ResponseFormat", "CompletableFuture", "URI", "Duration",
    "HttpClient", "RetryPolicy", "LinkedHashMap", "Override"};
  private static final String[] PLAIN_FIELDS = {"id", "name", "chat_id", "value", "a-b", "list", "map", "type"};
  private static final String[] ROOT_FIELDS = {"java", "javax", "com", "dev", "org", "jdk", "sun", "testapi"};

  private final Random random;
  private final String root;
  private final StringBuilder out = new StringBuilder();
  private final List<String> typeNames = new ArrayList<>();
  private final List<String> objects = new ArrayList<>();
  private final List<String> stringEnums = new ArrayList<>();

  private HostileSpecs(long seed, int index) {
    this.random = new Random(seed);
    this.root = "h" + index;
  }

  /** The spec of {@code seed}, with its package below {@code h<index>}. */
  static String build(long seed, int index) {
    return new HostileSpecs(seed, index).spec();
  }

  private String spec() {
    out.append("api:\n");
    out.append("  name: ").append(oneIn(12) ? "A".repeat(234 + random.nextInt(3)) : pick("Demo", "Http", "Json", "Api"))
        .append('\n');
    out.append("  package: ").append(packageName()).append('\n');
    out.append("  baseUrl: https://api.example.com\n");
    out.append("  auth: {header: ").append(oneIn(10) ? pick(ROOT_FIELDS) : "token").append("}\n");
    out.append("  json:\n    envelope: {code: code, message: msg, data: data, success: 1}\n");
    out.append("  protobuf:\n    status: {field: status, code: code, message: msg, success: 1}\n");
    int types = random.nextInt(4);
    for (int i = 0; i < types; i++) {
      String name = oneIn(10) ? "T" + "x".repeat(247 + random.nextInt(3)) : pick(TYPE_NAMES) + (i == 0 ? "" : i);
      typeNames.add(name);
    }
    if (!typeNames.isEmpty()) {
      out.append("types:\n");
      for (String name : typeNames) {
        if (random.nextInt(3) == 0) {
          enumType(name);
        } else {
          objects.add(name);
        }
      }
      for (String name : objects) {
        objectType(name);
      }
    }
    out.append("groups:\n");
    int groups = 1 + random.nextInt(2);
    for (int i = 0; i < groups; i++) {
      group(i);
    }
    return out.toString();
  }

  private String packageName() {
    return switch (oneIn(4) ? random.nextInt(10) : 0) {
      case 1 -> root;
      case 2 -> root + "." + "ü".repeat(126 + random.nextInt(3)); // 252 to 256 bytes
      case 3 -> pick("java", "javax", "jdk", "sun", "com.sun") + "." + root;
      case 4 -> pick("org.w3c.dom", "org.xml.sax", "javax.lang", "org.ietf.jgss", "dev.apispec.runtime");
      case 5 -> root + ".java";
      default -> root + ".demo";
    };
  }

  private void enumType(String name) {
    boolean ints = random.nextBoolean();
    if (!ints) {
      stringEnums.add(name);
    }
    out.append("  ").append(name).append(":\n    enum: ").append(ints ? "int" : "string").append("\n    values:\n");
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      String constant = i == 0 && oneIn(10) ? pick("JAVA", "DEV", "COM") : "V" + i;
      out.append("      ").append(constant).append(": {value: ");
      if (ints) {
        out.append(oneIn(8) ? random.nextInt() : i * 7 - 3);
      } else {
        String value = i == 0 && oneIn(6) ? pick("a,b", "", ",") : i == 1 && oneIn(30) ? "v".repeat(65_536)
            : "v" + i + (oneIn(20) ? "\ud800" : "");
        out.append(quoted(value, 8));
      }
      out.append("}\n");
    }
  }

  private void objectType(String name) {
    out.append("  ").append(name).append(":\n");
    if (oneIn(15)) {
      out.append("    doc: ").append(quoted(random.nextBoolean() ? "x\ud800y" : "*/ \\u000a $S", 6)).append('\n');
    }
    out.append("    fields:\n");
    int count = random.nextInt(5);
    if (count == 0) {
      out.append("      {}\n");
      return;
    }
    for (int i = 0; i < count; i++) {
      String wire = count > 10 ? "f" + i : oneIn(12) ? pick(ROOT_FIELDS) : oneIn(25) ? root
          : pick(PLAIN_FIELDS) + (i == 0 ? "" : "_" + i);
      String type = fieldType();
      if (oneIn(40)) {
        out.append("      ? ").append(quoted("w".repeat(65_530), 8)).append('\n').append("      :");
      } else {
        out.append("      ").append(quoted(wire, 8)).append(':');
      }
      out.append(" {type: ").append(oneIn(40) ? "!foo " : "").append(quoted(type, 8));
      boolean scalarList = type.startsWith("list<") && !type.startsWith("list<list") && !type.startsWith("list<map");
      if (scalarList && random.nextBoolean()) {
        out.append(", format: comma-separated");
      }
      if (type.equals("int32") && oneIn(4)) {
        out.append(", example: ").append(random.nextBoolean() ? random.nextLong() : random.nextInt());
      }
      out.append(", required: ").append(random.nextBoolean()).append("}\n");
    }
  }

  private String fieldType() {
    int choice = random.nextInt(10);
    if (choice < 4 || typeNames.isEmpty()) {
      return pick("string", "int32", "int64", "float64", "bool");
    }
    String named = typeNames.get(random.nextInt(typeNames.size()));
    if (choice < 6) {
      return named;
    }
    if (choice < 8 && !stringEnums.isEmpty()) {
      return "list<" + stringEnums.get(random.nextInt(stringEnums.size())) + ">";
    }
    return choice == 8 ? "list<" + named + ">" : "map<list<" + named + ">>";
  }

  private void group(int index) {
    String name = oneIn(10) ? pick(ROOT_FIELDS) : oneIn(10) ? "ü".repeat(122 + random.nextInt(3)) : "g" + index;
    String prefix = "/v1/g" + index + "/";
    out.append("  ").append(quoted(name, 4)).append(":\n    prefix: ").append(prefix).append("\n    endpoints:\n");
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      String segment = count > 10 ? "e" + i : oneIn(10) ? pick("../x", "./y", "a/../b", "%zz", "%4", "%41b", "x%")
          : oneIn(40) ? "p".repeat(65_536) : "op" + i;
      out.append("      - path: ").append(quoted(prefix + segment, 10)).append('\n');
      if (!objects.isEmpty() && random.nextBoolean()) {
        String body = objects.get(random.nextInt(objects.size()));
        out.append("        request: {json: ").append(quoted(body, 10)).append("}\n");
      } else if (random.nextInt(3) == 0) {
        out.append("        request: {protobuf: testapi.v1.EchoRequest}\n");
        out.append("        response: {protobuf: testapi.v1.EchoResponse}\n");
      }
    }
  }

  /** A double-quoted YAML string; a long one is broken over lines (an escaped line break joins them). */
  private static String quoted(String text, int indent) {
    String quoted = SpecGrammar.quote(text);
    if (quoted.length() <= 1_000) {
      return quoted;
    }
    StringBuilder lines = new StringBuilder();
    for (int start = 0; start < quoted.length(); start += 1_000) {
      if (start > 0) {
        lines.append("\\\n").append(" ".repeat(indent));
      }
      lines.append(quoted, start, Math.min(quoted.length(), start + 1_000));
    }
    return lines.toString();
  }

  /** Rarely: each spec should have few hostile parts, so that many are accepted. */
  private boolean oneIn(int n) {
    return random.nextInt(n * 3) == 0;
  }

  private String pick(String... pool) {
    return pool[random.nextInt(pool.length)];
  }
}
