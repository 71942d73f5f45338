package dev.apispec.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Reads a response body into memory, but no more than a limit: a larger body fails early and is not kept. */
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

  static HttpResponse.BodyHandler<byte[]> handler(long limit) {
    return info -> {
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
      return new Subscriber(limit, info.statusCode(), declared > limit);
    };
  }

  private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final long limit;
    private final int status;
    private final boolean declaredTooLarge;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;
    private long received;

    Subscriber(long limit, int status, boolean declaredTooLarge) {
      this.limit = limit;
      this.status = status;
      this.declaredTooLarge = declaredTooLarge;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (declaredTooLarge) {
        subscription.cancel();
        result.completeExceptionally(new TooLarge(status));
      } else {
        subscription.request(Long.MAX_VALUE);
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
          subscription.cancel();
          buffer.reset();
          result.completeExceptionally(new TooLarge(status));
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
