package dev.apispec.codegen;

import dev.apispec.codegen.changes.BaselineJar;
import dev.apispec.codegen.changes.JsonReport;
import dev.apispec.codegen.changes.MarkdownReport;
import dev.apispec.codegen.changes.Verdict;
import dev.apispec.codegen.compat.Change;
import dev.apispec.codegen.compat.Kind;
import dev.apispec.codegen.compat.SpecDiff;
import dev.apispec.codegen.diagnostics.SpecException;
import dev.apispec.codegen.output.AtomicWrite;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Compares the spec (and its descriptor set) with a baseline, a spec folder or a released spec artifact, and
 * reports every change with its kinds: {@code wire} (a client of one breaks against a server of the other),
 * {@code source} (code written against the baseline's generated client no longer compiles) or {@code safe}. The
 * report goes to the console and, as a changelog section and as JSON, to {@code outputDirectory}; the build fails
 * on the kinds of {@code failOn} that are not {@code accepted}. Both specs are validated first, as by
 * {@code generate}. When no input or setting changed since a run that passed, the goal does nothing.
 */
@Mojo(name = "compat", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CompatMojo extends AbstractMojo {

  /** The spec: one YAML file, or a folder whose {@code .yaml} and {@code .yml} files together form the spec. */
  @Parameter(property = "apispec.spec", defaultValue = "${project.basedir}/src/main/spec", required = true)
  private File spec;

  /** The {@code FileDescriptorSet} that {@code protoc} wrote; needed only when the spec has protobuf endpoints. */
  @Parameter(property = "apispec.descriptorSet")
  private File descriptorSet;

  /** The baseline as a spec file or folder, such as the last release's spec checked out. */
  @Parameter(property = "apispec.compat.baselineSpec")
  private File baselineSpec;

  /**
   * The baseline's descriptor set: with {@code baselineSpec}, when the baseline has protobuf endpoints; with
   * {@code baseline}, it replaces the one the artifact carries.
   */
  @Parameter(property = "apispec.compat.baselineDescriptorSet")
  private File baselineDescriptorSet;

  /**
   * The baseline as Maven coordinates, {@code groupId:artifactId:version}, resolved from the project's
   * repositories like any dependency: a jar that carries {@code spec/*.yaml} and, for protobuf endpoints, a
   * {@code descriptor/*.desc} (as the api-spec module's jar does). Used when {@code baselineSpec} is not set.
   */
  @Parameter(property = "apispec.compat.baseline")
  private String baseline;

  /** The kinds of change that fail the build, comma-separated: {@code wire}, {@code source}, {@code safe}, or {@code none}. */
  @Parameter(property = "apispec.compat.failOn", defaultValue = "wire,source", required = true)
  private String failOn;

  /**
   * Changes that are known and accepted, each as {@code <change><id>…</id><reason>…</reason></change>}: reported,
   * but they do not fail the build. An id that matches no change is reported as stale.
   */
  @Parameter
  private List<AcceptedChange> accepted = new ArrayList<>();

  /** Where {@code compat.md} (a changelog section) and {@code compat.json} are written. */
  @Parameter(property = "apispec.compat.outputDirectory",
      defaultValue = "${project.build.directory}/apispec-compat", required = true)
  private File outputDirectory;

  /** Where the fingerprint of the last run that passed is kept, to skip work when nothing changed. */
  @Parameter(defaultValue = "${project.build.directory}/apispec-state/compat.state", required = true)
  private File stateFile;

  /** Compare even when nothing changed. */
  @Parameter(property = "apispec.force", defaultValue = "false")
  private boolean force;

  /** Skip this goal ({@code -Dapispec.compat.skip}). */
  @Parameter(property = "apispec.compat.skip", defaultValue = "false")
  private boolean skip;

  /** Skip every goal of this plugin ({@code -Dapispec.skip}). */
  @Parameter(property = "apispec.skip", defaultValue = "false")
  private boolean skipAll;

  @Parameter(defaultValue = "${project}", readonly = true)
  private MavenProject project;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
  private RepositorySystemSession repositorySession;

  @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true)
  private List<RemoteRepository> remoteRepositories;

  @Inject
  private RepositorySystem repositorySystem;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || skipAll) {
      getLog().info("Skipping the compatibility check");
      return;
    }
    Set<Kind> failKinds = parseFailOn(failOn);
    Map<String, String> acceptedById = acceptedById();
    Path base = project == null ? Paths.get("").toAbsolutePath() : project.getBasedir().toPath().toAbsolutePath();
    Path output = outputDirectory.toPath().toAbsolutePath();
    try {
      Path baselineJar = baselineSpec == null ? resolveBaseline() : null;
      UpToDateCheck check = UpToDateCheck.of("compat", spec, descriptorSet, "outputDirectory", outputDirectory,
              stateFile)
          .input("baselineSpec", baselineSpec)
          .input("baselineDescriptorSet", baselineDescriptorSet)
          .input("baselineJar", baselineJar == null ? null : baselineJar.toFile())
          .setting("failOn", failKinds.toString())
          .setting("accepted", acceptedById.toString());
      boolean reportsPresent = output.resolve("compat.md").toFile().isFile() && output.resolve("compat.json").toFile().isFile();
      if (check.upToDate(force, reportsPresent)) {
        getLog().info("The compatibility report " + base.relativize(output) + " is up to date");
        return;
      }
      Path baselineFolder;
      Path baselineDescriptor;
      String label;
      if (baselineSpec != null) {
        baselineFolder = baselineSpec.toPath();
        baselineDescriptor = baselineDescriptorSet == null ? null : baselineDescriptorSet.toPath();
        label = "the baseline " + relative(base, baselineFolder.toAbsolutePath());
      } else {
        BaselineJar jar = BaselineJar.unpack(baselineJar, output.resolve("baseline"));
        baselineFolder = jar.spec();
        baselineDescriptor = baselineDescriptorSet != null ? baselineDescriptorSet.toPath() : jar.descriptorSet();
        label = baseline;
      }
      Codegen.ValidSpec before = Codegen.read(baselineFolder, base, baselineDescriptor);
      Codegen.ValidSpec after = Codegen.read(spec.toPath(), base, descriptorSet == null ? null : descriptorSet.toPath());
      List<Change> changes = SpecDiff.compare(before.spec(), before.protos(), after.spec(), after.protos());
      Verdict verdict = new Verdict(label, changes, failKinds, acceptedById);
      check.writingOutput();
      AtomicWrite.writeString(output.resolve("compat.json"), JsonReport.write(verdict));
      AtomicWrite.writeString(output.resolve("compat.md"), MarkdownReport.write(verdict));
      report(verdict, base.relativize(output));
      if (!verdict.failing().isEmpty()) {
        throw new MojoFailureException(verdict.failing().size() + " change(s) since " + label + " of a kind in failOn ("
            + failOn + ") are not accepted; see " + base.relativize(output.resolve("compat.md")) + ". Accept a change"
            + " by its id in the goal's <accepted>, with a reason, or set failOn.");
      }
      check.outputWritten();
    } catch (SpecException e) {
      e.problems().forEach(problem -> getLog().error(problem.toString()));
      throw new MojoFailureException(e.getMessage());
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot compare the spec with its baseline: " + e.getMessage(), e);
    }
  }

  private void report(Verdict verdict, Path output) {
    for (Change change : verdict.changes()) {
      String line = change.location() + ": [" + change.kindLabels() + "] " + change.sentence() + " (" + change.id() + ")";
      if (verdict.fails(change)) {
        getLog().error(line);
      } else if (verdict.isAccepted(change)) {
        getLog().info(line + " Accepted: " + verdict.reason(change));
      } else if (!change.is(Kind.SAFE)) {
        getLog().warn(line);
      } else {
        getLog().info(line);
      }
    }
    for (String stale : verdict.staleAccepted()) {
      getLog().warn("The accepted change " + stale + " matches no change: remove it from <accepted>");
    }
    getLog().info(verdict.changes().size() + " change(s) since " + verdict.baseline() + ": " + verdict.count(Kind.WIRE)
        + " wire, " + verdict.count(Kind.SOURCE) + " source, " + verdict.count(Kind.SAFE) + " safe; report in " + output);
  }

  /** The baseline artifact's jar, from the local repository or the project's remote ones. */
  private Path resolveBaseline() throws MojoExecutionException {
    if (baseline == null || baseline.isBlank()) {
      throw new MojoExecutionException("The compat goal needs a baseline: set baselineSpec (apispec.compat.baselineSpec)"
          + " to a spec folder, or baseline (apispec.compat.baseline) to groupId:artifactId:version");
    }
    DefaultArtifact artifact;
    try {
      artifact = new DefaultArtifact(baseline.trim());
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("The baseline " + baseline + " is not groupId:artifactId:version");
    }
    try {
      File file = repositorySystem.resolveArtifact(repositorySession,
          new ArtifactRequest(artifact, remoteRepositories, null)).getArtifact().getFile();
      return file.toPath();
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException("Cannot resolve the baseline " + baseline + ": " + e.getMessage(), e);
    }
  }

  static Set<Kind> parseFailOn(String value) throws MojoExecutionException {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    for (String label : value.split(",")) {
      if (label.isBlank() || label.trim().equalsIgnoreCase("none")) {
        continue;
      }
      Kind kind = Kind.byLabel(label);
      if (kind == null) {
        throw new MojoExecutionException("failOn names '" + label.trim() + "'; the kinds are wire, source and safe"
            + " (or none)");
      }
      kinds.add(kind);
    }
    return kinds;
  }

  private Map<String, String> acceptedById() throws MojoExecutionException {
    Map<String, String> byId = new LinkedHashMap<>();
    for (AcceptedChange change : accepted == null ? List.<AcceptedChange>of() : accepted) {
      if (change.getId() == null || change.getId().isBlank()) {
        throw new MojoExecutionException("An <accepted> <change> has no <id>: give the id the report shows");
      }
      if (change.getReason() == null || change.getReason().isBlank()) {
        throw new MojoExecutionException("The accepted change " + change.getId() + " has no <reason>: say why it is"
            + " accepted, for the changelog");
      }
      byId.put(change.getId().trim(), change.getReason().trim());
    }
    return byId;
  }

  private static String relative(Path base, Path path) {
    return path.startsWith(base) ? base.relativize(path).toString() : path.toString();
  }
}
