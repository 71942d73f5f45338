package dev.apispec.codegen;

import dev.apispec.runtime.testing.Reliability;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.palantir.javapoet.JavaFile;
import dev.apispec.codegen.emit.CodeGenerator;
import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.output.SourceWriter;
import dev.apispec.codegen.proto.ProtoCatalog;
import dev.apispec.codegen.diagnostics.Problem;
import dev.apispec.codegen.diagnostics.Problems;
import dev.apispec.codegen.diagnostics.SpecException;
import dev.apispec.codegen.spec.SpecReader;
import dev.apispec.codegen.validate.SpecValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fuzzes the plugin with specs it cannot trust. Whatever the input, the outcome is a valid model (and generated
 * files that compile) or a {@link SpecException} whose every problem has the file, a line within the document and
 * a column: never another exception, a stack overflow or a hang (each input must finish within {@link #LIMIT}).
 *
 * <ul>
 *   <li>{@link #readAndValidateText} reads arbitrary text with {@code YamlReader}, {@code SpecReader} and
 *       {@code SpecValidator} (and generates from what they accept);
 *   <li>{@link #generateFromGrammar} runs the whole pipeline ({@link Codegen#generateFromText}) on specs that
 *       {@link SpecGrammar} builds from the fuzzer's data: the format's shape with hostile names, documentation
 *       and values. Generated sources must be the same when generated twice, and compile with {@code -Xlint:all
 *       -Werror} and load ({@link CompiledSources}): every one under {@code mvn test}, every
 *       {@value #COMPILE_EVERY}th one when fuzzing, which would otherwise spend its time in javac.
 * </ul>
 *
 * <p>Under {@code mvn test} each target runs once per saved input, from
 * {@code src/test/resources/dev/apispec/codegen/SpecFuzzTestInputs/<target>/} (regression mode). To fuzz a target
 * for as long as you like, from the project root, after {@code mvn install -DskipTests} (Jazzer fuzzes one
 * {@code @FuzzTest} per run, so pick it with {@code -Dtest}; {@code JAZZER_FUZZ=1} turns fuzzing on;
 * {@code -Djazzer.max_duration}, which surefire hands to the test JVM, overrides the {@code maxDuration} of the
 * annotation; {@code -Djazzer.instrument} adds the YAML parsers to the coverage the fuzzer steers by):
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -pl codegen-plugin test -Dtest='SpecFuzzTest#generateFromGrammar' -Djazzer.max_duration=10m
 * JAZZER_FUZZ=1 mvn -pl codegen-plugin test -Dtest='SpecFuzzTest#readAndValidateText' -Djazzer.max_duration=10m \
 *     '-Djazzer.instrument=dev.apispec.**,org.yaml.snakeyaml.**,com.fasterxml.jackson.**'
 * </pre>
 *
 * Fuzzing keeps its corpus in {@code codegen-plugin/.cifuzz-corpus/} and writes a finding as {@code crash-*} (both
 * ignored by git); a finding worth keeping goes into the target's inputs folder, where every later
 * {@code mvn test} replays it. A fuzzing run adds its own rows ("fuzzing mode") to the figures.
 */
class SpecFuzzTest {
  static {
    Reliability.skipJazzerHooksUnlessFuzzing();
  }

  @RegisterExtension
  static final Reliability FIGURES = Reliability.forClass(SpecFuzzTest.class);

  /** The longest any one input may take; the slowest seen are a few milliseconds (javac not counted). */
  static final Duration LIMIT = Duration.ofSeconds(10);
  /** When fuzzing, generated sources are compiled for one spec in this many that generate. */
  static final int COMPILE_EVERY = 50;
  private static final String FILE = "fuzz.yaml";
  private static final ProtoCatalog PROTOS = TestProtos.catalog();
  private static final AtomicLong GENERATED = new AtomicLong();
  private static ExecutorService worker = newWorker();

  private static String what() {
    return Reliability.fuzzing() ? "fuzz executions (fuzzing mode)" : "fuzz executions (saved inputs, regression mode)";
  }

  @AfterAll
  static void stopWorker() {
    worker.shutdownNow();
  }

  @FuzzTest(maxDuration = "30s")
  void readAndValidateText(byte[] input) {
    Reliability.Row row = FIGURES.row(ReliabilityAreas.HOSTILE_SPECS,
        "fuzz: YAML, spec reader and validator on arbitrary text (SpecFuzzTest#readAndValidateText)", what());
    row.tried(1);
    String text = new String(input, StandardCharsets.UTF_8);
    List<Problem> problems = within(() -> {
      Problems found = new Problems();
      Spec spec = SpecReader.readText(FILE, text, found);
      SpecValidator.validate(spec, PROTOS, found);
      if (found.isEmpty()) {
        if (spec.api() == null) {
          fail("no problem, but no 'api' either");
        }
        if (CodeGenerator.generate(spec, PROTOS).isEmpty()) {
          fail("a valid spec generated nothing");
        }
      }
      return found.sorted();
    });
    checkLocated(problems, text);
  }

  @FuzzTest(maxDuration = "30s")
  void generateFromGrammar(FuzzedDataProvider data) throws IOException {
    Reliability.Row row = FIGURES.row(ReliabilityAreas.HOSTILE_SPECS,
        "fuzz: whole pipeline on specs built from a grammar (SpecFuzzTest#generateFromGrammar)", what());
    row.tried(1).note("the grammar's specs found a package name with a C1 control character, which javac ignores:"
        + " the classes compiled into another package (fixed: rejected)");
    String yaml = SpecGrammar.build(data);
    Outcome outcome = within(() -> generate(yaml));
    if (outcome.problems() != null) {
      checkLocated(outcome.problems(), yaml);
      return;
    }
    assertFalse(outcome.files().isEmpty(), "a valid spec generated nothing");
    List<String> sources = outcome.files().stream().map(JavaFile::toString).toList();
    assertEquals(sources, within(() -> generate(yaml)).files().stream().map(JavaFile::toString).toList(),
        "generating the same spec twice gave different sources:\n" + yaml);
    if (!Reliability.fuzzing() || GENERATED.incrementAndGet() % COMPILE_EVERY == 1) {
      Reliability.Row compiled = FIGURES.row(ReliabilityAreas.HOSTILE_SPECS,
          "fuzz: sources generated from the grammar's specs compile and load", Reliability.fuzzing()
              ? "specs compiled (fuzzing mode)" : "specs compiled (saved inputs, regression mode)");
      compiled.tried(1);
      compileAndLoad(outcome.files(), yaml);
    }
  }

  private static Outcome generate(String yaml) {
    try {
      return new Outcome(Codegen.generateFromText(FILE, yaml, PROTOS), null);
    } catch (SpecException e) {
      return new Outcome(null, e.problems());
    }
  }

  private record Outcome(List<JavaFile> files, List<Problem> problems) {}

  private static void compileAndLoad(List<JavaFile> files, String yaml) throws IOException {
    Path work = Files.createTempDirectory("apispec-fuzz-");
    try (CompiledSources compiled = CompiledSources.compile(files, work)) {
      for (JavaFile file : files) {
        String name = file.packageName() + "." + file.typeSpec().name();
        compiled.load(name); // initialises it too: the endpoint constants of a group, the client's base URI
      }
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\nfrom the spec:\n" + yaml, e);
    } finally {
      SourceWriter.deleteTree(work);
    }
  }

  /**
   * Every problem names the file, a line that exists (YAML counts {@code \n}, {@code \r}, {@code \r\n}, NEL, LS
   * and PS as line breaks) and a column, and says something.
   */
  static void checkLocated(List<Problem> problems, String text) {
    int lines = SpecProblems.lines(text);
    for (Problem problem : problems) {
      if (!FILE.equals(problem.location().file()) || problem.location().line() < 1
          || problem.location().line() > lines || problem.location().column() < 1 || problem.message().isBlank()) {
        fail("badly located problem (the document has " + lines + " lines): " + problem + "\nin:\n" + text);
      }
    }
  }

  /** Runs {@code work} on a worker thread, and fails if it takes longer than {@link #LIMIT}. */
  private static <T> T within(Callable<T> work) {
    Future<T> future = worker.submit(work);
    try {
      return future.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      worker.shutdownNow();
      worker = newWorker(); // the stuck thread is abandoned
      throw new AssertionError("an input took longer than " + LIMIT, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error; // AssertionError from the checks, StackOverflowError, OutOfMemoryError
      }
      if (cause instanceof RuntimeException unexpected) {
        throw unexpected;
      }
      throw new AssertionError(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "spec-fuzz-worker");
      thread.setDaemon(true);
      return thread;
    });
  }
}
