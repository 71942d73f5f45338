package dev.apispec.runtime.testing;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * An {@link HttpClient} that opens no socket: it answers every request with a canned response, handed
 * to the caller's body handler in chunks as the JDK client would. Fuzz targets use it to drive a whole
 * call, response handling and decoding included, millions of times without a network; tests use it to
 * see exactly how many body bytes a handler accepted before it gave up.
 */
public final class CannedHttpClient extends HttpClient {
  /** A response to hand out. */
  public record Canned(int status, Map<String, List<String>> headers, byte[] body, int chunkSize) {
    public Canned {
      headers = Map.copyOf(headers);
      if (chunkSize < 1) {
        throw new IllegalArgumentException("chunkSize must be positive");
      }
    }

    public static Canned of(int status, String contentType, byte[] body) {
      return new Canned(status, Map.of("Content-Type", List.of(contentType), "Content-Length",
          List.of(Integer.toString(body.length))), body, 16 * 1024);
    }
  }

  private final Function<HttpRequest, Canned> responder;
  private final AtomicInteger sends = new AtomicInteger();
  private final AtomicLong lastDelivered = new AtomicLong();
  private final AtomicBoolean lastCancelled = new AtomicBoolean();

  private CannedHttpClient(Function<HttpRequest, Canned> responder) {
    this.responder = responder;
  }

  /** Answers every request with {@code responder}'s response. */
  public static CannedHttpClient answering(Function<HttpRequest, Canned> responder) {
    return new CannedHttpClient(responder);
  }

  /** Answers every request with the same response. */
  public static CannedHttpClient answering(int status, String contentType, byte[] body) {
    Canned canned = Canned.of(status, contentType, body);
    return new CannedHttpClient(request -> canned);
  }

  /** Requests sent so far. */
  public int sends() {
    return sends.get();
  }

  /** Body bytes the last body handler accepted before the body ended or it cancelled. */
  public long lastDelivered() {
    return lastDelivered.get();
  }

  /** Whether the last body handler cancelled the transfer. */
  public boolean lastCancelled() {
    return lastCancelled.get();
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
    sends.incrementAndGet();
    Canned canned = responder.apply(request);
    HttpHeaders headers = HttpHeaders.of(canned.headers(), (name, value) -> true);
    HttpResponse.ResponseInfo info = new HttpResponse.ResponseInfo() {
      @Override
      public int statusCode() {
        return canned.status();
      }

      @Override
      public HttpHeaders headers() {
        return headers;
      }

      @Override
      public Version version() {
        return Version.HTTP_1_1;
      }
    };
    HttpResponse.BodySubscriber<T> subscriber = handler.apply(info);
    AtomicLong demand = new AtomicLong();
    AtomicBoolean cancelled = new AtomicBoolean();
    subscriber.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {
        demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
      }

      @Override
      public void cancel() {
        cancelled.set(true);
      }
    });
    long delivered = 0;
    byte[] body = canned.body();
    for (int offset = 0; offset < body.length && !cancelled.get(); offset += canned.chunkSize()) {
      if (demand.get() <= 0) {
        throw new IllegalStateException("the body subscriber asked for no data");
      }
      demand.decrementAndGet();
      int length = Math.min(canned.chunkSize(), body.length - offset);
      subscriber.onNext(List.of(ByteBuffer.wrap(body, offset, length).slice()));
      delivered += length;
    }
    lastDelivered.set(delivered);
    lastCancelled.set(cancelled.get());
    if (!cancelled.get()) {
      subscriber.onComplete();
    }
    T value;
    try {
      value = subscriber.getBody().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      // as the JDK client does: an IOException keeps its kind, anything else becomes one
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw new HttpTimeoutException(cause.getMessage());
      }
      throw new IOException(cause.getMessage(), cause);
    } catch (TimeoutException e) {
      throw new IOException("the body subscriber never completed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return new Response<>(request, canned.status(), headers, value);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return CompletableFuture.completedFuture(send(request, handler));
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    return sendAsync(request, handler);
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return Optional.empty();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return Optional.empty();
  }

  @Override
  public Redirect followRedirects() {
    return Redirect.NEVER;
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return Optional.empty();
  }

  @Override
  public SSLContext sslContext() {
    throw new UnsupportedOperationException("no TLS here");
  }

  @Override
  public SSLParameters sslParameters() {
    return new SSLParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return Optional.empty();
  }

  @Override
  public Version version() {
    return Version.HTTP_1_1;
  }

  @Override
  public Optional<Executor> executor() {
    return Optional.empty();
  }

  private record Response<T>(HttpRequest request, int statusCode, HttpHeaders headers, T body)
      implements HttpResponse<T> {
    @Override
    public Optional<HttpResponse<T>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return request.uri();
    }

    @Override
    public Version version() {
      return Version.HTTP_1_1;
    }
  }
}
