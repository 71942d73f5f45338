package dev.apispec.codegen.diagnostics;

/** "Did you mean" hints for names that are close to a known one. */
public final class DidYouMean {
  private DidYouMean() {}

  /** "; did you mean 'ChatType'?" when a known name is close, else "". */
  public static String suggestion(String wanted, Iterable<String> known) {
    String best = closest(wanted, known);
    return best == null ? "" : "; did you mean '" + best + "'?";
  }

  /** The known name closest to {@code wanted} (ignoring case), if it is close enough to be a slip; else null. */
  public static String closest(String wanted, Iterable<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(wanted.toLowerCase(), candidate.toLowerCase());
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
    return best != null && bestDistance <= Math.max(2, wanted.length() / 3) ? best : null;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
