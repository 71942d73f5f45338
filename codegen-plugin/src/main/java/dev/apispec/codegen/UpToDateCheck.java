package dev.apispec.codegen;

import dev.apispec.codegen.output.Fingerprint;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The up-to-date check of the goals: the fingerprint of their inputs (the spec, the descriptor set, their output
 * setting and this plugin's code) against the one stored in their state file when they last wrote their output.
 */
final class UpToDateCheck {
  private final Fingerprint fingerprint;
  private final Path stateFile;

  private UpToDateCheck(Fingerprint fingerprint, Path stateFile) {
    this.fingerprint = fingerprint;
    this.stateFile = stateFile;
  }

  /** Takes the fingerprint now, before any output is written. */
  static UpToDateCheck of(String goal, File spec, File descriptorSet, String outputSetting, File output, File stateFile)
      throws IOException {
    Fingerprint fingerprint = new Fingerprint()
        .add("goal", goal)
        .addPath("spec", spec.toPath())
        .addPath("descriptorSet", descriptorSet == null ? null : descriptorSet.toPath())
        .add(outputSetting, output.getAbsolutePath());
    Path pluginCode = pluginCode();
    if (pluginCode != null) {
      fingerprint.addPath("plugin", pluginCode);
    }
    return new UpToDateCheck(fingerprint, stateFile.toPath());
  }

  /** Another setting the output depends on: a change of its value makes the output out of date. */
  UpToDateCheck setting(String name, String value) {
    fingerprint.add(name, value);
    return this;
  }

  /** Another input file or folder (absent: {@code null}): a change of its content makes the output out of date. */
  UpToDateCheck input(String name, File file) throws IOException {
    fingerprint.addPath(name, file == null ? null : file.toPath());
    return this;
  }

  /**
   * Whether the output may stay as it is: not forced, still there, and made from exactly these inputs. When it
   * may not, the inputs' contents are read now, before the output is made from them, so that one edited
   * meanwhile shows as changed next time.
   */
  boolean upToDate(boolean force, boolean outputPresent) throws IOException {
    if (!force && outputPresent && fingerprint.matches(stateFile)) {
      return true;
    }
    fingerprint.readContents();
    return false;
  }

  /** Before the output is written: no state while it is (a run killed meanwhile must not look current). */
  void writingOutput() throws IOException {
    Files.deleteIfExists(stateFile);
  }

  /** After the output was written whole. */
  void outputWritten() throws IOException {
    fingerprint.save(stateFile);
  }

  /** The jar (or classes folder) this plugin runs from, so that a changed generator regenerates. */
  private static Path pluginCode() {
    try {
      var source = UpToDateCheck.class.getProtectionDomain().getCodeSource();
      return source == null ? null : Paths.get(source.getLocation().toURI());
    } catch (URISyntaxException | SecurityException e) {
      return null;
    }
  }
}
