package dev.apispec.codegen;

import static dev.apispec.codegen.Reflect.setField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code docs} goal: writes the pages, skips, keeps them while nothing changed, and writes nothing on failure. */
class DocsMojoTest {
  private static final String SPEC = """
      api:
        name: Demo
        package: dev.demo
        baseUrl: https://api.example.com
        json:
          envelope: {code: code, message: msg, data: data, success: 1}
      types:
        Tag:
          fields:
            name: {type: string, example: red}
      groups:
        tags:
          prefix: /v1/tags/
          endpoints: [{path: /v1/tags/add, request: {json: Tag}}]
        labels:
          prefix: /v1/labels/
          endpoints: [{path: /v1/labels/add, request: {json: Tag}}]
      """;

  @TempDir
  Path project;

  private Path spec;
  private Path output;
  private final RecordingLog log = new RecordingLog();

  @BeforeEach
  void writeSpec() throws IOException {
    spec = Files.createDirectories(project.resolve("src/main/spec"));
    Files.writeString(spec.resolve("api.yaml"), SPEC);
    output = project.resolve("target/apispec-docs");
  }

  private DocsMojo mojo() throws ReflectiveOperationException {
    DocsMojo mojo = new DocsMojo();
    setField(mojo, "spec", spec.toFile());
    setField(mojo, "outputDirectory", output.toFile());
    setField(mojo, "stateFile", project.resolve("target/apispec-state/docs.state").toFile());
    mojo.setLog(log);
    return mojo;
  }

  private List<String> pages() throws IOException {
    try (Stream<Path> files = Files.list(output)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesTheIndexAndAPagePerGroup() throws Exception {
    mojo().execute();

    assertEquals(List.of("index.md", "labels.md", "tags.md"), pages());
    assertTrue(Files.readString(output.resolve("tags.md")).contains("void add(Tag request)"));
    assertTrue(log.lines().get(0).startsWith("[info] Wrote the API reference (3 pages) to "), log.lines().toString());
  }

  @Test
  void aSecondRunWithNothingChangedTouchesNothingAndForceWritesAgain() throws Exception {
    mojo().execute();
    FileTime old = FileTime.fromMillis(1_000_000_000L);
    Files.setLastModifiedTime(output.resolve("index.md"), old);

    mojo().execute();
    assertTrue(log.lines().get(1).contains("is up to date"), log.lines().toString());
    assertEquals(old, Files.getLastModifiedTime(output.resolve("index.md")));

    DocsMojo forced = mojo();
    setField(forced, "force", true);
    forced.execute();
    assertFalse(old.equals(Files.getLastModifiedTime(output.resolve("index.md"))));
  }

  @Test
  void aGroupRemovedFromTheSpecLeavesNoPageBehind() throws Exception {
    mojo().execute();
    Files.writeString(spec.resolve("api.yaml"), SPEC.substring(0, SPEC.indexOf("  labels:")));

    mojo().execute();

    assertEquals(List.of("index.md", "tags.md"), pages());
  }

  @Test
  void bothSkipPropertiesSkip() throws Exception {
    DocsMojo skipped = mojo();
    setField(skipped, "skip", true);
    skipped.execute();
    DocsMojo skippedAll = mojo();
    setField(skippedAll, "skipAll", true);
    skippedAll.execute();

    assertFalse(Files.exists(output));
    assertEquals(List.of("[info] Skipping the API reference", "[info] Skipping the API reference"), log.lines());
  }

  @Test
  void anInvalidSpecFailsWithItsLocationAndWritesNothing() throws Exception {
    Files.writeString(spec.resolve("api.yaml"), SPEC.replaceFirst("json: Tag", "json: Tga"));

    MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo().execute());

    assertTrue(e.getMessage().contains("Tga"), e.getMessage());
    assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("[error] ") && l.contains("api.yaml:14:")),
        log.lines().toString());
    assertFalse(Files.exists(output), "nothing is written");
  }

  @Test
  void anInvalidSpecLeavesThePreviousPagesAsTheyWere() throws Exception {
    mojo().execute();
    String index = Files.readString(output.resolve("index.md"));
    Files.writeString(spec.resolve("api.yaml"), SPEC.replaceFirst("json: Tag", "json: Tga"));

    assertThrows(MojoFailureException.class, () -> mojo().execute());

    assertEquals(List.of("index.md", "labels.md", "tags.md"), pages());
    assertEquals(index, Files.readString(output.resolve("index.md")));
    try (Stream<Path> siblings = Files.list(output.getParent())) {
      assertEquals(List.of("apispec-docs", "apispec-state"), siblings.map(p -> p.getFileName().toString()).sorted()
          .toList(), "no staging folder is left behind");
    }
  }
}
