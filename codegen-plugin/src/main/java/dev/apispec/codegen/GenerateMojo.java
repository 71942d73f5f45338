package dev.apispec.codegen;

import com.palantir.javapoet.JavaFile;
import dev.apispec.codegen.diagnostics.SpecException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
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
 * Reads an API spec (a YAML file or a folder of them), validates it completely, and writes Java
 * DTOs, open enums and client stubs to {@code outputDirectory}, which becomes a source root.
 *
 * <p>Nothing is written when the spec has problems: each is reported with file, line and column,
 * and the build fails. When neither the spec, the descriptor set, the settings nor this plugin
 * changed since the last run, the goal does nothing.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

  /** The spec: one YAML file, or a folder whose {@code .yaml} and {@code .yml} files together form the spec. */
  @Parameter(property = "apispec.spec", defaultValue = "${project.basedir}/src/main/spec", required = true)
  private File spec;

  /**
   * The {@code FileDescriptorSet} that {@code protoc} wrote for the {@code .proto} files the spec names,
   * so that every protobuf message is checked to exist. Needed only when the spec has protobuf endpoints.
   */
  @Parameter(property = "apispec.descriptorSet")
  private File descriptorSet;

  /** Where generated sources go. The folder is replaced as a whole on each generation. */
  @Parameter(property = "apispec.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/apispec", required = true)
  private File outputDirectory;

  /** Where the fingerprint of the last generation is kept, to skip work when nothing changed. */
  @Parameter(defaultValue = "${project.build.directory}/apispec-state/generate.state", required = true)
  private File stateFile;

  /** Generate even when nothing changed. */
  @Parameter(property = "apispec.force", defaultValue = "false")
  private boolean force;

  /** Skip this goal ({@code -Dapispec.generate.skip}); the sources are then neither written nor a source root. */
  @Parameter(property = "apispec.generate.skip", defaultValue = "false")
  private boolean skip;

  /** Skip every goal of this plugin ({@code -Dapispec.skip}, as before the goals had their own property). */
  @Parameter(property = "apispec.skip", defaultValue = "false")
  private boolean skipAll;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** Eclipse m2e's, in an IDE build; under plain Maven one that lets the up-to-date check decide. */
  @Inject
  private BuildContext buildContext;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || skipAll) {
      getLog().info("Skipping apispec generation");
      return;
    }
    Path output = outputDirectory.toPath();
    // Absolute, so that messages can show paths relative to it (relativize needs two absolute paths).
    Path base = (project == null ? Paths.get("") : project.getBasedir().toPath()).toAbsolutePath().normalize();
    IdeBuild ide = new IdeBuild(buildContext);
    if (ide.inputsUnchanged(spec, descriptorSet, Files.isDirectory(output))) {
      getLog().debug("apispec: the spec and the descriptor set are unchanged in this incremental build");
      addSourceRoot(output);
      return;
    }
    ide.clearProblems(spec);
    try {
      UpToDateCheck check = UpToDateCheck.of("generate", spec, descriptorSet, "outputDirectory", outputDirectory,
          stateFile);
      if (check.upToDate(force, Files.isDirectory(output))) {
        getLog().info("Generated sources are up to date in " + shown(base, output));
      } else {
        Codegen.Sources sources =
            Codegen.generateSources(spec.toPath(), base, descriptorSet == null ? null : descriptorSet.toPath());
        List<JavaFile> files = sources.files();
        check.writingOutput();
        Codegen.write(sources, output);
        check.outputWritten();
        ide.refresh(output.toFile());
        getLog().info("Generated " + files.size() + " Java files from " + shown(base, spec.toPath())
            + " into " + shown(base, output));
      }
    } catch (SpecException e) {
      e.problems().forEach(problem -> getLog().error(problem.toString()));
      ide.reportProblems(e.problems(), base);
      throw new MojoFailureException(e.getMessage());
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write generated sources to " + output + ": " + e.getMessage(), e);
    }
    addSourceRoot(output);
  }

  private void addSourceRoot(Path output) {
    if (project != null) {
      project.addCompileSourceRoot(output.toAbsolutePath().toString());
    }
  }

  /** A path relative to the project when it is inside it, as problems show spec files; else absolute. */
  private static String shown(Path base, Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
  }
}
