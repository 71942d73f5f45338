package dev.apispec.codegen;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Specs at the limits the validator sets for Java and file systems, and one past each: the one at the limit must
 * be accepted and compile, the one past it must be rejected. Each has a package of its own ({@code e<n>.…}).
 */
final class EdgeSpecs {
  private EdgeSpecs() {}

  /** Name, spec text and whether it must be accepted. */
  record Edge(String name, String yaml, boolean accepted) {}

  static Map<String, Edge> all() {
    Map<String, Edge> edges = new LinkedHashMap<>();
    add(edges, "record of 253 fields", true, api("Demo", "e0.demo", "token") + record(253));
    add(edges, "record of 254 fields", false, api("Demo", "e1.demo", "token") + record(254));
    add(edges, "int enum of 4000 values", true, api("Demo", "e2.demo", "token") + intEnum(4_000));
    add(edges, "int enum of 4001 values", false, api("Demo", "e3.demo", "token") + intEnum(4_001));
    add(edges, "string enum of 1500 values", true, api("Demo", "e4.demo", "token") + stringEnum(1_500));
    add(edges, "string enum of 1501 values", false, api("Demo", "e5.demo", "token") + stringEnum(1_501));
    add(edges, "group of 2700 endpoints", true, api("Demo", "e6.demo", "token") + group("g", 2_700));
    add(edges, "group of 2701 endpoints", false, api("Demo", "e7.demo", "token") + group("g", 2_701));
    StringBuilder groups = new StringBuilder(api("Demo", "e8.demo", "token")).append("groups:\n");
    for (int i = 0; i <= 3_000; i++) {
      groups.append(group("g" + i, 1).substring("groups:\n".length()));
    }
    add(edges, "3001 groups", false, groups.toString());
    // file names: 255 bytes with ".class" (the client's builder is the longest: NameClient$Builder.class)
    add(edges, "type name of 249 characters", true,
        api("Demo", "e9.demo", "token") + "types:\n  T" + "x".repeat(248) + ": {fields: {a: {type: string}}}\n");
    add(edges, "type name of 250 characters", false,
        api("Demo", "e10.demo", "token") + "types:\n  T" + "x".repeat(249) + ": {fields: {a: {type: string}}}\n");
    add(edges, "api name of 235 characters", true, api("A".repeat(235), "e11.demo", "token"));
    add(edges, "api name of 236 characters", false, api("A".repeat(236), "e12.demo", "token"));
    add(edges, "package part of 255 bytes", true, api("Demo", "e13.x" + "ü".repeat(127), "token"));
    add(edges, "package part of 257 bytes", false, api("Demo", "e14.x" + "ü".repeat(128), "token"));
    add(edges, "group class name of 255 bytes", true, api("Demo", "e15.demo", "token") + group("ü".repeat(123), 1));
    add(edges, "group class name of 257 bytes", false, api("Demo", "e16.demo", "token") + group("ü".repeat(124), 1));
    // string constants: 65,534 characters (javac's limit) and 65,535 bytes (the class file's)
    String prefix = "/v1/g/";
    add(edges, "path of 65534 characters", true, api("Demo", "e17.demo", "token")
        + path(prefix + "p".repeat(65_534 - prefix.length())));
    add(edges, "path of 65535 characters", false, api("Demo", "e18.demo", "token")
        + path(prefix + "p".repeat(65_535 - prefix.length())));
    add(edges, "enum value of 65535 bytes", true, api("Demo", "e19.demo", "token")
        + "types:\n  E:\n    enum: string\n    values:\n      A: {value: " + multiline("中".repeat(21_845)) + "}\n");
    add(edges, "enum value of 65538 bytes", false, api("Demo", "e20.demo", "token")
        + "types:\n  E:\n    enum: string\n    values:\n      A: {value: " + multiline("中".repeat(21_846)) + "}\n");
    return edges;
  }

  private static void add(Map<String, Edge> edges, String name, boolean accepted, String yaml) {
    edges.put(name, new Edge(name, yaml, accepted));
  }

  static String api(String name, String packageName, String header) {
    return "api:\n  name: " + name + "\n  package: " + packageName + "\n  baseUrl: https://api.example.com\n"
        + "  auth: {header: " + header + "}\n  json:\n    envelope: {code: code, message: msg, data: data, success: 1}\n";
  }

  private static String record(int fields) {
    StringBuilder yaml = new StringBuilder("types:\n  R:\n    fields:\n");
    for (int i = 0; i < fields; i++) {
      yaml.append("      f").append(i).append(": {type: int64, required: true}\n");
    }
    return yaml.toString();
  }

  /** Sparse values, so that javac writes a lookupswitch, the larger kind. */
  private static String intEnum(int values) {
    StringBuilder yaml = new StringBuilder("types:\n  E:\n    enum: int\n    values:\n");
    for (int i = 0; i < values; i++) {
      yaml.append("      V").append(i).append(": {value: ").append(1_000_000 + i * 977).append("}\n");
    }
    return yaml.toString();
  }

  private static String stringEnum(int values) {
    StringBuilder yaml = new StringBuilder("types:\n  E:\n    enum: string\n    values:\n");
    for (int i = 0; i < values; i++) {
      yaml.append("      V").append(i).append(": {value: v").append(i).append("}\n");
    }
    return yaml.toString();
  }

  private static String group(String name, int endpoints) {
    String prefix = "/v1/" + Math.abs(name.hashCode()) + "/";
    StringBuilder yaml = new StringBuilder("groups:\n  " + name + ":\n    prefix: " + prefix + "\n    endpoints:\n");
    for (int i = 0; i < endpoints; i++) {
      yaml.append("      - {path: ").append(prefix).append('e').append(i).append(", retryable: true}\n");
    }
    return yaml.toString();
  }

  private static String path(String path) {
    return "groups:\n  g:\n    prefix: /v1/g/\n    endpoints:\n      - path: " + multiline(path) + "\n";
  }

  /** A double-quoted string over many lines (an escaped line break joins them). */
  private static String multiline(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int start = 0; start < text.length(); start += 1_000) {
      out.append(start == 0 ? "" : "\\\n        ").append(text, start, Math.min(text.length(), start + 1_000));
    }
    return out.append('"').toString();
  }
}
