package dev.apispec.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.apispec.codegen.diagnostics.Problem;
import dev.apispec.codegen.diagnostics.SpecException;
import dev.apispec.codegen.output.SourceWriter;
import dev.apispec.codegen.proto.ProtoCatalog;
import dev.apispec.runtime.testing.Reliability;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator's promise, tested on many specs: a spec it accepts generates sources that are written, compile
 * with {@code -Xlint:all -Werror} and load; a spec it rejects is rejected with problems that each have a line of
 * the document and a column, in words without parser internals; nothing else (no other exception) comes out. A
 * failure while writing the sources must be a located problem too.
 *
 * <p>The specs: the saved fuzz inputs (as text), specs that {@link SpecGrammar} builds from seeded data, and
 * {@link HostileSpecs}, which go for the limits of Java and file systems. The seed is
 * {@code -Dapispec.differential.seed} (13 unless set), and each spec's own seed is in the failure message; more
 * specs with {@code -Dapispec.differential.specs=N} (for each generator). Accepted specs are compiled in batches
 * of different packages, one javac run each.
 */
class AcceptedMeansItCompilesTest {
  @RegisterExtension
  static final Reliability FIGURES = Reliability.forClass(AcceptedMeansItCompilesTest.class);

  private static final long SEED = Long.getLong("apispec.differential.seed", 13L);
  /** Specs from each generator: about 45 s in all with the edge specs, most of it javac's. */
  private static final int SPECS = Integer.getInteger("apispec.differential.specs", 100);
  /** Accepted specs compiled in one javac run, at most. */
  private static final int BATCH = 60;
  private static final String FILE = "spec.yaml";
  private static final ProtoCatalog PROTOS = TestProtos.catalog();
  /** What a message may not show: the parsers' classes and events. */
  private static final Pattern INTERNALS =
      Pattern.compile("org\\.yaml|com\\.fasterxml|snakeyaml|Event\\(|anchor=|JsonToken|VALUE_[A-Z]");
  private static final Path INPUTS = Path.of("src/test/resources/dev/apispec/codegen/SpecFuzzTestInputs");

  private record Case(String name, String yaml) {}

  private record Accepted(Case spec, Path sources, Set<String> packages) {}

  @Test
  void everyAcceptedSpecCompilesAndEveryRejectedOneIsLocated(@TempDir Path work) throws IOException {
    long started = System.nanoTime();
    List<Case> cases = new ArrayList<>(corpus());
    int corpus = cases.size();
    Map<String, Boolean> edges = new HashMap<>();
    for (EdgeSpecs.Edge edge : EdgeSpecs.all().values()) {
      cases.add(new Case("edge: " + edge.name(), edge.yaml()));
      edges.put("edge: " + edge.name(), edge.accepted());
    }
    for (int i = 0; i < SPECS; i++) {
      long seed = SEED * 1_000_003L + i;
      // a package of its own, so that specs compile together; SpecGrammar's packages stay as hostile as they were
      String yaml = SpecGrammar.build(new SeededData(seed)).replaceFirst("(?m)^  \"package\": \"", "$0g" + i + ".");
      cases.add(new Case("SpecGrammar seed " + seed, yaml));
      cases.add(new Case("HostileSpecs seed " + seed + " index " + i, HostileSpecs.build(seed, i)));
    }
    int rejected = 0;
    List<Accepted> accepted = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case spec = cases.get(i);
      Accepted generated = generate(spec, work.resolve("s" + i));
      Boolean mustAccept = edges.get(spec.name());
      if (mustAccept != null && mustAccept != (generated != null)) {
        fail(spec.name() + " must be " + (mustAccept ? "accepted" : "rejected"));
      }
      if (generated == null) {
        rejected++;
      } else {
        accepted.add(generated);
      }
    }
    int batches = compileInBatches(accepted, work);
    long millis = (System.nanoTime() - started) / 1_000_000;
    FIGURES.row(ReliabilityAreas.HOSTILE_SPECS, "differential: every spec the validator accepts compiles (-Xlint:all"
        + " -Werror) and loads; every one it rejects is located (AcceptedMeansItCompilesTest)", "specs")
        .tried(cases.size()).note(corpus + " saved fuzz inputs and " + (cases.size() - corpus) + " generated (seed "
            + SEED + "): " + accepted.size() + " accepted and compiled in " + batches + " javac runs, " + rejected
            + " rejected, in " + millis + " ms. Before the fixes accepted and did not compile, or failed unlocated:"
            + " see issue #13");
    System.out.printf(Locale.ROOT, "differential: %d specs (%d saved fuzz inputs), %d accepted and compiled in %d"
        + " javac runs, %d rejected, %d ms%n", cases.size(), corpus, accepted.size(), batches, rejected, millis);
    assertTrue(accepted.size() > cases.size() / 5, "too few specs accepted to test compilation: " + accepted.size());
    assertTrue(rejected > cases.size() / 5, "too few specs rejected to test the problems: " + rejected);
  }

  /** The saved inputs of both fuzz targets, read as spec text. */
  private static List<Case> corpus() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> files = Files.walk(INPUTS)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        cases.add(new Case("fuzz input " + INPUTS.relativize(file),
            new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
      }
    }
    assertTrue(cases.size() > 10, "no fuzz inputs found in " + INPUTS.toAbsolutePath());
    return cases;
  }

  /** Generates and writes the sources of {@code spec}, or checks its problems and returns null. */
  private static Accepted generate(Case spec, Path output) {
    try {
      Codegen.Sources sources = Codegen.generateSourcesFromText(FILE, spec.yaml(), PROTOS);
      Codegen.write(sources, output);
      Set<String> packages = new HashSet<>();
      sources.files().forEach(file -> packages.add(file.packageName()));
      return new Accepted(spec, output, packages);
    } catch (SpecException e) {
      checkLocated(spec, e.problems());
      return null;
    } catch (Throwable e) {
      throw new AssertionError(what(spec) + " failed with " + e + " instead of located problems", e);
    }
  }

  private static void checkLocated(Case spec, List<Problem> problems) {
    if (problems.isEmpty()) {
      fail(what(spec) + " was rejected without a problem");
    }
    int lines = SpecProblems.lines(spec.yaml());
    for (Problem problem : problems) {
      boolean located = FILE.equals(problem.location().file()) && problem.location().line() >= 1
          && problem.location().line() <= lines && problem.location().column() >= 1;
      if (!located || problem.message().isBlank() || INTERNALS.matcher(problem.message()).find()) {
        fail(what(spec) + " has a problem without a place in its " + lines + " lines, or in the words of the parser: "
            + shorten(problem.toString()));
      }
    }
  }

  /** Compiles the sources of the accepted specs, as many at once as have different packages; returns the runs. */
  private static int compileInBatches(List<Accepted> accepted, Path work) throws IOException {
    int runs = 0;
    List<Accepted> batch = new ArrayList<>();
    Set<String> packages = new HashSet<>();
    for (Accepted spec : accepted) {
      if (batch.size() == BATCH || spec.packages().stream().anyMatch(packages::contains)) {
        compile(batch, work.resolve("classes" + runs++));
        batch.clear();
        packages.clear();
      }
      batch.add(spec);
      packages.addAll(spec.packages());
    }
    if (!batch.isEmpty()) {
      compile(batch, work.resolve("classes" + runs++));
    }
    return runs;
  }

  private static void compile(List<Accepted> batch, Path classes) throws IOException {
    Files.createDirectories(classes);
    Map<Path, Accepted> owners = new HashMap<>();
    for (Accepted spec : batch) {
      try (Stream<Path> files = Files.walk(spec.sources())) {
        files.filter(p -> p.toString().endsWith(".java")).forEach(p -> owners.put(p.toAbsolutePath(), spec));
      }
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean ok = CompiledSources.javac(owners.keySet().stream().sorted().toList(), classes, diagnostics);
    if (!ok || !diagnostics.getDiagnostics().isEmpty()) {
      Map<Accepted, List<String>> bySpec = new HashMap<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        Accepted owner = d.getSource() == null ? null : owners.get(Path.of(d.getSource().toUri()).toAbsolutePath());
        bySpec.computeIfAbsent(owner, k -> new ArrayList<>()).add(CompiledSources.describe(d));
      }
      fail(bySpec.entrySet().stream()
          .map(e -> (e.getKey() == null ? "javac" : what(e.getKey().spec()) + " was accepted, but javac")
              + (ok ? " warned" : " failed") + ":\n" + shorten(String.join("\n", e.getValue())))
          .collect(Collectors.joining("\n\n")));
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        AcceptedMeansItCompilesTest.class.getClassLoader())) {
      for (Map.Entry<Path, Accepted> source : owners.entrySet()) {
        String name = source.getValue().sources().relativize(source.getKey()).toString().replace('\\', '/')
            .replaceAll("\\.java$", "").replace('/', '.');
        try {
          Class.forName(name, true, loader); // runs static initialisers: endpoint constants, the base URI
        } catch (ClassNotFoundException | LinkageError e) {
          fail(what(source.getValue().spec()) + " compiled, but " + name + " does not load: " + e);
        }
      }
    }
    for (Accepted spec : batch) {
      SourceWriter.deleteTree(spec.sources());
    }
    SourceWriter.deleteTree(classes);
  }

  private static String what(Case spec) {
    return spec.name() + " (rerun with -Dapispec.differential.seed=" + SEED + "):\n" + shorten(spec.yaml()) + "\n";
  }

  /** Long texts (the specs go up to megabytes) cut to what a log can show. */
  private static String shorten(String text) {
    return text.length() <= 6_000 ? text : text.substring(0, 3_000) + "\n[… " + (text.length() - 6_000)
        + " characters …]\n" + text.substring(text.length() - 3_000);
  }
}
