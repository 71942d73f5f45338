package dev.apispec.bench.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lines of the {@code .java} files below a folder: all of them, and the code lines among them (not
 * blank, not only a comment: {@code //}, or a line of a {@code /* ... * /} block).
 */
public record SourceStats(int files, long lines, long codeLines) {

  public static SourceStats of(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
    long lines = 0;
    long code = 0;
    for (Path file : files) {
      boolean inComment = false;
      for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        lines++;
        String line = raw.strip();
        if (inComment) {
          if (line.contains("*/")) {
            inComment = false;
            String after = line.substring(line.indexOf("*/") + 2).strip();
            if (!after.isEmpty()) {
              code++;
            }
          }
          continue;
        }
        if (line.isEmpty() || line.startsWith("//")) {
          continue;
        }
        if (line.startsWith("/*")) {
          if (!line.contains("*/")) {
            inComment = true;
          } else if (!line.substring(line.indexOf("*/") + 2).strip().isEmpty()) {
            code++;
          }
          continue;
        }
        code++;
      }
    }
    return new SourceStats(files.size(), lines, code);
  }

  static SourceStats ofUnchecked(Path dir) {
    try {
      return of(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
