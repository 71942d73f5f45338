package dev.apispec.runtime;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how a failed call is tried again. Off unless set on the client's builder, and applied
 * only to endpoints the spec marks {@code retryable}: most endpoints are POSTs that change state,
 * and trying those twice may do the change twice.
 *
 * <p>The delay before retry {@code n} (counting from 1) is {@code initialBackoff * multiplier^(n-1)},
 * capped at {@code maxBackoff}, minus a random share of up to {@code jitter} of it, so that many clients
 * do not retry in step. A {@code Retry-After} header on a 429 or 503 answer is honoured instead, up to
 * {@code maxRetryAfter}; a longer wait is not retried.
 */
public final class RetryPolicy {
  /** The failures a policy can retry. */
  public enum Failure {
    /** The connection was refused or broke before a complete response arrived. */
    CONNECTION,
    /** No response arrived within the request timeout. */
    TIMEOUT,
    /** HTTP 429 Too Many Requests. */
    TOO_MANY_REQUESTS,
    /** HTTP 500 to 599. */
    SERVER_ERROR
  }

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double multiplier;
  private final double jitter;
  private final Set<Failure> retryOn;
  private final Duration maxRetryAfter;

  private RetryPolicy(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.multiplier = builder.multiplier;
    this.jitter = builder.jitter;
    this.retryOn = Set.copyOf(builder.retryOn);
    this.maxRetryAfter = builder.maxRetryAfter;
  }

  /**
   * Starts a policy.
   *
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Attempts in all, the first included.
   *
   * @return at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Whether this policy retries a failure of this kind.
   *
   * @param failure the kind of failure
   * @return {@code true} when it is retried
   */
  public boolean retries(Failure failure) {
    return retryOn.contains(failure);
  }

  /**
   * How long to wait before attempt {@code attempt + 1}, or {@code null} to give up.
   *
   * @param attempt the attempt that just failed, counting from 1
   * @param failure the kind of failure
   * @param retryAfter the server's {@code Retry-After}, or {@code null}
   * @return the delay, or {@code null} when no attempt is left or the failure is not retried
   */
  public Duration delayAfter(int attempt, Failure failure, Duration retryAfter) {
    if (attempt >= maxAttempts || !retryOn.contains(failure)) {
      return null;
    }
    if (retryAfter != null) {
      return retryAfter.compareTo(maxRetryAfter) > 0 ? null : retryAfter;
    }
    double nanos = initialBackoff.toNanos() * Math.pow(multiplier, attempt - 1);
    nanos = Math.min(nanos, maxBackoff.toNanos());
    nanos -= nanos * jitter * ThreadLocalRandom.current().nextDouble();
    return Duration.ofNanos((long) nanos);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
        + maxBackoff + ", multiplier=" + multiplier + ", jitter=" + jitter + ", retryOn=" + retryOn
        + ", maxRetryAfter=" + maxRetryAfter + "}";
  }

  /** Builds a {@link RetryPolicy}; the defaults are 3 attempts, 200 ms doubling up to 5 s, 20% jitter, every failure. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private double multiplier = 2.0;
    private double jitter = 0.2;
    private Set<Failure> retryOn = EnumSet.allOf(Failure.class);
    private Duration maxRetryAfter = Duration.ofSeconds(30);

    private Builder() {}

    /**
     * Attempts in all, the first included.
     *
     * @param maxAttempts at least 1
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The delay before the first retry.
     *
     * @param initialBackoff zero or more
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * The longest delay between two attempts.
     *
     * @param maxBackoff not below the initial backoff
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * The growth of the backoff from one retry to the next.
     *
     * @param multiplier at least 1
     * @return this builder
     */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0)) {
        throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /**
     * The share of each delay that is taken off at random.
     *
     * @param jitter from 0 to 1
     * @return this builder
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0.0 && jitter <= 1.0)) {
        throw new IllegalArgumentException("jitter must be between 0 and 1: " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * Which failures are retried.
     *
     * @param retryOn at least one kind of failure
     * @return this builder
     */
    public Builder retryOn(Set<Failure> retryOn) {
      if (retryOn.isEmpty()) {
        throw new IllegalArgumentException("retryOn must name at least one failure");
      }
      this.retryOn = EnumSet.copyOf(retryOn);
      return this;
    }

    /**
     * The longest {@code Retry-After} that is waited for; a longer one ends the retries.
     *
     * @param maxRetryAfter zero or more
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /**
     * Creates the policy.
     *
     * @return a new policy
     * @throws IllegalArgumentException if the maximum backoff is below the initial one
     */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is below initialBackoff " + initialBackoff);
      }
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + value);
      }
      return value;
    }
  }
}
