package dev.apispec.runtime;

import java.net.http.HttpResponse;

/** {@link ResponseFormat#bytes(String)}: the body as it came. */
final class BytesDecoder implements ResponseDecoder<byte[]> {
  private final String accept;

  BytesDecoder(String accept) {
    this.accept = accept;
  }

  @Override
  public String accept() {
    return accept;
  }

  @Override
  public byte[] decode(Endpoint<?> endpoint, HttpResponse<byte[]> response, Secrets secrets) {
    return response.body();
  }
}
