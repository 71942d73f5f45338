package dev.apispec.runtime;

/** Makes the API-specific exception for a response whose result code is not the success code. */
@FunctionalInterface
public interface ApiErrorFactory {
  /**
   * Makes the exception.
   *
   * @param endpoint the endpoint that failed, as {@code METHOD /path}
   * @param httpStatus the HTTP status of the response
   * @param code the result code the server sent
   * @param message the server's message, as sent
   * @return the exception to throw
   */
  ApiErrorException create(String endpoint, int httpStatus, int code, String message);
}
