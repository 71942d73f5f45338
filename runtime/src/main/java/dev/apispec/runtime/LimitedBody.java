package dev.apispec.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Reads a response body into memory, but no more than a limit: a larger body fails early and is not kept.
 *
 * <p>It also ends the wait for the body at a deadline. The JDK's {@code HttpRequest.timeout} only covers the
 * wait for the response headers: a server that sends its headers and then trickles the body would otherwise
 * keep a call waiting for as long as it likes.
 */
final class LimitedBody {
  private LimitedBody() {}

  /** Raised inside the HTTP client when the body exceeds the limit; mapped to {@link ApiResponseTooLargeException}. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;

    TooLarge(int status) {
      super("response body too large");
      this.status = status;
    }
  }

  /** No deadline: the body may take as long as it takes. */
  static final long NO_DEADLINE = Long.MAX_VALUE;

  static HttpResponse.BodyHandler<byte[]> handler(long limit) {
    return handler(limit, NO_DEADLINE);
  }

  /**
   * @param deadlineNanos the {@link System#nanoTime()} by which the whole body must have arrived, or
   *     {@link #NO_DEADLINE}; after it the body fails with an {@link HttpTimeoutException}
   */
  static HttpResponse.BodyHandler<byte[]> handler(long limit, long deadlineNanos) {
    return info -> {
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
      return new Subscriber(limit, info.statusCode(), declared > limit, deadlineNanos);
    };
  }

  private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final long limit;
    private final int status;
    private final boolean declaredTooLarge;
    private final long deadlineNanos;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;
    private long received;

    Subscriber(long limit, int status, boolean declaredTooLarge, long deadlineNanos) {
      this.limit = limit;
      this.status = status;
      this.declaredTooLarge = declaredTooLarge;
      this.deadlineNanos = deadlineNanos;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      synchronized (this) {
        this.subscription = subscription;
      }
      if (declaredTooLarge) {
        fail(new TooLarge(status));
        return;
      }
      if (deadlineNanos != NO_DEADLINE) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
          fail(new HttpTimeoutException("the response body did not arrive within the request timeout"));
          return;
        }
        // A timer that is cancelled (and lets go of this subscriber) as soon as the body is complete.
        CompletableFuture<Void> timer = new CompletableFuture<Void>().orTimeout(remaining, TimeUnit.NANOSECONDS);
        timer.whenComplete((ignored, timedOut) -> {
          if (timedOut != null) {
            fail(new HttpTimeoutException("the response body did not arrive within the request timeout"));
          }
        });
        result.whenComplete((ignored, failure) -> timer.complete(null));
      }
      synchronized (this) {
        if (!result.isDone()) {
          subscription.request(Long.MAX_VALUE);
        }
      }
    }

    /** Ends the body with {@code failure}, unless it already ended, and stops the transfer. */
    private void fail(IOException failure) {
      if (result.completeExceptionally(failure)) {
        synchronized (this) {
          subscription.cancel();
        }
        buffer.reset();
      }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        received += item.remaining();
        if (received > limit) {
          fail(new TooLarge(status));
          return;
        }
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        buffer.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(buffer.toByteArray());
    }
  }
}
