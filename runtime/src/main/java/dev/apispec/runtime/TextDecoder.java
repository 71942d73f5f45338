package dev.apispec.runtime;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/** {@link ResponseFormat#text(String)}: the body decoded with the charset of its {@code Content-Type}. */
final class TextDecoder extends ResponseDecoder<String> {
  TextDecoder(String accept) {
    super(accept);
  }

  @Override
  String decode(Endpoint<?> endpoint, HttpResponse<byte[]> response, Secrets secrets) {
    String contentType = response.headers().firstValue("Content-Type").orElse(null);
    String name = charsetName(contentType);
    Charset charset;
    try {
      charset = name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new ApiDecodeException(endpoint.toString(), response.statusCode(),
          "the response's charset is not supported: " + secrets.in(null).mask(name), null);
    }
    return new String(response.body(), charset);
  }

  /** The {@code charset} parameter of a media type, without quotes, or {@code null}. */
  static String charsetName(String contentType) {
    if (contentType == null) {
      return null;
    }
    String[] parts = contentType.split(";");
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].strip();
      int equals = part.indexOf('=');
      if (equals > 0 && part.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("charset")) {
        String value = part.substring(equals + 1).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return value.isEmpty() ? null : value;
      }
    }
    return null;
  }
}
