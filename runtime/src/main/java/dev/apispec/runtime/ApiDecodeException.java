package dev.apispec.runtime;

/** The response arrived with a 2xx status, but its body could not be read as the spec says. */
public final class ApiDecodeException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param endpoint the endpoint that failed, as {@code METHOD /path}
   * @param httpStatus the HTTP status of the response
   * @param problem what could not be read, for the message
   * @param cause the decoder's failure, or {@code null}
   */
  public ApiDecodeException(String endpoint, int httpStatus, String problem, Throwable cause) {
    super(endpoint, httpStatus, endpoint + " (HTTP " + httpStatus + "): " + problem, cause);
  }
}
