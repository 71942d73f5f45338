package dev.apispec.runtime.testing;

import dev.apispec.runtime.ApiErrorException;
import dev.apispec.runtime.ApiException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** What a call of a generated client may end in, checked the same way by every reliability test. */
public final class Oracles {
  private Oracles() {}

  /** A call's outcome: a value, or what it threw ({@link CompletionException} unwrapped once). */
  public record Outcome<T>(T value, Throwable failure) {
    public boolean failed() {
      return failure != null;
    }
  }

  /** Runs {@code call} and catches whatever it throws, errors included: an error is a finding, not a crash. */
  public static <T> Outcome<T> outcome(Supplier<T> call) {
    try {
      return new Outcome<>(call.get(), null);
    } catch (CompletionException e) {
      return new Outcome<>(null, e.getCause() == null ? e : e.getCause());
    } catch (Throwable e) { // deliberately everything
      return new Outcome<>(null, e);
    }
  }

  /**
   * Why {@code failure} is not a failure the client promises, or {@code null} when it is: an
   * {@link ApiException} that names {@code endpoint} (as "METHOD /path") at the start of its message (of
   * its {@code toString()} for the server's own error), and whose stack trace, causes included, does
   * not contain {@code token}.
   */
  public static String problemWith(Throwable failure, String endpoint, String token) {
    if (!(failure instanceof ApiException api)) {
      return "not an ApiException: " + failure;
    }
    if (!endpoint.equals(api.endpoint())) {
      return "names " + api.endpoint() + " instead of " + endpoint;
    }
    String shown = api instanceof ApiErrorException ? api.toString() : api.getMessage();
    String start = api instanceof ApiErrorException ? api.getClass().getName() + ": " + endpoint : endpoint;
    if (!shown.startsWith(start)) {
      return "the message does not start with the endpoint: " + shown;
    }
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    if (trace.toString().contains(token)) {
      return "the token appears in the exception: " + trace;
    }
    return null;
  }
}
