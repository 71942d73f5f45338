package dev.apispec.codegen;

import dev.apispec.codegen.diagnostics.SpecException;
import dev.apispec.codegen.output.AtomicWrite;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.inject.Inject;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.build.BuildContext;

/**
 * Writes the spec as an OpenAPI 3.1 document (JSON): every endpoint with its request and response
 * schemas (the envelope included, {@code data} typed), enums with their values, the credential header
 * as an API-key security scheme, and protobuf bodies as {@code application/x-protobuf} naming their
 * message. The spec is validated first, exactly as by the {@code generate} goal. When neither the spec, the
 * descriptor set, the settings nor this plugin changed since the document was written, the goal does nothing.
 */
@Mojo(name = "openapi", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public final class OpenApiMojo extends AbstractMojo {

  /** The spec: one YAML file, or a folder whose {@code .yaml} and {@code .yml} files together form the spec. */
  @Parameter(property = "apispec.spec", defaultValue = "${project.basedir}/src/main/spec", required = true)
  private File spec;

  /** The {@code FileDescriptorSet} that {@code protoc} wrote; needed only when the spec has protobuf endpoints. */
  @Parameter(property = "apispec.descriptorSet")
  private File descriptorSet;

  /** The OpenAPI document to write. */
  @Parameter(property = "apispec.openapi.outputFile",
      defaultValue = "${project.build.directory}/openapi/openapi.json", required = true)
  private File outputFile;

  /** The document's {@code info.version} when the spec's {@code api} gives no {@code version}. */
  @Parameter(property = "apispec.openapi.version", defaultValue = "${project.version}")
  private String version;

  /** Where the fingerprint of the last export is kept, to skip work when nothing changed. */
  @Parameter(defaultValue = "${project.build.directory}/apispec-state/openapi.state", required = true)
  private File stateFile;

  /** Export even when nothing changed. */
  @Parameter(property = "apispec.force", defaultValue = "false")
  private boolean force;

  /** Skip this goal ({@code -Dapispec.openapi.skip}). */
  @Parameter(property = "apispec.openapi.skip", defaultValue = "false")
  private boolean skip;

  /** Skip every goal of this plugin ({@code -Dapispec.skip}, as before the goals had their own property). */
  @Parameter(property = "apispec.skip", defaultValue = "false")
  private boolean skipAll;

  @Parameter(defaultValue = "${project}", readonly = true)
  private MavenProject project;

  /** Eclipse m2e's, in an IDE build; under plain Maven one that lets the up-to-date check decide. */
  @Inject
  private BuildContext buildContext;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || skipAll) {
      getLog().info("Skipping the OpenAPI export");
      return;
    }
    Path base = project == null ? Paths.get("") : project.getBasedir().toPath();
    Path target = outputFile.toPath().toAbsolutePath();
    IdeBuild ide = new IdeBuild(buildContext);
    if (ide.inputsUnchanged(spec, descriptorSet, Files.isRegularFile(target))) {
      getLog().debug("apispec: the spec and the descriptor set are unchanged in this incremental build");
      return;
    }
    ide.clearProblems(spec);
    try {
      UpToDateCheck check = UpToDateCheck.of("openapi", spec, descriptorSet, "outputFile", outputFile, stateFile)
          .setting("version", version);
      if (check.upToDate(force, Files.isRegularFile(target))) {
        getLog().info("The OpenAPI document " + base.toAbsolutePath().relativize(target) + " is up to date");
        return;
      }
      String document = Codegen.exportOpenApi(spec.toPath(), base,
          descriptorSet == null ? null : descriptorSet.toPath(), version);
      check.writingOutput();
      AtomicWrite.writeString(target, document);
      check.outputWritten();
      ide.refresh(target.toFile());
    } catch (SpecException e) {
      e.problems().forEach(problem -> getLog().error(problem.toString()));
      ide.reportProblems(e.problems(), base.toAbsolutePath());
      throw new MojoFailureException(e.getMessage());
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write the OpenAPI document to " + target + ": " + e.getMessage(), e);
    }
    getLog().info("Wrote the OpenAPI document " + base.toAbsolutePath().relativize(target));
  }
}
