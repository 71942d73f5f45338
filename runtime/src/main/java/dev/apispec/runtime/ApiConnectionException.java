package dev.apispec.runtime;

/** The request could not be sent or the response could not be received (refused, reset, interrupted). */
public final class ApiConnectionException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param endpoint the endpoint that failed, as {@code METHOD /path}
   * @param problem what went wrong, for the message
   * @param cause the underlying failure
   */
  public ApiConnectionException(String endpoint, String problem, Throwable cause) {
    super(endpoint, 0, endpoint + ": " + problem, cause);
  }
}
