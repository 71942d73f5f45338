package dev.apispec.codegen.spec;

import com.fasterxml.jackson.core.JsonToken;
import dev.apispec.codegen.diagnostics.Location;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers of {@link YamlReader}: messages without parser internals, and places in the text. */
final class YamlMessages {
  /** An event as SnakeYAML prints it: {@code <org.yaml.snakeyaml.events.SequenceStartEvent(anchor=null, …)>}. */
  private static final Pattern EVENT = Pattern.compile("<?(?:[a-z]+\\.)*([A-Za-z]+)Event\\([^)]*\\)>?");
  /** Any other Java class name of the parsers, such as {@code org.yaml.snakeyaml.error.YAMLException: }. */
  private static final Pattern CLASS_NAME = Pattern.compile("(?:org\\.yaml|com\\.fasterxml)(?:\\.[A-Za-z0-9_$]+)+:?\\s*");
  private static final Map<String, String> EVENTS = Map.of(
      "SequenceStart", "a list", "MappingStart", "a map", "Scalar", "a value", "Alias", "an alias",
      "SequenceEnd", "the end of a list", "MappingEnd", "the end of a map", "DocumentStart", "a new document",
      "DocumentEnd", "the end of the document", "StreamEnd", "the end of the file");
  private static final String CORE = "tag:yaml.org,2002:";

  private YamlMessages() {}

  /** A parser's message in the words of a spec: events named as what they are, no class names. */
  static String plain(String message) {
    String text = message.replace("Expected a field name (Scalar value in YAML), got this instead:",
        "a key must be a plain value such as a name, not");
    Matcher event = EVENT.matcher(text);
    StringBuilder out = new StringBuilder();
    while (event.find()) {
      event.appendReplacement(out, Matcher.quoteReplacement(EVENTS.getOrDefault(event.group(1), "something else")));
    }
    event.appendTail(out);
    return CLASS_NAME.matcher(out).replaceAll("").strip();
  }

  /** The location of the code point at {@code index} (counting from 0), by YAML's line breaks. */
  static Location atCodePoint(String file, String text, int index) {
    int line = 1;
    int column = 1;
    int seen = 0;
    for (int i = 0; i < text.length() && seen < index; i += Character.charCount(text.codePointAt(i)), seen++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029'
          || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        column = 1;
      } else if (c != '\r') {
        column++;
      }
    }
    return new Location(file, line, column);
  }

  /** The index of the first surrogate without its other half, or -1. */
  static int unpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** The core-schema tag that says what {@code token} is anyway, or {@code null}. */
  static String coreTag(JsonToken token) {
    String name = switch (token) {
      case START_OBJECT -> "map";
      case START_ARRAY -> "seq";
      case VALUE_STRING -> "str";
      case VALUE_NUMBER_INT -> "int";
      case VALUE_NUMBER_FLOAT -> "float";
      case VALUE_TRUE, VALUE_FALSE -> "bool";
      default -> null;
    };
    return name == null ? null : CORE + name;
  }

  /** A tag as it is written: {@code !!str}, {@code !foo}, or {@code !<uri>}. */
  static String shownTag(String tag) {
    if (tag.startsWith(CORE)) {
      return "!!" + tag.substring(CORE.length());
    }
    return tag.contains(":") ? "!<" + tag + ">" : "!" + tag;
  }
}
