package dev.apispec.codegen;

import static dev.apispec.codegen.Reflect.setField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code generate} goal, configured the way Maven would configure it: it writes the sources once,
 * does nothing while nothing changes, regenerates on a change, and never touches the output when the
 * spec is invalid.
 */
class GenerateMojoTest {
  private static final String SPEC = """
      api:
        name: Demo
        package: dev.demo
        baseUrl: https://api.example.com
        auth: {header: token}
      types:
        Tag:
          fields:
            name: {type: string}
      """;

  @TempDir
  Path project;

  private Path spec;
  private Path output;
  private Path stateFile;
  private final RecordingLog log = new RecordingLog();

  @BeforeEach
  void writeSpec() throws IOException {
    spec = Files.createDirectories(project.resolve("src/main/spec"));
    Files.writeString(spec.resolve("api.yaml"), SPEC);
    output = project.resolve("target/generated-sources/apispec");
    stateFile = project.resolve("target/apispec-state/generate.state");
  }

  /** A mojo with the parameters Maven would inject; {@code project} is null, as outside a Maven build. */
  private GenerateMojo mojo(MavenProject mavenProject) throws ReflectiveOperationException {
    GenerateMojo mojo = new GenerateMojo();
    setField(mojo, "spec", spec.toFile());
    setField(mojo, "descriptorSet", null);
    setField(mojo, "outputDirectory", output.toFile());
    setField(mojo, "stateFile", stateFile.toFile());
    setField(mojo, "force", false);
    setField(mojo, "skip", false);
    setField(mojo, "project", mavenProject);
    mojo.setLog(log);
    return mojo;
  }

  private GenerateMojo mojo() throws ReflectiveOperationException {
    return mojo(null);
  }


  private List<String> generatedFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(output)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> output.relativize(p).toString().replace(File.separatorChar, '/'))
          .sorted()
          .toList();
    }
  }

  @Test
  void firstRunWritesTheSources() throws Exception {
    mojo().execute();

    assertEquals(List.of("dev/demo/DemoApiException.java", "dev/demo/DemoClient.java", "dev/demo/model/Tag.java"),
        generatedFiles());
    assertTrue(Files.isRegularFile(stateFile));
    assertEquals(List.of("[info] Generated 3 Java files from " + spec + " into " + output), log.lines());
  }

  @Test
  void secondRunWithNothingChangedTouchesNothing() throws Exception {
    mojo().execute();
    Path tag = output.resolve("dev/demo/model/Tag.java");
    FileTime written = FileTime.fromMillis(1_000_000_000L);
    Files.setLastModifiedTime(tag, written);
    Files.writeString(output.resolve("marker.txt"), "left by the test");

    mojo().execute();

    assertEquals("[info] Generated sources are up to date in " + output, log.lines().get(1));
    assertEquals(written, Files.getLastModifiedTime(tag));
    assertTrue(Files.exists(output.resolve("marker.txt")), "the output folder was not replaced");
  }

  @Test
  void changingTheSpecRegenerates() throws Exception {
    mojo().execute();
    Files.writeString(output.resolve("marker.txt"), "left by the test");
    Files.writeString(spec.resolve("api.yaml"), SPEC.replace("Tag:", "Label:"));

    mojo().execute();

    assertEquals(List.of("dev/demo/DemoApiException.java", "dev/demo/DemoClient.java", "dev/demo/model/Label.java"),
        generatedFiles());
  }

  @Test
  void forceRegeneratesAndSkipDoesNothing() throws Exception {
    GenerateMojo skipped = mojo();
    setField(skipped, "skip", true);
    skipped.execute();
    assertFalse(Files.exists(output));

    mojo().execute();
    Files.writeString(output.resolve("marker.txt"), "left by the test");
    GenerateMojo forced = mojo();
    setField(forced, "force", true);
    forced.execute();
    assertFalse(Files.exists(output.resolve("marker.txt")));
    assertTrue(Files.exists(output.resolve("dev/demo/model/Tag.java")));
  }

  @Test
  void anInvalidSpecFailsWithEveryProblemAndLeavesThePreviousOutput() throws Exception {
    mojo().execute();
    Files.writeString(output.resolve("marker.txt"), "left by the test");
    Files.writeString(spec.resolve("api.yaml"), SPEC.replace("type: string", "type: strin")
        .replace("package: dev.demo", "package: dev.demo\n  colour: blue"));

    MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo().execute());

    String file = spec.resolve("api.yaml").toString();
    assertEquals("The spec has 2 problems:\n"
        + "  " + file + ":4:3: unknown key 'colour' in 'api'; allowed: auth, baseUrl, doc, hosts, json, license,"
        + " name, package, protobuf, version\n"
        + "  " + file + ":10:20: unknown type 'strin'; did you mean 'string'?", e.getMessage());
    assertEquals(List.of("dev/demo/DemoApiException.java", "dev/demo/DemoClient.java", "dev/demo/model/Tag.java",
        "marker.txt"), generatedFiles());

    assertEquals(List.of(
            "[error] " + file + ":4:3: unknown key 'colour' in 'api'; allowed: auth, baseUrl, doc, hosts, json, license,"
                + " name, package, protobuf, version",
            "[error] " + file + ":10:20: unknown type 'strin'; did you mean 'string'?"),
        log.lines().subList(1, log.lines().size()));

    // Going back to the spec of the last success finds its output up to date.
    Files.writeString(spec.resolve("api.yaml"), SPEC);
    mojo().execute();
    assertTrue(Files.exists(output.resolve("marker.txt")), "the output of the same spec was kept");
  }

  @Test
  void inABuildFileNamesAreRelativeToTheProjectAndTheOutputBecomesASourceRoot() throws Exception {
    MavenProject mavenProject = new MavenProject();
    mavenProject.setFile(project.resolve("pom.xml").toFile());
    Files.writeString(spec.resolve("api.yaml"), SPEC.replace("type: string", "type: strin"));

    MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo(mavenProject).execute());
    assertEquals("The spec has 1 problem:\n  src/main/spec/api.yaml:9:20: unknown type 'strin'; did you mean 'string'?",
        e.getMessage());
    assertFalse(Files.exists(output));

    Files.writeString(spec.resolve("api.yaml"), SPEC);
    mojo(mavenProject).execute();
    assertEquals("[info] Generated 3 Java files from src/main/spec into target/generated-sources/apispec",
        log.lines().get(log.lines().size() - 1));
    assertEquals(List.of(output.toAbsolutePath().toString()), mavenProject.getCompileSourceRoots());
  }

  @Test
  void apispecSkipStillSkipsTheGoal() throws Exception {
    GenerateMojo skipped = mojo();
    setField(skipped, "skipAll", true);
    skipped.execute();
    assertFalse(Files.exists(output));
    assertEquals(List.of("[info] Skipping apispec generation"), log.lines());
  }

  @Test
  void underPlainMavenTheBuildContextChangesNothing() throws Exception {
    GenerateMojo first = mojo();
    setField(first, "buildContext", new FakeBuildContext(false));
    first.execute();
    GenerateMojo second = mojo();
    setField(second, "buildContext", new FakeBuildContext(false));
    second.execute();

    assertEquals("[info] Generated sources are up to date in " + output, log.lines().get(1));
  }

  @Test
  void inAnIdeBuildWithoutAChangeNothingIsReadOrWritten() throws Exception {
    mojo().execute();
    Files.writeString(output.resolve("marker.txt"), "left by the test");
    // Read, this spec would fail: the goal must not even look at it.
    Files.writeString(spec.resolve("api.yaml"), "not: [a spec");
    MavenProject mavenProject = new MavenProject();
    mavenProject.setFile(project.resolve("pom.xml").toFile());
    FakeBuildContext ide = new FakeBuildContext(true, project.resolve("pom.xml").toFile());

    GenerateMojo keystroke = mojo(mavenProject);
    setField(keystroke, "buildContext", ide);
    keystroke.execute();

    assertTrue(Files.exists(output.resolve("marker.txt")), "the output folder was not replaced");
    assertEquals(List.of(), ide.refreshed);
    assertEquals(List.of(output.toAbsolutePath().toString()), mavenProject.getCompileSourceRoots());
  }

  @Test
  void inAnIdeBuildAChangedSpecRegeneratesAndRefreshesTheOutput() throws Exception {
    mojo().execute();
    Files.writeString(spec.resolve("api.yaml"), SPEC.replace("Tag:", "Label:"));
    FakeBuildContext ide = new FakeBuildContext(true, spec.toFile());

    GenerateMojo edited = mojo();
    setField(edited, "buildContext", ide);
    edited.execute();

    assertEquals(List.of("dev/demo/DemoApiException.java", "dev/demo/DemoClient.java", "dev/demo/model/Label.java"),
        generatedFiles());
    assertEquals(List.of(output.toFile()), ide.refreshed);
  }

  @Test
  void inAnIdeBuildTheProblemsBecomeMarkersOnTheSpecFile() throws Exception {
    Files.writeString(spec.resolve("api.yaml"), SPEC.replace("type: string", "type: strin"));
    FakeBuildContext ide = new FakeBuildContext(true, spec.toFile());
    GenerateMojo broken = mojo();
    setField(broken, "buildContext", ide);

    assertThrows(MojoFailureException.class, broken::execute);

    assertEquals(List.of(spec.toFile()), ide.cleared);
    assertEquals(List.of("api.yaml:9:20: error: unknown type 'strin'; did you mean 'string'?"), ide.markers);
    assertFalse(Files.exists(output));
  }
}
