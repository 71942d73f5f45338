package dev.apispec.codegen.spec;

import dev.apispec.codegen.diagnostics.Problem;
import dev.apispec.codegen.diagnostics.Problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import dev.apispec.codegen.Codegen;
import dev.apispec.codegen.ReliabilityAreas;
import dev.apispec.runtime.testing.Reliability;
import dev.apispec.codegen.SpecProblems;
import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.validate.SpecValidator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * YAML that is malicious or merely odd: alias bombs, documents nested thousands deep, specs of ten megabytes,
 * duplicate keys, tabs, byte-order marks. Each is read in bounded time and memory, and ends in a valid spec or in
 * problems located where the trouble is.
 */
class HostileYamlTest {
  @RegisterExtension
  static final Reliability FIGURES = Reliability.forClass(HostileYamlTest.class);

  private static final String TRIED = "specs read";

  /** A valid api section of 5 lines. */
  private static final String API = """
      api:
        name: Demo
        package: dev.demo
        baseUrl: https://api.example.com
        auth: {header: token}
      """;

  /**
   * Runs {@code work} on another thread, failing if it takes longer than {@code time} or if that thread allocates
   * more than {@code maxBytes} (HotSpot counts every byte a thread allocates, garbage included).
   */
  private static <T> T bounded(Duration time, long maxBytes, Supplier<T> work) {
    return assertTimeoutPreemptively(time, () -> {
      com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long before = threads.getCurrentThreadAllocatedBytes();
      T result = work.get();
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      assertTrue(allocated <= maxBytes, "allocated " + allocated + " bytes, more than " + maxBytes);
      return result;
    });
  }

  /** The problems of reading and validating {@code yaml}, as {@code file:line:col: message}. */
  private static List<String> problemsOf(String yaml) {
    Problems problems = new Problems();
    Spec spec = SpecReader.readText("spec.yaml", yaml, problems);
    SpecValidator.validate(spec, null, problems);
    return problems.sorted().stream().map(Problem::toString).toList();
  }

  private static final String ALIASES = "YAML anchors and aliases are not supported in a spec; write the value out";

  @Test
  void anAliasBombIsReportedNotExpanded() {
    Reliability.Row row = FIGURES.row(ReliabilityAreas.HOSTILE_SPECS, "alias bombs (billion laughs)", TRIED);
    row.tried(2).note("no alias is ever expanded (Jackson streams SnakeYAML's events; LoaderOptions' alias limit is"
        + " never consulted); before the fix an alias of a single value was read, silently, as the anchor's name");
    // Three levels: each anchor and alias is a problem where it stands; no alias is followed.
    assertEquals(List.of(
            "spec.yaml:1:1: unknown key 'a0' in a spec file; allowed: api, groups, types",
            "spec.yaml:1:1: no file of the spec has an 'api' section; add one",
            "spec.yaml:1:5: " + ALIASES,
            "spec.yaml:2:1: unknown key 'a1' in a spec file; allowed: api, groups, types",
            "spec.yaml:2:5: " + ALIASES,
            "spec.yaml:2:10: " + ALIASES,
            "spec.yaml:2:15: " + ALIASES,
            "spec.yaml:3:1: unknown key 'a2' in a spec file; allowed: api, groups, types",
            "spec.yaml:3:5: " + ALIASES,
            "spec.yaml:3:10: " + ALIASES,
            "spec.yaml:3:15: " + ALIASES),
        problemsOf("a0: &a0 [lol, lol]\na1: &a1 [*a0, *a0]\na2: &a2 [*a1, *a1]\n"));

    // The classic: ten levels of ten, 10^10 "lol"s if expanded, inside the api's documentation.
    StringBuilder bomb = new StringBuilder(API).append("  doc:\n    l0: &l0 [").append("lol, ".repeat(9))
        .append("lol]\n");
    for (int level = 1; level < 10; level++) {
      bomb.append("    l").append(level).append(": &l").append(level).append(" [")
          .append(("*l" + (level - 1) + ", ").repeat(9)).append("*l").append(level - 1).append("]\n");
    }
    List<String> problems = bounded(Duration.ofSeconds(5), 16 << 20, () -> problemsOf(bomb.toString()));
    List<String> expected = new ArrayList<>();
    expected.add("spec.yaml:7:5: 'doc' must be a string, not a map");
    for (int level = 0; level < 10; level++) {
      expected.add("spec.yaml:" + (7 + level) + ":9: " + ALIASES); // the anchor
      for (int alias = 0; level > 0 && alias < 10; alias++) {
        expected.add("spec.yaml:" + (7 + level) + ":" + (14 + 5 * alias) + ": " + ALIASES);
      }
    }
    assertEquals(expected, problems);
  }

  @Test
  void anAliasIsNeverReadAsTheNameOfItsAnchor() {
    Reliability.Row row = FIGURES.row(ReliabilityAreas.HOSTILE_SPECS, "alias bombs (billion laughs)", TRIED);
    row.tried(1);
    // Jackson reads "*n" as the string "n": before this was reported, the doc silently became "n".
    assertEquals(List.of("spec.yaml:6:8: " + ALIASES), problemsOf(API.replace("name: Demo", "name: &n Demo")
        + "  doc: *n\n"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # kind                         | depth   | line | column
      flow sequences                 | 100000  | 66   | 3
      flow mappings                  | 100000  | 66   | 3
      block sequences on one line    | 30000   | 2    | 131
      block mappings                 | 1000    | 66   | 66
      """)
  void aDeeplyNestedDocumentIsOneProblemAtTheDepthLimit(String kind, int depth, int line, int column) {
    Reliability.Row row = FIGURES.row(ReliabilityAreas.HOSTILE_SPECS, "deep nesting (to 100,000 levels)", TRIED);
    row.tried(1).note("before the fix Jackson's own nesting limit added a second problem, placed at line 1 column 1");
    String yaml = switch (kind) {
      // one bracket a line: a line may not be longer than 64 KiB
      case "flow sequences" -> "api:\n" + "  [\n".repeat(depth) + "  ]\n".repeat(depth);
      case "flow mappings" -> "api:\n" + "  {a:\n".repeat(depth) + "  }\n".repeat(depth);
      case "block sequences on one line" -> "api:\n  " + "- ".repeat(depth) + "x\n";
      default -> {
        StringBuilder block = new StringBuilder("api:\n");
        for (int i = 1; i < depth; i++) {
          block.append(" ".repeat(i)).append("k:\n");
        }
        yield block.toString();
      }
    };
    assertEquals(List.of("spec.yaml:" + line + ":" + column + ": the document is nested deeper than 64 levels"),
        bounded(Duration.ofSeconds(5), 32 << 20, () -> problemsOf(yaml)));
  }

  @Test
  void aNestedTypeReferenceIsOneProblem() {
    Reliability.Row row = FIGURES.row(ReliabilityAreas.HOSTILE_SPECS, "deep nesting (to 100,000 levels)", TRIED);
    row.tried(1);
    String type = "list<".repeat(10_000) + "string" + ">".repeat(10_000);
    List<String> problems = bounded(Duration.ofSeconds(5), 256 << 20, () -> problemsOf(API
        + "types:\n  T:\n    fields:\n      a: {type: \"" + type + "\"}\n"));
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).startsWith("spec.yaml:9:17: 'list<list<"), problems.get(0));
    assertTrue(problems.get(0).endsWith(">' is not a type; write string, int32, int64, float64, bool, a type name,"
        + " list<T> or map<T>"), problems.get(0));
  }

  /** A valid spec of at least {@code size} characters: many object types with documented fields. */
  static String bigSpec(int size) {
    StringBuilder spec = new StringBuilder(API).append("types:\n");
    for (int n = 0; spec.length() < size; n++) {
      spec.append("  Type").append(n).append(":\n    doc: ")
          .append("The documentation of a type, as long as a real one would be. ".repeat(3)).append("\n    fields:\n");
      for (int field = 0; field < 8; field++) {
        spec.append("      field").append(field).append(": {type: string, doc: The field number ").append(field)
            .append(" of this type.}\n");
      }
    }
    return spec.toString();
  }

  @Test
  void aTenMegabyteSpecIsReadInSeconds() {
    Reliability.Row row = FIGURES.row(ReliabilityAreas.HOSTILE_SPECS, "10 MB specs", TRIED);
    row.tried(1);
    String yaml = bigSpec(10 << 20);
    // About 2 s on a cold JVM of two cores; the limit leaves room for a slow machine, not for a slower algorithm.
    Spec spec = bounded(Duration.ofSeconds(20), 4L << 30, () -> {
      Problems problems = new Problems();
      Spec read = SpecReader.readText("big.yaml", yaml, problems);
      SpecValidator.validate(read, null, problems);
      assertEquals(List.of(), problems.sorted());
      return read;
    });
    assertTrue(spec.types().size() > 13_000, spec.types().size() + " types");
    TypeDef.ObjectDef last = (TypeDef.ObjectDef) spec.types().get(spec.types().size() - 1);
    assertEquals("Type" + (spec.types().size() - 1), last.name());
    assertEquals("field7", last.fields().get(7).wireName());
  }

  @Test
  void aTenMegabyteLineIsOneProblemAtOnce() {
    Reliability.Row row = FIGURES.row(ReliabilityAreas.HOSTILE_SPECS, "10 MB specs", TRIED);
    row.tried(3).note("a 10 MB word (no space or line break) took 84 s and allocated 200 GB in SnakeYAML's scanner,"
        + " which is quadratic in the length of a token; lines are now limited to 64 KiB (fixed). A 10 MB spec of"
        + " 14,000 types reads in about 2 s");
    // SnakeYAML scans one long word in time that grows with the square of its length: this took 84 s.
    String word = "x".repeat(10 << 20);
    String tooLong = "spec.yaml:6:65537: the line is longer than 65536 characters; break it (a YAML string may span"
        + " lines)";
    assertEquals(List.of(tooLong), bounded(Duration.ofSeconds(5), 64 << 20,
        () -> problemsOf(API + "  doc: \"" + word + "\"\n")));
    assertEquals(List.of(tooLong.replace(":6:", ":7:")), bounded(Duration.ofSeconds(5), 64 << 20,
        () -> problemsOf(API + "  doc: a\n# " + word + "\n")));
    // The longest line allowed is read as usual.
    String longest = "x".repeat(65_536 - "  doc: ".length());
    Problems problems = new Problems();
    Spec spec = SpecReader.readText("spec.yaml", API + "  doc: " + longest + "\n", problems);
    assertEquals(List.of(), problems.sorted());
    assertEquals(longest, spec.api().doc());
  }

  @Test
  void aSpecOverTheCodePointLimitIsOneProblem() {
    Reliability.Row row = FIGURES.row(ReliabilityAreas.HOSTILE_SPECS, "specs over the size limit (64 Mi code points)",
        TRIED);
    row.tried(1);
    assertOneProblemOverTheLimit(API + "  doc: |\n", "    " + "word ".repeat(200) + "\n");
  }

  @Test
  void commentsCountTowardsTheCodePointLimit() {
    Reliability.Row row = FIGURES.row(ReliabilityAreas.HOSTILE_SPECS, "specs over the size limit (64 Mi code points)",
        TRIED);
    row.tried(1).note("a file of comments went over the limit unseen: SnakeYAML counts only what it scans as"
        + " tokens (fixed: every code point counts)");
    assertOneProblemOverTheLimit(API, "# " + "comment ".repeat(200) + "\n");
  }

  /**
   * {@code start} and as many {@code line}s as take it over the limit (all ASCII) are one problem, at the first
   * code point over it.
   */
  private static void assertOneProblemOverTheLimit(String start, String line) {
    StringBuilder yaml = new StringBuilder(start);
    while (yaml.length() <= YamlReader.MAX_CODE_POINTS) {
      yaml.append(line);
    }
    List<String> problems = bounded(Duration.ofSeconds(30), 2L << 30, () -> problemsOf(yaml.toString()));
    String before = yaml.substring(0, YamlReader.MAX_CODE_POINTS);
    int lineNumber = (int) before.chars().filter(c -> c == '\n').count() + 1;
    int column = before.length() - before.lastIndexOf('\n');
    assertEquals(List.of("spec.yaml:" + lineNumber + ":" + column + ": the file holds more than 67108864 characters"
        + " (comments count too); split the spec into several files"), problems);
  }

  @Test
  void duplicateKeysAreReportedAtEveryLevel() {
    Reliability.Row row = FIGURES.row(ReliabilityAreas.HOSTILE_SPECS, "duplicate keys", TRIED);
    row.tried(1);
    assertEquals(List.of(
            "spec.yaml:3:3: duplicate key 'name' (first at line 2)",
            "spec.yaml:6:25: duplicate key 'header' (first at line 6)",
            "spec.yaml:8:66: duplicate key 'success' (first at line 8)",
            "spec.yaml:12:5: duplicate key 'doc' (first at line 11)",
            "spec.yaml:14:28: duplicate key 'type' (first at line 14)",
            "spec.yaml:15:7: duplicate key 'name' (first at line 14)",
            "spec.yaml:19:25: duplicate key 'value' (first at line 19)",
            "spec.yaml:20:7: duplicate key 'RED' (first at line 19)",
            "spec.yaml:24:5: duplicate key 'prefix' (first at line 23)",
            "spec.yaml:27:9: duplicate key 'path' (first at line 26)",
            "spec.yaml:28:30: duplicate key 'json' (first at line 28)",
            "spec.yaml:30:23: duplicate key 'code' (first at line 30)",
            "spec.yaml:31:1: duplicate key 'groups' (first at line 21)"),
        SpecProblems.of("""
            api:
              name: Demo
              name: Demo
              package: dev.demo
              baseUrl: https://api.example.com
              auth: {header: token, header: token}
              json:
                envelope: {code: code, message: msg, data: data, success: 1, success: 2}
            types:
              Tag:
                doc: A tag.
                doc: A tag.
                fields:
                  name: {type: string, type: int32}
                  name: {type: string}
              Colour:
                enum: string
                values:
                  RED: {value: red, value: rot}
                  RED: {value: red}
            groups:
              tags:
                prefix: /v1/tags/
                prefix: /v1/tags/
                endpoints:
                  - path: /v1/tags/add
                    path: /v1/tags/add
                    request: {json: Tag, json: Tag}
                    errors:
                      - {code: 1, code: 2}
            groups: {}
            """));
  }

  @Test
  void tabsIndentNothingButMayStandInText() {
    Reliability.Row row = FIGURES.row(ReliabilityAreas.HOSTILE_SPECS, "tabs", TRIED);
    row.tried(3);
    String tab = "not valid YAML: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for"
        + " indentation) (while scanning for the next token)";
    assertEquals(List.of("spec.yaml:3:1: " + tab), problemsOf("api:\n  name: Demo\n\tpackage: dev.demo\n"));
    assertEquals(List.of("spec.yaml:1:5: " + tab), problemsOf(API.replace("api:", "api:\t")));

    Problems problems = new Problems();
    Spec spec = SpecReader.readText("spec.yaml", API.replace("name: Demo", "name: Demo\t# the\tname\t")
        + "  doc: \"quoted\ttab\"\ntypes:\n  Tag:\n    doc: plain\ttab\n    fields: {}\n  Colour:\n    doc: |\n"
        + "      block\ttab\n      \tand one first\n    enum: string\n    values: {RED: {value: red}}\n", problems);
    assertEquals(List.of(), problems.sorted());
    assertEquals("Demo", spec.api().name());
    assertEquals("quoted\ttab", spec.api().doc());
    assertEquals("plain\ttab", spec.types().get(0).doc());
    assertEquals("block\ttab\n\tand one first\n", spec.types().get(1).doc());
  }

  @Test
  void aByteOrderMarkAtTheStartIsSkippedAndMovesNothing(@TempDir Path dir) throws IOException {
    Reliability.Row row = FIGURES.row(ReliabilityAreas.HOSTILE_SPECS, "byte-order marks", TRIED);
    row.tried(4);
    String withProblem = API + "colour: red\n";
    List<String> expected = List.of("spec.yaml:6:1: unknown key 'colour' in a spec file; allowed: api, groups, types");
    assertEquals(expected, problemsOf(withProblem));
    assertEquals(expected, problemsOf("\uFEFF" + withProblem));

    // From a file, as the goal reads it: UTF-8 with its three-byte mark.
    Path file = dir.resolve("api.yaml");
    byte[] text = (API + "types:\n  Tag:\n    fields: {name: {type: string}}\n").getBytes(StandardCharsets.UTF_8);
    byte[] marked = new byte[text.length + 3];
    marked[0] = (byte) 0xEF;
    marked[1] = (byte) 0xBB;
    marked[2] = (byte) 0xBF;
    System.arraycopy(text, 0, marked, 3, text.length);
    Files.write(file, marked);
    List<JavaFile> files = Codegen.generate(file, dir, null);
    assertEquals(List.of("dev.demo.model.Tag", "dev.demo.DemoApiException", "dev.demo.DemoClient"),
        files.stream().map(f -> f.packageName() + "." + f.typeSpec().name()).toList());

    // Anywhere else it is a character like any other, here the first of a key.
    assertEquals(List.of("spec.yaml:6:1: unknown key '\uFEFFtypes' in a spec file; allowed: api, groups, types"),
        problemsOf(API + "\uFEFFtypes: {}\n"));
  }

  @Test
  void unknownYamlTagsAreRejectedWhereTheyAreWritten() {
    Reliability.Row row = FIGURES.row(ReliabilityAreas.HOSTILE_SPECS, "YAML tags", TRIED);
    row.tried(3).note("an unknown tag (!foo) was read as if it were not there (fixed: rejected, located)");
    String tag = "' is not supported in a spec; remove it (quote a value to make it a string)";
    assertEquals(List.of(
            "spec.yaml:9:17: the YAML tag '!foo" + tag,
            "spec.yaml:10:10: the YAML tag '!<tag:example.com,2026:x>" + tag,
            "spec.yaml:11:10: the YAML tag '!!binary" + tag,
            "spec.yaml:12:10: the YAML tag '!!str" + tag), // on a map
        problemsOf(API + """
            types:
              T:
                fields:
                  a: {type: !foo string}
                  b: !<tag:example.com,2026:x> {type: string}
                  c: !!binary aGk=
                  d: !!str {type: string}
            """));
    // the core tags that say what a value is anyway are fine
    assertEquals(List.of(), problemsOf(API + "types: !!map\n  T: {fields: {a: {type: !!str string}}}\n"));
  }

  @Test
  void unpairedSurrogatesAreRejectedWhereTheyAre() {
    Reliability.Row row = FIGURES.row(ReliabilityAreas.HOSTILE_SPECS, "text that is not Unicode (unpaired surrogates)",
        TRIED);
    row.tried(3).note("an escaped \\ud800 in a doc, wire name or enum value was accepted, and writing the sources"
        + " failed with an unlocated 'Input length = 1' (fixed: rejected where it is written)");
    String escaped = "the string holds an unpaired surrogate (U+D800, at character 2), which is not a Unicode"
        + " character and cannot be written as UTF-8; write the character it stands for";
    assertEquals(List.of(
            "spec.yaml:8:10: " + escaped,
            "spec.yaml:10:7: the key holds an unpaired surrogate (U+DC00, at character 1), which is not a Unicode"
                + " character and cannot be written as UTF-8; write the character it stands for",
            "spec.yaml:14:18: " + escaped),
        problemsOf(API + """
            types:
              T:
                doc: "x\\ud800y"
                fields:
                  "\\udc00a": {type: string}
              E:
                enum: string
                values:
                  A: {value: "a\\ud800"}
            """));
    // one that is in the text itself (possible in a Java string, not in a UTF-8 file) is found to the column
    assertEquals(List.of("spec.yaml:8:11: the file holds an unpaired surrogate (U+D800), which is not a Unicode"
            + " character; remove it"),
        problemsOf(API + "types:\n  T:\n    doc: x\ud800y\n    fields: {}\n"));
  }

  @Test
  void parserInternalsNeverReachTheMessages() {
    Reliability.Row row = FIGURES.row(ReliabilityAreas.HOSTILE_SPECS, "parser internals in messages", TRIED);
    row.tried(3).note("a key that was a list or a map was reported as 'got this instead:"
        + " <org.yaml.snakeyaml.events.SequenceStartEvent(anchor=null, …)>' (fixed: in plain words)");
    assertEquals(List.of("spec.yaml:9:10: not valid YAML: a key must be a plain value such as a name, not a list"),
        problemsOf(API + "types:\n  T:\n    fields:\n      ? [a]\n      : {type: string}\n"));
    assertEquals(List.of("spec.yaml:7:6: not valid YAML: a key must be a plain value such as a name, not a map"),
        problemsOf(API + "types:\n  ? {a: 1}\n  : {fields: {}}\n"));
    // a raw control character: SnakeYAML's reader knows only its index, and said 1:1
    assertEquals(List.of("spec.yaml:8:11: not valid YAML: special characters are not allowed"),
        problemsOf(API + "types:\n  T:\n    doc: x\u0001y\n    fields: {}\n").stream().limit(1).toList());
  }
}
