package dev.apispec.codegen.diagnostics;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A spec is not valid. Holds the problems found, each with its location: all of them, or the first
 * {@link Problems#MAX_KEPT} when a broken file produces more (then {@link #omitted()} says how many more).
 */
public final class SpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;
  private final long omitted;

  public SpecException(List<Problem> problems) {
    this(problems, 0);
  }

  public SpecException(List<Problem> problems, long omitted) {
    super(format(problems, omitted));
    this.problems = List.copyOf(problems);
    this.omitted = omitted;
  }

  public List<Problem> problems() {
    return problems;
  }

  /** How many further problems were found but not kept. */
  public long omitted() {
    return omitted;
  }

  private static String format(List<Problem> problems, long omitted) {
    long total = problems.size() + omitted;
    String count = total == 1 ? "1 problem" : total + " problems";
    return "The spec has " + count + ":\n" + problems.stream()
        .map(p -> "  " + p)
        .collect(Collectors.joining("\n"))
        + (omitted == 0 ? "" : "\n  … and " + omitted + " more; fix the ones above and run again");
  }
}
