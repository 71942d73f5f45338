package dev.apispec.codegen.emit;

/**
 * Makes spec text safe inside a Javadoc comment. JavaPoet does not escape Javadoc, and a spec's
 * documentation may hold {@code *}{@code /}, backslashes (a {@code \}{@code u000a} would be read as
 * a line break by javac), {@code @} at a line start, or HTML. The result is always passed as
 * {@code $L}, never as a format string.
 */
public final class Javadoc {
  private Javadoc() {}

  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    String normalized = text.replace("\r\n", "\n").replace('\r', '\n').strip();
    for (int i = 0; i < normalized.length(); i++) {
      char c = normalized.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append("&#64;");
        case '\\' -> out.append("&#92;");
        case '{' -> out.append("&#123;");
        case '}' -> out.append("&#125;");
        case '/' -> out.append(i > 0 && normalized.charAt(i - 1) == '*' ? "&#47;" : "/");
        default -> {
          if (Character.isISOControl(c) && c != '\n' && c != '\t') {
            out.append("&#").append((int) c).append(';');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** A literal value such as an example, in {@code <code>}; strings are shown quoted, as on the wire. */
  public static String code(Object value) {
    String text = value instanceof String string ? '"' + string + '"' : String.valueOf(value);
    return "<code>" + escape(text) + "</code>";
  }

  /** Ends documentation text with a full stop, so that sentences can follow it. */
  public static String sentence(String escaped) {
    if (escaped.isEmpty() || escaped.endsWith(".") || escaped.endsWith("!") || escaped.endsWith("?")
        || escaped.endsWith("。")) {
      return escaped;
    }
    return escaped + ".";
  }
}
