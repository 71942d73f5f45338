package dev.apispec.codegen.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/** Writes a file whole or not at all, so that a run killed half-way leaves the previous file, not half a new one. */
public final class AtomicWrite {
  private static final AtomicLong COUNTER = new AtomicLong();

  private AtomicWrite() {}

  /** Replaces {@code target} with {@code text} (UTF-8) in one step, through a temporary file beside it. */
  public static void writeString(Path target, String text) throws IOException {
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path staging = createStaging(absolute);
    try {
      Files.writeString(staging, text, StandardCharsets.UTF_8);
      try {
        Files.move(staging, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staging, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(staging);
    }
  }

  /**
   * A new file beside {@code target}. Not Files.createTempFile: it names files with SecureRandom, whose first use
   * in a JVM costs some 15 ms, more than a whole no-op check. Creating the file exclusively makes any name safe.
   */
  private static Path createStaging(Path target) throws IOException {
    String prefix = "." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + "-";
    while (true) {
      try {
        return Files.createFile(target.resolveSibling(prefix + COUNTER.incrementAndGet() + ".tmp"));
      } catch (FileAlreadyExistsException e) {
        // Taken by another run, or left by a killed one: try the next name.
      }
    }
  }
}
