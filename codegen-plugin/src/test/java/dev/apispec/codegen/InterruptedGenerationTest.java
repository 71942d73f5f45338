package dev.apispec.codegen;

import dev.apispec.runtime.testing.Reliability;
import static dev.apispec.codegen.Interruptions.leftovers;
import static dev.apispec.codegen.Interruptions.snapshot;
import static dev.apispec.codegen.Reflect.setField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generate goal stopped the hard way: a JVM halted while it writes the sources (no shutdown hook, no
 * {@code finally}, as {@code kill -9} or a power cut would) leaves the previous output as it was, and the next
 * build regenerates cleanly. And goals of several projects running at once in one JVM, as {@code mvn -T 2C} runs
 * them, each write their own output and nothing else.
 */
class InterruptedGenerationTest {
  @RegisterExtension
  static final Reliability FIGURES = Reliability.forClass(InterruptedGenerationTest.class);

  private static final String SPEC = DemoSpec.YAML;

  /** A generate goal for {@code project}, configured as Maven would; outside a Maven build, so no project. */
  private static GenerateMojo mojo(Path project, boolean force) throws ReflectiveOperationException {
    GenerateMojo mojo = new GenerateMojo();
    setField(mojo, "spec", project.resolve("src/main/spec").toFile());
    setField(mojo, "outputDirectory", output(project).toFile());
    setField(mojo, "stateFile", state(project).toFile());
    setField(mojo, "force", force);
    mojo.setLog(new RecordingLog());
    return mojo;
  }

  private static Path output(Path project) {
    return project.resolve("target/generated-sources/apispec");
  }

  private static Path state(Path project) {
    return project.resolve("target/apispec-state/generate.state");
  }


  private static Path writeSpec(Path project, String yaml) throws IOException {
    Path spec = Files.createDirectories(project.resolve("src/main/spec")).resolve("api.yaml");
    Files.writeString(spec, yaml, StandardCharsets.UTF_8);
    return spec;
  }

  @Test
  void aJvmHaltedWhileWritingLeavesThePreviousOutputAndTheNextBuildRecovers(@TempDir Path project) throws Exception {
    Reliability.Row row = FIGURES.row(ReliabilityAreas.INTERRUPTED, "JVM halted while writing the sources (forked JVM)",
        "interruptions injected");
    row.tried(1);
    writeSpec(project, SPEC);
    mojo(project, false).execute();
    Map<String, String> before = snapshot(output(project));
    assertEquals(5, before.size());
    assertTrue(Files.isRegularFile(state(project)));

    // The spec changes; the next build is killed after writing 2 of the new sources.
    Path spec = writeSpec(project, SPEC.replace("Tag", "Label"));
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Interruptions.class.getName(),
        spec.toString(), output(project).toString(), state(project).toString(), "2")
        .redirectErrorStream(true)
        .redirectOutput(project.resolve("child.log").toFile())
        .start();
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not end");
    assertEquals(Interruptions.HALTED, child.exitValue(), Files.readString(project.resolve("child.log")));

    if (!before.equals(snapshot(output(project)))) {
      row.lost(1);
    }
    assertEquals(before, snapshot(output(project)), "the previous output is intact");
    List<String> left = leftovers(output(project));
    assertEquals(1, left.size(), left.toString());
    assertEquals(List.of("dev/demo/model/Colour.java", "dev/demo/model/Interrupted.java", "dev/demo/model/Label.java"),
        List.copyOf(snapshot(output(project).resolveSibling(left.get(0))).keySet()), "killed half-way");
    assertFalse(Files.exists(state(project)), "the killed build had started to regenerate");

    // The next build regenerates, and cleans up after the killed one.
    RecordingLog log = new RecordingLog();
    GenerateMojo next = mojo(project, false);
    next.setLog(log);
    next.execute();
    assertEquals(List.of("[info] Generated 5 Java files from " + project.resolve("src/main/spec") + " into "
        + output(project)), log.lines());
    assertEquals(List.of("dev/demo/DemoApiException.java", "dev/demo/DemoClient.java", "dev/demo/TagsApi.java",
        "dev/demo/model/Colour.java", "dev/demo/model/Label.java"), List.copyOf(snapshot(output(project)).keySet()));
    assertEquals(List.of(), leftovers(output(project)));
    assertTrue(Files.isRegularFile(state(project)));
  }

  @Test
  void goalsOfSeveralProjectsRunAtOnceEachWriteTheirOwn(@TempDir Path root) throws Exception {
    int projects = 8;
    Reliability.Row row = FIGURES.row(ReliabilityAreas.CONCURRENT, "generate goals of 8 projects, 4 at a time, in one JVM",
        "projects generated (3 times each)");
    List<Callable<Map<String, String>>> goals = new ArrayList<>();
    for (int i = 0; i < projects; i++) {
      Path project = root.resolve("module" + i);
      writeSpec(project, SPEC.replace("dev.demo", "dev.module" + i).replace("Tag", "Tag" + i));
      goals.add(() -> {
        for (int round = 0; round < 3; round++) {
          mojo(project, true).execute();
        }
        return snapshot(output(project));
      });
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Map<String, String>>> results = pool.invokeAll(goals, 60, TimeUnit.SECONDS);
      for (int i = 0; i < projects; i++) {
        row.tried(1);
        Map<String, String> files = results.get(i).get();
        assertEquals(List.of("dev/module" + i + "/DemoApiException.java", "dev/module" + i + "/DemoClient.java",
            "dev/module" + i + "/TagsApi.java", "dev/module" + i + "/model/Colour.java",
            "dev/module" + i + "/model/Tag" + i + ".java"), List.copyOf(files.keySet()));
        assertEquals(List.of(), leftovers(output(root.resolve("module" + i))));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
