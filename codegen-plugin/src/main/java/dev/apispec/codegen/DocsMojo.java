package dev.apispec.codegen;

import dev.apispec.codegen.diagnostics.SpecException;
import dev.apispec.codegen.output.SourceWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
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
 * Writes the spec's API reference as Markdown: {@code index.md} (the API, its hosts, credential and envelopes, and
 * its groups) and a page per group, with each endpoint's Java methods as generated, its HTTP method and path,
 * parameters, request and response fields, enums, documented errors and examples, and the protobuf messages with
 * their field numbers. The spec is validated first, exactly as by the {@code generate} goal; an invalid spec writes
 * nothing. The folder is replaced as a whole, so that a page of a removed group does not linger. When neither the
 * spec, the descriptor set, the settings nor this plugin changed since the pages were written, the goal does
 * nothing.
 */
@Mojo(name = "docs", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public final class DocsMojo extends AbstractMojo {

  /** The spec: one YAML file, or a folder whose {@code .yaml} and {@code .yml} files together form the spec. */
  @Parameter(property = "apispec.spec", defaultValue = "${project.basedir}/src/main/spec", required = true)
  private File spec;

  /** The {@code FileDescriptorSet} that {@code protoc} wrote; needed only when the spec has protobuf endpoints. */
  @Parameter(property = "apispec.descriptorSet")
  private File descriptorSet;

  /** The folder of the reference's pages; replaced as a whole, so it must hold nothing else. */
  @Parameter(property = "apispec.docs.outputDirectory", defaultValue = "${project.build.directory}/apispec-docs",
      required = true)
  private File outputDirectory;

  /** Where the fingerprint of the last run is kept, to skip work when nothing changed. */
  @Parameter(defaultValue = "${project.build.directory}/apispec-state/docs.state", required = true)
  private File stateFile;

  /** Write the pages even when nothing changed. */
  @Parameter(property = "apispec.force", defaultValue = "false")
  private boolean force;

  /** Skip this goal ({@code -Dapispec.docs.skip}). */
  @Parameter(property = "apispec.docs.skip", defaultValue = "false")
  private boolean skip;

  /** Skip every goal of this plugin ({@code -Dapispec.skip}). */
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
      getLog().info("Skipping the API reference");
      return;
    }
    Path base = project == null ? Paths.get("") : project.getBasedir().toPath();
    Path target = outputDirectory.toPath().toAbsolutePath().normalize();
    boolean present = Files.isRegularFile(target.resolve("index.md"));
    IdeBuild ide = new IdeBuild(buildContext);
    if (ide.inputsUnchanged(spec, descriptorSet, present)) {
      getLog().debug("apispec: the spec and the descriptor set are unchanged in this incremental build");
      return;
    }
    ide.clearProblems(spec);
    String shown = base.toAbsolutePath().relativize(target).toString();
    try {
      UpToDateCheck check = UpToDateCheck.of("docs", spec, descriptorSet, "outputDirectory", outputDirectory,
          stateFile);
      if (check.upToDate(force, present)) {
        getLog().info("The API reference in " + shown + " is up to date");
        return;
      }
      Map<String, String> pages = Codegen.apiReference(spec.toPath(), base,
          descriptorSet == null ? null : descriptorSet.toPath());
      check.writingOutput();
      SourceWriter.replace(target, folder -> {
        for (Map.Entry<String, String> page : pages.entrySet()) {
          Files.writeString(folder.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
        }
      });
      check.outputWritten();
      ide.refresh(target.toFile());
      getLog().info("Wrote the API reference (" + pages.size() + " pages) to " + shown);
    } catch (SpecException e) {
      e.problems().forEach(problem -> getLog().error(problem.toString()));
      ide.reportProblems(e.problems(), base.toAbsolutePath());
      throw new MojoFailureException(e.getMessage());
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write the API reference to " + target + ": " + e.getMessage(), e);
    }
  }
}
