package dev.apispec.runtime;

/** The response body was larger than the client's limit; it was not read to the end. */
public final class ApiResponseTooLargeException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  public ApiResponseTooLargeException(String endpoint, int httpStatus, long limit) {
    super(endpoint, httpStatus, endpoint + " (HTTP " + httpStatus + "): the response body is larger than "
        + limit + " bytes; raise maxResponseBytes on the client's builder if it is expected", null);
    this.limit = limit;
  }

  /** The limit in bytes that was exceeded. */
  public long limit() {
    return limit;
  }
}
