package dev.apispec.runtime;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>Each byte is copied once: into an array sized from {@code Content-Length} when the response declares one
 * (the first 1 MiB of a longer body is copied once more), otherwise from the buffers as received (the HTTP
 * client hands them over for good) into the result.
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
      // what firstValueAsLong reads, without its stream (5% of the in-memory JSON call in the benchmarks)
      List<String> values = info.headers().map().get("Content-Length");
      long declared = -1;
      if (values != null && !values.isEmpty()) {
        try {
          declared = Long.parseLong(values.get(0).trim());
        } catch (NumberFormatException e) {
          // the HTTP client judges a malformed length itself; here it only sizes the buffer
        }
      }
      return new Subscriber(limit, info.statusCode(), declared, deadlineNanos);
    };
  }

  /** The most allocated up front for a declared length; the rest of a longer body is kept as received. */
  private static final int MAX_PREALLOCATED = 1024 * 1024;

  /** The longest array the JVM reliably allocates. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final long limit;
    private final int status;
    private final boolean declaredTooLarge;
    private final long deadlineNanos;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private long received;
    // Guarded by this (a timeout lets go of them from another thread). The body so far: the start of
    // `sized` (allocated for a declared length), then the buffers in `more`.
    private byte[] sized;
    private int filled;
    private List<ByteBuffer> more;

    Subscriber(long limit, int status, long declared, long deadlineNanos) {
      this.limit = limit;
      this.status = status;
      this.declaredTooLarge = declared > limit;
      this.deadlineNanos = deadlineNanos;
      if (declared >= 0 && declared <= limit) {
        // a length is only a claim: trust it up to a size where a body that never comes costs little
        sized = new byte[(int) Math.min(declared, MAX_PREALLOCATED)];
      }
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
          release();
        }
      }
    }

    private void release() {
      sized = null;
      more = null;
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        int length = item.remaining();
        received += length;
        if (received > limit) {
          fail(new TooLarge(status));
          return;
        }
        if (received > MAX_ARRAY) {
          fail(new IOException("a response body of more than 2 GiB cannot be held in memory"));
          return;
        }
        synchronized (this) {
          if (result.isDone()) {
            return;
          }
          if (more == null && sized != null && length <= sized.length - filled) {
            item.get(sized, filled, length);
            filled += length;
          } else {
            // no declared length, or more than declared: keep the buffer, copy it once at the end
            if (more == null) {
              more = new ArrayList<>();
            }
            more.add(item);
          }
        }
      }
    }

    @Override
    public void onError(Throwable throwable) {
      if (result.completeExceptionally(throwable)) {
        synchronized (this) {
          release();
        }
      }
    }

    @Override
    public void onComplete() {
      byte[] body;
      synchronized (this) {
        if (result.isDone()) {
          return;
        }
        body = collect();
        release();
      }
      result.complete(body);
    }

    /** The whole body in one array of exactly its length. */
    private byte[] collect() {
      if (more == null) {
        if (sized == null) {
          return new byte[0];
        }
        return filled == sized.length ? sized : Arrays.copyOf(sized, filled); // shorter than declared
      }
      byte[] body = new byte[(int) received];
      int at = filled;
      if (sized != null) {
        System.arraycopy(sized, 0, body, 0, filled);
      }
      for (ByteBuffer buffer : more) {
        int length = buffer.remaining();
        buffer.get(body, at, length);
        at += length;
      }
      return body;
    }
  }
}
