package dev.apispec.codegen.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.apispec.codegen.diagnostics.Location;
import dev.apispec.codegen.diagnostics.Problem;
import dev.apispec.codegen.diagnostics.Problems;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads YAML text into {@link YamlNode}s that keep their line and column. Reports syntax errors,
 * duplicate keys, aliases, over-deep nesting and over-long lines as {@link Problem}s instead of throwing.
 */
public final class YamlReader {
  /** Specs are shallow; anything deeper is a mistake or an attack. */
  static final int MAX_DEPTH = 64;
  static final int MAX_CODE_POINTS = 64 * 1024 * 1024;
  /**
   * SnakeYAML copies its whole read-ahead window for every 1024 characters of a token it is still scanning, so
   * one long run of text without a space or a line break (a word, a comment, an anchor) costs time in the square
   * of its length: minutes for a few megabytes. No line of a spec a person writes comes near this; a YAML string
   * can span lines.
   */
  static final int MAX_LINE_LENGTH = 64 * 1024;
  private static final String ANCHORS = "YAML anchors and aliases are not supported in a spec; write the value out";

  private final YAMLFactory factory;

  public YamlReader() {
    // Jackson drives SnakeYAML's parser, not its composer: of these options only the code point limit is
    // enforced (by SnakeYAML's reader). Aliases never expand here (Jackson reads one as the anchor's name, and
    // readValue reports it), and nesting is limited by readValue and by Jackson's own constraint below.
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setNestingDepthLimit(MAX_DEPTH + 8);
    options.setMaxAliasesForCollections(0);
    options.setAllowRecursiveKeys(false);
    this.factory = YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 8).build())
        .build();
  }

  /** Reads one document. Returns {@code null} (with problems added) when it cannot be read. */
  public YamlNode read(String file, String text, Problems problems) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Location tooLong = firstTooLongLine(file, body);
    if (tooLong != null) {
      problems.add(tooLong, "the line is longer than " + MAX_LINE_LENGTH
          + " characters; break it (a YAML string may span lines)");
      return null;
    }
    if (!checkCharacters(file, body, problems)) {
      return null;
    }
    try (YAMLParser parser = factory.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add(new Location(file, 1, 1), "the file is empty; expected a map with 'api', 'types' or 'groups'");
        return null;
      }
      YamlNode node = readValue(file, parser, problems, 0);
      if (node != null && parser.nextToken() != null) {
        problems.add(location(file, parser.currentTokenLocation()),
            "only one YAML document is allowed per spec file");
      }
      return node;
    } catch (TooDeep e) {
      // Reported where it happened; reading on (even to skip the rest) would only hit the parser's own
      // nesting limit and report it again, at the wrong place.
      return null;
    } catch (JsonProcessingException e) {
      // SnakeYAML knows where the problem is and what it is; Jackson's location is where its own parser
      // stopped (often an earlier line), and its message starts with the context, not the problem.
      if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
        Mark mark = yaml.getProblemMark();
        problems.add(new Location(file, mark.getLine() + 1, mark.getColumn() + 1), "not valid YAML: "
            + YamlMessages.plain(cleanMessage(yaml.getProblem()) + (yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")")));
        return null;
      }
      if (e.getCause() instanceof ReaderException reader) {
        // SnakeYAML's reader says where (in code points) but carries no line; find it in the text
        problems.add(YamlMessages.atCodePoint(file, body, reader.getPosition()), "not valid YAML: "
            + YamlMessages.plain(cleanMessage(reader.getMessage())));
        return null;
      }
      JsonLocation where = e.getLocation();
      problems.add(where == null ? new Location(file, 1, 1) : location(file, where),
          "not valid YAML: " + YamlMessages.plain(cleanMessage(e.getOriginalMessage())));
      return null;
    } catch (IOException | RuntimeException e) {
      problems.add(new Location(file, 1, 1), "not valid YAML: "
          + YamlMessages.plain(cleanMessage(String.valueOf(e.getMessage()))));
      return null;
    }
  }

  private YamlNode readValue(String file, YAMLParser parser, Problems problems, int depth) throws IOException {
    Location here = location(file, parser.currentTokenLocation());
    if (depth > MAX_DEPTH) {
      problems.add(here, "the document is nested deeper than " + MAX_DEPTH + " levels");
      throw new TooDeep();
    }
    // Jackson reads an alias as a string holding the anchor's name: it is reported, and then left out rather
    // than read as that string (which would only add a second, misleading problem). Jackson keeps no anchor
    // of a scalar value, but an anchor without an alias changes nothing.
    if (parser.isCurrentAlias()) {
      problems.add(here, ANCHORS);
      return null;
    }
    if (parser.getObjectId() != null) {
      problems.add(here, ANCHORS);
    }
    JsonToken token = parser.currentToken();
    boolean tagged = checkTag(here, parser, token, problems);
    switch (token) {
      case START_OBJECT: {
        List<YamlNode.Entry> entries = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          Location keyLocation = location(file, parser.currentTokenLocation());
          checkUnicode(keyLocation, key, "key", problems);
          parser.nextToken();
          YamlNode value = readValue(file, parser, problems, depth + 1);
          Location previous = seen.putIfAbsent(key, keyLocation);
          if (previous != null) {
            problems.add(keyLocation, "duplicate key '" + key + "' (first at line " + previous.line() + ")");
          } else if (value != null) {
            entries.add(new YamlNode.Entry(key, keyLocation, value));
          }
        }
        return new YamlNode.Mapping(here, List.copyOf(entries));
      }
      case START_ARRAY: {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          YamlNode item = readValue(file, parser, problems, depth + 1);
          if (item != null) {
            items.add(item);
          }
        }
        return new YamlNode.Sequence(here, List.copyOf(items));
      }
      case VALUE_STRING:
        checkUnicode(here, parser.getText(), "string", problems);
        return new YamlNode.Scalar(here, parser.getText());
      case VALUE_NUMBER_INT:
        return new YamlNode.Scalar(here, parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? parser.getBigIntegerValue() : (Object) parser.getLongValue());
      case VALUE_NUMBER_FLOAT:
        return new YamlNode.Scalar(here, parser.getDoubleValue());
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new YamlNode.Scalar(here, parser.getBooleanValue());
      case VALUE_NULL:
        return new YamlNode.Scalar(here, null);
      default:
        if (!tagged) { // a tag such as !!binary makes such values, and is reported already
          problems.add(here, "a value of a kind a spec does not use; write text, a number, true or false, a list"
              + " or a map");
        }
        return null;
    }
  }

  /**
   * Checks what SnakeYAML would report late, without a line, or not at all: more code points than
   * {@link #MAX_CODE_POINTS} (its own limit lets comments through) and unpaired surrogates (not Unicode, and
   * unwritable as UTF-8). Reports the first such place and returns {@code false} when there is one.
   */
  private static boolean checkCharacters(String file, String text, Problems problems) {
    if (text.length() > MAX_CODE_POINTS && text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
      problems.add(YamlMessages.atCodePoint(file, text, MAX_CODE_POINTS), "the file holds more than "
          + MAX_CODE_POINTS + " characters (comments count too); split the spec into several files");
      return false;
    }
    int bad = YamlMessages.unpairedSurrogate(text);
    if (bad >= 0) {
      problems.add(YamlMessages.atCodePoint(file, text, text.codePointCount(0, bad)), String.format(
          "the file holds an unpaired surrogate (U+%04X), which is not a Unicode character; remove it",
          (int) text.charAt(bad)));
      return false;
    }
    return true;
  }

  /** A string or key that an escape such as {@code "\ud800"} made into text that is not Unicode. */
  private static void checkUnicode(Location where, String text, String what, Problems problems) {
    int bad = YamlMessages.unpairedSurrogate(text);
    if (bad >= 0) {
      problems.add(where, String.format("the %s holds an unpaired surrogate (U+%04X, at character %d), which is not"
          + " a Unicode character and cannot be written as UTF-8; write the character it stands for", what,
          (int) text.charAt(bad), bad + 1));
    }
  }

  /**
   * A spec needs no YAML tags; Jackson would read an unknown one ({@code !foo}) as if it were not there. The
   * core ones are fine where they say what the value is anyway ({@code !!str} on a string). Returns whether it
   * reported one.
   */
  private static boolean checkTag(Location here, YAMLParser parser, JsonToken token, Problems problems)
      throws IOException {
    String tag = parser.getTypeId();
    if (tag == null || tag.isEmpty() || tag.equals(YamlMessages.coreTag(token))) {
      return false;
    }
    problems.add(here, "the YAML tag '" + YamlMessages.shownTag(tag) + "' is not supported in a spec; remove it"
        + " (quote a value to make it a string)");
    return true;
  }

  /** Where the first line longer than {@link #MAX_LINE_LENGTH} goes over it, or {@code null}. */
  private static Location firstTooLongLine(String file, String text) {
    int line = 1;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // YAML's line breaks: \n, \r, \r\n, NEL, LS and PS
      if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029'
          || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        start = i + 1;
      } else if (c != '\r' && i - start >= MAX_LINE_LENGTH) {
        return new Location(file, line, MAX_LINE_LENGTH + 1);
      }
    }
    return null;
  }

  /** Stops reading a document that is nested too deeply; the problem is already reported. */
  private static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooDeep() {
      super(null, null, false, false);
    }
  }

  private static Location location(String file, JsonLocation location) {
    return new Location(file, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }

  private static String cleanMessage(String message) {
    String first = message == null ? "" : message.strip();
    int newline = first.indexOf('\n');
    return newline < 0 ? first : first.substring(0, newline).strip();
  }
}
