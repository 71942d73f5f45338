package dev.apispec.runtime;

/** The server answered with an HTTP status outside 2xx. */
public final class ApiHttpException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final String bodyExcerpt;

  public ApiHttpException(String endpoint, int httpStatus, String bodyExcerpt) {
    super(endpoint, httpStatus, endpoint + " failed with HTTP " + httpStatus
        + (bodyExcerpt.isEmpty() ? "" : ": " + bodyExcerpt), null);
    this.bodyExcerpt = bodyExcerpt;
  }

  /** The start of the response body, as text, for diagnosis. */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
