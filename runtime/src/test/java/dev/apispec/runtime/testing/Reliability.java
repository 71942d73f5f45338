package dev.apispec.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The figures of one test class (what it tried, how often that failed, how much data was lost), written
 * as TSV rows to {@code ${reliability.dir}/<test class>.tsv} after the class ran;
 * {@code scripts/ReliabilityReport.java} turns all such files into {@code docs/reliability.md}. Without the
 * system property {@code reliability.dir} nothing is written.
 *
 * <p>Register it as a static {@code @RegisterExtension} field. A test takes its row with
 * {@link #row(String, String, String)} and counts into it; when the test fails, each row it took without
 * counting a failure itself gets one, so a failed run never reports zero failures.
 *
 * <p>Rows are keyed by (area, target, what). Writing merges them into the class's file, replacing rows of
 * the same key and keeping others (and the {@code # command:} lines of the runs that wrote them), so a
 * fuzzing session ({@code JAZZER_FUZZ=1}, rows whose {@code what} says so) and the regular run both stay
 * in the report.
 */
public final class Reliability implements BeforeEachCallback, TestWatcher, AfterAllCallback {
  /** The header line of every TSV file; see {@code scripts/ReliabilityReport.java} for the meaning. */
  public static final String COLUMNS = "area\ttarget\twhat\ttried\tfailures\tdata_lost\tnote";

  /** One line of figures. Counters may be used from many threads. */
  public static final class Row {
    private final String area;
    private final String target;
    private final String what;
    private final AtomicLong tried = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong dataLost = new AtomicLong();
    private volatile String note = "";

    private Row(String area, String target, String what) {
      this.area = area;
      this.target = target;
      this.what = what;
    }

    public Row tried(long n) {
      tried.addAndGet(n);
      return this;
    }

    public Row failed(long n) {
      failures.addAndGet(n);
      return this;
    }

    public Row lost(long n) {
      dataLost.addAndGet(n);
      return this;
    }

    public Row note(String note) {
      this.note = note;
      return this;
    }

    public long tried() {
      return tried.get();
    }

    public long failures() {
      return failures.get();
    }

    public long dataLost() {
      return dataLost.get();
    }

    private String rowKey() {
      return key(area, target, what);
    }

    private String tsv() {
      return clean(area) + "\t" + clean(target) + "\t" + clean(what) + "\t" + tried + "\t" + failures + "\t"
          + dataLost + "\t" + clean(note);
    }
  }

  private final Class<?> testClass;
  private final Map<String, Row> rows = new ConcurrentHashMap<>();
  /** Rows the running test took, with their failure count when it first took them. */
  private final Map<Row, Long> touched = new ConcurrentHashMap<>();

  private Reliability(Class<?> testClass) {
    this.testClass = testClass;
  }

  public static Reliability forClass(Class<?> testClass) {
    return new Reliability(testClass);
  }

  /** Whether Jazzer runs in fuzzing mode ({@code JAZZER_FUZZ} set) rather than over the saved inputs. */
  public static boolean fuzzing() {
    String value = System.getenv("JAZZER_FUZZ");
    return value != null && !value.isEmpty() && !value.equals("0");
  }

  /**
   * Outside fuzzing mode, turns off Jazzer's bug-detector hooks unless {@code jazzer.hooks} is set already.
   * Call it from the static initializer of a class with {@code @FuzzTest}s, which runs before Jazzer reads
   * its options.
   *
   * <p>In regression mode Jazzer only replays the saved inputs; the test's own assertions are the oracle.
   * Its hooks (detectors of SSRF, injections, unsafe deserialization) would cost about ten seconds of agent
   * start-up and class instrumentation per test JVM and guard against nothing this code does. In fuzzing
   * mode ({@code JAZZER_FUZZ=1}) they stay on: they carry the coverage instrumentation the fuzzer needs.
   */
  public static void skipJazzerHooksUnlessFuzzing() {
    if (!fuzzing() && System.getProperty("jazzer.hooks") == null && System.getenv("JAZZER_HOOKS") == null) {
      System.setProperty("jazzer.hooks", "false");
    }
  }

  /** The row of (area, target, what), made on first use. */
  public Row row(String area, String target, String what) {
    Row row = rows.computeIfAbsent(key(area, target, what), k -> new Row(area, target, what));
    touched.putIfAbsent(row, row.failures());
    return row;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    touched.clear();
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    touched.forEach((row, failuresBefore) -> {
      if (row.failures() == failuresBefore) {
        row.failed(1);
      }
    });
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    // an aborted test tried nothing that counts
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    // nothing tried
  }

  @Override
  public void testSuccessful(ExtensionContext context) {
    // the counts stand as recorded
  }

  @Override
  public void afterAll(ExtensionContext context) {
    write();
  }

  /** Writes (merges) this class's rows into its TSV file, if {@code reliability.dir} is set. */
  public synchronized void write() {
    String dir = System.getProperty("reliability.dir");
    if (dir == null || dir.isBlank() || dir.contains("${") || rows.isEmpty()) { // "${": run outside Maven
      return;
    }
    Path file = Path.of(dir, testClass.getName() + ".tsv");
    Map<String, String> lines = new LinkedHashMap<>();
    Set<String> commands = new LinkedHashSet<>();
    try {
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String[] cells = line.split("\t", -1);
          if (line.startsWith("# command: ")) {
            commands.add(line);
          } else if (!line.startsWith("#") && !line.equals(COLUMNS) && cells.length >= 3) {
            lines.put(key(cells[0], cells[1], cells[2]), line);
          }
        }
      }
      for (Row row : rows.values()) {
        lines.put(row.rowKey(), row.tsv());
      }
      commands.remove("# command: " + command());
      commands.add("# command: " + command()); // the latest last
      List<String> out = new ArrayList<>();
      out.add("# source: " + testClass.getName());
      out.addAll(commands);
      out.add("# written: " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
      out.add(COLUMNS);
      lines.values().stream().sorted().forEach(out::add);
      Files.createDirectories(file.getParent());
      Files.write(file, out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }

  /** The Maven command line that runs this JVM's tests, as far as the environment tells. */
  private static String command() {
    String args = System.getenv("MAVEN_CMD_LINE_ARGS");
    String command = args == null || args.isBlank() ? "mvn (arguments unknown)" : "mvn " + args.strip();
    return fuzzing() ? "JAZZER_FUZZ=" + System.getenv("JAZZER_FUZZ") + " " + command : command;
  }

  private static String key(String area, String target, String what) {
    return area + "\u0000" + target + "\u0000" + what;
  }

  private static String clean(String text) {
    return text.replaceAll("[\\t\\r\\n]+", " ").strip();
  }

  /** Threads whose name says they belong to a JDK {@code HttpClient}: its selector manager and default workers. */
  public static Set<Thread> httpClientThreads() {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.isAlive() && thread.getName().startsWith("HttpClient-")) {
        threads.add(thread);
      }
    }
    return threads;
  }

  /**
   * Waits for every {@code HttpClient} thread that is not in {@code before} to end, collecting garbage
   * meanwhile (a JDK client stops its selector thread once the client is unreachable; this takes up to
   * about three seconds).
   *
   * @return the names of the threads still alive after {@code maxMillis}; empty when none leaked
   */
  public static List<String> awaitHttpClientThreadsEnded(Set<Thread> before, long maxMillis)
      throws InterruptedException {
    long end = System.nanoTime() + maxMillis * 1_000_000;
    while (true) {
      System.gc();
      List<String> left = new ArrayList<>();
      for (Thread thread : httpClientThreads()) {
        if (!before.contains(thread)) {
          left.add(thread.getName());
        }
      }
      if (left.isEmpty() || System.nanoTime() > end) {
        return left;
      }
      Thread.sleep(50);
    }
  }
}
