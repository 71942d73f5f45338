package dev.apispec.bench.jmh;

import dev.apispec.bench.Markdown;
import dev.apispec.bench.Section;
import dev.apispec.bench.Stats;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks of this package with the GC profiler (allocation per operation) and turns
 * the results into tables. JMH options given on the command line win over the defaults here, which
 * are sized so that the whole harness fits in about a quarter of an hour on two cores.
 */
public final class JmhBench {
  static final int FORKS = 2;
  static final int WARMUP_ITERATIONS = 3;
  static final int MEASUREMENT_ITERATIONS = 5;
  static final int ITERATION_SECONDS = 1;
  static final String HEAP = "-Xmx1g";
  static final int LOOPBACK_FORKS = 4;
  static final int LOOPBACK_WARMUP_ITERATIONS = 5;
  static final int LOOPBACK_MEASUREMENT_ITERATIONS = 10;

  private static final String PACKAGE = JmhBench.class.getPackageName() + ".";

  private final String[] jmhArgs;

  public JmhBench(String[] jmhArgs) {
    this.jmhArgs = jmhArgs.clone();
  }

  /** A measured benchmark: throughput (ops/s) with its 99.9% error, and bytes allocated per call. */
  record Score(double opsPerSecond, double error, double bytesPerOp) {}

  public Section run() throws RunnerException, CommandLineOptionException {
    CommandLineOptions cli = new CommandLineOptions(jmhArgs);
    Map<String, Score> scores = new LinkedHashMap<>();
    List<String> settings = new ArrayList<>();
    if (cli.getIncludes().isEmpty()) {
      // The in-process benchmarks settle fast; the loopback calls (four threads on two cores) need longer runs
      // for a confidence interval narrow enough to tell a 5% difference.
      settings.add(run(cli, PACKAGE.replace(".", "\\.") + "(JsonDecodeBench|ProtoDecodeBench|JsonCallInMemoryBench)\\..*",
          FORKS, WARMUP_ITERATIONS, MEASUREMENT_ITERATIONS, scores) + " for the decoding and in-memory benchmarks");
      settings.add(run(cli, PACKAGE.replace(".", "\\.") + "LoopbackCallBench\\..*",
          LOOPBACK_FORKS, LOOPBACK_WARMUP_ITERATIONS, LOOPBACK_MEASUREMENT_ITERATIONS, scores) + " for the loopback calls");
    } else {
      settings.add(run(cli, null, FORKS, WARMUP_ITERATIONS, MEASUREMENT_ITERATIONS, scores));
    }
    return new Section("jmh", report(scores, String.join("; ", settings)), goals(scores));
  }

  /** One JMH run of {@code include} (or of the command line's includes), with defaults for what the command line leaves open. */
  private static String run(CommandLineOptions cli, String include, int forks, int warmups, int iterations,
      Map<String, Score> into) throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder().parent(cli)
        .mode(org.openjdk.jmh.annotations.Mode.Throughput)
        .timeUnit(TimeUnit.SECONDS)
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true);
    if (include != null) {
      options.include(include);
    }
    if (!cli.getForkCount().hasValue()) {
      options.forks(forks);
    }
    if (!cli.getWarmupIterations().hasValue()) {
      options.warmupIterations(warmups);
    }
    if (!cli.getWarmupTime().hasValue()) {
      options.warmupTime(TimeValue.seconds(ITERATION_SECONDS));
    }
    if (!cli.getMeasurementIterations().hasValue()) {
      options.measurementIterations(iterations);
    }
    if (!cli.getMeasurementTime().hasValue()) {
      options.measurementTime(TimeValue.seconds(ITERATION_SECONDS));
    }
    if (!cli.getJvmArgs().hasValue()) {
      options.jvmArgs(HEAP);
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    for (RunResult r : results) {
      Result<?> primary = r.getPrimaryResult();
      Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
      into.put(r.getParams().getBenchmark().substring(PACKAGE.length()),
          new Score(primary.getScore(), primary.getScoreError(), alloc == null ? Double.NaN : alloc.getScore()));
    }
    return String.format("%d fork(s) × (%d warm-up + %d measured iterations of %s)",
        cli.getForkCount().orElse(forks), cli.getWarmupIterations().orElse(warmups),
        cli.getMeasurementIterations().orElse(iterations),
        cli.getMeasurementTime().orElse(TimeValue.seconds(ITERATION_SECONDS)));
  }

  private static String report(Map<String, Score> scores, String settings) {
    StringBuilder out = new StringBuilder();
    out.append("## 3. Run time (JMH)\n\n");
    out.append("JMH ").append(org.openjdk.jmh.util.Version.getPlainVersion()).append(", throughput mode, one thread, ")
        .append(settings).append("; JVM options `").append(HEAP).append("` unless given; `-prof gc`. *ops/s* ± the 99.9% confidence half-width; *B/op* is "
            + "`gc.alloc.rate.norm`. Ratios compare with the row's baseline: throughput above 1× is faster, "
            + "allocation below 1× is leaner.\n\n");

    out.append("**Decoding the recorded `data` payload of `/v1/group/recommend/list`** (one group, ")
        .append(dev.apispec.bench.jmh.Recordings.jsonData(Recordings.RECOMMEND_LIST).length)
        .append(" bytes): generated record with the client's mapper (`ApiJson.newMapper()`) against plain Jackson "
            + "(`new ObjectMapper()`) into a hand-written record of the same fields.\n\n");
    out.append(table(scores, "hand-written record, plain Jackson", "JsonDecodeBench.handWritten", new String[][] {
        {"generated record, client mapper", "JsonDecodeBench.generatedDto"},
        {"generated record, plain Jackson", "JsonDecodeBench.generatedDtoPlainMapper"},
        {"OpenAPI Generator model, its mapper", "JsonDecodeBench.openApiGenerator"},
        {"hand-written record, plain Jackson", "JsonDecodeBench.handWritten"}}));

    out.append("\n**Decoding the recorded protobuf response of `/v1/group/info`** (")
        .append(Recordings.protobufResponse(Recordings.GROUP_INFO).length)
        .append(" bytes): bare `parseFrom`, and whole calls over an in-memory `HttpClient` that hands back the "
            + "recorded bytes (no socket), so the client rows hold request building and body reading as well.\n\n");
    out.append(table(scores, "bare parseFrom", "ProtoDecodeBench.bareParseFrom", new String[][] {
        {"apispec client (in-memory HTTP)", "ProtoDecodeBench.apispecClient"},
        {"hand-written client (in-memory HTTP)", "ProtoDecodeBench.handWrittenClient"},
        {"parseFrom + status check", "ProtoDecodeBench.parseFromChecked"},
        {"bare parseFrom", "ProtoDecodeBench.bareParseFrom"}}));
    out.append('\n');
    out.append(table(scores, "hand-written client (in-memory HTTP)", "ProtoDecodeBench.handWrittenClient", new String[][] {
        {"apispec client (in-memory HTTP)", "ProtoDecodeBench.apispecClient"},
        {"hand-written client (in-memory HTTP)", "ProtoDecodeBench.handWrittenClient"}}));

    out.append("\n**A JSON call of `/v1/group/recommend/list` without the network**: the recorded envelope from "
        + "an in-memory `HttpClient`, through each client (encode the request, read the body, check the envelope, "
        + "decode `data`).\n\n");
    out.append(table(scores, "hand-written java.net.http + Jackson", "JsonCallInMemoryBench.handWrittenClient", new String[][] {
        {"apispec client", "JsonCallInMemoryBench.apispecClient"},
        {"OpenAPI Generator client", "JsonCallInMemoryBench.openApiGeneratorClient"},
        {"hand-written java.net.http + Jackson", "JsonCallInMemoryBench.handWrittenClient"}}));

    out.append("\n**A full call of `/v1/group/recommend/list` over loopback** to an in-process HTTP/1.1 server "
        + "(`com.sun.net.httpserver`, 127.0.0.1) answering with the recorded response. Allocation counts the whole "
        + "JVM, the server's share included (the same for every client).\n\n");
    out.append(table(scores, "hand-written java.net.http + Jackson", "LoopbackCallBench.handWrittenClient", new String[][] {
        {"apispec client", "LoopbackCallBench.apispecClient"},
        {"OpenAPI Generator client", "LoopbackCallBench.openApiGeneratorClient"},
        {"hand-written java.net.http + Jackson", "LoopbackCallBench.handWrittenClient"}}));
    out.append('\n');
    return out.toString();
  }

  private static String table(Map<String, Score> scores, String baselineName, String baseline, String[][] rows) {
    Markdown table = new Markdown("", "ops/s", "±", "B/op", "throughput vs " + baselineName, "allocation vs " + baselineName);
    Score base = scores.get(baseline);
    for (String[] row : rows) {
      Score s = scores.get(row[1]);
      if (s == null) {
        table.row(row[0], "not run", "", "", "", "");
        continue;
      }
      table.row(row[0], Stats.num(s.opsPerSecond()), Stats.num(s.error()), Stats.num(s.bytesPerOp()),
          base == null ? "–" : Stats.times(s.opsPerSecond() / base.opsPerSecond()),
          base == null ? "–" : Stats.times(s.bytesPerOp() / base.bytesPerOp()));
    }
    return table.toString();
  }

  private static List<Section.Goal> goals(Map<String, Score> scores) {
    List<Section.Goal> goals = new ArrayList<>();
    within(goals, scores, "JSON decode within 5% of plain Jackson into a hand-written record",
        "JsonDecodeBench.generatedDto", "JsonDecodeBench.handWritten");
    within(goals, scores, "protobuf decode through the client within 5% of a bare parseFrom",
        "ProtoDecodeBench.apispecClient", "ProtoDecodeBench.bareParseFrom");
    within(goals, scores, "protobuf call through the client within 5% of the hand-written client (same in-memory HTTP)",
        "ProtoDecodeBench.apispecClient", "ProtoDecodeBench.handWrittenClient");
    within(goals, scores, "JSON call (in-memory HTTP) within 5% of the hand-written client",
        "JsonCallInMemoryBench.apispecClient", "JsonCallInMemoryBench.handWrittenClient");
    within(goals, scores, "full call over loopback within 5% of the hand-written client",
        "LoopbackCallBench.apispecClient", "LoopbackCallBench.handWrittenClient");
    ahead(goals, scores, "JSON decode ahead of OpenAPI Generator in throughput and allocation",
        "JsonDecodeBench.generatedDto", "JsonDecodeBench.openApiGenerator");
    ahead(goals, scores, "JSON call (in-memory HTTP) ahead of OpenAPI Generator in throughput and allocation",
        "JsonCallInMemoryBench.apispecClient", "JsonCallInMemoryBench.openApiGeneratorClient");
    ahead(goals, scores, "full call over loopback ahead of OpenAPI Generator in throughput and allocation",
        "LoopbackCallBench.apispecClient", "LoopbackCallBench.openApiGeneratorClient");
    return goals;
  }

  private static void within(List<Section.Goal> goals, Map<String, Score> scores, String goal, String ours, String baseline) {
    Score o = scores.get(ours), b = scores.get(baseline);
    if (o == null || b == null) {
      return;
    }
    double ratio = o.opsPerSecond() / b.opsPerSecond();
    goals.add(new Section.Goal(goal, String.format("%s of the baseline's throughput (%s vs %s ops/s), %s its allocation (%s vs %s B/op)",
        Stats.times(ratio), Stats.num(o.opsPerSecond()), Stats.num(b.opsPerSecond()),
        Stats.times(o.bytesPerOp() / b.bytesPerOp()), Stats.num(o.bytesPerOp()), Stats.num(b.bytesPerOp())), ratio >= 0.95));
  }

  private static void ahead(List<Section.Goal> goals, Map<String, Score> scores, String goal, String ours, String theirs) {
    Score o = scores.get(ours), t = scores.get(theirs);
    if (o == null || t == null) {
      return;
    }
    goals.add(new Section.Goal(goal, String.format("%s the throughput (%s vs %s ops/s), %s the allocation (%s vs %s B/op)",
        Stats.times(o.opsPerSecond() / t.opsPerSecond()), Stats.num(o.opsPerSecond()), Stats.num(t.opsPerSecond()),
        Stats.times(o.bytesPerOp() / t.bytesPerOp()), Stats.num(o.bytesPerOp()), Stats.num(t.bytesPerOp())),
        o.opsPerSecond() > t.opsPerSecond() && o.bytesPerOp() < t.bytesPerOp()));
  }
}
