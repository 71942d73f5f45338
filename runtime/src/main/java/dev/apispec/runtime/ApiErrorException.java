package dev.apispec.runtime;

/**
 * The server answered, and said the call failed: the result code of the JSON envelope or the
 * protobuf status was not the success code. {@link #getMessage()} is the server's own message.
 *
 * <p>Generated clients throw a subclass named after the API (for example {@code YunhuApiException}).
 */
public class ApiErrorException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** The result code the server sent. */
  private final int code;

  /**
   * Creates the exception.
   *
   * @param endpoint the endpoint that failed, as {@code METHOD /path}
   * @param httpStatus the HTTP status of the response
   * @param code the result code the server sent
   * @param message the server's message, as sent
   */
  public ApiErrorException(String endpoint, int httpStatus, int code, String message) {
    super(endpoint, httpStatus, message, null);
    this.code = code;
  }

  /**
   * The result code the server sent.
   *
   * @return the code
   */
  public int code() {
    return code;
  }

  @Override
  public String toString() {
    return getClass().getName() + ": " + endpoint() + " failed with code " + code + ": " + getMessage();
  }
}
