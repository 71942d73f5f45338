package dev.apispec.codegen.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec is not valid. Holds every problem found, each with its location. */
public final class SpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public SpecException(List<Problem> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String format(List<Problem> problems) {
    String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    return "The spec has " + count + ":\n" + problems.stream()
        .map(p -> "  " + p)
        .collect(Collectors.joining("\n"));
  }
}
