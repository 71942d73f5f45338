package dev.apispec.bench;

import java.util.List;

/** What one part of the harness found: its Markdown, and how it stands against the goals. */
public record Section(String name, String markdown, List<Goal> goals) {

  /** One goal of the issue, what was measured for it, and whether that meets it. */
  public record Goal(String goal, String measured, boolean met) {}
}
