package dev.apispec.bench.child;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs another main class in this JVM and records, in the file named by {@code -Dbench.result}, how
 * long its {@code main} took, the CPU time of the process and its peak resident memory ({@code VmHWM}). The same
 * wrapper runs our generator and OpenAPI Generator, so both are measured alike. A main that calls
 * {@code System.exit} is still measured, from a shutdown hook.
 *
 * <p>Usage: {@code java -Dbench.result=FILE [-Dbench.repeat=N -Dbench.clean=DIR] -cp ...
 * dev.apispec.bench.child.PeakMain MAIN_CLASS ARGS...}
 */
public final class PeakMain {
  private PeakMain() {}

  public static void main(String[] args) throws Throwable {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: PeakMain MAIN_CLASS [ARGS...]");
    }
    long start = System.nanoTime();
    AtomicBoolean reported = new AtomicBoolean();
    Runnable report = () -> {
      if (reported.compareAndSet(false, true)) {
        long elapsed = System.nanoTime() - start;
        record("mainMicros", Long.toString(elapsed / 1_000));
        record("rssPeakKb", Long.toString(statusKb("VmHWM")));
        record("cpuMicros", Long.toString(cpuMicros()));
      }
    };
    Runtime.getRuntime().addShutdownHook(new Thread(report, "bench-report"));
    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    String[] mainArgs = Arrays.copyOfRange(args, 1, args.length);
    invoke(main, mainArgs);
    report.run();
    // -Dbench.repeat=N: N more runs in this now warm JVM, each timed alone, the output folder
    // (-Dbench.clean) removed before each and not timed, as it was not there before the first
    int repeat = Integer.getInteger("bench.repeat", 0);
    String clean = System.getProperty("bench.clean");
    for (int i = 1; i <= repeat; i++) {
      if (clean != null) {
        deleteTree(Path.of(clean));
      }
      long again = System.nanoTime();
      invoke(main, mainArgs);
      record("repeatMicros." + i, Long.toString((System.nanoTime() - again) / 1_000));
    }
  }

  private static void invoke(Method main, String[] args) throws Throwable {
    try {
      main.invoke(null, (Object) args.clone());
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var walk = Files.walk(root)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Appends {@code key=value} to the result file; measured mains use it for their own numbers too. */
  public static void record(String key, String value) {
    String file = System.getProperty("bench.result");
    if (file == null) {
      System.err.println("BENCH " + key + "=" + value);
      return;
    }
    try {
      Files.writeString(Path.of(file), key + "=" + value + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * CPU time of the whole process so far (every thread: the tool's, the JIT compilers', the GC's), user
   * plus system, from {@code /proc/self/stat}; -1 where there is none. Less sensitive than wall time to
   * other work sharing the cores.
   */
  static long cpuMicros() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.UTF_8);
      // the command name (field 2) may hold spaces: count the fields after its closing parenthesis
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
      return ticks * 1_000_000 / CLOCK_TICKS;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** {@code sysconf(_SC_CLK_TCK)}: 100 on every Linux that matters. */
  private static final long CLOCK_TICKS = 100;

  /** A {@code kB} value of {@code /proc/self/status}, or -1 where there is none. */
  static long statusKb(String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
        if (line.startsWith(name + ":")) {
          return Long.parseLong(line.substring(name.length() + 1).replace("kB", "").strip());
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
