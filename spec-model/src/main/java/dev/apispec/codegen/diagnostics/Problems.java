package dev.apispec.codegen.diagnostics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found, so that a user sees all of them in one run. */
public final class Problems {
  /** The most problems kept; a file broken all over (say, thousands of aliases) would flood the log. */
  public static final int MAX_KEPT = 500;

  private final List<Problem> problems = new ArrayList<>();
  private long omitted;

  public void add(Location location, String message) {
    if (problems.size() < MAX_KEPT) {
      problems.add(new Problem(location, message));
    } else {
      omitted++;
    }
  }

  /** Adds what {@code other} holds, in its order, under this one's limit. */
  public void addAll(Problems other) {
    for (Problem problem : other.problems) {
      add(problem.location(), problem.message());
    }
    omitted += other.omitted;
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /** The problems in file, line and column order. */
  public List<Problem> sorted() {
    List<Problem> copy = new ArrayList<>(problems);
    copy.sort(Comparator.comparing((Problem p) -> p.location().file())
        .thenComparingInt(p -> p.location().line())
        .thenComparingInt(p -> p.location().column()));
    return List.copyOf(copy);
  }

  /** Throws {@link SpecException} when any problem was found. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new SpecException(sorted(), omitted);
    }
  }
}
