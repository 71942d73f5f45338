package dev.apispec.runtime;

/** The response body was larger than the client's limit; it was not read to the end. */
public final class ApiResponseTooLargeException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** The limit in bytes. */
  private final long limit;

  /**
   * Creates the exception.
   *
   * @param endpoint the endpoint that failed, as {@code METHOD /path}
   * @param httpStatus the HTTP status of the response
   * @param limit the limit in bytes that was exceeded
   */
  public ApiResponseTooLargeException(String endpoint, int httpStatus, long limit) {
    super(endpoint, httpStatus, endpoint + " (HTTP " + httpStatus + "): the response body is larger than "
        + limit + " bytes; raise maxResponseBytes on the client's builder if it is expected", null);
    this.limit = limit;
  }

  /**
   * The limit that was exceeded.
   *
   * @return the limit in bytes
   */
  public long limit() {
    return limit;
  }
}
