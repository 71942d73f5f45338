package dev.apispec.runtime;

/**
 * The base of every exception a generated client throws. It names the endpoint that failed and,
 * when a response arrived, its HTTP status.
 */
public abstract class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String endpoint;
  private final int httpStatus;

  protected ApiException(String endpoint, int httpStatus, String message, Throwable cause) {
    super(message, cause);
    this.endpoint = endpoint;
    this.httpStatus = httpStatus;
  }

  /** The endpoint that failed, as "METHOD /path". */
  public String endpoint() {
    return endpoint;
  }

  /** The HTTP status of the response, or 0 when no response arrived. */
  public int httpStatus() {
    return httpStatus;
  }
}
