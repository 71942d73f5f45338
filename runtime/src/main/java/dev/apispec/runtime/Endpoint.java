package dev.apispec.runtime;

import java.util.Objects;

/**
 * One operation of an API: its HTTP method, its path, and how its response is read.
 *
 * <p>Generated clients hold one constant per endpoint. Its {@link #toString()} ("POST /v1/friend/apply")
 * is how exceptions name the endpoint that failed.
 *
 * @param method the HTTP method, upper case
 * @param path the path below the base URI, starting with {@code /}
 * @param response how the response body is decoded
 * @param retryable whether a failed call may be sent again under a {@link RetryPolicy}; only for
 *     endpoints where doing the call twice does no harm
 * @param <T> the type a successful call returns ({@link Void} when it returns nothing)
 */
public record Endpoint<T>(String method, String path, ResponseFormat<T> response, boolean retryable) {

  /**
   * Checks the components.
   *
   * @param method see {@link #method()}
   * @param path see {@link #path()}
   * @param response see {@link #response()}
   * @param retryable see {@link #retryable()}
   */
  public Endpoint {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(response, "response");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
  }

  /**
   * An endpoint that is never retried.
   *
   * @param method see {@link #method()}
   * @param path see {@link #path()}
   * @param response see {@link #response()}
   */
  public Endpoint(String method, String path, ResponseFormat<T> response) {
    this(method, path, response, false);
  }

  /**
   * A {@code POST} endpoint that is never retried.
   *
   * @param path see {@link #path()}
   * @param response see {@link #response()}
   * @param <T> the type a successful call returns
   * @return the endpoint
   */
  public static <T> Endpoint<T> post(String path, ResponseFormat<T> response) {
    return new Endpoint<>("POST", path, response);
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
