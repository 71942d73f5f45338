package dev.apispec.bench.noop;

import dev.apispec.bench.Child;
import dev.apispec.bench.Layout;
import dev.apispec.bench.Markdown;
import dev.apispec.bench.Section;
import dev.apispec.bench.Stats;
import dev.apispec.bench.codegen.CodegenBench;
import dev.apispec.bench.codegen.SyntheticSpecs;
import dev.apispec.codegen.output.SourceWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * No-op rebuilds: the {@code generate} goal when nothing changed (the plugin's real {@code GenerateMojo},
 * in a fresh JVM per run), and {@code mvn compile} of {@code generated-client} when nothing changed.
 */
public final class NoopBench {
  private static final int WARM_REPEATS = 20;

  private final Layout layout;
  private final List<Integer> sizes;
  private final int runs;
  private final int mavenRuns;

  public NoopBench(Layout layout, List<Integer> sizes, int runs, int mavenRuns) {
    this.layout = layout;
    this.sizes = sizes;
    this.runs = runs;
    this.mavenRuns = mavenRuns;
  }

  private record Goal(String spec, long specBytes, double firstMs, List<Double> cold, List<Double> warm) {}

  public Section run() throws IOException, InterruptedException {
    List<Goal> goals = new ArrayList<>();
    goals.add(goal("Yunhu (api-spec, with its descriptor set)", layout.seedSpec(), layout.yunhuDescriptorSet(), "yunhu"));
    SyntheticSpecs seed = SyntheticSpecs.fromSeed(layout.seedSpec());
    for (int size : sizes) {
      Path spec = CodegenBench.ensureSpec(layout, seed, size);
      goals.add(goal(String.format("synthetic, %,d endpoints", size), spec, null, "synthetic-" + size));
    }
    List<String> mavenNotes = new ArrayList<>();
    List<Double> mavenNoop = maven(List.of("compile"), "compile", mavenNotes);
    List<Double> mavenValidate = maven(List.of("validate"), "validate", mavenNotes);
    List<Section.Goal> verdicts = new ArrayList<>();
    for (Goal g : goals) {
      double cold = Stats.median(g.cold());
      verdicts.add(new Section.Goal("no-op generate under 50 ms: " + g.spec(),
          Stats.num(cold) + " ms cold, " + Stats.num(Stats.median(g.warm())) + " ms warm", cold < 50));
    }
    return new Section("noop", report(goals, mavenNoop, mavenValidate, mavenNotes), verdicts);
  }

  private Goal goal(String label, Path spec, Path descriptorSet, String name) throws IOException, InterruptedException {
    System.out.printf("%n== no-op generate: %s ==%n", label);
    Path dir = layout.work.resolve("noop/" + name);
    Path output = dir.resolve("generated-sources");
    Path state = dir.resolve("state/generate.state");
    SourceWriter.deleteTree(dir);
    Files.createDirectories(dir);
    List<String> args = List.of(spec.toString(), descriptorSet == null ? "-" : descriptorSet.toString(),
        output.toString(), state.toString());
    // The first run generates (there is no state yet); every later one must find everything up to date.
    Child.Result first = Child.java(layout, Layout.mojoClassPath(), "dev.apispec.bench.child.NoopMain",
        append(args, "0"), dir.resolve("logs/first.log"));
    if (Boolean.parseBoolean(first.values().get("coldUpToDate"))) {
      throw new IllegalStateException("the first run of " + label + " found nothing to do");
    }
    List<Double> cold = new ArrayList<>();
    List<Double> warm = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      Child.Result r = Child.java(layout, Layout.mojoClassPath(), "dev.apispec.bench.child.NoopMain",
          append(args, Integer.toString(WARM_REPEATS)), dir.resolve("logs/noop-" + run + ".log"));
      if (!Boolean.parseBoolean(r.values().get("coldUpToDate")) || !Boolean.parseBoolean(r.values().get("warmUpToDate"))) {
        throw new IllegalStateException("generate regenerated although nothing changed (" + label + "): " + r.values());
      }
      cold.add(r.millis("coldMicros"));
      warm.add(r.millis("warmMedianMicros"));
      System.out.printf("  run %d: %s ms cold, %s ms warm%n", run + 1, Stats.num(r.millis("coldMicros")),
          Stats.num(r.millis("warmMedianMicros")));
    }
    long bytes = 0;
    try (var walk = Files.walk(spec)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        bytes += Files.size(p);
      }
    }
    return new Goal(label, bytes, first.millis("coldMicros"), cold, warm);
  }

  private static List<String> append(List<String> list, String last) {
    List<String> out = new ArrayList<>(list);
    out.add(last);
    return out;
  }

  /** {@code mvn -o -q -pl generated-client GOAL}: once to settle, then timed {@code mavenRuns} times. */
  private List<Double> maven(List<String> goals, String name, List<String> notes) throws IOException, InterruptedException {
    System.out.printf("%n== mvn -pl generated-client %s, nothing changed ==%n", String.join(" ", goals));
    List<String> command = new ArrayList<>(List.of("mvn", "-B", "-o", "-pl", "generated-client"));
    command.addAll(goals);
    Path logs = layout.work.resolve("noop/maven");
    try {
      Child.run(command, layout.root, logs.resolve(name + "-settle.log"), 10);
    } catch (IllegalStateException e) {
      notes.add("`" + String.join(" ", command) + "` failed, so it was not measured: " + e.getMessage().lines().findFirst().orElse(""));
      System.out.println("  failed: " + e.getMessage());
      return List.of();
    }
    List<Double> times = new ArrayList<>();
    for (int run = 0; run < mavenRuns; run++) {
      Path log = logs.resolve(name + "-" + run + ".log");
      long micros = Child.run(command, layout.root, log, 10);
      String text = Files.readString(log);
      if (goals.contains("compile") && (!text.contains("Generated sources are up to date") || !text.contains("Nothing to compile"))) {
        notes.add("run " + (run + 1) + " of `" + String.join(" ", command) + "` did work (see " + layout.root.relativize(log) + ")");
      }
      times.add(micros / 1000.0);
      System.out.printf("  run %d: %s ms%n", run + 1, Stats.num(micros / 1000.0));
    }
    return times;
  }

  private String report(List<Goal> goals, List<Double> mavenNoop, List<Double> mavenValidate, List<String> notes) {
    StringBuilder out = new StringBuilder();
    out.append("## 2. No-op rebuild\n\n");
    out.append("The plugin's own `GenerateMojo`, configured by reflection as Maven configures it, run again on "
        + "unchanged input: the fingerprint of the spec, the descriptor set, the settings and the plugin jar "
        + "matches the stored one, so it writes nothing. *Cold* is the first `execute()` in a fresh JVM (as in a "
        + "Maven build, where the plugin's classes are loaded anew each time), median of ").append(runs)
        .append(" JVMs; *warm* is the median of ").append(WARM_REPEATS)
        .append(" more calls in the same JVM. *Generating* is the first run, which had no state and wrote the sources.\n\n");
    Markdown table = new Markdown("spec", "spec size", "cold no-op ms", "warm no-op ms", "generating ms (first run)", "cold runs");
    for (Goal g : goals) {
      table.row(g.spec(), String.format("%,d KiB", g.specBytes() / 1024), Stats.num(Stats.median(g.cold())),
          Stats.num(Stats.median(g.warm())), Stats.num(g.firstMs()), Stats.all(g.cold()));
    }
    out.append(table).append('\n');
    out.append("The whole module: `mvn -B -o -pl generated-client compile` from the repository root, run once to "
        + "settle and then timed; protoc, our goal and the compiler all find nothing to do. `validate` is the same "
        + "Maven start-up with no plugin run, for scale.\n\n");
    Markdown maven = new Markdown("command", "median ms", "runs");
    maven.row("`mvn -B -o -pl generated-client compile`", Stats.num(Stats.median(mavenNoop)), Stats.all(mavenNoop));
    maven.row("`mvn -B -o -pl generated-client validate`", Stats.num(Stats.median(mavenValidate)), Stats.all(mavenValidate));
    out.append(maven).append('\n');
    notes.forEach(n -> out.append("- ").append(n).append('\n'));
    return out.toString();
  }
}
