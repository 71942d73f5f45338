package dev.apispec.codegen.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found, so that a user sees all of them in one run. */
public final class Problems {
  private final List<Problem> problems = new ArrayList<>();

  public void add(Location location, String message) {
    problems.add(new Problem(location, message));
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
      throw new SpecException(sorted());
    }
  }
}
