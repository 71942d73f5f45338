package dev.apispec.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads every file below a folder of the class path, from a directory or from a jar. */
final class ClasspathFiles {
  private ClasspathFiles() {}

  /**
   * The files below {@code dir} on the class path, by path relative to it ({@code friend/apply/success.json}),
   * in name order. When several class path entries have the folder, the first one that has a file wins.
   */
  static SortedMap<String, byte[]> read(String dir) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    try {
      Enumeration<URL> roots = ClasspathFiles.class.getClassLoader().getResources(dir);
      while (roots.hasMoreElements()) {
        URI root = roots.nextElement().toURI();
        if ("jar".equals(root.getScheme())) {
          FileSystem fs;
          boolean opened = false;
          try {
            fs = FileSystems.newFileSystem(root, Map.of());
            opened = true;
          } catch (FileSystemAlreadyExistsException e) {
            fs = FileSystems.getFileSystem(root);
          }
          try {
            collect(fs.provider().getPath(root), files);
          } finally {
            if (opened) {
              fs.close();
            }
          }
        } else {
          collect(Path.of(root), files);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir + "/ from the class path", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot read " + dir + "/ from the class path", e);
    }
    return files;
  }

  /** The files below a directory of the file system, like {@link #read(String)}. */
  static SortedMap<String, byte[]> read(Path dir) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    try {
      collect(dir, files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
    return files;
  }

  private static void collect(Path root, SortedMap<String, byte[]> files) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        if (!files.containsKey(relative)) {
          files.put(relative, Files.readAllBytes(file));
        }
      }
    }
  }
}
