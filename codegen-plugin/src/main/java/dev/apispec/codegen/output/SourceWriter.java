package dev.apispec.codegen.output;

import com.palantir.javapoet.JavaFile;
import dev.apispec.codegen.util.Parallel;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Replaces an output folder with freshly generated sources, all or nothing: files are written to a
 * sibling folder first, which then takes the old one's place. A failure half-way leaves the
 * previous output as it was. A run that was killed half-way leaves its sibling folders behind; the
 * next run puts a set-aside output back if need be, and removes them.
 */
public final class SourceWriter {
  private SourceWriter() {}

  public static void replace(Path outputDirectory, List<JavaFile> files) throws IOException {
    replace(outputDirectory, staging -> writeAll(staging, files));
  }

  /** What fills the new output folder, which is empty when it is called. */
  @FunctionalInterface
  public interface Contents {
    void writeTo(Path folder) throws IOException;
  }

  /**
   * Replaces {@code outputDirectory} with what {@code contents} writes, all or nothing: when it throws, the
   * previous output stays as it was.
   */
  public static void replace(Path outputDirectory, Contents contents) throws IOException {
    Path target = outputDirectory.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Files.createDirectories(parent);
    String name = target.getFileName().toString();
    recover(parent, name, target);
    Path staging = newStagingFolder(parent, name);
    try {
      contents.writeTo(staging);
      Path previous = parent.resolve("." + name + ".old-" + Long.toHexString(System.nanoTime()));
      boolean hadPrevious = Files.exists(target);
      if (hadPrevious) {
        move(target, previous);
      }
      try {
        move(staging, target);
      } catch (IOException e) {
        if (hadPrevious) {
          move(previous, target);
        }
        throw e;
      }
      if (hadPrevious) {
        deleteTree(previous);
      }
    } finally {
      if (Files.exists(staging)) {
        deleteTree(staging);
      }
    }
  }

  /**
   * A new, empty {@code .<name>.new-<hex>} folder. Not {@code Files.createTempDirectory}: its random name comes
   * from SecureRandom, whose start-up was a noticeable part of a small generation in a fresh JVM.
   */
  private static Path newStagingFolder(Path parent, String name) throws IOException {
    for (long suffix = System.nanoTime(); ; suffix++) {
      try {
        return Files.createDirectory(parent.resolve("." + name + ".new-" + Long.toHexString(suffix)));
      } catch (FileAlreadyExistsException e) {
        // another run's staging folder (with -T, or a leftover): take the next name
      }
    }
  }

  /**
   * Writes every file into the empty folder {@code root}, on a few threads when there are many: creating files
   * is most of a large generation's time, and much of it is spent waiting on the file system.
   */
  static void writeAll(Path root, List<JavaFile> files) throws IOException {
    Set<String> packages = new LinkedHashSet<>();
    for (JavaFile file : files) {
      if (packages.add(file.packageName())) {
        Path folder = packageFolder(root, file.packageName());
        try {
          Files.createDirectories(folder);
        } catch (IOException e) {
          throw new SourceWriteException(file, folder, e);
        }
      }
    }
    Parallel.forEach("apispec-writer", files, FILES_PER_THREAD, file -> write(root, file));
  }

  /** Below this many files per thread, a thread costs more than it saves. */
  private static final int FILES_PER_THREAD = 32;

  private static Path packageFolder(Path root, String packageName) {
    Path folder = root;
    if (!packageName.isEmpty()) {
      for (String part : packageName.split("\\.")) {
        folder = folder.resolve(part);
      }
    }
    return folder;
  }

  private static void write(Path root, JavaFile file) throws IOException {
    Path path = packageFolder(root, file.packageName()).resolve(file.typeSpec().name() + ".java");
    // CREATE_NEW: two types that map to one file would otherwise leave only the last one written
    try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      file.writeTo(out);
    } catch (InterruptedIOException | ClosedByInterruptException e) {
      throw e; // not this file's fault: the run was stopped
    } catch (IOException e) {
      throw new SourceWriteException(file, path, e);
    }
  }

  /**
   * Cleans up after a run that was killed half-way: its staging folders ({@code .<name>.new-*}) are incomplete,
   * and a set-aside output ({@code .<name>.old-*}) is the output itself if the kill came before the new one
   * took its place.
   */
  private static void recover(Path parent, String name, Path target) throws IOException {
    Pattern leftover = Pattern.compile(Pattern.quote("." + name) + "\\.(new|old)-[0-9a-f]+");
    List<Path> leftovers;
    try (Stream<Path> siblings = Files.list(parent)) {
      leftovers = siblings
          .filter(p -> leftover.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p))
          .collect(Collectors.toCollection(ArrayList::new));
    }
    if (!Files.exists(target)) {
      Path setAside = null;
      for (Path candidate : leftovers) {
        if (candidate.getFileName().toString().startsWith("." + name + ".old-") && (setAside == null
            || Files.getLastModifiedTime(candidate).compareTo(Files.getLastModifiedTime(setAside)) > 0)) {
          setAside = candidate;
        }
      }
      if (setAside != null) {
        move(setAside, target);
        leftovers.remove(setAside);
      }
    }
    for (Path path : leftovers) {
      deleteTree(path);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Deletes a folder and everything in it; a missing folder is fine. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
          if (exc != null) {
            throw exc;
          }
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
