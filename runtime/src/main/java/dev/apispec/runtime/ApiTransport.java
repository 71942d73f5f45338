package dev.apispec.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Sends the requests of a generated client and reads their responses: one place for the HTTP exchange, the
 * retries, and the mapping of every failure to an {@link ApiException} that names the endpoint. Requests are
 * built by {@code RequestFactory} (URI, parameters, credential, body), bodies read by one decoder per
 * {@link ResponseFormat} ({@link ResponseDecoders}).
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class ApiTransport {
  /** A request timeout this long or longer sets no deadline for the body (its nanoseconds could overflow). */
  private static final Duration ONE_YEAR = Duration.ofDays(365);

  /** The default limit of a response body: 16 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  private final HttpClient httpClient;
  /** Builds each request: its URI on its host, its parameters, its credential and its body. */
  private final RequestFactory requests;
  private final Duration requestTimeout;
  private final ResponseDecoders decoders;
  private final Secrets secrets;
  private final RetryPolicy retryPolicy;
  private final long maxResponseBytes;
  /** The body handler of a transport without a request timeout: the same for every call. */
  private final HttpResponse.BodyHandler<byte[]> noDeadlineHandler;
  private final Clock clock = Clock.systemUTC();


  private ApiTransport(Builder builder) {
    if (builder.httpClient != null && builder.httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
      // a followed redirect would carry the credential header to whatever host the server names
      throw new IllegalArgumentException("the HttpClient must not follow redirects (it would send the "
          + builder.authHeader + " header to the redirect's host); build it with HttpClient.Redirect.NEVER");
    }
    this.httpClient = builder.httpClient != null ? builder.httpClient : HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.retryPolicy = builder.retryPolicy;
    this.maxResponseBytes = builder.maxResponseBytes;
    this.noDeadlineHandler = LimitedBody.handler(maxResponseBytes, LimitedBody.NO_DEADLINE);
    this.requestTimeout = builder.requestTimeout;
    ObjectMapper mapper = builder.mapper != null ? builder.mapper : ApiJson.newMapper();
    this.requests = new RequestFactory(Objects.requireNonNull(builder.baseUri, "baseUri"), builder.hosts,
        builder.authHeader, builder.token, builder.credentialScheme, requestTimeout, mapper,
        builder.jsonContentType, builder.protobufContentType);
    this.decoders = new ResponseDecoders(mapper, builder.envelope, Objects.requireNonNull(builder.errorFactory,
        "errorFactory"), builder.protoStatus, builder.jsonContentType, builder.protobufContentType);
    this.secrets = new Secrets(builder.token, Set.copyOf(builder.secretFields));
  }

  /** {@code from} with another credential; everything else (and every cache) is shared. */
  private ApiTransport(ApiTransport from, String token) {
    this.httpClient = from.httpClient;
    this.requests = from.requests.withCredential(token);
    this.requestTimeout = from.requestTimeout;
    this.decoders = from.decoders;
    this.secrets = from.secrets.withToken(token);
    this.retryPolicy = from.retryPolicy;
    this.maxResponseBytes = from.maxResponseBytes;
    this.noDeadlineHandler = from.noDeadlineHandler;
  }

  /**
   * Starts a transport.
   *
   * @return a builder without base URI or credential
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The base URI requests are sent to.
   *
   * @return the URI
   */
  public URI baseUri() {
    return requests.baseUri(null);
  }

  /**
   * The base URI of the host named {@code host} ({@link Builder#baseUri(String, URI)}), the default one for
   * {@code null}, or {@code null} when this transport has no host of that name.
   *
   * @param host the host's name, or {@code null} for the default host
   * @return its base URI, or {@code null}
   */
  public URI baseUri(String host) {
    return requests.baseUri(host);
  }

  /**
   * Whether this transport has a credential to send to authenticated endpoints.
   *
   * @return {@code true} when it has one
   */
  public boolean hasCredential() {
    return requests.hasCredential();
  }

  /**
   * A transport identical to this one except for the credential, sent in the same header: for a client that
   * logs in and then makes an authenticated client. It shares this one's HttpClient, mapper and caches, so it
   * is cheap. {@code null} makes a transport without a credential, whose authenticated endpoints fail with
   * {@link ApiCredentialException}.
   *
   * @param token the credential, or {@code null} for none
   * @return a new transport
   */
  public ApiTransport withCredential(String token) {
    return new ApiTransport(this, token);
  }

  /**
   * Calls {@code endpoint} with {@code body} (a protobuf message, a {@link RawBody}, any other object as JSON,
   * or {@code null} for none) and returns its decoded response.
   *
   * @param endpoint the endpoint to call
   * @param body the request body, or {@code null}
   * @param <T> the type a successful call returns
   * @return the decoded response ({@code null} for {@link Void})
   * @throws IllegalArgumentException before anything is sent, when the endpoint's path is a template (its
   *     values come with {@link #call(Endpoint, Params, Object)})
   * @throws IllegalStateException when the endpoint names a host this transport does not have
   * @throws ApiException on any failure; see its subclasses
   */
  public <T> T call(Endpoint<T> endpoint, Object body) {
    ResponseDecoder<T> decoder = decoders.forEndpoint(endpoint);
    return send(endpoint, decoder, requests.newRequest(endpoint, decoder, null, body));
  }

  /**
   * Calls {@code endpoint} with its path, query and header parameters and {@code body}, as
   * {@link #call(Endpoint, Object)} does.
   *
   * @param endpoint the endpoint to call
   * @param params its path, query and header parameters
   * @param body the request body, or {@code null}
   * @param <T> the type a successful call returns
   * @return the decoded response ({@code null} for {@link Void})
   * @throws IllegalArgumentException before anything is sent, when a placeholder of the path template has no
   *     value, a path value names no placeholder, or a header is the credential header
   * @throws ApiException on any failure; see its subclasses
   */
  public <T> T call(Endpoint<T> endpoint, Params params, Object body) {
    ResponseDecoder<T> decoder = decoders.forEndpoint(endpoint);
    return send(endpoint, decoder, requests.newRequest(endpoint, decoder, Objects.requireNonNull(params, "params"), body));
  }

  /**
   * Like {@link #call(Endpoint, Object)}, without blocking. The future fails with the same
   * {@link ApiException}s (wrapped in a {@link CompletionException} by {@code join()}); a mistake in the call
   * itself (an {@link IllegalArgumentException} or {@link IllegalStateException}) is thrown at once.
   *
   * @param endpoint the endpoint to call
   * @param body the request body, or {@code null}
   * @param <T> the type a successful call returns
   * @return the future decoded response
   */
  public <T> CompletableFuture<T> callAsync(Endpoint<T> endpoint, Object body) {
    ResponseDecoder<T> decoder = decoders.forEndpoint(endpoint);
    HttpRequest request;
    try {
      request = requests.newRequest(endpoint, decoder, null, body);
    } catch (ApiException e) {
      return CompletableFuture.failedFuture(e);
    }
    return sendAsync(endpoint, decoder, request, 1);
  }

  /**
   * Like {@link #call(Endpoint, Params, Object)}, without blocking; see {@link #callAsync(Endpoint, Object)}.
   *
   * @param endpoint the endpoint to call
   * @param params its path, query and header parameters
   * @param body the request body, or {@code null}
   * @param <T> the type a successful call returns
   * @return the future decoded response
   */
  public <T> CompletableFuture<T> callAsync(Endpoint<T> endpoint, Params params, Object body) {
    ResponseDecoder<T> decoder = decoders.forEndpoint(endpoint);
    HttpRequest request;
    try {
      request = requests.newRequest(endpoint, decoder, Objects.requireNonNull(params, "params"), body);
    } catch (ApiException e) {
      return CompletableFuture.failedFuture(e);
    }
    return sendAsync(endpoint, decoder, request, 1);
  }

  /** The outcome of an attempt that is to be tried again, after {@code delay}. */
  private static final class Retry {
    final Duration delay;
    /** The failure that stands if the wait is cut short; {@code null} for a response that asked for a retry. */
    final ApiException pending;

    Retry(Duration delay, ApiException pending) {
      this.delay = delay;
      this.pending = pending;
    }
  }

  /**
   * What attempt {@code attempt} came to, for both the blocking and the asynchronous call: a {@link Retry}, or
   * the decoded value. Throws the failure that stands.
   */
  private <T> Object settle(Endpoint<T> endpoint, ResponseDecoder<T> decoder, int attempt,
      HttpResponse<byte[]> response, ApiException error) {
    Duration delay = retryDelay(endpoint, attempt, error, response);
    if (delay != null) {
      return new Retry(delay, error);
    }
    if (error != null) {
      throw error;
    }
    return decode(endpoint, decoder, response);
  }

  @SuppressWarnings("unchecked") // settle returns what the endpoint's decoder made, a T, when it is no Retry
  private <T> T send(Endpoint<T> endpoint, ResponseDecoder<T> decoder, HttpRequest request) {
    for (int attempt = 1; ; attempt++) {
      HttpResponse<byte[]> response = null;
      ApiException error = null;
      try {
        response = httpClient.send(request, bodyHandler());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiConnectionException(endpoint.toString(), "interrupted while waiting for the response", e);
      } catch (IOException e) {
        error = transportFailure(endpoint, e);
      }
      Object outcome = settle(endpoint, decoder, attempt, response, error);
      if (!(outcome instanceof Retry retry)) {
        return (T) outcome;
      }
      sleep(endpoint, retry.delay, retry.pending);
    }
  }

  @SuppressWarnings("unchecked") // as in send
  private <T> CompletableFuture<T> sendAsync(Endpoint<T> endpoint, ResponseDecoder<T> decoder, HttpRequest request,
      int attempt) {
    return httpClient.sendAsync(request, bodyHandler())
        .handle((response, failure) -> {
          ApiException error = null;
          if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
            error = cause instanceof IOException io
                ? transportFailure(endpoint, io)
                : new ApiConnectionException(endpoint.toString(), "request failed: " + cause, cause);
          }
          Object outcome = settle(endpoint, decoder, attempt, response, error);
          if (outcome instanceof Retry retry) {
            Executor later = CompletableFuture.delayedExecutor(retry.delay.toNanos(), TimeUnit.NANOSECONDS);
            return CompletableFuture.supplyAsync(() -> sendAsync(endpoint, decoder, request, attempt + 1), later)
                .thenCompose(next -> next);
          }
          return CompletableFuture.completedFuture((T) outcome);
        })
        .thenCompose(next -> next);
  }

  /**
   * Reads at most {@code maxResponseBytes}, and ends the wait for the body when the request timeout of this
   * attempt is over: the JDK's request timeout stops at the response headers.
   */
  private HttpResponse.BodyHandler<byte[]> bodyHandler() {
    if (requestTimeout == null || requestTimeout.compareTo(ONE_YEAR) >= 0) {
      return noDeadlineHandler;
    }
    return LimitedBody.handler(maxResponseBytes, System.nanoTime() + requestTimeout.toNanos());
  }

  /** The wait before the next attempt, or {@code null} when the outcome stands. */
  private Duration retryDelay(Endpoint<?> endpoint, int attempt, ApiException error, HttpResponse<byte[]> response) {
    if (retryPolicy == null || !endpoint.retryable()) {
      return null;
    }
    RetryPolicy.Failure kind;
    Duration retryAfter = null;
    if (error instanceof ApiTimeoutException) {
      kind = RetryPolicy.Failure.TIMEOUT;
    } else if (error instanceof ApiConnectionException) {
      kind = RetryPolicy.Failure.CONNECTION;
    } else if (error != null || response == null) {
      return null;
    } else {
      int status = response.statusCode();
      if (status == 429) {
        kind = RetryPolicy.Failure.TOO_MANY_REQUESTS;
      } else if (status >= 500 && status <= 599) {
        kind = RetryPolicy.Failure.SERVER_ERROR;
      } else {
        return null;
      }
      retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock.instant());
    }
    return retryPolicy.delayAfter(attempt, kind, retryAfter);
  }

  private static void sleep(Endpoint<?> endpoint, Duration delay, ApiException pending) {
    try {
      Thread.sleep(delay.toMillis(), (int) (delay.toNanos() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ApiConnectionException interrupted =
          new ApiConnectionException(endpoint.toString(), "interrupted while waiting to retry", e);
      if (pending != null) {
        interrupted.addSuppressed(pending);
      }
      throw interrupted;
    }
  }

  private ApiException transportFailure(Endpoint<?> endpoint, IOException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      // the HTTP client may wrap what the body subscriber raised
      if (cause instanceof LimitedBody.TooLarge tooLarge) {
        return new ApiResponseTooLargeException(endpoint.toString(), tooLarge.status, maxResponseBytes);
      }
    }
    if (e instanceof HttpTimeoutException) {
      return new ApiTimeoutException(endpoint.toString(), requestTimeout, e);
    }
    return new ApiConnectionException(endpoint.toString(), "request failed: " + e, e);
  }

  private <T> T decode(Endpoint<T> endpoint, ResponseDecoder<T> decoder, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      byte[] bytes = response.body();
      throw new ApiHttpException(endpoint.toString(), status, secrets.in(bytes).excerpt(bytes));
    }
    return decoder.decode(endpoint, response, secrets);
  }

  @Override
  public String toString() {
    return "ApiTransport{baseUri=" + requests.baseUri(null) + ", " + requests.authHeader() + "="
        + (requests.hasCredential() ? "***" : "none") + ", requestTimeout=" + requestTimeout + "}";
  }

  /** Builds an {@link ApiTransport}. Generated client builders fill it in. */
  public static final class Builder {
    private HttpClient httpClient;
    private URI baseUri;
    private final Map<String, URI> hosts = new HashMap<>();
    private String authHeader = "Authorization";
    private String token;
    private boolean credentialScheme;
    private Set<String> secretFields = Set.of();
    private Duration requestTimeout;
    private JsonEnvelope envelope;
    private ProtoStatus protoStatus;
    private ApiErrorFactory errorFactory = ApiErrorException::new;
    private ObjectMapper mapper;
    private String jsonContentType = "application/json";
    private String protobufContentType = "application/x-protobuf";
    private RetryPolicy retryPolicy;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

    private Builder() {}

    /**
     * Retries failed calls of endpoints the spec marks retryable.
     *
     * @param retryPolicy the policy, or {@code null} (the default) to retry nothing
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    /**
     * The largest response body read; a larger one fails with {@link ApiResponseTooLargeException}.
     *
     * @param maxResponseBytes a positive number of bytes
     * @return this builder
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1) {
        throw new IllegalArgumentException("maxResponseBytes must be positive: " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * The HTTP client to send with; a new one unless set. It must not follow redirects.
     *
     * @param httpClient the client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /**
     * The default base URI: where endpoints without a {@link Endpoint#host()} are sent.
     *
     * @param baseUri an absolute URI; endpoint paths are appended to it
     * @return this builder
     */
    public Builder baseUri(URI baseUri) {
      this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
      return this;
    }

    /**
     * The base URI of the host named {@code host}, for the endpoints whose {@link Endpoint#host()} names it.
     *
     * @param host the host's name, as endpoints give it
     * @param uri an absolute URI; endpoint paths are appended to it
     * @return this builder
     */
    public Builder baseUri(String host, URI uri) {
      hosts.put(Objects.requireNonNull(host, "host"), Objects.requireNonNull(uri, "uri"));
      return this;
    }

    /**
     * JSON properties whose values are secret (say {@code "token"} of a login response): wherever they occur in
     * a body, their values are masked as {@code ***} in every exception message the transport makes, as the
     * credential is.
     *
     * @param jsonNames the JSON property names
     * @return this builder
     */
    public Builder secretFields(Set<String> jsonNames) {
      this.secretFields = Set.copyOf(jsonNames);
      return this;
    }

    /**
     * The header that carries the credential, and its value ({@code null} for none yet: authenticated endpoints
     * then fail with {@link ApiCredentialException} until {@link ApiTransport#withCredential(String)} gives one).
     * The value is never printed. Without this call the API has no credential, and nothing is required.
     *
     * @param header the header name
     * @param token the secret value, or {@code null} for none yet
     * @return this builder
     */
    public Builder auth(String header, String token) {
      this.authHeader = Objects.requireNonNull(header, "header");
      this.token = token;
      this.credentialScheme = true;
      return this;
    }

    /**
     * How long to wait for each response.
     *
     * @param requestTimeout the timeout, or {@code null} for none
     * @return this builder
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    /**
     * The envelope of JSON responses; needed for JSON endpoints.
     *
     * @param envelope where the code, message and data are
     * @return this builder
     */
    public Builder jsonEnvelope(JsonEnvelope envelope) {
      this.envelope = envelope;
      return this;
    }

    /**
     * The status of protobuf responses; needed for protobuf endpoints.
     *
     * @param protoStatus where the status, code and message are
     * @return this builder
     */
    public Builder protoStatus(ProtoStatus protoStatus) {
      this.protoStatus = protoStatus;
      return this;
    }

    /**
     * Makes the exception for a failure code; {@link ApiErrorException} unless set.
     *
     * @param errorFactory the factory, usually the API's exception's constructor
     * @return this builder
     */
    public Builder errorFactory(ApiErrorFactory errorFactory) {
      this.errorFactory = Objects.requireNonNull(errorFactory, "errorFactory");
      return this;
    }

    /**
     * The Jackson mapper for JSON bodies; {@link ApiJson#newMapper()} unless set.
     *
     * @param mapper the mapper, or {@code null} for the default
     * @return this builder
     */
    public Builder objectMapper(ObjectMapper mapper) {
      this.mapper = mapper;
      return this;
    }

    /**
     * The content type of JSON requests; {@code application/json} unless set.
     *
     * @param contentType the media type
     * @return this builder
     */
    public Builder jsonContentType(String contentType) {
      this.jsonContentType = Objects.requireNonNull(contentType, "contentType");
      return this;
    }

    /**
     * The content type of protobuf requests; {@code application/x-protobuf} unless set.
     *
     * @param contentType the media type
     * @return this builder
     */
    public Builder protobufContentType(String contentType) {
      this.protobufContentType = Objects.requireNonNull(contentType, "contentType");
      return this;
    }

    /**
     * Creates the transport.
     *
     * @return a new transport
     */
    public ApiTransport build() {
      return new ApiTransport(this);
    }

    @Override
    public String toString() {
      return "ApiTransport.Builder{baseUri=" + baseUri + ", " + authHeader + "="
          + (token == null ? "none" : "***") + "}";
    }
  }
}
