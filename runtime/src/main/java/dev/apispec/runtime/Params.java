package dev.apispec.runtime;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The path, query and header parameters of one call, filled in by a generated method and handed to
 * {@link ApiTransport#call(Endpoint, Params, Object)}.
 *
 * <p>Values become text with {@link String#valueOf(Object)}, except that a {@link BigDecimal} is written
 * without an exponent ({@link BigDecimal#toPlainString()}). Path and query text is percent-encoded as
 * RFC 3986 says, in UTF-8: everything but {@code A-Z a-z 0-9 - . _ ~} is escaped, so a value cannot add a
 * path segment, start the query or the fragment, or end a query parameter (a space is {@code %20}, never
 * {@code +}).
 *
 * <p>Not thread-safe: one instance per call.
 */
public final class Params {
  private final Map<String, String> path = new LinkedHashMap<>();
  /** Name, value, name, value…: already encoded. */
  private final List<String> query = new ArrayList<>();
  /** Name, value, name, value…: as given. */
  private final List<String> headers = new ArrayList<>();

  private Params() {}

  /**
   * No parameters yet.
   *
   * @return new, empty parameters
   */
  public static Params create() {
    return new Params();
  }

  /**
   * Fills the {@code {name}} segment of the endpoint's path template with {@code value}.
   *
   * @param name the parameter's name, as the spec gives it
   * @param value its value
   * @return these parameters
   * @throws NullPointerException when {@code value} is {@code null}: a path has no empty segment to send
   */
  public Params path(String name, Object value) {
    Objects.requireNonNull(name, "name");
    if (value == null) {
      throw new NullPointerException("path parameter '" + name + "' is null");
    }
    path.put(name, encode(text(value)));
    return this;
  }

  /**
   * Adds {@code name=value} to the query; nothing when {@code value} is {@code null}, and one pair per
   * element, in order, when it is a {@link Collection} (whose {@code null} elements are skipped).
   *
   * @param name the parameter's name, as the spec gives it
   * @param value its value, or {@code null} for none
   * @return these parameters
   */
  public Params query(String name, Object value) {
    Objects.requireNonNull(name, "name");
    if (value instanceof Collection<?> values) {
      for (Object element : values) {
        addQuery(name, element);
      }
    } else {
      addQuery(name, value);
    }
    return this;
  }

  private void addQuery(String name, Object value) {
    if (value != null) {
      query.add(encode(name));
      query.add(encode(text(value)));
    }
  }

  /**
   * Sends the header {@code name: value}; nothing when {@code value} is {@code null}.
   *
   * @param name the parameter's name, as the spec gives it
   * @param value its value, or {@code null} for none
   * @return these parameters
   */
  public Params header(String name, Object value) {
    Objects.requireNonNull(name, "name");
    if (value != null) {
      headers.add(name);
      headers.add(text(value));
    }
    return this;
  }

  /** The encoded path values by name. */
  Map<String, String> pathValues() {
    return path;
  }

  /** The encoded query, without the {@code ?}: {@code ""} when it has no pair. */
  String queryString() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < query.size(); i += 2) {
      if (i > 0) {
        out.append('&');
      }
      out.append(query.get(i)).append('=').append(query.get(i + 1));
    }
    return out.toString();
  }

  /** Header names and values, alternating. */
  List<String> headerList() {
    return headers;
  }

  static String text(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Boolean flag) {
      return flag ? "true" : "false";
    }
    return String.valueOf(value);
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** {@code text} percent-encoded in UTF-8, leaving only RFC 3986's unreserved characters as they are. */
  static String encode(String text) {
    int i = 0;
    while (i < text.length() && unreserved(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      char c = (char) (b & 0xff);
      if (unreserved(c)) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return out.toString();
  }

  private static boolean unreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  @Override
  public String toString() {
    // values may be personal: the names say enough
    return "Params{path=" + path.keySet() + ", query=" + queryNames() + ", headers=" + headerNames() + "}";
  }

  private List<String> queryNames() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < query.size(); i += 2) {
      names.add(query.get(i));
    }
    return names;
  }

  private List<String> headerNames() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < headers.size(); i += 2) {
      names.add(headers.get(i));
    }
    return names;
  }
}
