package dev.apispec.codegen;

import static dev.apispec.codegen.Reflect.setField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code compat} goal, configured as Maven would: it reports and passes on safe changes, does nothing while
 * nothing changes, fails on a breaking change with its reports written, and takes a baseline artifact.
 */
class CompatMojoTest {
  private static final String BASELINE = """
      api:
        name: Demo
        package: dev.demo
        baseUrl: https://api.example.com
        json:
          envelope: {code: code, message: msg, data: data, success: 1}
      types:
        Tag:
          fields:
            name: {type: string}
      groups:
        tag:
          prefix: /v1/tag/
          endpoints:
            - path: /v1/tag/list
              response: {json: Tag}
      """;

  @TempDir
  Path project;

  private Path spec;
  private Path baseline;
  private Path output;
  private Path stateFile;
  private final RecordingLog log = new RecordingLog();

  @BeforeEach
  void writeSpecs() throws IOException {
    spec = Files.createDirectories(project.resolve("src/main/spec"));
    baseline = Files.createDirectories(project.resolve("baseline"));
    Files.writeString(baseline.resolve("api.yaml"), BASELINE);
    Files.writeString(spec.resolve("api.yaml"), BASELINE.replace("name: {type: string}",
        "name: {type: string}\n      color: {type: string}"));
    output = project.resolve("target/apispec-compat");
    stateFile = project.resolve("target/apispec-state/compat.state");
  }

  private CompatMojo mojo() throws ReflectiveOperationException {
    CompatMojo mojo = new CompatMojo();
    setField(mojo, "spec", spec.toFile());
    setField(mojo, "baselineSpec", baseline.toFile());
    setField(mojo, "failOn", "wire,source");
    setField(mojo, "accepted", new ArrayList<AcceptedChange>());
    setField(mojo, "outputDirectory", output.toFile());
    setField(mojo, "stateFile", stateFile.toFile());
    mojo.setLog(log);
    return mojo;
  }

  @Test
  void safeChangesPassAndAreReported() throws Exception {
    mojo().execute();
    String markdown = Files.readString(output.resolve("compat.md"));
    assertTrue(markdown.contains("`field-added:Tag.color`"), markdown);
    assertTrue(Files.readString(output.resolve("compat.json")).contains("\"failed\" : false"));
    assertTrue(Files.isRegularFile(stateFile), "a pass keeps its state");
    assertTrue(log.lines().stream().anyMatch(line -> line.contains("[safe]") && line.contains("Tag.color")));
  }

  @Test
  void nothingChangedNothingDone() throws Exception {
    mojo().execute();
    long written = Files.getLastModifiedTime(output.resolve("compat.md")).toMillis();
    int before = log.lines().size();
    mojo().execute();
    List<String> second = log.lines().subList(before, log.lines().size());
    assertTrue(second.stream().anyMatch(line -> line.contains("is up to date")), String.valueOf(second));
    assertEquals(written, Files.getLastModifiedTime(output.resolve("compat.md")).toMillis());
  }

  @Test
  void aBreakingChangeFailsWithItsReportsWrittenAndNoState() throws Exception {
    Files.writeString(spec.resolve("api.yaml"), BASELINE.replace("/v1/tag/list", "/v1/tag/all"));
    MojoFailureException failure = assertThrows(MojoFailureException.class, () -> mojo().execute());
    assertTrue(failure.getMessage().contains("1 change(s)"), failure.getMessage());
    String json = Files.readString(output.resolve("compat.json"));
    assertTrue(json.contains("endpoint-removed:POST /v1/tag/list"), json);
    assertTrue(json.contains("\"failed\" : true"), json);
    assertFalse(Files.exists(stateFile), "a failed check is checked again next time");
    assertThrows(MojoFailureException.class, () -> mojo().execute(), "and fails again");
  }

  @Test
  void anAcceptedChangePasses() throws Exception {
    Files.writeString(spec.resolve("api.yaml"), BASELINE.replace("/v1/tag/list", "/v1/tag/all"));
    CompatMojo mojo = mojo();
    AcceptedChange removed = new AcceptedChange();
    removed.setId("endpoint-removed:POST /v1/tag/list");
    removed.setReason("list is now all");
    AcceptedChange added = new AcceptedChange();
    added.setId("no-such-change");
    added.setReason("stale");
    setField(mojo, "accepted", new ArrayList<>(List.of(removed, added)));
    mojo.execute();
    assertTrue(Files.readString(output.resolve("compat.md")).contains("Accepted: list is now all"));
    assertTrue(log.lines().stream().anyMatch(line -> line.contains("no-such-change matches no change")));
  }

  @Test
  void failOnDecidesWhatFails() throws Exception {
    Files.writeString(spec.resolve("api.yaml"), BASELINE.replace("/v1/tag/list", "/v1/tag/all"));
    CompatMojo mojo = mojo();
    setField(mojo, "failOn", "none");
    mojo.execute();
    setField(mojo, "failOn", "wire, safe");
    setField(mojo, "force", true);
    assertThrows(MojoFailureException.class, mojo::execute);
    setField(mojo, "failOn", "wires");
    MojoExecutionException wrong = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(wrong.getMessage().contains("'wires'"), wrong.getMessage());
  }

  @Test
  void anAcceptedChangeNeedsAReason() throws Exception {
    CompatMojo mojo = mojo();
    AcceptedChange change = new AcceptedChange();
    change.setId("endpoint-removed:POST /v1/tag/list");
    setField(mojo, "accepted", new ArrayList<>(List.of(change)));
    assertThrows(MojoExecutionException.class, mojo::execute);
  }

  @Test
  void skippedWritesNothing() throws Exception {
    CompatMojo mojo = mojo();
    setField(mojo, "skip", true);
    mojo.execute();
    assertFalse(Files.exists(output));
  }

  @Test
  void anInvalidBaselineNamesItsFile() throws Exception {
    Files.writeString(baseline.resolve("api.yaml"), BASELINE.replace("type: string", "type: strng"));
    MojoFailureException failure = assertThrows(MojoFailureException.class, () -> mojo().execute());
    assertTrue(failure.getMessage().contains("baseline/api.yaml:"), failure.getMessage());
    assertFalse(Files.exists(output.resolve("compat.md")), "nothing written for an invalid spec");
  }

  @Test
  void aBaselineArtifactIsResolvedAndUnpacked() throws Exception {
    Path jar = project.resolve("demo-spec-1.0.jar");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
      zip.putNextEntry(new ZipEntry("spec/api.yaml"));
      zip.write(BASELINE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
      zip.closeEntry();
    }
    List<String> asked = new ArrayList<>();
    RepositorySystem repository = (RepositorySystem) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {RepositorySystem.class}, (proxy, method, args) -> {
          if (!method.getName().equals("resolveArtifact")) {
            throw new UnsupportedOperationException(method.getName());
          }
          Artifact artifact = ((ArtifactRequest) args[1]).getArtifact();
          asked.add(artifact.toString());
          return new ArtifactResult((ArtifactRequest) args[1]).setArtifact(artifact.setFile(jar.toFile()));
        });
    CompatMojo mojo = mojo();
    setField(mojo, "baselineSpec", null);
    setField(mojo, "baseline", "dev.demo:demo-spec:1.0");
    setField(mojo, "repositorySystem", repository);
    mojo.execute();
    assertEquals(List.of("dev.demo:demo-spec:jar:1.0"), asked);
    String markdown = Files.readString(output.resolve("compat.md"));
    assertTrue(markdown.startsWith("## API changes since dev.demo:demo-spec:1.0"), markdown);
    assertTrue(markdown.contains("`field-added:Tag.color`"), markdown);
    assertTrue(Files.isRegularFile(output.resolve("baseline/spec/api.yaml")));
  }

  @Test
  void anArtifactWithoutASpecIsRefused() throws Exception {
    Path jar = project.resolve("empty.jar");
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("README"));
      zip.closeEntry();
    }
    IOException refused = assertThrows(IOException.class,
        () -> dev.apispec.codegen.changes.BaselineJar.unpack(jar, project.resolve("unpacked")));
    assertTrue(refused.getMessage().contains("no spec/*.yaml"), refused.getMessage());
  }
}
