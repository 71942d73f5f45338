package dev.apispec.codegen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The up-to-date check: unchanged inputs match the state without a file being read, a touched but unchanged file
 * still matches (and its new time is recorded), and every real change, of a file, of the set of files, of a setting
 * or of the plugin's code, does not. A state file that cannot be understood means "changed", never an error.
 */
class FingerprintTest {
  private static final FileTime EARLIER = FileTime.fromMillis(1_600_000_000_000L);
  private static final FileTime LATER = FileTime.fromMillis(1_700_000_000_000L);

  @TempDir
  Path dir;

  private Path spec;
  private Path plugin;
  private Path state;

  @BeforeEach
  void inputs() throws IOException {
    spec = Files.createDirectories(dir.resolve("spec"));
    write(spec.resolve("api.yaml"), "api: {name: Demo}\n");
    write(spec.resolve("types.yaml"), "types: {Tag: {fields: {name: {type: string}}}}\n");
    plugin = write(dir.resolve("plugin.jar"), "the plugin's code, version 1");
    state = dir.resolve("state/generate.state");
  }

  private static Path write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, EARLIER);
    return file;
  }

  /** The fingerprint the goals take, with {@code output} as their output setting. */
  private Fingerprint fingerprint(String output) throws IOException {
    return new Fingerprint()
        .add("goal", "generate")
        .addPath("spec", spec)
        .addPath("descriptorSet", null)
        .add("outputDirectory", output)
        .addPath("plugin", plugin);
  }

  private Fingerprint fingerprint() throws IOException {
    return fingerprint("/out");
  }

  private void record() throws IOException {
    fingerprint().save(state);
  }

  @Test
  void unchangedInputsMatch() throws IOException {
    record();
    assertTrue(fingerprint().matches(state));
  }

  @Test
  void withoutAStateNothingMatches() throws IOException {
    assertFalse(fingerprint().matches(state));
  }

  /**
   * The accepted trade-off: same size, same time, other content is not seen. It shows that the fast path reads no
   * file; make, Gradle by default and maven-compiler-plugin's stale-source check are blind to it as well.
   */
  @Test
  void theFastPathReadsNoFileSoAnEditKeepingSizeAndTimeIsNotSeen() throws IOException {
    record();
    write(spec.resolve("api.yaml"), "api: {name: Demu}\n");
    assertTrue(fingerprint().matches(state));
  }

  @Test
  void aTouchedButUnchangedFileMatchesAndItsNewTimeIsRecorded() throws IOException {
    record();
    String before = Files.readString(state);
    Files.setLastModifiedTime(spec.resolve("api.yaml"), LATER);

    assertTrue(fingerprint().matches(state));

    assertNotEquals(before, Files.readString(state), "the new time was recorded");
    // With the new time recorded, the fast path takes it: an edit keeping size and the new time goes unseen.
    Files.writeString(spec.resolve("api.yaml"), "api: {name: Demu}\n");
    Files.setLastModifiedTime(spec.resolve("api.yaml"), LATER);
    assertTrue(fingerprint().matches(state));
  }

  @Test
  void aFileEditedWithTheSameSizeAndAnotherTimeDoesNotMatch() throws IOException {
    record();
    Files.writeString(spec.resolve("api.yaml"), "api: {name: Demu}\n");
    Files.setLastModifiedTime(spec.resolve("api.yaml"), LATER);
    assertFalse(fingerprint().matches(state));
  }

  /** An edit within the file system's time granularity keeps the time; the size gives it away. */
  @Test
  void aFileEditedWithinTheSameTimeButAnotherSizeDoesNotMatch() throws IOException {
    record();
    write(spec.resolve("api.yaml"), "api: {name: Demos}\n");
    assertFalse(fingerprint().matches(state));
  }

  @Test
  void aFileAddedToTheSpecFolderDoesNotMatch() throws IOException {
    record();
    write(spec.resolve("more.yaml"), "types: {}\n");
    assertFalse(fingerprint().matches(state));
  }

  @Test
  void aFileAddedInASubfolderDoesNotMatch() throws IOException {
    record();
    write(Files.createDirectories(spec.resolve("groups")).resolve("chat.yaml"), "groups: {}\n");
    assertFalse(fingerprint().matches(state));
  }

  @Test
  void aFileRemovedFromTheSpecFolderDoesNotMatch() throws IOException {
    record();
    Files.delete(spec.resolve("types.yaml"));
    assertFalse(fingerprint().matches(state));
  }

  @Test
  void aFileRenamedDoesNotMatch() throws IOException {
    record();
    Files.move(spec.resolve("types.yaml"), spec.resolve("types2.yaml"));
    assertFalse(fingerprint().matches(state));
  }

  @Test
  void aChangedSettingDoesNotMatch() throws IOException {
    record();
    assertFalse(fingerprint("/elsewhere").matches(state));
    assertTrue(fingerprint("/out").matches(state));
  }

  @Test
  void aChangedPluginDoesNotMatch() throws IOException {
    record();
    write(plugin, "the plugin's code, version 2");
    Files.setLastModifiedTime(plugin, LATER);
    assertFalse(fingerprint().matches(state));
  }

  @Test
  void aMissingInputIsNotAnEmptyFolder() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    new Fingerprint().addPath("spec", empty).save(state);
    assertTrue(new Fingerprint().addPath("spec", empty).matches(state));
    assertFalse(new Fingerprint().addPath("spec", dir.resolve("missing")).matches(state));
  }

  /** A file edited after it was read for the state, while the output is being made, shows as changed next time. */
  @Test
  void anInputEditedWhileTheOutputIsMadeShowsAsChanged() throws IOException {
    Fingerprint taken = fingerprint();
    taken.readContents();
    Files.writeString(spec.resolve("api.yaml"), "api: {name: Demu}\n");
    Files.setLastModifiedTime(spec.resolve("api.yaml"), LATER);
    taken.save(state);

    assertFalse(fingerprint().matches(state));
  }

  @Test
  void namesWithTabsNewlinesAndBackslashesAreRecordedFaithfully() throws IOException {
    for (String name : List.of("a\tb.yaml", "a\nb.yaml", "a\\tb.yaml", "a\\\\nb.yaml")) {
      write(spec.resolve(name), name);
    }
    Fingerprint withValue = fingerprint("/out\twith\ttabs\nand\\newlines");
    withValue.save(state);
    assertTrue(fingerprint("/out\twith\ttabs\nand\\newlines").matches(state));
    assertFalse(fingerprint("/out\twith\ttabs\nand\\\\newlines").matches(state));

    Files.move(spec.resolve("a\tb.yaml"), spec.resolve("a\\tb2.yaml"));
    assertFalse(fingerprint("/out\twith\ttabs\nand\\newlines").matches(state));
  }

  @Test
  void anUnreadableStateMeansChangedAndIsReplacedByTheNextSave() throws IOException {
    record();
    String good = Files.readString(state);
    List<String> broken = List.of(
        "",
        "garbage",
        // The format before this one: a SHA-256 of everything.
        "3b0c4c5fbd8c1d0d0ad1e1e2f0d6a9a3e8d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9\n",
        good.substring(0, good.length() - 1), // torn: no final newline
        good.substring(0, good.lastIndexOf('\n', good.length() - 2) + 1), // the last line lost
        good.replace("apispec-fingerprint 2", "apispec-fingerprint 3"),
        good.replaceFirst("\t[0-9a-f]{16}\n", "\tnot-a-checksum!!\n"),
        good.replaceFirst("\t([0-9]+)\t", "\t$1\t\t"),
        good + "one line too many\n");
    for (String text : broken) {
      Files.writeString(state, text);
      assertFalse(fingerprint().matches(state), text);
    }
    Files.write(state, new byte[] {(byte) 0xff, (byte) 0xfe, 0, '\n'});
    assertFalse(fingerprint().matches(state), "not UTF-8");

    record();
    assertEquals(good, Files.readString(state));
    assertTrue(fingerprint().matches(state));
  }

  @Test
  void aStateThatIsAFolderMeansChanged() throws IOException {
    Files.createDirectories(state);
    assertFalse(fingerprint().matches(state));
  }

  @Test
  void refreshingTheStateLeavesNoTemporaryFileBeside() throws IOException {
    record();
    Files.setLastModifiedTime(spec.resolve("api.yaml"), LATER);
    assertTrue(fingerprint().matches(state)); // records the new time
    try (Stream<Path> files = Files.list(state.getParent())) {
      assertEquals(List.of(state), files.toList());
    }
  }

  @Test
  void checksumsTellContentsApart() throws IOException {
    Path a = write(dir.resolve("a"), "api: {name: Demo}\n");
    Path b = write(dir.resolve("b"), "api: {name: Demu}\n");
    Path c = write(dir.resolve("c"), "api: {name: Demo}\n");
    assertNotEquals(Fingerprint.checksum(a), Fingerprint.checksum(b));
    assertEquals(Fingerprint.checksum(a), Fingerprint.checksum(c));
    assertEquals(16, Fingerprint.checksum(a).length());
  }
}
