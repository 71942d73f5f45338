package dev.apispec.bench.child;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles every {@code .java} file below a folder with the JDK's compiler (javax.tools), as a build
 * would: {@code --release 17}, no annotation processing, no warnings shown. Fails when it does not
 * compile.
 *
 * <p>Usage: {@code CompileMain SOURCE_DIR OUTPUT_DIR CLASSPATH}
 */
public final class CompileMain {
  private CompileMain() {}

  public static void main(String[] args) throws IOException {
    Path sources = Path.of(args[0]);
    Path output = Path.of(args[1]);
    String classpath = args[2];
    Files.createDirectories(output);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter messages = new StringWriter();
    long start = System.nanoTime();
    boolean ok;
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of("--release", "17", "-encoding", "UTF-8", "-proc:none", "-nowarn",
          "-Xlint:none", "-implicit:none", "-d", output.toString(), "-cp", classpath);
      ok = javac.getTask(messages, fileManager, null, options, null,
          fileManager.getJavaFileObjectsFromPaths(files)).call();
    }
    long elapsed = System.nanoTime() - start;
    if (!ok) {
      System.err.println(messages);
      throw new IllegalStateException("the generated sources in " + sources + " do not compile");
    }
    PeakMain.record("sourceFiles", Integer.toString(files.size()));
    PeakMain.record("compileMicros", Long.toString(elapsed / 1_000));
  }
}
