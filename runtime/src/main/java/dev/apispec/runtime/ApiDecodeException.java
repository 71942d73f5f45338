package dev.apispec.runtime;

/** The response arrived with a 2xx status, but its body could not be read as the spec says. */
public final class ApiDecodeException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ApiDecodeException(String endpoint, int httpStatus, String problem, Throwable cause) {
    super(endpoint, httpStatus, endpoint + " (HTTP " + httpStatus + "): " + problem, cause);
  }
}
