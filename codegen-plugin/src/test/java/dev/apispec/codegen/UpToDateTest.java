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
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both goals skip their work when nothing changed, as the build sees it: a spec file touched but not changed is
 * no change, a file added to the spec is one, and so is a changed setting; a state file the goal cannot read
 * makes it do the work again, without an error.
 */
class UpToDateTest {
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
  private static final FileTime OLD = FileTime.fromMillis(1_000_000_000L);

  @TempDir
  Path project;

  private Path spec;
  private Path output;
  private Path openApi;
  private final RecordingLog log = new RecordingLog();

  @BeforeEach
  void writeSpec() throws IOException {
    spec = Files.createDirectories(project.resolve("src/main/spec"));
    Files.writeString(spec.resolve("api.yaml"), SPEC);
    output = project.resolve("target/generated-sources/apispec");
    openApi = project.resolve("target/openapi/openapi.json");
  }

  private GenerateMojo generate(Path outputDirectory) throws ReflectiveOperationException {
    GenerateMojo mojo = new GenerateMojo();
    setField(mojo, "spec", spec.toFile());
    setField(mojo, "outputDirectory", outputDirectory.toFile());
    setField(mojo, "stateFile", project.resolve("target/apispec-state/generate.state").toFile());
    mojo.setLog(log);
    return mojo;
  }

  private GenerateMojo generate() throws ReflectiveOperationException {
    return generate(output);
  }

  /** In a build, so that it names the document relative to the project. */
  private OpenApiMojo openapi() throws ReflectiveOperationException {
    OpenApiMojo mojo = new OpenApiMojo();
    MavenProject mavenProject = new MavenProject();
    mavenProject.setFile(project.resolve("pom.xml").toFile());
    setField(mojo, "project", mavenProject);
    setField(mojo, "spec", spec.toFile());
    setField(mojo, "outputFile", openApi.toFile());
    setField(mojo, "stateFile", project.resolve("target/apispec-state/openapi.state").toFile());
    mojo.setLog(log);
    return mojo;
  }


  private String lastLine() {
    return log.lines().get(log.lines().size() - 1);
  }

  /** Marks the output, so that it shows whether a later run replaced it. */
  private Path mark() throws IOException {
    return Files.writeString(output.resolve("marker.txt"), "left by the test");
  }

  @Test
  void aSpecFileTouchedButUnchangedLeavesTheOutput() throws Exception {
    generate().execute();
    mark();
    Files.setLastModifiedTime(spec.resolve("api.yaml"), OLD);

    generate().execute();
    generate().execute();

    assertEquals("[info] Generated sources are up to date in " + output, lastLine());
    assertTrue(Files.exists(output.resolve("marker.txt")), "the output folder was not replaced");
  }

  @Test
  void aFileAddedToTheSpecRegenerates() throws Exception {
    generate().execute();
    mark();
    Files.writeString(spec.resolve("more.yaml"), "types:\n  Label:\n    fields:\n      name: {type: string}\n");

    generate().execute();

    assertFalse(Files.exists(output.resolve("marker.txt")));
    assertTrue(Files.exists(output.resolve("dev/demo/model/Label.java")));
  }

  @Test
  void aFileRemovedFromTheSpecRegenerates() throws Exception {
    Files.writeString(spec.resolve("more.yaml"), "types:\n  Label:\n    fields:\n      name: {type: string}\n");
    generate().execute();
    mark();
    Files.delete(spec.resolve("more.yaml"));

    generate().execute();

    assertFalse(Files.exists(output.resolve("marker.txt")));
    assertFalse(Files.exists(output.resolve("dev/demo/model/Label.java")));
  }

  /** Another output folder that happens to exist is not the output the state describes. */
  @Test
  void aChangedSettingRegenerates() throws Exception {
    generate().execute();
    Path elsewhere = Files.createDirectories(project.resolve("target/elsewhere"));

    generate(elsewhere).execute();

    assertTrue(Files.exists(elsewhere.resolve("dev/demo/model/Tag.java")));
  }

  @Test
  void anUnreadableStateRegeneratesWithoutAnError() throws Exception {
    generate().execute();
    mark();
    Files.writeString(project.resolve("target/apispec-state/generate.state"), "0123abcd\n");

    generate().execute();

    assertFalse(Files.exists(output.resolve("marker.txt")));
    generate().execute();
    assertEquals("[info] Generated sources are up to date in " + output, lastLine());
  }

  @Test
  void openApiWritesOnceAndThenOnlyWhenSomethingChanged() throws Exception {
    openapi().execute();
    assertEquals("[info] Wrote the OpenAPI document target/openapi/openapi.json", lastLine());
    String document = Files.readString(openApi);
    assertTrue(document.contains("\"Tag\""), document);
    Files.setLastModifiedTime(openApi, OLD);
    Files.setLastModifiedTime(spec.resolve("api.yaml"), OLD);

    openapi().execute();
    assertEquals("[info] The OpenAPI document target/openapi/openapi.json is up to date", lastLine());
    assertEquals(OLD, Files.getLastModifiedTime(openApi), "not written again");

    Files.writeString(spec.resolve("api.yaml"), SPEC.replace("Tag:", "Label:"));
    openapi().execute();
    assertEquals("[info] Wrote the OpenAPI document target/openapi/openapi.json", lastLine());
    assertTrue(Files.readString(openApi).contains("\"Label\""));
  }

  @Test
  void openApiWritesAgainWhenTheDocumentIsGoneOrWhenForced() throws Exception {
    openapi().execute();
    Files.delete(openApi);
    openapi().execute();
    assertTrue(Files.isRegularFile(openApi));

    Files.setLastModifiedTime(openApi, OLD);
    OpenApiMojo forced = openapi();
    setField(forced, "force", true);
    forced.execute();
    assertFalse(Files.getLastModifiedTime(openApi).equals(OLD), "written again");
  }

  @Test
  void openApiWritesAgainWithAnotherFallbackVersion() throws Exception {
    OpenApiMojo first = openapi();
    setField(first, "version", "1.0.0");
    first.execute();
    assertTrue(Files.readString(openApi).contains("\"version\" : \"1.0.0\""), Files.readString(openApi));

    OpenApiMojo same = openapi();
    setField(same, "version", "1.0.0");
    same.execute();
    assertEquals(2, log.lines().size());
    assertTrue(log.lines().get(1).endsWith("is up to date"), log.lines().toString());

    OpenApiMojo next = openapi();
    setField(next, "version", "1.1.0");
    next.execute();
    assertTrue(Files.readString(openApi).contains("\"version\" : \"1.1.0\""), Files.readString(openApi));
  }

  @Test
  void openApiOfAnInvalidSpecFailsAndLeavesTheDocument() throws Exception {
    openapi().execute();
    String before = Files.readString(openApi);
    Files.writeString(spec.resolve("api.yaml"), SPEC.replace("type: string", "type: strin"));

    MojoFailureException e = assertThrows(MojoFailureException.class, () -> openapi().execute());

    assertTrue(e.getMessage().contains("unknown type 'strin'"), e.getMessage());
    assertEquals(before, Files.readString(openApi));
    // Back to the spec the document was written from: nothing to do.
    Files.writeString(spec.resolve("api.yaml"), SPEC);
    openapi().execute();
    assertEquals("[info] The OpenAPI document target/openapi/openapi.json is up to date", lastLine());
  }

  @Test
  void theGoalsKeepTheirOwnState() throws Exception {
    generate().execute();
    openapi().execute();
    generate().execute();
    openapi().execute();
    assertEquals(List.of("[info] Generated sources are up to date in " + output,
        "[info] The OpenAPI document target/openapi/openapi.json is up to date"), log.lines().subList(2, 4));
  }
}
