package dev.apispec.codegen;

import dev.apispec.codegen.spec.SpecException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Writes the spec as an OpenAPI 3.1 document (JSON): every endpoint with its request and response
 * schemas (the envelope included, {@code data} typed), enums with their values, the credential header
 * as an API-key security scheme, and protobuf bodies as {@code application/x-protobuf} naming their
 * message. The spec is validated first, exactly as by the {@code generate} goal.
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

  /** Skip the goal. */
  @Parameter(property = "apispec.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true)
  private MavenProject project;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping the OpenAPI export");
      return;
    }
    Path base = project == null ? Paths.get("") : project.getBasedir().toPath();
    String document;
    try {
      document = Codegen.exportOpenApi(spec.toPath(), base, descriptorSet == null ? null : descriptorSet.toPath());
    } catch (SpecException e) {
      e.problems().forEach(problem -> getLog().error(problem.toString()));
      throw new MojoFailureException(e.getMessage());
    }
    Path target = outputFile.toPath().toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      Path staging = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      try {
        Files.writeString(staging, document, StandardCharsets.UTF_8);
        try {
          Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(staging);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write the OpenAPI document to " + target + ": " + e.getMessage(), e);
    }
    getLog().info("Wrote the OpenAPI document " + base.toAbsolutePath().relativize(target));
  }
}
