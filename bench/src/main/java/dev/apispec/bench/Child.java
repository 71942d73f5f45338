package dev.apispec.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts a child JVM (or any process), waits for it, and reads what it recorded. */
public final class Child {
  private Child() {}

  /** A finished child: its wall time from start to exit, and the {@code key=value} lines it recorded. */
  public record Result(long wallMicros, Map<String, String> values) {
    public long micros(String key) {
      String value = values.get(key);
      if (value == null) {
        throw new IllegalStateException("the child recorded no " + key + ": " + values);
      }
      return Long.parseLong(value);
    }

    public double millis(String key) {
      return micros(key) / 1000.0;
    }

    public double wallMillis() {
      return wallMicros / 1000.0;
    }
  }

  /**
   * Runs {@code PeakMain mainClass args} in a fresh JVM with {@code classpath} (the child classes come
   * first), its output going to {@code log}.
   */
  public static Result java(Layout layout, String classpath, String mainClass, List<String> args, Path log)
      throws IOException, InterruptedException {
    return java(layout, classpath, mainClass, args, log, List.of());
  }

  /** As {@link #java(Layout, String, String, List, Path)}, with system properties ({@code -Dk=v}) for the child. */
  public static Result java(Layout layout, String classpath, String mainClass, List<String> args, Path log,
      List<String> properties) throws IOException, InterruptedException {
    Path resultFile = Files.createTempFile(layout.work, "result-", ".properties");
    List<String> command = new ArrayList<>();
    command.add(Layout.java());
    command.add("-Dbench.result=" + resultFile);
    command.addAll(properties);
    command.add("-cp");
    command.add(classpath.isEmpty() ? layout.childCode().toString()
        : layout.childCode() + java.io.File.pathSeparator + classpath);
    command.add("dev.apispec.bench.child.PeakMain");
    command.add(mainClass);
    command.addAll(args);
    try {
      long wall = run(command, layout.root, log, 30);
      Map<String, String> values = new LinkedHashMap<>();
      for (String line : Files.readAllLines(resultFile, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          values.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      return new Result(wall, values);
    } finally {
      Files.deleteIfExists(resultFile);
    }
  }

  /** Runs a command to its end and returns its wall time in microseconds; fails on a non-zero exit. */
  public static long run(List<String> command, Path directory, Path log, int timeoutMinutes)
      throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    long start = System.nanoTime();
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out after " + timeoutMinutes + " min: " + command + " (log: " + log + ")");
    }
    long wall = (System.nanoTime() - start) / 1_000;
    if (process.exitValue() != 0) {
      String tail = tail(log, 30);
      throw new IllegalStateException("exit " + process.exitValue() + ": " + String.join(" ", command)
          + "\n--- last lines of " + log + " ---\n" + tail);
    }
    return wall;
  }

  static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
