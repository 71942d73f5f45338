package dev.apispec.contract;

import java.util.List;

/** A recording and the generated client disagree: the message names the recording and each problem. */
public final class ContractViolation extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public ContractViolation(Recording recording, List<String> problems) {
    super(recording.id() + " (" + recording.endpoint() + ") breaks the contract:\n  - "
        + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, as a line of the message. */
  public List<String> problems() {
    return problems;
  }
}
