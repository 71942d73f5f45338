package dev.apispec.codegen.diagnostics;

/** One thing wrong with a spec, and where. The message says what to fix. */
public record Problem(Location location, String message) {
  @Override
  public String toString() {
    return location + ": " + message;
  }
}
