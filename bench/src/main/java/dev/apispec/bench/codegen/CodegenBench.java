package dev.apispec.bench.codegen;

import dev.apispec.bench.Child;
import dev.apispec.bench.Layout;
import dev.apispec.bench.Markdown;
import dev.apispec.bench.Section;
import dev.apispec.bench.Stats;
import dev.apispec.codegen.Codegen;
import dev.apispec.codegen.output.SourceWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Code generation, ours against OpenAPI Generator's Java {@code native} client, on synthetic specs of
 * several sizes: time and peak memory of generation (a fresh JVM per run, medians), lines of the
 * generated code, and the time to compile it.
 */
public final class CodegenBench {
  /** OpenAPI Generator's entry point (the Main-Class of its CLI jar). */
  static final String OAG_MAIN = "org.openapitools.codegen.OpenAPIGenerator";
  /** Only main sources, as ours: no tests and no Markdown docs (this makes OpenAPI Generator faster, not slower). */
  static final String OAG_SKIP = "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false";

  private final Layout layout;
  private final List<Integer> sizes;
  private final IntUnaryOperator runs;
  private final IntUnaryOperator compileRuns;
  private final int warmUpTo;

  /** The measurements of one size. */
  record Size(int endpoints, int typeCount,
      List<Double> oursWall, List<Double> oursMain, List<Double> oursCpu, List<Double> oursRssMb,
      List<Double> oagWall, List<Double> oagMain, List<Double> oagCpu, List<Double> oagRssMb,
      SourceStats oursCode, SourceStats oagCode,
      List<Double> oursCompile, List<Double> oagCompile, List<Double> oursCompileWall, List<Double> oagCompileWall,
      List<Double> oursWarm, List<Double> oagWarm) {

    /** Whether the warm JVM was measured at this size. */
    boolean warm() {
      return !oursWarm.isEmpty() && !oagWarm.isEmpty();
    }
  }

  /** Runs in one JVM after its first, for the warm measurement; the second half of them count. */
  private static final int WARM_REPEATS = 6;

  /**
   * @param warmUpTo the largest size also measured in a warm JVM (OpenAPI Generator takes minutes per run at
   *     5,000 endpoints)
   */
  public CodegenBench(Layout layout, List<Integer> sizes, IntUnaryOperator runs, IntUnaryOperator compileRuns,
      int warmUpTo) {
    this.warmUpTo = warmUpTo;
    this.layout = layout;
    this.sizes = sizes;
    this.runs = runs;
    this.compileRuns = compileRuns;
  }

  /** The folder of the synthetic spec of {@code endpoints} endpoints. */
  public static Path specDir(Layout layout, int endpoints) {
    return layout.work.resolve("synthetic/" + endpoints + "/spec");
  }

  /** Writes the synthetic spec of this size (and its OpenAPI export) unless it is there already. */
  public static Path ensureSpec(Layout layout, SyntheticSpecs seed, int endpoints) throws IOException {
    Path spec = specDir(layout, endpoints);
    Path openapi = spec.resolveSibling("openapi.json");
    Path marker = spec.resolveSibling("complete");
    if (!Files.exists(marker)) {
      seed.write(endpoints, spec);
      String exported = Codegen.exportOpenApi(spec, spec, null);
      Files.writeString(openapi, exported, StandardCharsets.UTF_8);
      OpenApiInput.write(exported, spec.resolveSibling("openapi-for-generator.json"));
      Files.writeString(marker, "", StandardCharsets.UTF_8);
    }
    return spec;
  }

  public Section run() throws IOException, InterruptedException {
    SyntheticSpecs seed = SyntheticSpecs.fromSeed(layout.seedSpec());
    List<Size> results = new ArrayList<>();
    for (int endpoints : sizes) {
      results.add(measure(seed, endpoints));
    }
    return new Section("codegen", report(seed, results), goals(results));
  }

  private static List<Section.Goal> goals(List<Size> results) {
    List<Section.Goal> goals = new ArrayList<>();
    double minMain = Double.MAX_VALUE, minWall = Double.MAX_VALUE, minCpu = Double.MAX_VALUE;
    StringBuilder mainText = new StringBuilder(), wallText = new StringBuilder(), cpuText = new StringBuilder();
    boolean lessLines = true, lessCode = true;
    StringBuilder linesText = new StringBuilder();
    for (Size s : results) {
      double main = Stats.median(s.oagMain()) / Stats.median(s.oursMain());
      double wall = Stats.median(s.oagWall()) / Stats.median(s.oursWall());
      double cpu = Stats.median(s.oagCpu()) / Stats.median(s.oursCpu());
      minCpu = Math.min(minCpu, cpu);
      minMain = Math.min(minMain, main);
      minWall = Math.min(minWall, wall);
      String sep = mainText.length() == 0 ? "" : ", ";
      mainText.append(sep).append(String.format("%,d: ", s.endpoints())).append(Stats.times(main));
      wallText.append(sep).append(String.format("%,d: ", s.endpoints())).append(Stats.times(wall));
      cpuText.append(sep).append(String.format("%,d: ", s.endpoints())).append(Stats.times(cpu));
      double n = s.endpoints();
      lessLines &= s.oursCode().lines() < s.oagCode().lines();
      lessCode &= s.oursCode().codeLines() < s.oagCode().codeLines();
      linesText.append(sep).append(String.format("%,d: %s vs %s (code %s vs %s)", s.endpoints(),
          Stats.num(s.oursCode().lines() / n), Stats.num(s.oagCode().lines() / n),
          Stats.num(s.oursCode().codeLines() / n), Stats.num(s.oagCode().codeLines() / n)));
    }
    goals.add(new Section.Goal("generation ≥ 10× faster than OpenAPI Generator at every size (in JVM, the cost of the goal in a build)",
        mainText.toString(), minMain >= 10));
    goals.add(new Section.Goal("generation ≥ 10× faster than OpenAPI Generator at every size (whole fresh JVM, start-up included)",
        wallText.toString(), minWall >= 10));
    goals.add(new Section.Goal("generation ≥ 10× less CPU than OpenAPI Generator at every size (whole process, all threads)",
        cpuText.toString(), minCpu >= 10));
    StringBuilder warmText = new StringBuilder();
    double minWarm = Double.MAX_VALUE;
    for (Size s : results) {
      if (s.warm()) {
        double warm = Stats.median(s.oagWarm()) / Stats.median(s.oursWarm());
        minWarm = Math.min(minWarm, warm);
        warmText.append(warmText.length() == 0 ? "" : ", ").append(String.format("%,d: ", s.endpoints()))
            .append(Stats.times(warm));
      }
    }
    if (warmText.length() > 0) {
      goals.add(new Section.Goal("generation ≥ 10× faster than OpenAPI Generator in a warm JVM (a later run in the same "
          + "JVM, as in a Maven daemon or an IDE; only the sizes measured)", warmText.toString(), minWarm >= 10));
    }
    goals.add(new Section.Goal("less generated code per endpoint (lines/endpoint, apispec vs OAG)", linesText.toString(),
        lessLines && lessCode));
    if (results.size() >= 2) {
      Size a = results.get(results.size() - 2), b = results.get(results.size() - 1);
      double ln = Math.log((double) b.endpoints() / a.endpoints());
      double exponent = Math.log(Stats.median(b.oursMain()) / Stats.median(a.oursMain())) / ln;
      double perA = Stats.median(a.oursMain()) / a.endpoints(), perB = Stats.median(b.oursMain()) / b.endpoints();
      goals.add(new Section.Goal("generation cost grows linearly with the endpoints",
          String.format("exponent %s from %,d to %,d endpoints; %s → %s ms/endpoint", Stats.num(exponent),
              a.endpoints(), b.endpoints(), Stats.num(perA), Stats.num(perB)), exponent <= 1.1));
    }
    return goals;
  }

  private Size measure(SyntheticSpecs seed, int endpoints) throws IOException, InterruptedException {
    System.out.printf("%n== code generation: %,d endpoints ==%n", endpoints);
    Path spec = ensureSpec(layout, seed, endpoints);
    Path dir = spec.getParent();
    Path openapi = dir.resolve("openapi-for-generator.json");
    Path oursOut = dir.resolve("out-apispec");
    Path oagOut = dir.resolve("out-oag");
    Path logs = dir.resolve("logs");
    int typeCount = countTypes(spec);

    List<Double> oursWall = new ArrayList<>(), oursMain = new ArrayList<>(), oursCpu = new ArrayList<>(), oursRss = new ArrayList<>();
    List<Double> oagWall = new ArrayList<>(), oagMain = new ArrayList<>(), oagCpu = new ArrayList<>(), oagRss = new ArrayList<>();
    int n = runs.applyAsInt(endpoints);
    for (int run = 0; run < n; run++) {
      // alternate who goes first, so that neither always meets a cold or a warm page cache
      for (int turn = 0; turn < 2; turn++) {
        boolean ours = (run + turn) % 2 == 0;
        if (ours) {
          SourceWriter.deleteTree(oursOut);
          Child.Result r = Child.java(layout, Layout.generatorClassPath(), "dev.apispec.bench.child.GenerateMain",
              List.of(spec.toString(), spec.toString(), oursOut.toString()), logs.resolve("apispec-" + run + ".log"));
          oursWall.add(r.wallMillis());
          oursMain.add(r.millis("mainMicros"));
          oursCpu.add(r.millis("cpuMicros"));
          oursRss.add(r.micros("rssPeakKb") / 1024.0);
          System.out.printf("  apispec run %d: %s ms wall, %s ms in the JVM, %s ms CPU, %s MiB peak RSS%n", run + 1,
              Stats.num(r.wallMillis()), Stats.num(r.millis("mainMicros")), Stats.num(r.millis("cpuMicros")),
              Stats.num(r.micros("rssPeakKb") / 1024.0));
        } else {
          SourceWriter.deleteTree(oagOut);
          Child.Result r = Child.java(layout, layout.openApiGeneratorJar().toString(), OAG_MAIN,
              oagArgs(openapi, oagOut),
              logs.resolve("openapi-generator-" + run + ".log"));
          oagWall.add(r.wallMillis());
          oagMain.add(r.millis("mainMicros"));
          oagCpu.add(r.millis("cpuMicros"));
          oagRss.add(r.micros("rssPeakKb") / 1024.0);
          System.out.printf("  OpenAPI Generator run %d: %s ms wall, %s ms in the JVM, %s ms CPU, %s MiB peak RSS%n", run + 1,
              Stats.num(r.wallMillis()), Stats.num(r.millis("mainMicros")), Stats.num(r.millis("cpuMicros")),
              Stats.num(r.micros("rssPeakKb") / 1024.0));
        }
      }
    }

    SourceStats oursCode = SourceStats.of(oursOut);
    Path oagSources = oagOut.resolve("src/main/java");
    SourceStats oagCode = SourceStats.of(oagSources);

    List<Double> oursCompile = new ArrayList<>(), oagCompile = new ArrayList<>();
    List<Double> oursCompileWall = new ArrayList<>(), oagCompileWall = new ArrayList<>();
    int c = compileRuns.applyAsInt(endpoints);
    for (int run = 0; run < c; run++) {
      Path oursClasses = dir.resolve("classes-apispec");
      SourceWriter.deleteTree(oursClasses);
      Child.Result r = Child.java(layout, "", "dev.apispec.bench.child.CompileMain",
          List.of(oursOut.toString(), oursClasses.toString(), Layout.apispecCompileClassPath()),
          logs.resolve("compile-apispec-" + run + ".log"));
      oursCompile.add(r.millis("compileMicros"));
      oursCompileWall.add(r.wallMillis());
      Path oagClasses = dir.resolve("classes-oag");
      SourceWriter.deleteTree(oagClasses);
      Child.Result o = Child.java(layout, "", "dev.apispec.bench.child.CompileMain",
          List.of(oagSources.toString(), oagClasses.toString(), Layout.openApiGeneratorCompileClassPath()),
          logs.resolve("compile-oag-" + run + ".log"));
      oagCompile.add(o.millis("compileMicros"));
      oagCompileWall.add(o.wallMillis());
      System.out.printf("  compile run %d: apispec %s ms, OpenAPI Generator %s ms%n", run + 1,
          Stats.num(r.millis("compileMicros")), Stats.num(o.millis("compileMicros")));
    }
    List<Double> oursWarm = new ArrayList<>(), oagWarm = new ArrayList<>();
    if (endpoints <= warmUpTo) {
      List<String> repeat = List.of("-Dbench.repeat=" + WARM_REPEATS);
      Child.Result r = Child.java(layout, Layout.generatorClassPath(), "dev.apispec.bench.child.GenerateMain",
          List.of(spec.toString(), spec.toString(), oursOut.toString()), logs.resolve("apispec-warm.log"),
          concat(repeat, "-Dbench.clean=" + oursOut));
      Child.Result o = Child.java(layout, layout.openApiGeneratorJar().toString(), OAG_MAIN, oagArgs(openapi, oagOut),
          logs.resolve("openapi-generator-warm.log"), concat(repeat, "-Dbench.clean=" + oagOut));
      for (int i = WARM_REPEATS / 2 + 1; i <= WARM_REPEATS; i++) {
        oursWarm.add(r.millis("repeatMicros." + i));
        oagWarm.add(o.millis("repeatMicros." + i));
      }
      System.out.printf("  warm JVM, runs %d to %d: apispec %s ms, OpenAPI Generator %s ms%n", WARM_REPEATS / 2 + 1,
          WARM_REPEATS, Stats.all(oursWarm), Stats.all(oagWarm));
    }
    return new Size(endpoints, typeCount, oursWall, oursMain, oursCpu, oursRss, oagWall, oagMain, oagCpu, oagRss, oursCode, oagCode,
        oursCompile, oagCompile, oursCompileWall, oagCompileWall, oursWarm, oagWarm);
  }

  private static List<String> concat(List<String> list, String more) {
    List<String> all = new ArrayList<>(list);
    all.add(more);
    return all;
  }

  private static List<String> oagArgs(Path openapi, Path out) {
    return List.of("generate", "-g", "java", "--library", "native", "-i", openapi.toString(), "-o", out.toString(),
        "--skip-validate-spec", "--global-property", OAG_SKIP);
  }

  private static int countTypes(Path spec) throws IOException {
    int count = 0;
    try (var files = Files.list(spec)) {
      for (Path file : files.toList()) {
        count += (int) Files.readAllLines(file, StandardCharsets.UTF_8).stream()
            .filter(line -> line.matches("  [A-Z][A-Za-z0-9]*:")).count();
      }
    }
    return count;
  }

  private String report(SyntheticSpecs seed, List<Size> results) {
    StringBuilder out = new StringBuilder();
    out.append("## 1. Code generation\n\n");
    out.append("Synthetic specs made from the ").append(seed.endpointsPerCopy())
        .append(" JSON endpoints of the seed spec (`api-spec/src/main/spec`), copied with their own groups, paths and types "
            + "until the size is reached. JSON only: protobuf endpoints have no OpenAPI Generator counterpart. "
            + "OpenAPI Generator ").append(oagVersion()).append(" (`-g java --library native --skip-validate-spec`, tests and docs off) "
            + "reads the OpenAPI 3.1 document our `openapi` export writes for the same spec. "
            + "Every run is a fresh JVM; *wall* is from process start to exit, *in JVM* is the generator's `main` alone "
            + "(ours: `Codegen.generate` + `SourceWriter.replace`), *CPU* is the process's user + system time (all its "
            + "threads, JIT and GC included; the least disturbed by other work on the machine), *peak RSS* is the "
            + "process's `VmHWM`. Medians; every run is listed below.\n\n");

    Markdown time = new Markdown("endpoints", "types", "runs", "apispec wall ms", "OAG wall ms", "wall ratio",
        "apispec in JVM ms", "OAG in JVM ms", "in-JVM ratio", "apispec CPU ms", "OAG CPU ms", "CPU ratio",
        "apispec peak RSS MiB", "OAG peak RSS MiB");
    for (Size s : results) {
      double ow = Stats.median(s.oursWall()), gw = Stats.median(s.oagWall());
      double om = Stats.median(s.oursMain()), gm = Stats.median(s.oagMain());
      double oc = Stats.median(s.oursCpu()), gc = Stats.median(s.oagCpu());
      time.row(String.format("%,d", s.endpoints()), String.format("%,d", s.typeCount()), s.oursWall().size(), Stats.num(ow), Stats.num(gw),
          Stats.times(gw / ow), Stats.num(om), Stats.num(gm), Stats.times(gm / om), Stats.num(oc), Stats.num(gc),
          Stats.times(gc / oc), Stats.num(Stats.median(s.oursRssMb())), Stats.num(Stats.median(s.oagRssMb())));
    }
    out.append(time).append('\n');

    if (results.stream().anyMatch(Size::warm)) {
      out.append("In a warm JVM: each tool's `main` run ").append(WARM_REPEATS + 1).append(" times in one JVM, its output "
          + "folder removed (untimed) before each; the median of the last ").append(WARM_REPEATS / 2).append(" runs. This is "
          + "the cost once the JIT has compiled the generator, as in a Maven daemon, an IDE, or a build that generates "
          + "several clients; a single `mvn` build pays the fresh-JVM cost above.\n\n");
      Markdown warm = new Markdown("endpoints", "apispec warm ms", "OAG warm ms", "warm ratio", "apispec runs", "OAG runs");
      for (Size s : results) {
        if (s.warm()) {
          double ow = Stats.median(s.oursWarm()), gw = Stats.median(s.oagWarm());
          warm.row(String.format("%,d", s.endpoints()), Stats.num(ow), Stats.num(gw), Stats.times(gw / ow),
              Stats.all(s.oursWarm()), Stats.all(s.oagWarm()));
        }
      }
      out.append(warm).append('\n');
    }

    out.append("Cost per endpoint (in JVM), and how it grows: *marginal* is the extra time per extra endpoint from the "
        + "previous size; *exponent* is log(t₂/t₁)/log(n₂/n₁) between the two sizes (1 = linear, below 1 = fixed costs still "
        + "being paid off, above 1 = worse than linear).\n\n");
    Markdown growth = new Markdown("endpoints", "apispec ms/endpoint", "apispec marginal ms/endpoint", "apispec exponent",
        "OAG ms/endpoint", "OAG marginal ms/endpoint", "OAG exponent");
    Size previous = null;
    for (Size s : results) {
      double om = Stats.median(s.oursMain()), gm = Stats.median(s.oagMain());
      String oMarg = "–", oExp = "–", gMarg = "–", gExp = "–";
      if (previous != null) {
        double pom = Stats.median(previous.oursMain()), pgm = Stats.median(previous.oagMain());
        double dn = s.endpoints() - previous.endpoints();
        double ln = Math.log((double) s.endpoints() / previous.endpoints());
        oMarg = Stats.num((om - pom) / dn);
        gMarg = Stats.num((gm - pgm) / dn);
        oExp = Stats.num(Math.log(om / pom) / ln);
        gExp = Stats.num(Math.log(gm / pgm) / ln);
      }
      growth.row(String.format("%,d", s.endpoints()), Stats.num(om / s.endpoints()), oMarg, oExp,
          Stats.num(gm / s.endpoints()), gMarg, gExp);
      previous = s;
    }
    out.append(growth).append('\n');

    out.append("Generated code: `.java` files only (OpenAPI Generator: `src/main/java`); *code lines* leave out blank "
        + "and comment lines. Compile: javax.tools in a fresh JVM, `--release 17 -proc:none`, against what each needs "
        + "(ours: apispec-runtime, Jackson, protobuf; OAG: the dependencies its generated pom names).\n\n");
    Markdown code = new Markdown("endpoints", "apispec files", "apispec lines/endpoint", "apispec code lines/endpoint",
        "OAG files", "OAG lines/endpoint", "OAG code lines/endpoint", "apispec compile ms", "OAG compile ms", "compile ratio");
    for (Size s : results) {
      double n = s.endpoints();
      double oc = Stats.median(s.oursCompile()), gc = Stats.median(s.oagCompile());
      code.row(String.format("%,d", s.endpoints()), String.format("%,d", s.oursCode().files()), Stats.num(s.oursCode().lines() / n),
          Stats.num(s.oursCode().codeLines() / n), String.format("%,d", s.oagCode().files()), Stats.num(s.oagCode().lines() / n),
          Stats.num(s.oagCode().codeLines() / n), Stats.num(oc), Stats.num(gc), Stats.times(gc / oc));
    }
    out.append(code).append('\n');

    out.append("<details><summary>Every run (ms, in run order)</summary>\n\n");
    Markdown raw = new Markdown("endpoints", "apispec wall", "OAG wall", "apispec in JVM", "OAG in JVM",
        "apispec CPU", "OAG CPU", "apispec compile", "OAG compile");
    for (Size s : results) {
      raw.row(String.format("%,d", s.endpoints()), Stats.all(s.oursWall()), Stats.all(s.oagWall()),
          Stats.all(s.oursMain()), Stats.all(s.oagMain()), Stats.all(s.oursCpu()), Stats.all(s.oagCpu()),
          Stats.all(s.oursCompile()), Stats.all(s.oagCompile()));
    }
    out.append(raw).append("\n</details>\n\n");
    return out.toString();
  }

  private String oagVersion() {
    try (var jar = new java.util.jar.JarFile(layout.openApiGeneratorJar().toFile())) {
      Map<Object, Object> attributes = jar.getManifest().getMainAttributes();
      for (Map.Entry<Object, Object> e : attributes.entrySet()) {
        if (e.getKey().toString().equalsIgnoreCase("implementation-version")) {
          return e.getValue().toString();
        }
      }
    } catch (IOException e) {
      // fall through
    }
    return "(version unknown)";
  }
}
