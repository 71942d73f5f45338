package dev.apispec.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Medians and the formatting of numbers in tables. */
public final class Stats {
  private Stats() {}

  public static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** A number with about three significant digits, grouped: 12,345 / 123 / 12.3 / 1.23 / 0.123. */
  public static String num(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    double abs = Math.abs(value);
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (abs >= 1) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return String.format(Locale.ROOT, "%.3f", value);
  }

  /** A ratio such as {@code 12.3×}. */
  public static String times(double ratio) {
    return Double.isNaN(ratio) ? "–" : num(ratio) + "×";
  }

  /** Every run's value, for the record: {@code 512 / 530 / 498}. */
  public static String all(List<Double> values) {
    return values.stream().map(Stats::num).collect(Collectors.joining(" / "));
  }
}
