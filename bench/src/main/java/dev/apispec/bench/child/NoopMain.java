package dev.apispec.bench.child;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;

/**
 * Runs the real {@code GenerateMojo} of the plugin, set up by reflection as Maven would set it up,
 * and times {@code execute()}: once cold (the first call in this JVM, as in a Maven build), then
 * {@code WARM_REPEATS} more times. Records whether the goal found the sources up to date.
 *
 * <p>Usage: {@code NoopMain SPEC DESCRIPTOR_SET|- OUTPUT_DIR STATE_FILE WARM_REPEATS}
 */
public final class NoopMain {
  private NoopMain() {}

  public static void main(String[] args) throws Exception {
    Class<?> type = Class.forName("dev.apispec.codegen.GenerateMojo");
    Object mojo = type.getDeclaredConstructor().newInstance();
    set(mojo, "spec", new File(args[0]));
    set(mojo, "descriptorSet", "-".equals(args[1]) ? null : new File(args[1]));
    set(mojo, "outputDirectory", new File(args[2]));
    set(mojo, "stateFile", new File(args[3]));
    set(mojo, "force", false);
    set(mojo, "skip", false);
    int warmRepeats = Integer.parseInt(args[4]);

    // A Maven Log that keeps the last info line (how the goal says it found everything up to date).
    Class<?> logType = Class.forName("org.apache.maven.plugin.logging.Log");
    String[] lastInfo = {""};
    Object log = Proxy.newProxyInstance(logType.getClassLoader(), new Class<?>[] {logType}, (proxy, method, margs) -> {
      if (method.getName().equals("info") && margs != null && margs.length > 0 && margs[0] instanceof CharSequence text) {
        lastInfo[0] = text.toString();
      }
      return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
    });
    type.getMethod("setLog", logType).invoke(mojo, log);
    Method execute = type.getMethod("execute");

    long start = System.nanoTime();
    execute.invoke(mojo);
    long cold = System.nanoTime() - start;
    PeakMain.record("coldMicros", Long.toString(cold / 1_000));
    PeakMain.record("coldUpToDate", Boolean.toString(lastInfo[0].contains("up to date")));

    long[] warm = new long[warmRepeats];
    boolean allUpToDate = true;
    for (int i = 0; i < warmRepeats; i++) {
      lastInfo[0] = "";
      long t = System.nanoTime();
      execute.invoke(mojo);
      warm[i] = System.nanoTime() - t;
      allUpToDate &= lastInfo[0].contains("up to date");
    }
    if (warmRepeats > 0) {
      Arrays.sort(warm);
      PeakMain.record("warmMedianMicros", Long.toString(warm[warmRepeats / 2] / 1_000));
      PeakMain.record("warmUpToDate", Boolean.toString(allUpToDate));
    }
  }

  private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
    Field field = target.getClass().getDeclaredField(name);
    field.setAccessible(true);
    field.set(target, value);
  }
}
