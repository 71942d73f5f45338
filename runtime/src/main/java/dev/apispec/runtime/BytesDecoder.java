package dev.apispec.runtime;

import java.net.http.HttpResponse;

/** {@link ResponseFormat#bytes(String)}: the body as it came. */
final class BytesDecoder extends ResponseDecoder<byte[]> {
  BytesDecoder(String accept) {
    super(accept);
  }

  @Override
  byte[] decode(Endpoint<?> endpoint, HttpResponse<byte[]> response, Secrets secrets) {
    return response.body();
  }
}
