package dev.apispec.codegen;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a spec from fuzzer data: always well-formed YAML with the shape of the format (docs/spec-format.md), but
 * with names, documentation and values drawn from pools of ordinary and hostile ones (Java keywords, names that
 * are not identifiers, names that clash with what the generated code declares, comment ends, format
 * placeholders, unicode escapes) or made up by the fuzzer, and now and then a value of the wrong kind, a missing
 * key or an unknown one. Every key and scalar is written as a double-quoted YAML string (or a plain number or
 * boolean), so no made-up text can change the document's structure.
 *
 * <p>Exhausted data gives the first choice of each pool, which makes a small valid spec.
 */
final class SpecGrammar {
  /** Names of Java types a spec may declare, first the ordinary ones. */
  private static final String[] TYPE_NAMES = {
    "Tag", "Friend", "Colour", "ChatType", "Page", "Order", "Tag", "class", "名字", "a-b", "123abc", "String",
    "Void", "Objects", "Map", "List", "Endpoint", "DemoClient", "DemoApiException", "Builder", "JsonProperty",
    "Record", "A", "T", "Ab$c", "tag", "TAG"};
  /** Wire names of fields, Java names, group names, endpoint names. */
  private static final String[] NAMES = {
    "id", "chatId", "del_flag", "name", "msgTypeLimit", "group-tag", "recommend/list", "class", "default",
    "123abc", "名字", "a-b", "_", "$", "__", "--", "", " ", "unknownFields", "unknown_fields", "Objects", "Map",
    "Collections", "toString", "hashCode", "getClass", "wait", "equals", "builder", "transport", "request",
    "value", "of", "yield", "record", "var", "sealed", "ß", "SS", "ss", "a\u00adb", "ab", "İ", "ǅ", "x\ny",
    "*/", "$S", "\\u000a", "chat id", "a.b", "true", "null", "DEFAULT_BASE_URI", "baseUri", "Base-Uri",
    "request-timeout", "http_client", "retryPolicy", "maxResponseBytes", "build", "Async", "listAsync"};
  /** Constant names of enums. */
  private static final String[] CONSTANTS = {
    "USER", "GROUP", "BOT", "DARK_BLUE", "A", "B", "CLASS", "DEFAULT", "class", "123ABC", "名字", "A-B", "_",
    "__", "VALUE", "OF", "A_", "A__B", "ß", "TRUE", "NULL"};
  /** Pieces of documentation text, first the plain ones. */
  private static final String[] DOCS = {
    "A tag.", "The name of the user.", "", "*/", "/*", "/** */", "*/ class Evil {} /*", "$S $L $T $N $$ $",
    "\\u000a class EvilTwo {}", "\\u002a\\u002f", "C:\\dir\\", "\\", "<b>bold</b>", "<script>alert(1)</script>",
    "&amp; &lt;", "<!-- x -->", "</p>", "@param x", "@return y", "@deprecated", "{@code x}", "{@link Nope}",
    "{@inheritDoc}", "\"quoted\"", "'single'", "\t", "\r\n", "\n\n", "中文。", "😀", "\u2028", "\u0085", "\u0000",
    "\u200b", "%s %n", "\\n", "}", "{", "@", "*", "/"};
  private static final String[] PACKAGES = {
    "dev.demo", "dev.example.shop", "dev.ü.x", "a.b.c", "dev.demo.model", "dev.class", "dev.123", "Dev.Demo",
    "dev..demo", ""};
  private static final String[] API_NAMES = {"Demo", "Shop", "Yunhu", "A", "demo", "名字", "Api", "Demo1", "class"};
  private static final String[] BASE_URLS = {
    "https://api.example.com", "http://localhost:8080/base/", "https://例子.example/v1", "ftp://files.example.com",
    "https://api.example.com?q=1", "not a url", "https://", "http://[::1]:80"};
  private static final String[] HEADERS = {
    "token", "X-Api-Key", "Authorization", "x-token", "class", "-", "Base-Uri", "request-timeout", "httpClient",
    "retry_policy", "Max-Response-Bytes", "build", "to ken", "tök", ""};
  private static final String[] SEGMENTS = {
    "list", "add", "relate-cancel", "recommend/list", "info", "class", "default", "123abc", "a-b", "名字", "",
    "x y", "a?b", "%20", "_", "--", "a_b", "aB", "toString", "getClass", "wait", "transport", "builder", "list"};
  private static final String[] METHODS = {"POST", "GET", "PUT", "PATCH", "DELETE", "FETCH", "post"};
  private static final String[] MESSAGES = {
    "testapi.v1.EchoResponse", "testapi.v1.EchoRequest", "testapi.v1.StatuslessResponse", "testapi.v1.Status",
    "testapi.v1.EchoResponse.Detail", "testapi.v1.Nope", "EchoRequest"};
  private static final String[] SCALAR_TYPES = {"string", "int32", "int64", "float64", "bool"};

  private final FuzzedDataProvider data;
  private final List<String> typeNames = new ArrayList<>();
  private final List<String> objectNames = new ArrayList<>();

  private SpecGrammar(FuzzedDataProvider data) {
    this.data = data;
  }

  /** A spec made from {@code data}, as YAML text. */
  static String build(FuzzedDataProvider data) {
    return yaml(new SpecGrammar(data).spec());
  }

  private Map<String, Object> spec() {
    Map<String, Object> spec = new LinkedHashMap<>();
    // The type names come first, so that fields and bodies can refer to them.
    int typeCount = data.consumeInt(0, 4);
    for (int i = 0; i < typeCount; i++) {
      typeNames.add(pick(TYPE_NAMES, 6));
    }
    boolean json = !rarely();
    boolean protobuf = !rarely();
    put(spec, "api", api(json, protobuf));
    if (typeCount > 0) {
      Map<String, Object> types = new LinkedHashMap<>();
      for (String name : typeNames) {
        boolean isEnum = data.consumeInt(0, 2) == 2;
        if (!isEnum) {
          objectNames.add(name);
        }
        types.put(name, isEnum ? enumType() : objectType());
      }
      put(spec, "types", types);
    }
    int groupCount = data.consumeInt(0, 3);
    if (groupCount > 0) {
      Map<String, Object> groups = new LinkedHashMap<>();
      for (int i = 0; i < groupCount; i++) {
        String name = i == 0 ? pick(new String[] {"tags", "friend", "group-tag"}, 3) : pick(NAMES, 6);
        groups.put(name, group(name));
      }
      put(spec, "groups", groups);
    }
    sometimesUnknownKey(spec);
    return spec;
  }

  private Map<String, Object> api(boolean json, boolean protobuf) {
    Map<String, Object> api = new LinkedHashMap<>();
    put(api, "name", pick(API_NAMES, 4));
    put(api, "package", pick(PACKAGES, 4));
    put(api, "baseUrl", pick(BASE_URLS, 2));
    optional(api, "doc", this::doc);
    Map<String, Object> auth = new LinkedHashMap<>();
    put(auth, "header", pick(HEADERS, 4));
    optional(auth, "doc", this::doc);
    put(api, "auth", auth);
    if (json) {
      Map<String, Object> settings = new LinkedHashMap<>();
      optional(settings, "contentType", () -> pick(new String[] {"application/json", "text/x-json; charset=utf-8"}, 2));
      Map<String, Object> envelope = new LinkedHashMap<>();
      put(envelope, "code", pick(new String[] {"code", "status", "\"", "*/"}, 2));
      put(envelope, "message", pick(new String[] {"msg", "message", "$S", "\\u000a"}, 2));
      put(envelope, "data", pick(new String[] {"data", "payload", ""}, 2));
      put(envelope, "success", (long) data.consumeInt(-1, 1));
      put(settings, "envelope", envelope);
      put(api, "json", settings);
    }
    if (protobuf) {
      Map<String, Object> settings = new LinkedHashMap<>();
      optional(settings, "contentType", () -> "application/x-protobuf");
      Map<String, Object> status = new LinkedHashMap<>();
      put(status, "field", pick(new String[] {"status", "nope"}, 1));
      put(status, "code", pick(new String[] {"code", "nope"}, 1));
      put(status, "message", pick(new String[] {"msg", "nope"}, 1));
      put(status, "success", 1L);
      put(settings, "status", status);
      put(api, "protobuf", settings);
    }
    sometimesUnknownKey(api);
    return api;
  }

  private Map<String, Object> objectType() {
    Map<String, Object> type = new LinkedHashMap<>();
    optional(type, "doc", this::doc);
    Map<String, Object> fields = new LinkedHashMap<>();
    int count = data.consumeInt(0, 5);
    for (int i = 0; i < count; i++) {
      String wireName = pick(NAMES, 5);
      Map<String, Object> field = new LinkedHashMap<>();
      String type1 = typeRef(0);
      put(field, "type", type1);
      optional(field, "required", data::consumeBoolean);
      optional(field, "doc", this::doc);
      optional(field, "example", () -> example(type1));
      if (rarely()) {
        put(field, "javaName", pick(NAMES, 5));
      }
      if (type1.startsWith("list<") && data.consumeBoolean()) {
        put(field, "format", pick(new String[] {"comma-separated", "csv"}, 1));
      }
      sometimesUnknownKey(field);
      fields.put(wireName, field);
    }
    put(type, "fields", fields);
    sometimesUnknownKey(type);
    return type;
  }

  private Object example(String type) {
    if (data.consumeInt(0, 7) < 7) {
      // one that fits the type
      return switch (type) {
        case "int32", "int64" -> (long) data.consumeInt();
        case "float64" -> data.consumeRegularDouble(-1e6, 1e6);
        case "bool" -> data.consumeBoolean();
        default -> doc();
      };
    }
    return switch (data.consumeInt(0, 3)) {
      case 0 -> data.consumeLong();
      case 1 -> data.consumeBoolean();
      case 2 -> data.consumeRegularDouble(-1e6, 1e6);
      default -> doc();
    };
  }

  private String typeRef(int depth) {
    int choice = data.consumeInt(0, 15);
    if (choice <= 5 || depth > 2) {
      return SCALAR_TYPES[choice % SCALAR_TYPES.length];
    }
    if (choice <= 9 && !typeNames.isEmpty()) {
      return data.pickValue(typeNames);
    }
    if (choice <= 11) {
      return "list<" + typeRef(depth + 1) + ">";
    }
    if (choice <= 14) {
      return "map<" + typeRef(depth + 1) + ">";
    }
    return pick(new String[] {"strin", "list<", "list<>", "map<string", "Nope", "list < string >", "int"}, 0);
  }

  private Map<String, Object> enumType() {
    Map<String, Object> type = new LinkedHashMap<>();
    optional(type, "doc", this::doc);
    boolean intValued = data.consumeBoolean();
    put(type, "enum", intValued ? "int" : pick(new String[] {"string", "float"}, 1));
    Map<String, Object> values = new LinkedHashMap<>();
    int count = data.consumeInt(1, 4);
    for (int i = 0; i < count; i++) {
      Map<String, Object> value = new LinkedHashMap<>();
      put(value, "value", intValued
          ? (Object) (rarely() ? data.consumeLong() : (long) data.consumeInt(-2, 3))
          : (Object) pick(new String[] {"red", "dark-blue", "*/ \" \\ $L", "", "中"}, 2));
      optional(value, "doc", this::doc);
      values.put(pick(CONSTANTS, 6), value);
    }
    put(type, "values", values);
    sometimesUnknownKey(type);
    return type;
  }

  private Map<String, Object> group(String name) {
    Map<String, Object> group = new LinkedHashMap<>();
    optional(group, "doc", this::doc);
    String prefix = rarely() ? pick(new String[] {"v1/", "/v1", "/"}, 0) : "/v1/" + segment(name) + "/";
    put(group, "prefix", prefix);
    List<Object> endpoints = new ArrayList<>();
    int count = data.consumeInt(1, 4);
    for (int i = 0; i < count; i++) {
      endpoints.add(endpoint(prefix));
    }
    put(group, "endpoints", endpoints);
    sometimesUnknownKey(group);
    return group;
  }

  private Map<String, Object> endpoint(String prefix) {
    Map<String, Object> endpoint = new LinkedHashMap<>();
    put(endpoint, "path", (rarely() ? "/other/" : prefix) + pick(SEGMENTS, 5));
    optional(endpoint, "method", () -> pick(METHODS, 5));
    if (rarely()) {
      put(endpoint, "name", pick(NAMES, 5));
    }
    optional(endpoint, "doc", this::doc);
    optional(endpoint, "request", () -> body(false));
    optional(endpoint, "response", () -> body(true));
    if (data.consumeBoolean()) {
      List<Object> errors = new ArrayList<>();
      int count = data.consumeInt(1, 2);
      for (int i = 0; i < count; i++) {
        Map<String, Object> error = new LinkedHashMap<>();
        put(error, "code", (long) data.consumeInt(-2, 2));
        optional(error, "message", this::doc);
        optional(error, "doc", this::doc);
        errors.add(error);
      }
      put(endpoint, "errors", errors);
    }
    optional(endpoint, "deprecated", data::consumeBoolean);
    optional(endpoint, "retryable", data::consumeBoolean);
    sometimesUnknownKey(endpoint);
    return endpoint;
  }

  private Map<String, Object> body(boolean response) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (objectNames.isEmpty() || data.consumeInt(0, 3) == 3) {
      body.put("protobuf", pick(MESSAGES, response ? 1 : 2));
    } else {
      body.put("json", objectNames.isEmpty() || rarely() ? pick(TYPE_NAMES, 0) : data.pickValue(objectNames));
    }
    return body;
  }

  /** Documentation: one to three pieces, now and then with text the fuzzer made up. */
  private String doc() {
    StringBuilder doc = new StringBuilder();
    int pieces = data.consumeInt(1, 3);
    for (int i = 0; i < pieces; i++) {
      doc.append(i == 0 ? "" : " ").append(rarely() ? data.consumeString(24) : pick(DOCS, 2));
    }
    return doc.toString();
  }

  /**
   * One of {@code pool}; the first {@code ordinary} entries are the likely ones. Rarely a name the fuzzer made
   * up instead.
   */
  private String pick(String[] pool, int ordinary) {
    int choice = data.consumeInt(0, 31);
    if (choice == 31) {
      return data.consumeString(12);
    }
    if (choice < 28 && ordinary > 0) {
      return pool[choice % ordinary];
    }
    return pool[data.consumeInt(0, pool.length - 1)];
  }

  /** True one time in eight; false when the data is used up, as every unusual choice. */
  private boolean rarely() {
    return data.consumeInt(0, 7) == 7;
  }

  /** Puts {@code value}, or now and then leaves the key out or puts a value of the wrong kind. */
  private void put(Map<String, Object> map, String key, Object value) {
    switch (data.consumeInt(0, 63)) {
      case 62 -> {
        // left out
      }
      case 63 -> map.put(key, data.pickValue(new Object[] {5L, List.of("x"), Map.of("k", "v"), NULL, true, ""}));
      default -> map.put(key, value);
    }
  }

  private void optional(Map<String, Object> map, String key, java.util.function.Supplier<Object> value) {
    if (data.consumeBoolean()) {
      put(map, key, value.get());
    }
  }

  private void sometimesUnknownKey(Map<String, Object> map) {
    if (data.consumeInt(0, 63) == 63) {
      map.put(pick(new String[] {"colour", "docs", "Doc", "type"}, 0), "x");
    }
  }

  /** YAML null, which a {@code Map.of} cannot hold. */
  private static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "~";
    }
  };

  /** A path segment made of a group's name as a person would: only its plain characters. */
  private static String segment(String name) {
    String plain = name.replaceAll("[^A-Za-z0-9_-]", "");
    return plain.isEmpty() ? "g" : plain;
  }

  // --- writing YAML ---

  static String yaml(Map<String, Object> root) {
    StringBuilder out = new StringBuilder();
    writeMap(root, 0, out);
    return out.toString();
  }

  private static void writeMap(Map<?, ?> map, int indent, StringBuilder out) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      out.append(" ".repeat(indent)).append(quote(String.valueOf(entry.getKey()))).append(':');
      writeValue(entry.getValue(), indent, out);
    }
  }

  private static void writeValue(Object value, int indent, StringBuilder out) {
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      out.append('\n');
      writeMap(map, indent + 2, out);
    } else if (value instanceof List<?> list && !list.isEmpty()) {
      out.append('\n');
      for (Object item : list) {
        if (item instanceof Map<?, ?> map && !map.isEmpty()) {
          // "- " then the map's entries, the first on the dash's line
          StringBuilder entries = new StringBuilder();
          writeMap(map, indent + 4, entries);
          out.append(" ".repeat(indent + 2)).append("- ").append(entries.substring(indent + 4));
        } else {
          out.append(" ".repeat(indent + 2)).append('-');
          writeValue(item, indent + 2, out);
        }
      }
    } else {
      out.append(' ').append(scalar(value)).append('\n');
    }
  }

  private static String scalar(Object value) {
    if (value instanceof Map<?, ?>) {
      return "{}";
    }
    if (value instanceof List<?>) {
      return "[]";
    }
    if (value instanceof String text) {
      return quote(text);
    }
    return String.valueOf(value); // numbers, booleans, NULL
  }

  /** A double-quoted YAML scalar: anything that is not plainly printable is escaped. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) && !validPair(text, i)
          || c == '\u2028' || c == '\u2029' || c == '\ufeff' || c >= '\ufffe') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static boolean validPair(String text, int i) {
    char c = text.charAt(i);
    return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
