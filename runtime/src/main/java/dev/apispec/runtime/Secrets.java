package dev.apispec.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must never appear in an exception's text: the credential, and the values of the secret JSON properties
 * ({@link ApiTransport.Builder#secretFields(Set)}). Only failures use it, so it costs a call nothing.
 *
 * <p>A secret property's value is found in the response body and then masked wherever it appears (an excerpt,
 * the server's message, Jackson's description of a bad value), spelled as in the body or unescaped.
 */
final class Secrets {
  static final String MASK = "***";
  private static final int EXCERPT_LIMIT = 200;

  private final String token;
  /** {@code "name" : "value} or {@code "name" : 123}; {@code null} without secret fields. */
  private final Pattern secretValue;

  Secrets(String token, Set<String> secretFields) {
    this(token, secretFields.isEmpty() ? null : pattern(secretFields));
  }

  private Secrets(String token, Pattern secretValue) {
    this.token = token == null || token.isEmpty() ? null : token;
    this.secretValue = secretValue;
  }

  private static Pattern pattern(Set<String> secretFields) {
    StringBuilder names = new StringBuilder();
    for (String name : secretFields) {
      names.append(names.length() == 0 ? "" : "|").append(Pattern.quote(name));
    }
    // a string may be cut off (a truncated or malformed body): its value then runs to the end. Possessive: a
    // long value must not grow the regex engine's stack.
    return Pattern.compile("\"(?:" + names + ")\"\\s*:\\s*(?:\"((?:[^\"\\\\]++|\\\\.)*+)(?:\"|\\\\?$)"
        + "|(-?[0-9][0-9.eE+-]*))"); // not true or false: masking those everywhere would hide nothing
  }

  /** The same secret fields with another credential. */
  Secrets withToken(String token) {
    return new Secrets(token, secretValue);
  }

  /** The masker for the failure of a call whose response body is {@code body} ({@code null}: none). */
  Masker in(byte[] body) {
    List<String> values = new ArrayList<>(2);
    if (token != null) {
      values.add(token);
    }
    if (secretValue != null && body != null && body.length > 0) {
      addValues(new String(body, StandardCharsets.UTF_8), values);
    }
    return new Masker(values, secretValue);
  }

  private void addValues(String text, List<String> values) {
    Matcher m = secretValue.matcher(text);
    while (m.find()) {
      String raw = m.group(1) != null ? m.group(1) : m.group(2);
      if (!raw.isEmpty()) {
        values.add(raw);
        String plain = unescape(raw);
        if (!plain.equals(raw) && !plain.isEmpty()) {
          values.add(plain);
        }
      }
    }
    // longest first: a value that contains another is masked whole
    values.sort((a, b) -> Integer.compare(b.length(), a.length()));
  }

  /** A JSON string's content without its escapes, as far as they are well-formed. */
  private static String unescape(String raw) {
    if (raw.indexOf('\\') < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '\\' || i + 1 == raw.length()) {
        out.append(c);
        continue;
      }
      char e = raw.charAt(++i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          int code = i + 4 < raw.length() ? hex(raw.substring(i + 1, i + 5)) : -1;
          if (code >= 0) {
            out.append((char) code);
            i += 4;
          } else {
            out.append('\\').append(e);
          }
        }
        default -> out.append(e);
      }
    }
    return out.toString();
  }

  private static int hex(String digits) {
    int value = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = Character.digit(digits.charAt(i), 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  /** Masks the secrets of one failure. */
  static final class Masker {
    private final List<String> values;
    private final Pattern secretValue;

    Masker(List<String> values, Pattern secretValue) {
      this.values = values;
      this.secretValue = secretValue;
    }

    /** {@code text} with every secret replaced by {@value #MASK}. */
    String mask(String text) {
      if (text == null) {
        return null;
      }
      for (String value : values) {
        text = text.replace(value, MASK);
      }
      // a secret property quoted in the text (say, a server message) whose value the body did not show
      return secretValue == null ? text : maskMatches(text);
    }

    private String maskMatches(String text) {
      Matcher m = secretValue.matcher(text);
      StringBuilder out = new StringBuilder(text.length());
      int last = 0;
      while (m.find()) {
        int group = m.group(1) != null ? 1 : 2;
        out.append(text, last, m.start(group)).append(m.group(group).isEmpty() ? "" : MASK);
        last = m.end(group);
      }
      return out.append(text, last, text.length()).toString();
    }

    /** The start of {@code bytes} as text, masked, on one line: for a message. */
    String excerpt(byte[] bytes) {
      if (bytes == null || bytes.length == 0) {
        return "";
      }
      // Mask before cutting anything: a cut (or the collapsed whitespace around it) could otherwise leave the
      // start of a secret in the excerpt.
      String text = mask(new String(bytes, StandardCharsets.UTF_8));
      text = text.substring(0, Math.min(text.length(), EXCERPT_LIMIT * 4)).replaceAll("\\s+", " ").strip();
      return text.length() > EXCERPT_LIMIT ? text.substring(0, EXCERPT_LIMIT) + "…" : text;
    }

    /** What went wrong, in Jackson's words without the location (which may quote the input), masked. */
    String describe(Exception e) {
      return mask(e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage());
    }

    /**
     * {@code e} as the cause of an {@link ApiException}, or {@code null} when its message or a cause's would
     * print a secret (Jackson quotes the offending input, which a server may have echoed).
     */
    Throwable cause(Exception e) {
      return shownBy(e) ? null : e;
    }

    /** Whether {@code e}'s message or a cause's shows a secret (then it is not kept as a cause). */
    boolean shownBy(Throwable e) {
      if (values.isEmpty() && secretValue == null) {
        return false;
      }
      Throwable t = e;
      for (int depth = 0; t != null; depth++, t = t.getCause()) {
        if (depth == 32) {
          return true;
        }
        String message = String.valueOf(t.getMessage());
        for (String value : values) {
          if (message.contains(value)) {
            return true;
          }
        }
        if (secretValue != null && !maskMatches(message).equals(message)) {
          return true;
        }
      }
      return false;
    }
  }
}
