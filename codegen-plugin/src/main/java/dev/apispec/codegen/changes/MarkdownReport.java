package dev.apispec.codegen.changes;

import dev.apispec.codegen.compat.Change;
import dev.apispec.codegen.compat.Kind;
import java.util.List;

/** The changes as a changelog section that a release can paste: breaking ones first, then accepted, then safe. */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String write(Verdict verdict) {
    StringBuilder out = new StringBuilder("## API changes since ").append(verdict.baseline()).append("\n\n");
    List<Change> changes = verdict.changes();
    if (changes.isEmpty()) {
      return out.append("No changes.\n").toString();
    }
    out.append(changes.size()).append(changes.size() == 1 ? " change: " : " changes: ")
        .append(verdict.count(Kind.WIRE)).append(" wire, ")
        .append(verdict.count(Kind.SOURCE)).append(" source, ")
        .append(verdict.count(Kind.SAFE)).append(" safe");
    long accepted = changes.stream().filter(verdict::isAccepted).count();
    if (accepted > 0) {
      out.append(" (").append(accepted).append(" accepted)");
    }
    out.append(".\n");
    section(out, "Breaking changes", changes.stream()
        .filter(c -> !c.is(Kind.SAFE) && !verdict.isAccepted(c)).toList(), verdict);
    section(out, "Accepted breaking changes", changes.stream()
        .filter(c -> !c.is(Kind.SAFE) && verdict.isAccepted(c)).toList(), verdict);
    section(out, "Safe changes", changes.stream().filter(c -> c.is(Kind.SAFE)).toList(), verdict);
    return out.toString();
  }

  private static void section(StringBuilder out, String title, List<Change> changes, Verdict verdict) {
    if (changes.isEmpty()) {
      return;
    }
    out.append("\n### ").append(title).append("\n\n");
    for (Change change : changes) {
      out.append("- ");
      if (!change.is(Kind.SAFE)) {
        out.append("**").append(change.kindLabels()).append("**: ");
      }
      out.append(escape(change.sentence())).append(" `").append(change.id()).append("` (")
          .append(change.location()).append(')');
      if (verdict.isAccepted(change)) {
        out.append(" Accepted: ").append(escape(verdict.reason(change)));
      }
      out.append('\n');
    }
  }

  /** Keeps a sentence's own characters from becoming Markdown. */
  private static String escape(String text) {
    return text == null ? "" : text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
        .replace("<", "&lt;").replace("`", "\\`");
  }
}
