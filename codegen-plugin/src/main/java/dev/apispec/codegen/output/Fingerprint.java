package dev.apispec.codegen.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Everything an output depends on: settings, and the files of the spec, the descriptor set and the plugin's own
 * code. {@link #matches} tells whether they are what a state file recorded when the output was last written.
 *
 * <p>Each file is recorded by path, size, modification time and a checksum of its content. When every path, size
 * and time matches, no file is read. When only a time differs the content decides, so a file touched but not
 * changed is no change (its new time is recorded then). A file rewritten with the same size and the same
 * modification time (within the file system's time granularity) is not seen as changed: the trade-off make,
 * Gradle's default and maven-compiler-plugin's stale-source check all make for a no-op that reads nothing.
 */
public final class Fingerprint {
  /** The first line of a state file; a file without it (an older format, a torn write) just means "changed". */
  private static final String HEADER = "apispec-fingerprint 2";

  /** One line of the state: a setting, an input path, or a file below one (those have stamps and a checksum). */
  private static final class Entry {
    final String key;
    final Path file;
    final String size;
    final String time;
    String checksum;

    Entry(String key, Path file, String size, String time) {
      this.key = key;
      this.file = file;
      this.size = size;
      this.time = time;
    }
  }

  // Not a lambda: the check runs in a fresh class loader, often a fresh JVM, where linking the first lambda takes
  // about 3 ms, a third of a whole no-op on a small spec.
  private static final Comparator<Entry> BY_KEY = new Comparator<>() {
    @Override
    public int compare(Entry a, Entry b) {
      return a.key.compareTo(b.key);
    }
  };

  private final List<Entry> entries = new ArrayList<>();

  public Fingerprint add(String label, String value) {
    entries.add(new Entry("setting\t" + escape(label) + "\t" + (value == null ? "<none>" : escape(value)), null, null,
        null));
    return this;
  }

  /**
   * Adds a file, or every file below a folder, by path, size and modification time; contents are read only when
   * needed. A missing path counts as such.
   */
  public Fingerprint addPath(String label, Path path) throws IOException {
    String prefix = escape(label) + "\t";
    if (path == null || !Files.exists(path)) {
      entries.add(new Entry("path\t" + prefix + "<missing>", null, null, null));
      return this;
    }
    entries.add(new Entry("path\t" + prefix + "<present>", null, null, null));
    List<Entry> found = new ArrayList<>();
    if (Files.isDirectory(path)) {
      // The folder itself may be a link; walkFileTree would not follow it.
      Path root = Files.isSymbolicLink(path) ? path.toRealPath() : path;
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          BasicFileAttributes target = attrs.isSymbolicLink() && Files.exists(file)
              ? Files.readAttributes(file, BasicFileAttributes.class) : attrs;
          if (target.isRegularFile()) {
            found.add(file(prefix + escape(root.relativize(file).toString()), file, target));
          }
          return FileVisitResult.CONTINUE;
        }
      });
      found.sort(BY_KEY);
    } else {
      found.add(file(prefix, path, Files.readAttributes(path, BasicFileAttributes.class)));
    }
    entries.addAll(found);
    return this;
  }

  private static Entry file(String key, Path file, BasicFileAttributes attrs) {
    Instant modified = attrs.lastModifiedTime().toInstant();
    return new Entry("file\t" + key, file, Long.toString(attrs.size()),
        modified.getEpochSecond() + "." + modified.getNano());
  }

  /**
   * Whether {@code stateFile} records exactly these settings and files. Reads a file only when its modification
   * time differs from the recorded one while its size does not; when all such files turn out unchanged, records
   * their new times. A missing, unreadable or malformed state file means "changed", never an error.
   */
  public boolean matches(Path stateFile) throws IOException {
    String[] stored;
    try {
      stored = Files.readString(stateFile, StandardCharsets.UTF_8).split("\n", -1);
    } catch (IOException e) {
      return false;
    }
    // The last element is what follows the final newline: empty in a whole file.
    if (stored.length != entries.size() + 2 || !stored[0].equals(HEADER) || !stored[stored.length - 1].isEmpty()) {
      return false;
    }
    // Every cheap comparison first, so that no file is read when another one plainly changed.
    List<Entry> touched = new ArrayList<>();
    List<String> storedChecksums = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      String line = stored[i + 1];
      if (entry.file == null) {
        if (!line.equals(entry.key)) {
          return false;
        }
        continue;
      }
      // The key, then size, time and checksum; the key's own tabs are its separators, the values hold none.
      if (!line.startsWith(entry.key + "\t")) {
        return false;
      }
      String[] stamps = line.substring(entry.key.length() + 1).split("\t", -1);
      if (stamps.length != 3 || !isChecksum(stamps[2])) {
        return false;
      }
      if (!stamps[0].equals(entry.size)) {
        return false; // another size: changed, without reading anything
      }
      if (stamps[1].equals(entry.time)) {
        entry.checksum = stamps[2];
      } else {
        touched.add(entry); // same size, another time: the content decides
        storedChecksums.add(stamps[2]);
      }
    }
    for (int i = 0; i < touched.size(); i++) {
      Entry entry = touched.get(i);
      entry.checksum = checksum(entry.file);
      if (!entry.checksum.equals(storedChecksums.get(i))) {
        return false;
      }
    }
    if (!touched.isEmpty()) {
      save(stateFile);
    }
    return true;
  }

  private static boolean isChecksum(String text) {
    if (text.length() != 16) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads every file not yet read. Call it before making the output, so that the state saved afterwards
   * describes no newer content than the output was made from: an input edited meanwhile then shows as changed.
   */
  public void readContents() throws IOException {
    for (Entry entry : entries) {
      if (entry.file != null && entry.checksum == null) {
        entry.checksum = checksum(entry.file);
      }
    }
  }

  /** Records these inputs in {@code stateFile}, replacing it in one step. */
  public void save(Path stateFile) throws IOException {
    readContents();
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (Entry entry : entries) {
      text.append(entry.key);
      if (entry.file != null) {
        text.append('\t').append(entry.size).append('\t').append(entry.time).append('\t').append(entry.checksum);
      }
      text.append('\n');
    }
    AtomicWrite.writeString(stateFile, text.toString());
  }

  /**
   * CRC-32 and CRC-32C side by side: this detects edits, it is no defence against someone who can already edit
   * the spec. Two CRCs of different polynomials miss an accidental change about once in 2^64, and unlike
   * SHA-256 both run natively from the first call, with no security provider to look up.
   */
  static String checksum(Path file) throws IOException {
    // Whole: spec files are read whole to be parsed anyway, and this allocates no more than each file's size.
    byte[] content = Files.readAllBytes(file);
    CRC32 crc = new CRC32();
    crc.update(content);
    CRC32C crcC = new CRC32C();
    crcC.update(content);
    return HexFormat.of().toHexDigits(crc.getValue() << 32 | crcC.getValue());
  }

  /** Makes a label, path or value safe for one tab-separated field; injective, so escaped forms compare alike. */
  private static String escape(String text) {
    if (text.indexOf('\\') < 0 && text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }
}
