package dev.apispec.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** What a run ran on and when: printed above the tables. */
public final class Machine {
  private Machine() {}

  public static String describe(Layout layout) {
    List<String> lines = new ArrayList<>();
    lines.add("- date (UTC): " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
    lines.add("- commit: " + commit(layout.root));
    lines.add("- CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores available (nproc)");
    lines.add("- memory: " + memTotal());
    lines.add("- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
        + System.getProperty("os.arch") + ")");
    lines.add("- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + " (" + System.getProperty("java.vm.vendor") + "), every child JVM started with " + Layout.java()
        + " and no options: default heap (max " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB here) and GC");
    lines.add("- Maven: " + mavenVersion(layout));
    lines.add("- measured artifacts: " + artifact("dev.apispec.codegen.Codegen") + ", " + artifact("dev.apispec.runtime.ApiTransport")
        + ", " + artifact("dev.yunhu.client.YunhuClient"));
    lines.add("- load average when the report was written (1, 5, 15 min): " + loadAverage()
        + " (each section notes it too; anything well above 0 means other work shared the cores)");
    return String.join("\n", lines) + "\n";
  }

  /**
   * The commit checked out when the report was written, read from {@code .git} directly (short form, as {@code git rev-parse --short}
   * would print it), with a note when it is not a plain branch head.
   */
  static String commit(Path root) {
    Path git = root.resolve(".git");
    try {
      if (Files.isRegularFile(git)) { // a worktree: "gitdir: <path>"
        String pointer = Files.readString(git, StandardCharsets.UTF_8).strip();
        git = root.resolve(pointer.substring("gitdir:".length()).strip());
      }
      String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).strip();
      if (!head.startsWith("ref:")) {
        return shortId(head) + " (detached)";
      }
      String ref = head.substring(4).strip();
      Path loose = git.resolve(ref);
      Path common = git;
      if (!Files.exists(loose) && Files.isRegularFile(git.resolve("commondir"))) {
        common = git.resolve(Files.readString(git.resolve("commondir"), StandardCharsets.UTF_8).strip());
        loose = common.resolve(ref);
      }
      if (Files.isRegularFile(loose)) {
        return shortId(Files.readString(loose, StandardCharsets.UTF_8).strip()) + " (" + ref + ")";
      }
      Path packed = common.resolve("packed-refs");
      if (Files.isRegularFile(packed)) {
        for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
          if (line.endsWith(" " + ref)) {
            return shortId(line.substring(0, line.indexOf(' '))) + " (" + ref + ")";
          }
        }
      }
      return "unknown (" + ref + " has no commit yet)";
    } catch (IOException | RuntimeException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static String shortId(String id) {
    return id.length() > 7 ? id.substring(0, 7) : id;
  }

  /** A jar the harness measures, with its modification time (which build of it this was). */
  private static String artifact(String className) {
    try {
      Path jar = Layout.codeOf(Class.forName(className));
      return "`" + jar.getFileName() + "` of " + Files.getLastModifiedTime(jar).toInstant().truncatedTo(ChronoUnit.SECONDS);
    } catch (ClassNotFoundException | IOException | RuntimeException e) {
      return className + " (unknown)";
    }
  }

  /** The 1, 5 and 15 minute load averages of {@code /proc/loadavg}. */
  public static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).split("\\s+");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException e) {
      // fall through
    }
    return System.getProperty("os.arch");
  }

  private static String memTotal() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("MemTotal:")) {
          long kb = Long.parseLong(line.substring(9).replace("kB", "").strip());
          return String.format(java.util.Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // fall through
    }
    return "unknown";
  }

  static String mavenVersion(Layout layout) {
    try {
      Path log = layout.work.resolve("logs/mvn-version.log");
      Child.run(List.of("mvn", "-v"), layout.root, log, 2);
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        String plain = line.replaceAll("\u001B\\[[;\\d]*m", "");
        if (plain.startsWith("Apache Maven")) {
          return plain.replaceAll("\\s*\\(.*\\)", "").strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      return "unknown (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "unknown";
  }
}
