package dev.apispec.runtime;

import static dev.apispec.runtime.HostileFixtures.JSON;
import static dev.apispec.runtime.HostileFixtures.JSON_DATA;
import static dev.apispec.runtime.HostileFixtures.JSON_NO_DATA;
import static dev.apispec.runtime.HostileFixtures.PROTO;
import static dev.apispec.runtime.HostileFixtures.PROTOBUF;
import static dev.apispec.runtime.HostileFixtures.RESP;
import static dev.apispec.runtime.HostileFixtures.STATUS;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.apispec.runtime.HostileFixtures.Sample;
import dev.apispec.runtime.testing.CannedHttpClient;
import dev.apispec.runtime.testing.Oracles;
import dev.apispec.runtime.testing.Oracles.Outcome;
import dev.apispec.runtime.testing.Reliability;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fuzzes what {@link ApiTransport} does with a response body it cannot trust: the JSON envelope with a
 * typed {@code data}, and a protobuf message with a status. Whatever the bytes, a call either returns a
 * value or throws an {@link ApiException} that names the endpoint and does not show the token; nothing
 * else (no {@code NullPointerException}, no raw Jackson or protobuf exception, no {@code StackOverflowError})
 * may come out. A value that is returned must survive being encoded and decoded again.
 *
 * <p>The HTTP exchange is a {@link CannedHttpClient}: no socket, the body handed to the transport's own
 * size-limited body handler as the JDK client would.
 *
 * <p>Under {@code mvn test} each target runs once per saved input in
 * {@code src/test/resources/dev/apispec/runtime/ResponseFuzzTestInputs/<target>/}. To fuzz, see
 * {@code docs/reliability.md}: {@code JAZZER_FUZZ=1 mvn -pl runtime test -Dtest=ResponseFuzzTest#protobufWithStatus}.
 */
class ResponseFuzzTest {
  static {
    Reliability.skipJazzerHooksUnlessFuzzing();
  }

  @RegisterExtension
  static final Reliability FIGURES = Reliability.forClass(ResponseFuzzTest.class);

  private static final ObjectMapper MAPPER = ApiJson.newMapper();

  private static String what() {
    return Reliability.fuzzing() ? "fuzz executions (fuzzing mode)" : "fuzz executions (saved inputs, regression mode)";
  }

  private static String problemWith(Outcome<?> outcome, Endpoint<?> endpoint) {
    return outcome.failure() == null ? null : HostileFixtures.problemWith(outcome.failure(), endpoint);
  }

  private static void report(Reliability.Row row, String problem, Throwable cause) {
    if (problem != null) {
      row.failed(1);
      fail(problem, cause);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void jsonEnvelopeAndData(byte[] body) {
    Reliability.Row row = FIGURES.row("hostile responses", "ApiTransport: JSON envelope + data DTO", what());
    row.tried(1).note("finding-number-exponent-too-long: Jackson let a raw NumberFormatException out of readTree "
        + "(fixed: ApiTransport maps it to ApiDecodeException); the saved inputs replay it");
    ApiTransport transport = HostileFixtures.transport(CannedHttpClient.answering(200, JSON, body)).build();

    Outcome<Sample> sync = Oracles.outcome(() -> transport.call(JSON_DATA, null));
    Outcome<Sample> async = Oracles.outcome(() -> transport.callAsync(JSON_DATA, null).join());
    Outcome<Void> noData = Oracles.outcome(() -> {
      CompletableFuture<Void> future = transport.callAsync(JSON_NO_DATA, null);
      transport.call(JSON_NO_DATA, null);
      return future.join();
    });

    report(row, problemWith(sync, JSON_DATA), sync.failure());
    report(row, problemWith(async, JSON_DATA), async.failure());
    report(row, problemWith(noData, JSON_NO_DATA), noData.failure());
    if (!Objects.equals(sync.value(), async.value())
        || (sync.failure() == null) != (async.failure() == null)
        || (sync.failure() != null && sync.failure().getClass() != async.failure().getClass())) {
      report(row, "call and callAsync disagree: " + sync + " / " + async, null);
    }
    if (sync.value() != null && sync.failure() == null) {
      checkRoundTrip(row, sync.value());
    }
  }

  /** A decoded DTO, written as JSON and read again, must be what it was: decoding kept everything it read. */
  private static void checkRoundTrip(Reliability.Row row, Sample sample) {
    byte[] again;
    try {
      again = MAPPER.writeValueAsBytes(sample);
    } catch (JsonProcessingException unwritable) {
      return; // e.g. a lone surrogate read from an escape: a value Jackson will not write, not one the client lost
    }
    try {
      Sample back = MAPPER.readValue(again, Sample.class);
      if (!sample.equals(back)) {
        row.lost(1);
        fail("the decoded value changed when written and read again: " + sample + " -> " + back);
      }
    } catch (java.io.IOException e) {
      row.lost(1);
      fail("the decoded value could not be read back: " + e, e);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void protobufWithStatus(byte[] body) {
    Reliability.Row row = FIGURES.row("hostile responses", "ApiTransport: protobuf message + status", what());
    row.tried(1).note("includes 32-bit fields sent 2^40, wrong wire types, truncations and a 5000-deep group bomb");
    ApiTransport transport = HostileFixtures.transport(CannedHttpClient.answering(200, PROTOBUF, body)).build();

    Outcome<DynamicMessage> sync = Oracles.outcome(() -> transport.call(PROTO, null));

    report(row, problemWith(sync, PROTO), sync.failure());
    DynamicMessage message = sync.value();
    if (message == null) {
      return;
    }
    DynamicMessage status = (DynamicMessage) message.getField(RESP.findFieldByName("status"));
    if (!Long.valueOf(1).equals(status.getField(STATUS.findFieldByName("code")))) {
      report(row, "a response whose status is not success was returned: " + message, null);
    }
    try {
      DynamicMessage back = DynamicMessage.parseFrom(RESP, message.toByteArray());
      if (!back.equals(message)) {
        row.lost(1);
        fail("the decoded message changed when written and read again: " + message + " -> " + back);
      }
    } catch (InvalidProtocolBufferException e) {
      row.lost(1);
      fail("the decoded message could not be read back: " + e, e);
    }
  }
}
