package dev.apispec.runtime;

import java.util.Objects;

/**
 * One operation of an API: its HTTP method, its path, how its response is read, and what it needs from
 * the transport (the credential, a host other than the default).
 *
 * <p>Generated clients hold one constant per endpoint. Its {@link #toString()} ("POST /v1/friend/apply", or
 * the template "GET /v1/user/{id}/info") is how exceptions name the endpoint that failed: it never holds a
 * parameter's value.
 *
 * @param method the HTTP method, upper case
 * @param path the path below the base URI, starting with {@code /}; a template when it has {@code {name}}
 *     segments, filled from {@link Params#path(String, Object)}
 * @param response how the response body is decoded
 * @param retryable whether a failed call may be sent again under a {@link RetryPolicy}; only for
 *     endpoints where doing the call twice does no harm
 * @param authenticated whether the call carries the transport's credential; such a call fails with
 *     {@link ApiCredentialException} before anything is sent when the transport has none
 * @param host the name of the host the call goes to, registered with
 *     {@link ApiTransport.Builder#baseUri(String, java.net.URI)}; {@code null} for the default base URI
 * @param <T> the type a successful call returns ({@link Void} when it returns nothing)
 */
public record Endpoint<T>(String method, String path, ResponseFormat<T> response, boolean retryable,
    boolean authenticated, String host) {

  /**
   * Checks the components.
   *
   * @param method see {@link #method()}
   * @param path see {@link #path()}
   * @param response see {@link #response()}
   * @param retryable see {@link #retryable()}
   * @param authenticated see {@link #authenticated()}
   * @param host see {@link #host()}
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
   * An authenticated endpoint on the default host.
   *
   * @param method see {@link #method()}
   * @param path see {@link #path()}
   * @param response see {@link #response()}
   * @param retryable see {@link #retryable()}
   */
  public Endpoint(String method, String path, ResponseFormat<T> response, boolean retryable) {
    this(method, path, response, retryable, true, null);
  }

  /**
   * An authenticated endpoint on the default host that is never retried.
   *
   * @param method see {@link #method()}
   * @param path see {@link #path()}
   * @param response see {@link #response()}
   */
  public Endpoint(String method, String path, ResponseFormat<T> response) {
    this(method, path, response, false);
  }

  /**
   * An authenticated {@code POST} endpoint on the default host that is never retried.
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
