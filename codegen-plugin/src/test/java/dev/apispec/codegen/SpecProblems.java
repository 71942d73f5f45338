package dev.apispec.codegen;

import dev.apispec.codegen.proto.ProtoCatalog;
import dev.apispec.codegen.spec.Problem;
import dev.apispec.codegen.spec.SpecException;
import java.util.List;

/** Runs the whole pipeline on a spec given as text and returns what it reports, as a user reads it. */
public final class SpecProblems {
  private SpecProblems() {}

  /** The problems of {@code yaml} (read as {@code spec.yaml}), as {@code file:line:col: message} lines. */
  public static List<String> of(String yaml) {
    return of(yaml, null);
  }

  /** Like {@link #of(String)}, checking protobuf messages against {@code protos}. */
  public static List<String> of(String yaml, ProtoCatalog protos) {
    try {
      Codegen.generateFromText("spec.yaml", yaml, protos);
    } catch (SpecException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("the spec was accepted, but problems were expected:\n" + yaml);
  }
}
