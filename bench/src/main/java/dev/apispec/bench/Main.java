package dev.apispec.bench;

import dev.apispec.bench.codegen.CodegenBench;
import dev.apispec.bench.jmh.JmhBench;
import dev.apispec.bench.noop.NoopBench;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The benchmark harness. {@code java -jar bench/target/bench.jar all} runs everything and writes
 * {@code bench/target/results.md}; see {@link #USAGE}.
 */
public final class Main {
  static final String USAGE = """
      usage: java -jar bench/target/bench.jar [all|codegen|noop|jmh|report] [options] [-- JMH options]

        all       code generation, no-op rebuilds and JMH, then the report (the default)
        codegen   1. code generation against OpenAPI Generator, on synthetic specs
        noop      2. no-op generate (the plugin's GenerateMojo) and no-op `mvn compile` of generated-client
        jmh       3. run-time benchmarks (JMH with -prof gc)
        report    only rebuild bench/target/results.md from the sections run before

      options:
        --root DIR          the repository (default: found from this jar)
        --sizes A,B,C       endpoints of the synthetic specs (default 100,1000,5000)
        --runs N            generation runs per size and generator (default 5; 3 from 1,000 endpoints; 2 from 5,000)
        --compile-runs N    compile runs per size and generator (default 3; 1 from 1,000 endpoints)
        --warm-up-to N      the largest size also timed in a warm JVM (default 1000; 0 for none)
        --noop-runs N       fresh JVMs for the no-op goal (default 5)
        --maven-runs N      timed no-op Maven builds (default 3)
        --quick             a smoke test: sizes 100,1000, 2 runs, 1 compile run, JMH 1 fork of 2+3 short iterations
        -- ...              everything after -- goes to JMH, e.g. -- -f 3 -wi 5 -i 10 -r 2s, or -- -prof stack
      """;

  private Main() {}

  public static void main(String[] args) throws Exception {
    String command = "all";
    String root = null;
    List<Integer> sizes = List.of(100, 1000, 5000);
    Integer runs = null;
    Integer compileRuns = null;
    int noopRuns = 5;
    int mavenRuns = 3;
    int warmUpTo = 1000;
    List<String> jmhArgs = new ArrayList<>();
    boolean quick = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "all", "codegen", "noop", "jmh", "report" -> command = arg;
        case "--root" -> root = args[++i];
        case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(String::strip).map(Integer::valueOf).toList();
        case "--runs" -> runs = Integer.valueOf(args[++i]);
        case "--compile-runs" -> compileRuns = Integer.valueOf(args[++i]);
        case "--noop-runs" -> noopRuns = Integer.parseInt(args[++i]);
        case "--maven-runs" -> mavenRuns = Integer.parseInt(args[++i]);
        case "--warm-up-to" -> warmUpTo = Integer.parseInt(args[++i]);
        case "--quick" -> quick = true;
        case "--" -> {
          jmhArgs.addAll(Arrays.asList(args).subList(i + 1, args.length));
          i = args.length;
        }
        case "-h", "--help" -> {
          System.out.print(USAGE);
          return;
        }
        default -> {
          System.err.print("unknown argument: " + arg + "\n" + USAGE);
          System.exit(2);
        }
      }
    }
    if (quick) {
      sizes = List.of(100, 1000);
      runs = runs == null ? 2 : runs;
      compileRuns = compileRuns == null ? 1 : compileRuns;
      noopRuns = 2;
      mavenRuns = 1;
      if (jmhArgs.isEmpty()) {
        jmhArgs.addAll(List.of("-f", "1", "-wi", "2", "-i", "3", "-w", "500ms", "-r", "500ms"));
      }
    }
    Integer fixedRuns = runs;
    Integer fixedCompileRuns = compileRuns;
    // OpenAPI Generator takes minutes at 5,000 endpoints (and as long again to compile): fewer runs there.
    IntUnaryOperator runsFor = n -> fixedRuns != null ? fixedRuns : n >= 5000 ? 2 : n >= 1000 ? 3 : 5;
    IntUnaryOperator compileRunsFor = n -> fixedCompileRuns != null ? fixedCompileRuns : n >= 1000 ? 1 : 3;

    Layout layout = Layout.detect(root);
    Files.createDirectories(layout.work);
    Path sections = layout.target.resolve("results");
    Files.createDirectories(sections);
    System.out.println("repository: " + layout.root);
    if (!Files.isRegularFile(layout.openApiGeneratorJar()) || !Files.isRegularFile(layout.yunhuDescriptorSet())) {
      System.err.println("missing build output in " + layout.target + "; build first: "
          + "mvn -B -Pbench -pl bench -am install -DskipTests -Dinvoker.skip");
      System.exit(2);
    }

    String load = Machine.loadAverage();
    System.out.println("load average: " + load);
    try {
      if (Double.parseDouble(load.substring(0, load.indexOf(','))) > 0.5) {
        System.out.println("warning: the machine is busy with other work; the numbers will be noisy");
      }
    } catch (RuntimeException e) {
      // no load average here
    }
    long start = System.nanoTime();
    if (command.equals("all") || command.equals("codegen")) {
      save(sections, new CodegenBench(layout, sizes, runsFor, compileRunsFor, warmUpTo).run());
    }
    if (command.equals("all") || command.equals("noop")) {
      save(sections, new NoopBench(layout, sizes, noopRuns, mavenRuns).run());
    }
    if (command.equals("all") || command.equals("jmh")) {
      save(sections, new JmhBench(jmhArgs.toArray(String[]::new)).run());
    }
    double minutes = (System.nanoTime() - start) / 60e9;

    String report = report(layout, sections, String.join(" ", args), minutes);
    Path results = layout.results.resolve("results.md");
    Files.writeString(results, report, StandardCharsets.UTF_8);
    System.out.println();
    System.out.println(report);
    System.out.println("written to " + results);
  }

  /** Keeps a section's Markdown and goals, so that the report can combine sections run separately. */
  private static void save(Path dir, Section section) throws java.io.IOException {
    String markdown = section.markdown() + "_(section finished " + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
        + ", load average " + Machine.loadAverage() + ")_\n";
    Files.writeString(dir.resolve(section.name() + ".md"), markdown, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    for (Section.Goal g : section.goals()) {
      lines.add(String.join("\t", g.goal(), g.measured(), Boolean.toString(g.met())));
    }
    Files.write(dir.resolve(section.name() + ".goals.tsv"), lines, StandardCharsets.UTF_8);
  }

  private static String report(Layout layout, Path dir, String args, double minutes) throws java.io.IOException {
    StringBuilder out = new StringBuilder();
    out.append("# apispec benchmark results\n\n");
    out.append(Machine.describe(layout));
    out.append(String.format("- this run: `java -jar bench/target/bench.jar %s` (%.1f min)%n%n", args.isEmpty() ? "all" : args, minutes));
    Markdown goals = new Markdown("goal", "measured", "met");
    StringBuilder body = new StringBuilder();
    for (String name : List.of("codegen", "noop", "jmh")) {
      Path md = dir.resolve(name + ".md");
      Path tsv = dir.resolve(name + ".goals.tsv");
      if (Files.isRegularFile(md)) {
        body.append(Files.readString(md, StandardCharsets.UTF_8)).append('\n');
      }
      if (Files.isRegularFile(tsv)) {
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
          String[] parts = line.split("\t");
          if (parts.length == 3) {
            goals.row(parts[0], parts[1], Boolean.parseBoolean(parts[2]) ? "yes" : "**no**");
          }
        }
      }
    }
    out.append("## Goals\n\n").append(goals).append('\n').append(body);
    return out.toString();
  }
}
