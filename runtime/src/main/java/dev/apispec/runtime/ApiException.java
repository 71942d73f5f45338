package dev.apispec.runtime;

/**
 * The base of every exception a generated client throws. It names the endpoint that failed and,
 * when a response arrived, its HTTP status.
 */
public abstract class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The endpoint that failed. */
  private final String endpoint;
  /** The HTTP status of the response, or 0. */
  private final int httpStatus;

  /**
   * Creates the exception.
   *
   * @param endpoint the endpoint that failed, as {@code METHOD /path}
   * @param httpStatus the HTTP status of the response, or 0 when none arrived
   * @param message the whole message, naming the endpoint
   * @param cause the underlying failure, or {@code null}
   */
  protected ApiException(String endpoint, int httpStatus, String message, Throwable cause) {
    super(message, cause);
    this.endpoint = endpoint;
    this.httpStatus = httpStatus;
  }

  /**
   * The endpoint that failed.
   *
   * @return the endpoint, as {@code METHOD /path}
   */
  public String endpoint() {
    return endpoint;
  }

  /**
   * The HTTP status of the response.
   *
   * @return the status, or 0 when no response arrived
   */
  public int httpStatus() {
    return httpStatus;
  }
}
