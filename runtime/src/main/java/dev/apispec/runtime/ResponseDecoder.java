package dev.apispec.runtime;

import java.net.http.HttpResponse;

/**
 * Reads the body of a 2xx response as one {@link ResponseFormat} says: one subclass per kind of format, chosen
 * in {@link ResponseDecoders}, so that the transport only sends and retries.
 *
 * @param <T> the type of the decoded value
 */
abstract class ResponseDecoder<T> {
  private final String accept;

  ResponseDecoder(String accept) {
    this.accept = accept;
  }

  /** The {@code Accept} header a call sends. */
  final String accept() {
    return accept;
  }

  /**
   * The decoded value of {@code response}, whose status is 2xx.
   *
   * @param secrets the masker for the text of any exception it throws (it names the body)
   * @throws ApiException when the body is not what the format says, or says the call failed
   */
  abstract T decode(Endpoint<?> endpoint, HttpResponse<byte[]> response, Secrets secrets);
}
