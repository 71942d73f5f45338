package dev.apispec.codegen;

import static org.junit.jupiter.api.Assertions.fail;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Generated sources compiled the strict way a user's build might compile them ({@code -Xlint:all
 * -Werror}), against the test class path, and loaded in their own class loader.
 */
public final class CompiledSources implements AutoCloseable {
  private final Path sources;
  private final Path classes;
  private final URLClassLoader loader;

  private CompiledSources(Path sources, Path classes) throws IOException {
    this.sources = sources;
    this.classes = classes;
    this.loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, CompiledSources.class.getClassLoader());
  }

  /**
   * Writes {@code files} below {@code workDir}/src, compiles them to {@code workDir}/classes, and fails the
   * test with every diagnostic (warnings included) unless javac had nothing at all to say.
   *
   * @param extraOptions more javac options, such as {@code -Xdoclint:all,-missing}
   */
  public static CompiledSources compile(List<JavaFile> files, Path workDir, String... extraOptions)
      throws IOException {
    Path sources = Files.createDirectories(workDir.resolve("src"));
    Path classes = Files.createDirectories(workDir.resolve("classes"));
    for (JavaFile file : files) {
      file.writeTo(sources);
    }
    List<Path> javaFiles;
    try (Stream<Path> walk = Files.walk(sources)) {
      javaFiles = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean ok = javac(javaFiles, classes, diagnostics, extraOptions);
    if (!ok || !diagnostics.getDiagnostics().isEmpty()) {
      fail("javac " + (ok ? "warned" : "failed") + ":\n" + diagnostics.getDiagnostics().stream()
          .map(CompiledSources::describe)
          .collect(Collectors.joining("\n")));
    }
    return new CompiledSources(sources, classes);
  }

  /**
   * Compiles {@code javaFiles} into {@code classes} with {@code -Xlint:all -Werror}, in this JVM, collecting every
   * diagnostic; returns whether javac succeeded.
   */
  static boolean javac(List<Path> javaFiles, Path classes, DiagnosticCollector<JavaFileObject> diagnostics,
      String... extraOptions) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager fileManager =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = new ArrayList<>(List.of(
          "-Xlint:all", "-Werror", "-proc:none",
          "-encoding", "UTF-8",
          "-classpath", System.getProperty("java.class.path"),
          "-d", classes.toString()));
      options.addAll(List.of(extraOptions));
      return javac.getTask(null, fileManager, diagnostics, options, null,
          fileManager.getJavaFileObjectsFromPaths(javaFiles)).call();
    }
  }

  static String describe(Diagnostic<? extends JavaFileObject> d) {
    String where = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
    return "  " + d.getKind() + " " + where + d.getMessage(Locale.ROOT);
  }

  /** Loads a generated class by its binary name. */
  public Class<?> load(String binaryName) {
    try {
      return Class.forName(binaryName, true, loader);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no class " + binaryName + " was generated; classes: " + classNames(), e);
    }
  }

  /** The binary names of all compiled classes, sorted. */
  public List<String> classNames() {
    try (Stream<Path> walk = Files.walk(classes)) {
      List<String> names = new ArrayList<>();
      walk.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
        String relative = classes.relativize(p).toString().replace('\\', '/');
        names.add(relative.substring(0, relative.length() - ".class".length()).replace('/', '.'));
      });
      names.sort(null);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of a generated source file, by the binary name of its top-level class. */
  public String source(String className) throws IOException {
    return Files.readString(sources.resolve(className.replace('.', '/') + ".java"), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }
}
