package dev.apispec.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A request body sent as it is, with its own {@code Content-Type}, instead of being encoded as JSON or
 * protobuf. The array is not copied: do not change it while a call is under way.
 *
 * @param contentType the {@code Content-Type} header sent with it
 * @param bytes the body
 */
public record RawBody(String contentType, byte[] bytes) {
  /**
   * Checks that both are given.
   *
   * @param contentType see {@link #contentType()}
   * @param bytes see {@link #bytes()}
   */
  public RawBody {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(bytes, "bytes");
  }

  /**
   * {@code text} encoded as UTF-8.
   *
   * @param text the text
   * @param contentType the {@code Content-Type} header sent with it
   * @return the body
   */
  public static RawBody text(String text, String contentType) {
    return new RawBody(contentType, Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@code bytes} as they are.
   *
   * @param bytes the bytes, not copied
   * @param contentType the {@code Content-Type} header sent with it
   * @return the body
   */
  public static RawBody bytes(byte[] bytes, String contentType) {
    return new RawBody(contentType, bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RawBody that && contentType.equals(that.contentType)
        && java.util.Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return contentType.hashCode() * 31 + java.util.Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "RawBody{contentType=" + contentType + ", " + bytes.length + " bytes}";
  }
}
