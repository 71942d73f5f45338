package dev.apispec.codegen.output;

import static dev.apispec.codegen.Interruptions.leftovers;
import static dev.apispec.codegen.Interruptions.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.apispec.codegen.Codegen;
import dev.apispec.codegen.DemoSpec;
import dev.apispec.codegen.Interruptions;
import dev.apispec.codegen.ReliabilityAreas;
import dev.apispec.runtime.testing.Reliability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replacing the output folder is all or nothing: a write that fails part-way leaves the previous output as it was
 * and no staging folder behind, and the leftovers of a run that was killed (a staging folder, a set-aside output)
 * are cleaned up by the next run, which puts a set-aside output back first if the kill left no output at all.
 */
class SourceWriterTest {
  @RegisterExtension
  static final Reliability FIGURES = Reliability.forClass(SourceWriterTest.class);

  private static final String SPEC = DemoSpec.YAML;

  @TempDir
  Path project;

  private Path output;
  private List<JavaFile> first;
  private List<JavaFile> second;

  @BeforeEach
  void generate() {
    output = project.resolve("target/generated-sources/apispec");
    first = Codegen.generateFromText("api.yaml", SPEC, null);
    second = Codegen.generateFromText("api.yaml", SPEC.replace("Tag", "Label"), null);
  }

  private static Reliability.Row row(String target) {
    return FIGURES.row(ReliabilityAreas.INTERRUPTED, target, "interruptions injected");
  }

  /** The files that {@code files} would write, by relative path. */
  private Map<String, String> expected(List<JavaFile> files) throws IOException {
    Path dir = Files.createTempDirectory(project, "expected");
    for (JavaFile file : files) {
      file.writeTo(dir);
    }
    return snapshot(dir);
  }

  @Test
  void aWriteThatFailsPartWayLeavesThePreviousOutputAndNoStagingFolder() throws IOException {
    Reliability.Row row = row("a source fails to write after 3 of 6 were written");
    row.tried(1);
    SourceWriter.replace(output, first);
    Map<String, String> before = snapshot(output);
    assertEquals(5, before.size());

    AtomicReference<Map<String, String>> staged = new AtomicReference<>();
    UncheckedIOException diskFull = new UncheckedIOException(new IOException("No space left on device"));
    UncheckedIOException thrown = assertThrows(UncheckedIOException.class, () ->
        SourceWriter.replace(output, Interruptions.withTrapAfter(second, 3, () -> {
          staged.set(staging());
          throw diskFull;
        })));

    assertSame(diskFull, thrown);
    assertEquals(List.of("dev/demo/DemoApiException.java", "dev/demo/model/Colour.java",
        "dev/demo/model/Interrupted.java", "dev/demo/model/Label.java"), List.copyOf(staged.get().keySet()),
        "the failure came part-way");
    if (!before.equals(snapshot(output))) {
      row.lost(1);
    }
    assertEquals(before, snapshot(output));
    assertEquals(List.of(), leftovers(output));
  }

  @Test
  void aFirstWriteThatFailsLeavesNoOutputAtAll() {
    row("a source fails to write after 3 of 6 were written").tried(1);
    assertThrows(IllegalStateException.class, () -> SourceWriter.replace(output,
        Interruptions.withTrapAfter(first, 3, () -> {
          throw new IllegalStateException("broken");
        })));
    assertFalse(Files.exists(output));
    assertEquals(List.of(), leftovers(output));
  }

  /** What the one staging folder holds right now. */
  private Map<String, String> staging() {
    try (Stream<Path> siblings = Files.list(output.getParent())) {
      List<Path> staging = siblings.filter(p -> p.getFileName().toString().startsWith(".apispec.new-")).toList();
      assertEquals(1, staging.size(), staging.toString());
      return snapshot(staging.get(0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theLeftoversOfAKilledRunAreRemovedAndNothingElse() throws IOException {
    Reliability.Row row = row("leftovers of a killed run: staging and set-aside folders");
    row.tried(1).note("before the fix they stayed beside the output for good; the next run now removes them");
    SourceWriter.replace(output, first);
    Path parent = output.getParent();
    Files.writeString(Files.createDirectories(parent.resolve(".apispec.new-8123456789/dev/demo")).resolve("Tag.java"),
        "half a fi");
    Files.writeString(Files.createDirectories(parent.resolve(".apispec.old-1a2b3c")).resolve("Old.java"), "old");
    // Not ours: another output's folders, and names that only look alike.
    for (String other : List.of(".other.new-123", ".apispec.new-xyz", ".apispec.newer", "apispec.old-1")) {
      Files.writeString(Files.createDirectories(parent.resolve(other)).resolve("keep.txt"), "keep");
    }
    Files.writeString(parent.resolve(".apispec.new-5"), "a file, not a folder");

    SourceWriter.replace(output, second);

    assertEquals(expected(second), snapshot(output));
    assertEquals(List.of(".apispec.new-5", ".apispec.new-xyz", ".apispec.newer", ".other.new-123", "apispec",
            "apispec.old-1"),
        listing(parent));
  }

  @Test
  void anOutputSetAsideByAKilledRunIsPutBackBeforeAnythingElse() throws IOException {
    Reliability.Row row = row("killed between setting the old output aside and moving the new one in");
    row.tried(1).note("before the fix this left no output at all, and a failing next run kept it so; the next run now"
        + " puts the set-aside output back first");
    // The state a kill between the two moves leaves: no output, the old one set aside, the new one staged.
    SourceWriter.replace(output, first);
    Map<String, String> old = snapshot(output);
    Files.move(output, output.resolveSibling(".apispec.old-17f0e3c2a1"));
    Path staged = Files.createDirectories(output.resolveSibling(".apispec.new-4242"));
    for (JavaFile file : second) {
      file.writeTo(staged);
    }

    // The next run fails too: the old output is back in place all the same.
    assertThrows(IllegalStateException.class, () -> SourceWriter.replace(output,
        Interruptions.withTrapAfter(second, 1, () -> {
          throw new IllegalStateException("broken");
        })));
    if (!old.equals(snapshot(output))) {
      row.lost(1);
    }
    assertEquals(old, snapshot(output));
    assertEquals(List.of(), leftovers(output));

    SourceWriter.replace(output, second);
    assertEquals(expected(second), snapshot(output));
    assertEquals(List.of(), leftovers(output));
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void replacingTwiceWithTheSameFilesGivesTheSameOutput() throws IOException {
    SourceWriter.replace(output, first);
    Map<String, String> once = snapshot(output);
    SourceWriter.replace(output, first);
    assertEquals(once, snapshot(output));
    assertTrue(once.containsKey("dev/demo/TagsApi.java"), once.keySet().toString());
  }

  /** Enough files that {@link SourceWriter} writes them on several threads. */
  private static List<JavaFile> many(String prefix, int count) {
    List<JavaFile> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      files.add(JavaFile.builder(i % 2 == 0 ? "dev.demo.a" : "dev.demo.b",
          TypeSpec.classBuilder(prefix + i).addJavadoc("File $L of $L.\n", i, count).build()).build());
    }
    return files;
  }

  private static List<String> writerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(name -> name.startsWith("apispec-writer-"))
        .toList();
  }

  @Test
  void manyFilesAreWrittenOnSeveralThreadsAndAllArrive() throws IOException {
    List<JavaFile> files = many("Type", 300);
    SourceWriter.replace(output, files);
    Map<String, String> written = snapshot(output);
    assertEquals(300, written.size());
    assertEquals(expected(files), written);
    assertEquals(List.of(), writerThreads());
  }

  @Test
  void aFailureWhileWritingOnSeveralThreadsLeavesThePreviousOutputAndStopsEveryWriter() throws IOException {
    Reliability.Row row = row("a source fails to write after 150 of 301 were written, on several threads");
    row.tried(1);
    SourceWriter.replace(output, first);
    Map<String, String> before = snapshot(output);
    UncheckedIOException diskFull = new UncheckedIOException(new IOException("No space left on device"));

    UncheckedIOException thrown = assertThrows(UncheckedIOException.class, () ->
        SourceWriter.replace(output, Interruptions.withTrapAfter(many("Type", 300), 150, () -> {
          throw diskFull;
        })));

    assertSame(diskFull, thrown);
    if (!before.equals(snapshot(output))) {
      row.lost(1);
    }
    assertEquals(before, snapshot(output));
    assertEquals(List.of(), leftovers(output));
    assertEquals(List.of(), writerThreads(), "every writer stopped before the staging folder was removed");
  }

  @Test
  void anInterruptWhileWritingOnSeveralThreadsFailsTheWriteAndKeepsTheInterrupt() throws IOException {
    row("the generating thread is interrupted while sources are written on several threads").tried(1);
    SourceWriter.replace(output, first);
    Map<String, String> before = snapshot(output);
    Thread caller = Thread.currentThread();
    try {
      assertThrows(IOException.class, () ->
          SourceWriter.replace(output, Interruptions.withTrapAfter(many("Type", 300), 40, caller::interrupt)));
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
    } finally {
      Thread.interrupted();
    }
    assertEquals(before, snapshot(output));
    assertEquals(List.of(), leftovers(output));
    assertEquals(List.of(), writerThreads());
  }

  @Test
  void twoTypesThatWouldShareAFileFailInsteadOfOneOverwritingTheOther() throws IOException {
    SourceWriter.replace(output, first);
    Map<String, String> before = snapshot(output);
    List<JavaFile> clash = new ArrayList<>(many("Type", 3));
    clash.add(JavaFile.builder("dev.demo.a", TypeSpec.classBuilder("Type0").addJavadoc("Another.\n").build()).build());

    SourceWriteException failed = assertThrows(SourceWriteException.class, () -> SourceWriter.replace(output, clash));
    FileAlreadyExistsException thrown = assertInstanceOf(FileAlreadyExistsException.class, failed.getCause());

    assertTrue(thrown.getFile().endsWith("Type0.java"), thrown.getFile());
    assertEquals("dev.demo.a.Type0", failed.className());
    assertEquals(before, snapshot(output));
    assertEquals(List.of(), leftovers(output));
  }
}
