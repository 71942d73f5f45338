package dev.apispec.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apispec.runtime.testing.CannedHttpClient;
import dev.apispec.runtime.testing.CannedHttpClient.Canned;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The size-limited body handler: a body exactly at the limit is read whole and one byte more is refused, with
 * and without a declared length, in one chunk or many; a declared length sizes the array once.
 */
class LimitedBodyTest {
  /** A body subscriber driven by hand, as the HTTP client drives it. */
  static final class Driven {
    final HttpResponse.BodySubscriber<byte[]> subscriber;
    final List<Long> requested = new ArrayList<>();
    boolean cancelled;

    static Driven of(long limit, Long contentLength) {
      return new Driven(limit,
          contentLength == null ? Map.of() : Map.of("Content-Length", List.of(contentLength.toString())));
    }

    Driven(long limit, Map<String, List<String>> headerMap) {
      HttpHeaders headers = HttpHeaders.of(headerMap, (name, value) -> true);
      subscriber = LimitedBody.handler(limit).apply(new HttpResponse.ResponseInfo() {
        @Override
        public int statusCode() {
          return 200;
        }

        @Override
        public HttpHeaders headers() {
          return headers;
        }

        @Override
        public HttpClient.Version version() {
          return HttpClient.Version.HTTP_1_1;
        }
      });
      subscriber.onSubscribe(new Flow.Subscription() {
        @Override
        public void request(long n) {
          requested.add(n);
        }

        @Override
        public void cancel() {
          cancelled = true;
        }
      });
    }

    CompletableFuture<byte[]> body() {
      return subscriber.getBody().toCompletableFuture();
    }
  }

  private static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 31 + 7);
    }
    return bytes;
  }

  /** Hands {@code body} over in chunks of {@code chunk} bytes, each a slice of a larger buffer. */
  private static void deliver(Driven driven, byte[] body, int chunk) {
    for (int at = 0; at < body.length; at += chunk) {
      byte[] padded = new byte[chunk + 10];
      int length = Math.min(chunk, body.length - at);
      System.arraycopy(body, at, padded, 5, length);
      driven.subscriber.onNext(List.of(ByteBuffer.wrap(padded, 5, length).slice().asReadOnlyBuffer()));
    }
  }

  @ParameterizedTest(name = "Content-Length declared: {0}, chunks of {1}")
  @CsvSource({"true, 100", "false, 100", "true, 7", "false, 7", "true, 1", "false, 1", "true, 64", "false, 33"})
  void aBodyExactlyAtTheLimitIsReadWhole(boolean declared, int chunk) throws Exception {
    byte[] body = bytes(100);
    Driven driven = Driven.of(100, declared ? 100L : null);

    deliver(driven, body, chunk);
    driven.subscriber.onComplete();

    assertArrayEquals(body, driven.body().get(1, TimeUnit.SECONDS));
    assertFalse(driven.cancelled);
    assertEquals(List.of(Long.MAX_VALUE), driven.requested);
  }

  @ParameterizedTest(name = "chunks of {0}")
  @CsvSource({"101", "100", "10", "1"})
  void oneByteOverTheLimitWithoutALengthIsRefusedAtTheChunkThatCrossesIt(int chunk) {
    Driven driven = Driven.of(100, null);

    deliver(driven, bytes(101), chunk);

    ExecutionException e = assertThrows(ExecutionException.class, () -> driven.body().get(1, TimeUnit.SECONDS));
    assertEquals(200, assertInstanceOf(LimitedBody.TooLarge.class, e.getCause()).status);
    assertTrue(driven.cancelled);
  }

  @Test
  void oneByteOverTheLimitDeclaredIsRefusedBeforeAnyByte() {
    Driven driven = Driven.of(100, 101L);

    ExecutionException e = assertThrows(ExecutionException.class, () -> driven.body().get(1, TimeUnit.SECONDS));
    assertInstanceOf(LimitedBody.TooLarge.class, e.getCause());
    assertTrue(driven.cancelled);
    assertEquals(List.of(), driven.requested); // not one byte asked for
  }

  @Test
  void theLengthIsFoundWhateverTheCaseOfItsHeader() {
    Driven driven = new Driven(100, Map.of("content-LENGTH", List.of("101", "5")));

    assertInstanceOf(LimitedBody.TooLarge.class,
        assertThrows(ExecutionException.class, () -> driven.body().get(1, TimeUnit.SECONDS)).getCause());
    assertEquals(List.of(), driven.requested);
  }

  @Test
  void aDeclaredLengthIsTheArrayThatIsReturned() throws Exception {
    byte[] body = bytes(1000);
    Driven driven = Driven.of(4096, 1000L);

    deliver(driven, body, 300);
    driven.subscriber.onComplete();

    byte[] read = driven.body().get(1, TimeUnit.SECONDS);
    assertArrayEquals(body, read);
    assertEquals(1000, read.length);
  }

  @ParameterizedTest(name = "declared: {0}")
  @CsvSource({"true", "false"})
  void aBodyLongerThanWhatIsAllocatedUpFrontIsReadWhole(boolean declared) throws Exception {
    byte[] body = bytes(3 * 1024 * 1024 + 17); // past the 1 MiB allocated for a declared length
    Driven driven = Driven.of(16L * 1024 * 1024, declared ? (long) body.length : null);

    deliver(driven, body, 16_384);
    driven.subscriber.onComplete();

    assertArrayEquals(body, driven.body().get(1, TimeUnit.SECONDS));
  }

  @ParameterizedTest(name = "Content-Length: {0}")
  @CsvSource({"abc", "-5", "' 12 '", "99999999999999999999"})
  void aLengthThatIsNotANumberOnlyMeansNoBufferIsSizedFromIt(String length) throws Exception {
    byte[] body = bytes(12);
    Driven driven = new Driven(4096, Map.of("Content-Length", List.of(length)));

    deliver(driven, body, 5);
    driven.subscriber.onComplete();

    assertArrayEquals(body, driven.body().get(1, TimeUnit.SECONDS));
  }

  @ParameterizedTest(name = "declared {0}, sent {1}")
  @CsvSource({"50, 40", "50, 0", "0, 0", "40, 50", "0, 30", "60, 100"})
  void aBodyThatDoesNotMatchItsDeclaredLengthIsKeptAsSent(long declared, int sent) throws Exception {
    // the HTTP client holds a response to its Content-Length; this handler does not rely on it
    byte[] body = bytes(sent);
    Driven driven = Driven.of(100, declared);

    deliver(driven, body, 7);
    driven.subscriber.onComplete();

    assertArrayEquals(body, driven.body().get(1, TimeUnit.SECONDS));
  }

  @Test
  void aFailureStandsWhateverArrivesAfterIt() throws Exception {
    Driven driven = Driven.of(100, null);
    deliver(driven, bytes(60), 60);
    driven.subscriber.onError(new java.io.IOException("reset"));
    driven.subscriber.onNext(List.of(ByteBuffer.wrap(bytes(10))));
    driven.subscriber.onComplete();

    ExecutionException e = assertThrows(ExecutionException.class, () -> driven.body().get(1, TimeUnit.SECONDS));
    assertEquals("reset", e.getCause().getMessage());
  }

  @Test
  void aBodyTooLongForAnArrayFailsInsteadOfOverflowing() {
    // 2 GiB in views of one 8 MiB array: the limit allows it, no byte[] could hold it
    ByteBuffer view = ByteBuffer.wrap(new byte[8 * 1024 * 1024]).asReadOnlyBuffer();
    Driven driven = Driven.of(Long.MAX_VALUE, null);

    for (int i = 0; i < 256 && !driven.cancelled; i++) {
      driven.subscriber.onNext(List.of(view.duplicate()));
    }

    assertTrue(driven.cancelled);
    ExecutionException e = assertThrows(ExecutionException.class, () -> driven.body().get(1, TimeUnit.SECONDS));
    assertEquals("a response body of more than 2 GiB cannot be held in memory", e.getCause().getMessage());
  }

  // ---- through the transport ----

  private static final byte[] ENVELOPE = "{\"code\":1,\"msg\":\"success\",\"data\":{\"level\":3,\"id\":\"至\"}}"
      .getBytes(StandardCharsets.UTF_8);

  private static CannedHttpClient canned(boolean declared, int chunk) {
    Map<String, List<String>> headers = declared
        ? Map.of("Content-Type", List.of("application/json"), "Content-Length", List.of(Integer.toString(ENVELOPE.length)))
        : Map.of("Content-Type", List.of("application/json"));
    return CannedHttpClient.answering(request -> new Canned(200, headers, ENVELOPE, chunk));
  }

  @ParameterizedTest(name = "Content-Length declared: {0}, chunks of {1}")
  @CsvSource({"true, 16384", "false, 16384", "true, 5", "false, 5"})
  void theTransportDecodesABodyExactlyAtItsLimit(boolean declared, int chunk) {
    CannedHttpClient http = canned(declared, chunk);
    ApiTransport transport = HostileFixtures.transport(http).maxResponseBytes(ENVELOPE.length).build();

    HostileFixtures.Sample sample = transport.call(HostileFixtures.JSON_DATA, null);

    assertEquals(3, sample.level());
    assertEquals("至", sample.id());
    assertEquals(ENVELOPE.length, http.lastDelivered());
    assertFalse(http.lastCancelled());
  }

  @ParameterizedTest(name = "Content-Length declared: {0}, chunks of {1}")
  @CsvSource({"true, 16384", "false, 16384", "true, 5", "false, 5"})
  void theTransportRefusesABodyOneByteOverItsLimit(boolean declared, int chunk) {
    CannedHttpClient http = canned(declared, chunk);
    ApiTransport transport = HostileFixtures.transport(http).maxResponseBytes(ENVELOPE.length - 1).build();

    ApiResponseTooLargeException e = assertThrows(ApiResponseTooLargeException.class,
        () -> transport.call(HostileFixtures.JSON_DATA, null));

    assertEquals(ENVELOPE.length - 1, e.limit());
    assertEquals(200, e.httpStatus());
    assertTrue(http.lastCancelled());
    // declared: refused before the first byte; not declared: at the chunk that crosses the limit
    long expected = declared ? 0 : Math.min(ENVELOPE.length, (long) chunk * ((ENVELOPE.length - 1) / chunk + 1));
    assertEquals(expected, http.lastDelivered());
  }
}
