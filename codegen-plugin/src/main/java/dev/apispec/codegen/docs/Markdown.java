package dev.apispec.codegen.docs;

import java.util.List;

/**
 * A Markdown page being written: headings with explicit anchors, paragraphs, tables and code blocks, with the
 * spec's text escaped so that it reads as written. Lines end with {@code \n} whatever the platform.
 */
final class Markdown {
  private final StringBuilder out = new StringBuilder();

  /** A heading with an anchor of its own, so that links do not depend on how a viewer makes ids. */
  Markdown heading(int level, String anchor, String text) {
    blankLine();
    if (anchor != null) {
      out.append("<a id=\"").append(anchor).append("\"></a>\n");
    }
    out.append("#".repeat(level)).append(' ').append(text).append('\n');
    return this;
  }

  /** A paragraph of Markdown (escape spec text with {@link #text} first). */
  Markdown paragraph(String markdown) {
    blankLine();
    out.append(markdown.strip()).append('\n');
    return this;
  }

  /** A list item of Markdown, after the previous one. */
  Markdown item(String markdown) {
    if (!lastLineIsItem()) {
      blankLine();
    }
    out.append("- ").append(markdown.strip()).append('\n');
    return this;
  }

  Markdown table(List<String> headers, List<List<String>> rows) {
    blankLine();
    row(headers);
    out.append('|');
    headers.forEach(h -> out.append(" --- |"));
    out.append('\n');
    rows.forEach(this::row);
    return this;
  }

  Markdown code(String language, String code) {
    blankLine();
    String fence = code.contains("```") ? "~~~~" : "```";
    out.append(fence).append(language).append('\n').append(code.stripTrailing()).append('\n').append(fence)
        .append('\n');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void row(List<String> cells) {
    out.append('|');
    for (String cell : cells) {
      // GFM splits cells at every | that is not escaped, even inside a code span
      out.append(' ').append(cell.replace("|", "\\|")).append(" |");
    }
    out.append('\n');
  }

  private boolean lastLineIsItem() {
    if (out.length() == 0) {
      return false;
    }
    int start = out.lastIndexOf("\n", out.length() - 2) + 1;
    return out.indexOf("- ", start) == start;
  }

  private void blankLine() {
    if (out.length() > 0 && !out.toString().endsWith("\n\n")) {
      out.append('\n');
    }
  }

  /**
   * Spec text as Markdown that shows it as written: the characters Markdown or HTML would act on are escaped, and
   * line breaks become spaces, so that the text also fits a table cell.
   */
  static String text(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder();
    String flat = text.strip().replaceAll("\\s*\\R\\s*", " ");
    for (int i = 0; i < flat.length(); i++) {
      char c = flat.charAt(i);
      switch (c) {
        case '\\', '`', '*', '[', ']', '<', '>' -> escaped.append('\\').append(c);
        // inside a word (group_id) an underscore emphasises nothing, and stays as it is for readability
        case '_' -> escaped.append(insideWord(flat, i) ? "_" : "\\_");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private static boolean insideWord(String text, int i) {
    return i > 0 && i < text.length() - 1 && Character.isLetterOrDigit(text.charAt(i - 1))
        && Character.isLetterOrDigit(text.charAt(i + 1));
  }

  /** A code span that holds {@code code} exactly. */
  static String code(String code) {
    String flat = code.replaceAll("\\R", " ");
    String ticks = flat.contains("``") ? "```" : flat.contains("`") ? "``" : "`";
    String pad = flat.startsWith("`") || flat.endsWith("`") || flat.isBlank() ? " " : "";
    return ticks + pad + flat + pad + ticks;
  }

  static String link(String text, String target) {
    return "[" + text + "](" + target + ")";
  }
}
