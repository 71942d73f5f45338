package dev.apispec.codegen.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest of everything the output depends on: the spec files, the descriptor set, the plugin's own
 * code and its settings. Equal fingerprints mean regenerating would write the same files.
 */
public final class Fingerprint {
  private final MessageDigest digest;

  public Fingerprint() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  public Fingerprint add(String label, String value) {
    update(label);
    update(value == null ? "<none>" : value);
    return this;
  }

  /** Adds a file, or every file below a folder, by path and content. A missing path counts as such. */
  public Fingerprint addPath(String label, Path path) throws IOException {
    update(label);
    if (path == null || !Files.exists(path)) {
      update("<missing>");
      return this;
    }
    List<Path> files;
    if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
    } else {
      files = List.of(path);
    }
    for (Path file : files) {
      update(path.relativize(file).toString());
      byte[] buffer = new byte[8192];
      try (InputStream in = Files.newInputStream(file)) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      }
      update("<end>");
    }
    return this;
  }

  private void update(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
    digest.update((byte) ':');
    digest.update(bytes);
  }

  public String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }
}
