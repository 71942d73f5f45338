package dev.apispec.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageLite;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.time.Clock;

/**
 * Sends the requests of a generated client and reads their responses: one place for the HTTP
 * exchange, the two codecs (JSON and protobuf), the envelope and status checks, and the mapping of
 * every failure to an {@link ApiException} that names the endpoint.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class ApiTransport {
  private static final int EXCERPT_LIMIT = 200;
  /** A request timeout this long or longer sets no deadline for the body (its nanoseconds could overflow). */
  private static final Duration ONE_YEAR = Duration.ofDays(365);

  /** The default limit of a response body: 16 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  private final HttpClient httpClient;
  private final String baseUri;
  private final String authHeader;
  private final String token;
  private final Duration requestTimeout;
  private final JsonEnvelope envelope;
  private final ProtoStatus protoStatus;
  private final ApiErrorFactory errorFactory;
  private final ProtoStatusCheck statusCheck;
  private final ObjectMapper mapper;
  private final EnvelopeReader envelopeReader;
  private final String jsonContentType;
  private final String protobufContentType;
  private final RetryPolicy retryPolicy;
  private final long maxResponseBytes;
  /** The body handler of a transport without a request timeout: the same for every call. */
  private final HttpResponse.BodyHandler<byte[]> noDeadlineHandler;
  private final Clock clock = Clock.systemUTC();
  /** Parsing the URI was a tenth of a call's time in the benchmarks; paths are few, so keep them. */
  private final ConcurrentHashMap<String, URI> uris = new ConcurrentHashMap<>();

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
    String base = Objects.requireNonNull(builder.baseUri, "baseUri").toString();
    this.baseUri = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.authHeader = builder.authHeader;
    this.token = builder.token;
    this.requestTimeout = builder.requestTimeout;
    this.envelope = builder.envelope;
    this.protoStatus = builder.protoStatus;
    this.errorFactory = Objects.requireNonNull(builder.errorFactory, "errorFactory");
    this.statusCheck = protoStatus == null ? null : new ProtoStatusCheck(protoStatus, errorFactory, this::redact);
    this.mapper = builder.mapper != null ? builder.mapper : ApiJson.newMapper();
    this.envelopeReader = envelope == null ? null : new EnvelopeReader(mapper, envelope);
    this.jsonContentType = builder.jsonContentType;
    this.protobufContentType = builder.protobufContentType;
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
    return URI.create(baseUri);
  }

  /**
   * Calls {@code endpoint} with {@code body} (a protobuf message, any other object as JSON, or
   * {@code null} for none) and returns its decoded response.
   *
   * @param endpoint the endpoint to call
   * @param body the request body, or {@code null}
   * @param <T> the type a successful call returns
   * @return the decoded response ({@code null} for {@link Void})
   * @throws ApiException on any failure; see its subclasses
   */
  public <T> T call(Endpoint<T> endpoint, Object body) {
    HttpRequest request = newRequest(endpoint, body);
    for (int attempt = 1; ; attempt++) {
      HttpResponse<byte[]> response;
      try {
        response = httpClient.send(request, bodyHandler());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiConnectionException(endpoint.toString(), "interrupted while waiting for the response", e);
      } catch (IOException e) {
        ApiException failure = transportFailure(endpoint, e);
        Duration delay = retryDelay(endpoint, attempt, failure, null);
        if (delay == null) {
          throw failure;
        }
        sleep(endpoint, delay, failure);
        continue;
      }
      Duration delay = retryDelay(endpoint, attempt, null, response);
      if (delay == null) {
        return decode(endpoint, response);
      }
      sleep(endpoint, delay, null);
    }
  }

  /**
   * Like {@link #call(Endpoint, Object)}, without blocking. The future fails with the same
   * {@link ApiException}s (wrapped in a {@link CompletionException} by {@code join()}).
   *
   * @param endpoint the endpoint to call
   * @param body the request body, or {@code null}
   * @param <T> the type a successful call returns
   * @return the future decoded response
   */
  public <T> CompletableFuture<T> callAsync(Endpoint<T> endpoint, Object body) {
    HttpRequest request;
    try {
      request = newRequest(endpoint, body);
    } catch (ApiException e) {
      return CompletableFuture.failedFuture(e);
    }
    return attemptAsync(endpoint, request, 1);
  }

  private <T> CompletableFuture<T> attemptAsync(Endpoint<T> endpoint, HttpRequest request, int attempt) {
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
          Duration delay = retryDelay(endpoint, attempt, error, response);
          if (delay != null) {
            Executor later = CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS);
            return CompletableFuture.supplyAsync(() -> attemptAsync(endpoint, request, attempt + 1), later)
                .thenCompose(next -> next);
          }
          if (error != null) {
            throw error;
          }
          return CompletableFuture.completedFuture(decode(endpoint, response));
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

  private HttpRequest newRequest(Endpoint<?> endpoint, Object body) {
    URI uri = uris.get(endpoint.path());
    if (uri == null) {
      // not computeIfAbsent alone: its lambda (it captures this) would be allocated on every call
      uri = uris.computeIfAbsent(endpoint.path(), path -> URI.create(baseUri + path));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (requestTimeout != null) {
      request.timeout(requestTimeout);
    }
    if (token != null) {
      request.header(authHeader, token);
    }
    HttpRequest.BodyPublisher publisher;
    if (body == null) {
      publisher = HttpRequest.BodyPublishers.noBody();
    } else if (body instanceof MessageLite message) {
      request.header("Content-Type", protobufContentType);
      publisher = HttpRequest.BodyPublishers.ofByteArray(message.toByteArray());
    } else {
      request.header("Content-Type", jsonContentType);
      try {
        publisher = HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body));
      } catch (JsonProcessingException e) {
        throw new ApiConnectionException(endpoint.toString(),
            "could not encode the request body as JSON: " + e.getOriginalMessage(), e);
      }
    }
    request.header("Accept", endpoint.response() instanceof ResponseFormat.Protobuf
        ? protobufContentType : jsonContentType);
    return request.method(endpoint.method(), publisher).build();
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

  private <T> T decode(Endpoint<T> endpoint, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    byte[] bytes = response.body();
    if (status < 200 || status > 299) {
      throw new ApiHttpException(endpoint.toString(), status, excerpt(bytes));
    }
    ResponseFormat<T> format = endpoint.response();
    if (format instanceof ResponseFormat.Protobuf<?> protobuf) {
      @SuppressWarnings("unchecked") // Protobuf<T> is the only permitted shape with this parser type
      T message = (T) decodeProtobuf(endpoint, status, bytes, protobuf);
      return message;
    }
    Class<T> type = format instanceof ResponseFormat.JsonData<T> json ? json.type() : null;
    if (envelopeReader != null) {
      try {
        return envelopeReader.read(bytes, type);
      } catch (EnvelopeReader.Refused refused) {
        throw errorFactory.create(endpoint.toString(), status, refused.code,
            refused.text == null ? "" : redact(refused.text));
      } catch (EnvelopeReader.Irregular irregular) {
        // fall through: the tree says exactly what is wrong
      }
    }
    return decodeTree(endpoint, status, bytes, format);
  }

  /** The slow path, for a body {@link EnvelopeReader} did not settle: every JSON decode error is made here. */
  private <T> T decodeTree(Endpoint<T> endpoint, int status, byte[] bytes, ResponseFormat<T> format) {
    JsonNode data = decodeEnvelope(endpoint, status, bytes);
    if (format instanceof ResponseFormat.JsonData<T> json) {
      if (data == null || data.isNull()) {
        throw new ApiDecodeException(endpoint.toString(), status,
            "the response has no '" + envelope.dataField() + "'", null);
      }
      try {
        return mapper.treeToValue(data, json.type());
      } catch (JsonProcessingException | IllegalArgumentException e) {
        throw new ApiDecodeException(endpoint.toString(), status,
            "'" + envelope.dataField() + "' is not a valid " + json.type().getSimpleName() + ": "
                + describe(e), causeWithoutToken(e));
      }
    }
    return null;
  }

  private JsonNode decodeEnvelope(Endpoint<?> endpoint, int status, byte[] bytes) {
    if (envelope == null) {
      throw new IllegalStateException("no JSON envelope is configured for " + endpoint);
    }
    JsonNode root;
    try {
      root = mapper.readTree(bytes);
    } catch (IOException | IllegalArgumentException e) {
      // IllegalArgumentException: Jackson lets a NumberFormatException out for a decimal whose exponent has
      // too many digits (1e100000044444...), which it reads eagerly as a BigDecimal (USE_BIG_DECIMAL_FOR_FLOATS)
      throw new ApiDecodeException(endpoint.toString(), status,
          "the response is not JSON: " + describe(e), causeWithoutToken(e));
    }
    if (root == null || !root.isObject()) {
      throw new ApiDecodeException(endpoint.toString(), status,
          "the response is not a JSON object: " + excerpt(bytes), null);
    }
    JsonNode code = root.get(envelope.codeField());
    if (code == null || !code.canConvertToInt() || !code.isIntegralNumber()) {
      throw new ApiDecodeException(endpoint.toString(), status,
          "the response has no integer '" + envelope.codeField() + "': " + excerpt(bytes), null);
    }
    if (code.intValue() != envelope.successCode()) {
      JsonNode message = root.get(envelope.messageField());
      throw errorFactory.create(endpoint.toString(), status, code.intValue(),
          message == null || message.isNull() ? "" : redact(message.asText()));
    }
    return root.get(envelope.dataField());
  }

  private MessageLite decodeProtobuf(
      Endpoint<?> endpoint, int status, byte[] bytes, ResponseFormat.Protobuf<?> format) {
    MessageLite message;
    try {
      message = format.parser().parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new ApiDecodeException(endpoint.toString(), status,
          "the response is not a valid protobuf message: " + e.getMessage(), e);
    }
    if (message instanceof Message full) {
      if (statusCheck != null) {
        statusCheck.check(endpoint, status, full);
      }
      // protobuf-java keeps the low 32 bits of a larger number sent for a 32-bit field: refuse that
      String outOfRange = ProtoRanges.firstOutOfRange(full.getDescriptorForType(), bytes);
      if (outOfRange != null) {
        throw new ApiDecodeException(endpoint.toString(), status,
            "the response is not a valid protobuf message: " + outOfRange, null);
      }
    }
    return message;
  }

  private String excerpt(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return "";
    }
    // Mask the token before cutting anything: a cut (or the collapsed whitespace around it) could
    // otherwise leave the start of the token in the excerpt.
    String text = redact(new String(bytes, StandardCharsets.UTF_8));
    text = text.substring(0, Math.min(text.length(), EXCERPT_LIMIT * 4)).replaceAll("\\s+", " ").strip();
    return text.length() > EXCERPT_LIMIT ? text.substring(0, EXCERPT_LIMIT) + "…" : text;
  }

  private String describe(Exception e) {
    return redact(e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage());
  }

  /** {@code text} with every occurrence of the token replaced by {@code ***}. */
  private String redact(String text) {
    return text == null || token == null || token.isEmpty() ? text : text.replace(token, "***");
  }

  /**
   * {@code e} as the cause of an {@link ApiException}, or {@code null} when its message or a cause's
   * would print the token (Jackson quotes the offending input, which a server may have echoed).
   */
  private Throwable causeWithoutToken(Exception e) {
    if (token == null || token.isEmpty()) {
      return e;
    }
    Throwable t = e;
    for (int depth = 0; t != null; depth++, t = t.getCause()) {
      if (depth == 32 || String.valueOf(t.getMessage()).contains(token)) {
        return null;
      }
    }
    return e;
  }

  @Override
  public String toString() {
    return "ApiTransport{baseUri=" + baseUri + ", " + authHeader + "=" + (token == null ? "none" : "***")
        + ", requestTimeout=" + requestTimeout + "}";
  }

  /** Builds an {@link ApiTransport}. Generated client builders fill it in. */
  public static final class Builder {
    private HttpClient httpClient;
    private URI baseUri;
    private String authHeader = "Authorization";
    private String token;
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
     * Where requests go; endpoint paths are appended to it.
     *
     * @param baseUri an absolute URI
     * @return this builder
     */
    public Builder baseUri(URI baseUri) {
      this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
      return this;
    }

    /**
     * The header that carries the credential, and its value. The value is never printed.
     *
     * @param header the header name
     * @param token the secret value
     * @return this builder
     */
    public Builder auth(String header, String token) {
      this.authHeader = Objects.requireNonNull(header, "header");
      this.token = token;
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
