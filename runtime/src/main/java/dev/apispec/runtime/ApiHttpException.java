package dev.apispec.runtime;

/** The server answered with an HTTP status outside 2xx. */
public final class ApiHttpException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** The start of the response body. */
  private final String bodyExcerpt;

  /**
   * Creates the exception.
   *
   * @param endpoint the endpoint that failed, as {@code METHOD /path}
   * @param httpStatus the HTTP status of the response
   * @param bodyExcerpt the start of the response body, as text ({@code ""} for none)
   */
  public ApiHttpException(String endpoint, int httpStatus, String bodyExcerpt) {
    super(endpoint, httpStatus, endpoint + " failed with HTTP " + httpStatus
        + (bodyExcerpt.isEmpty() ? "" : ": " + bodyExcerpt), null);
    this.bodyExcerpt = bodyExcerpt;
  }

  /**
   * The start of the response body, for diagnosis.
   *
   * @return the excerpt, as text
   */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
