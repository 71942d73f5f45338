/*
 * Writes docs/reliability.md from the figures the reliability tests record.
 *
 *   java scripts/ReliabilityReport.java [dir] [out]
 *
 * dir defaults to target/reliability, out to docs/reliability.md (both relative to the working
 * directory, normally the project root). Run the tests first (see "How to reproduce" in the output).
 *
 * THE TSV FORMAT
 *
 * Tests write one UTF-8 file per test class, <dir>/<fully qualified class name>.tsv, when the system
 * property reliability.dir names <dir> (surefire sets it to ${maven.multiModuleProjectDirectory}/target/reliability
 * in runtime/pom.xml and generated-client/pom.xml); without the property they write nothing. The
 * runtime's test-jar has a writer, dev.apispec.runtime.testing.Reliability, but any module may write
 * the files itself:
 *
 *   - lines starting with '#' are comments. Three kinds are read:
 *       "# command: <the command that ran the tests>"   (any number; listed in the report)
 *       "# written: <ISO-8601 instant>"
 *       "# area-note: <area><TAB><text>"               (the short note of an area NOTES below lacks)
 *   - the header line, exactly: area<TAB>target<TAB>what<TAB>tried<TAB>failures<TAB>data_lost<TAB>note
 *   - then one row per line, seven tab-separated cells:
 *       area       what is tested, grouping rows in the report: "hostile responses", "faults",
 *                  "secrets", "load" (a new area is fine: give it a note in NOTES below or with
 *                  an "# area-note:" line)
 *       target     the thing tried, e.g. "connection reset mid-body" or a fuzz target
 *       what       the unit of "tried", e.g. "fuzz executions (saved inputs, regression mode)",
 *                  "faults injected", "concurrent calls made"
 *       tried      a whole number >= 0
 *       failures   a whole number >= 0: tries that did not end as the test requires
 *                  (a test that fails counts at least one)
 *       data_lost  a whole number >= 0: tries where data went missing or wrong without an error:
 *                  a value changed by decoding, an answer delivered to another caller, a token
 *                  that reached a log or another host
 *       note       free text, may be empty
 *   Cells hold no tabs or line breaks. Rows with the same (area, target, what) in one file replace
 *   each other, so re-running a test class updates its rows.
 */

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

public class ReliabilityReport {
  static final String COLUMNS = "area\ttarget\twhat\ttried\tfailures\tdata_lost\tnote";

  /** The short note of each area, in the order areas appear in the report. */
  static final Map<String, String> NOTES = new LinkedHashMap<>();

  static {
    NOTES.put("hostile responses", "Responses a broken or hostile server could send, decoded by the runtime's "
        + "`ApiTransport` and by the generated Yunhu client and its DTOs. Fuzz targets (Jazzer) require that a "
        + "call returns a value or throws an `ApiException` that names the endpoint and does not show the "
        + "token; the DTOs alone may throw only Jackson's or protobuf's own exceptions. Named inputs check the "
        + "exact exception. *Data lost* counts values that came back different from what was sent (silent "
        + "truncation) or did not survive being written and read again.");
    NOTES.put("faults", "Local servers on 127.0.0.1 that misbehave on purpose (raw sockets: resets, byte-by-byte "
        + "answers, silence). Each call ends in a typed `ApiException` naming the endpoint, or in the value of "
        + "a later attempt where the retry policy applies (retryable endpoints only). After every failed call "
        + "the server sees the client close its connection; at the end of each class the executors stop, every "
        + "`HttpClient` thread ends and no server-side connection stays open.");
    NOTES.put("secrets", "The `token` header reaches the API's host and nothing else: no redirect is followed, "
        + "`toString()` and exceptions mask it, our code logs nothing. *Data lost* counts places the token "
        + "leaked to. With the JDK's own `-Djdk.httpclient.HttpClient.log=headers` (or `all`) the JDK prints "
        + "every request header, the token included: that switch is for debugging and must stay off in "
        + "production.");
    NOTES.put("hostile specs", "Spec files a careless or hostile author could write, read and validated by the "
        + "codegen plugin: fuzzed text (Jazzer) and fuzzed specs from a grammar of hostile names, docs and wrong "
        + "types, plus named cases (alias bombs, deep nesting, 10 MB files, every key with a wrong type, Java "
        + "keywords and non-identifiers as names, comment terminators and escapes in every doc). Each ends in "
        + "generated code that compiles or in problems that all carry file, line and column. *Failures* counts "
        + "any other outcome: another exception, a hang, a problem without a place, code that does not compile.");
    NOTES.put("interrupted generation", "A generation that fails or whose JVM is killed half-way. *Data lost* "
        + "counts runs after which the previous output was not intact, or the next run did not recover.");
    NOTES.put("concurrent generation", "Goals of several projects running at once in one JVM, as under "
        + "`mvn -T 2C`. *Failures* counts wrong or missing output.");
    NOTES.put("load", "One client shared by several threads against a server that echoes a per-request id. "
        + "*Data lost* counts answers that reached the wrong caller or none.");
  }

  record Row(String area, String target, String what, long tried, long failures, long dataLost, String note,
      String source) {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/reliability");
    Path out = Path.of(args.length > 1 ? args[1] : "docs/reliability.md");
    if (!Files.isDirectory(dir)) {
      fail(dir + " does not exist: run the tests first (mvn -B verify)");
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".tsv")).sorted().toList();
    }
    if (files.isEmpty()) {
      fail("no .tsv files in " + dir);
    }
    List<Row> rows = new ArrayList<>();
    Set<String> commands = new LinkedHashSet<>();
    Map<String, String> areaNotes = new LinkedHashMap<>(NOTES);
    String firstWritten = null;
    String lastWritten = null;
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      boolean header = false;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        String where = file + ":" + (i + 1);
        if (line.startsWith("# command: ")) {
          commands.add(line.substring("# command: ".length()).strip());
        } else if (line.startsWith("# written: ")) {
          String written = line.substring("# written: ".length()).strip();
          firstWritten = firstWritten == null || written.compareTo(firstWritten) < 0 ? written : firstWritten;
          lastWritten = lastWritten == null || written.compareTo(lastWritten) > 0 ? written : lastWritten;
        } else if (line.startsWith("# area-note: ")) {
          String[] note = line.substring("# area-note: ".length()).split("\t", 2);
          if (note.length != 2 || note[0].isBlank() || note[1].isBlank()) {
            fail(where + ": an area note is \"# area-note: <area><TAB><text>\"");
          }
          areaNotes.putIfAbsent(note[0].strip(), note[1].strip());
        } else if (line.startsWith("#") || line.isBlank()) {
          continue;
        } else if (line.equals(COLUMNS)) {
          header = true;
        } else if (!header) {
          fail(where + ": a row before the header line \"" + COLUMNS.replace("\t", "<TAB>") + "\"");
        } else {
          String[] cells = line.split("\t", -1);
          if (cells.length != 7) {
            fail(where + ": " + cells.length + " cells instead of 7");
          }
          String source = file.getFileName().toString().replaceFirst("\\.tsv$", "");
          rows.add(new Row(cells[0], cells[1], cells[2], count(cells[3], where), count(cells[4], where),
              count(cells[5], where), cells[6], source));
        }
      }
    }

    Map<String, List<Row>> byArea = new LinkedHashMap<>();
    for (String area : NOTES.keySet()) {
      byArea.put(area, new ArrayList<>());
    }
    for (Row row : rows) {
      byArea.computeIfAbsent(row.area(), a -> new ArrayList<>()).add(row);
    }
    byArea.values().removeIf(List::isEmpty);

    StringBuilder md = new StringBuilder();
    md.append("# Reliability figures\n\n");
    md.append("Generated on ").append(LocalDate.now(ZoneOffset.UTC)).append(" by `java scripts/ReliabilityReport.java ")
        .append(dir).append(' ').append(out).append("` from ").append(files.size())
        .append(" files the tests wrote");
    if (firstWritten != null) {
      md.append(" between ").append(firstWritten).append(" and ").append(lastWritten);
    }
    md.append(". The figures come from these runs:\n\n");
    for (String command : commands) {
      md.append("- `").append(command).append("`\n");
    }
    md.append("\nDo not edit this file by hand; see [How to reproduce](#how-to-reproduce).\n\n");

    md.append("## Summary\n\n| area | tried | failures | data lost |\n| --- | ---: | ---: | ---: |\n");
    for (Map.Entry<String, List<Row>> area : byArea.entrySet()) {
      long tried = area.getValue().stream().mapToLong(Row::tried).sum();
      long failures = area.getValue().stream().mapToLong(Row::failures).sum();
      long lost = area.getValue().stream().mapToLong(Row::dataLost).sum();
      md.append("| ").append(area.getKey()).append(" | ").append(tried).append(" | ").append(failures).append(" | ")
          .append(lost).append(" |\n");
    }
    md.append("\n*Tried* adds up different units (fuzz executions, inputs, faults, calls); the tables below say "
        + "which.\n");

    md.append("\n## Figures\n\n| area | target | tried | failures | data lost |\n| --- | --- | ---: | ---: | ---: |\n");
    for (Map.Entry<String, List<Row>> area : byArea.entrySet()) {
      for (Row row : area.getValue()) {
        md.append("| ").append(cell(row.area())).append(" | ").append(cell(row.target())).append(" | ")
            .append(row.tried()).append(' ').append(cell(row.what())).append(" | ").append(row.failures())
            .append(" | ").append(row.dataLost()).append(" |\n");
      }
    }

    md.append("\n## Notes\n");
    for (Map.Entry<String, List<Row>> area : byArea.entrySet()) {
      md.append("\n### ").append(area.getKey()).append("\n\n");
      md.append(areaNotes.getOrDefault(area.getKey(), "(No note for this area yet: add one to NOTES in "
          + "scripts/ReliabilityReport.java, or an \"# area-note:\" line to its TSV.)")).append("\n\n");
      Set<String> notes = new LinkedHashSet<>(); // a regression row and a fuzzing row often share their note
      Set<String> sources = new TreeSet<>();
      for (Row row : area.getValue()) {
        if (!row.note().isBlank()) {
          notes.add("- " + cell(row.target()) + ": " + cell(row.note()) + "\n");
        }
        sources.add("`" + row.source() + "`");
      }
      notes.forEach(md::append);
      md.append("- tests: ").append(String.join(", ", sources)).append('\n');
    }

    md.append("""

        ## How to reproduce

        From the project root (Java 17, Maven 3.8):

        ```sh
        rm -rf target/reliability
        mvn -B verify                                   # every test; the reliability ones write target/reliability/*.tsv
        java scripts/ReliabilityReport.java             # writes this file
        ```

        Under `mvn test`/`verify` each `@FuzzTest` runs once per saved input (regression mode), from
        `src/test/resources/<package>/<Class>Inputs/<method>/`; Jazzer's bug-detector hooks are off there to save
        about ten seconds per JVM (`Reliability.skipJazzerHooksUnlessFuzzing()`; `-Djazzer.hooks=true` turns them on).
        To fuzz one target for longer, set `JAZZER_FUZZ=1` and pick it with `-Dtest`; `-Djazzer.max_duration`
        overrides the `@FuzzTest(maxDuration = "30s")` of the source, and `-Djazzer.instrument` adds the parsers to
        the coverage the fuzzer steers by:

        ```sh
        mvn -B -pl runtime -am install -DskipTests      # the runtime, and its test-jar for the client's tests
        JAZZER_FUZZ=1 mvn -B -pl runtime test -Dtest='ResponseFuzzTest#protobufWithStatus' \\
            -Djazzer.max_duration=10m '-Djazzer.instrument=dev.apispec.**,com.fasterxml.jackson.**,com.google.protobuf.**'
        JAZZER_FUZZ=1 mvn -B -pl generated-client test -Dtest='YunhuFuzzTest#clientJsonEndpoints' \\
            -Djazzer.max_duration=10m '-Djazzer.instrument=dev.**,com.fasterxml.jackson.**,com.google.protobuf.**'
        ```

        Fuzz targets: `ResponseFuzzTest#jsonEnvelopeAndData`, `ResponseFuzzTest#protobufWithStatus` (runtime);
        `YunhuFuzzTest#dtoWithPlainObjectMapper`, `#protobufMessagesAlone`, `#clientJsonEndpoints`,
        `#clientProtobufEndpoints` (generated-client). Fuzzing keeps its corpus in `<module>/.cifuzz-corpus/` and
        writes a finding as `crash-*` (both ignored by git); a finding worth keeping goes into the target's
        `...Inputs/<method>/` folder, where every later `mvn test` replays it. A fuzzing run writes its own rows
        ("fuzzing mode") next to the regression rows.
        """);

    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    System.out.println("wrote " + out + ": " + rows.size() + " rows from " + files.size() + " files");
  }

  static long count(String cell, String where) {
    try {
      long value = Long.parseLong(cell.strip());
      if (value < 0) {
        fail(where + ": a negative count: " + cell);
      }
      return value;
    } catch (NumberFormatException e) {
      fail(where + ": not a whole number: \"" + cell + "\"");
      return 0;
    }
  }

  static String cell(String text) {
    return text.replace("|", "\\|");
  }

  static void fail(String message) {
    System.err.println("ReliabilityReport: " + message);
    System.exit(1);
  }
}
