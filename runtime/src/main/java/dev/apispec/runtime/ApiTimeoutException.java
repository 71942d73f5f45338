package dev.apispec.runtime;

import java.time.Duration;

/** No complete response arrived within the request timeout. */
public final class ApiTimeoutException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param endpoint the endpoint that failed, as {@code METHOD /path}
   * @param timeout the request timeout, or {@code null} when unknown
   * @param cause the HTTP client's timeout
   */
  public ApiTimeoutException(String endpoint, Duration timeout, Throwable cause) {
    super(endpoint, 0, endpoint + " timed out" + (timeout == null ? "" : " after " + timeout.toMillis() + " ms"),
        cause);
  }
}
