package dev.apispec.codegen;

import dev.apispec.codegen.diagnostics.Problem;
import dev.apispec.codegen.diagnostics.SpecException;
import dev.apispec.codegen.proto.ProtoCatalog;
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

  /** How many lines {@code text} has, as YAML counts them ({@code \n}, {@code \r}, {@code \r\n}, NEL, LS, PS). */
  public static int lines(String text) {
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029'
          || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        lines++;
      }
    }
    return lines;
  }
}
