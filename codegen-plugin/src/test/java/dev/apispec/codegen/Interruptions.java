package dev.apispec.codegen;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.apispec.codegen.output.SourceWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Ways to stop a generation half-way, for the tests of what that leaves behind: a {@link JavaFile} that runs an
 * action while it is being written (JavaPoet turns a {@code $L} argument into text only then), and a {@code main}
 * that a test starts as a separate JVM to be killed that way.
 */
public final class Interruptions {
  /** The exit status of a JVM that {@link #main} stopped on purpose. */
  public static final int HALTED = 77;

  private Interruptions() {}

  /** A source file whose writing runs {@code action} after its file was created and before it is complete. */
  public static JavaFile trap(String packageName, String className, Runnable action) {
    Object text = new Object() {
      @Override
      public String toString() {
        action.run();
        return "Written.";
      }
    };
    return JavaFile.builder(packageName, TypeSpec.classBuilder(className).addJavadoc("$L\n", text).build()).build();
  }

  /** {@code files} with a trap inserted after the first {@code after} of them. */
  public static List<JavaFile> withTrapAfter(List<JavaFile> files, int after, Runnable action) {
    List<JavaFile> trapped = new ArrayList<>(files.subList(0, after));
    trapped.add(trap(files.get(0).packageName(), "Interrupted", action));
    trapped.addAll(files.subList(after, files.size()));
    return trapped;
  }

  /** Every file below {@code dir} by its relative path, with its text; empty when there is no {@code dir}. */
  public static Map<String, String> snapshot(Path dir) {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(dir)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The names of the folders beside {@code output} that a generation into it leaves while it runs. */
  public static List<String> leftovers(Path output) {
    String prefix = "." + output.getFileName() + ".";
    try (Stream<Path> siblings = Files.list(output.toAbsolutePath().getParent())) {
      return siblings.map(p -> p.getFileName().toString())
          .filter(name -> name.startsWith(prefix + "new-") || name.startsWith(prefix + "old-"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Does what the generate goal does, and halts this JVM (no shutdown hooks, no {@code finally}) while the sources
   * are being written: after the first {@code args[3]} files.
   *
   * @param args the spec file, the output folder, the goal's state file, how many files to write first
   */
  public static void main(String[] args) throws IOException {
    Path spec = Path.of(args[0]);
    Path output = Path.of(args[1]);
    Path state = Path.of(args[2]);
    int after = Integer.parseInt(args[3]);
    List<JavaFile> files = Codegen.generate(spec, spec.getParent(), null);
    Files.deleteIfExists(state); // as GenerateMojo does before it writes
    SourceWriter.replace(output, withTrapAfter(files, after, () -> Runtime.getRuntime().halt(HALTED)));
    throw new AssertionError("the JVM was not halted");
  }
}
