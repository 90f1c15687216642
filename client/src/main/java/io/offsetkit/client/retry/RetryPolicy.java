package io.offsetkit.client.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long to wait before trying a failed call again.
 *
 * <p>What is retried: a connection that could not be made or broke, a timeout, {@code 429 Too
 * Many Requests}, and every {@code 5xx} except {@code 501 Not Implemented} (which no retry can
 * change). Never any other {@code 4xx}: the same request would get the same answer. Retrying is
 * safe for this API because a reset to a given time is idempotent: sending it twice leaves the
 * same offsets.
 *
 * <p>How long: before retry {@code n} (1-based) the base delay is {@code initialBackoff *
 * multiplier^(n-1)}, capped at {@code maxBackoff}; the wait is drawn uniformly from {@code [base/2,
 * base]} ("equal jitter"), so that many clients failing together do not retry in lockstep yet
 * always back off. A {@code Retry-After} header of the response, in seconds, lengthens the wait.
 * Bounds: at most {@code maxAttempts} attempts in all, and no retry whose wait would end after
 * {@code maxElapsed} from the first attempt.
 *
 * <p>The default of a client is {@link #none()}: one attempt, so that an application sees every
 * failure unless it opts in. {@link #standard()} is a conservative choice for those who do.
 *
 * <p>Immutable and thread-safe.
 */
public final class RetryPolicy {

    private static final RetryPolicy NONE = new Builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final Duration maxElapsed;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.multiplier = builder.multiplier;
        this.maxElapsed = builder.maxElapsed;
    }

    /** One attempt, no retry. The default. */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * 3 attempts, waits from 200 ms doubling up to 2 s, everything within 10 s of the first attempt.
     */
    public static RetryPolicy standard() {
        return builder().build();
    }

    /** A builder starting from the values of {@link #standard()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Attempts in all, the first one included; 1 means no retry. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The base wait before the first retry. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The cap on the base wait. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The factor between the base waits of consecutive retries. */
    public double multiplier() {
        return multiplier;
    }

    /** No retry may start later than this after the first attempt started. */
    public Duration maxElapsed() {
        return maxElapsed;
    }

    /** Whether a response with this HTTP status is worth another attempt. */
    public static boolean isRetryableStatus(int status) {
        return status == 429 || (status >= 500 && status <= 599 && status != 501);
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry).
     *
     * @param jitter a number in {@code [0, 1)}, drawn at random by the caller
     */
    public Duration backoffBeforeRetry(int retry, double jitter) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be 1 or more, was " + retry);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
        }
        double base =
                Math.min(maxBackoff.toNanos(), initialBackoff.toNanos() * Math.pow(multiplier, (double) retry - 1));
        return Duration.ofNanos((long) (base / 2 + base / 2 * jitter));
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", multiplier=" + multiplier + ", maxElapsed=" + maxElapsed + "]";
    }

    /** Builds a {@link RetryPolicy}; every value is checked when it is set. */
    public static final class Builder {

        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(2);
        private double multiplier = 2.0;
        private Duration maxElapsed = Duration.ofSeconds(10);

        private Builder() {}

        /** Attempts in all, the first included: 1 (no retry) to 10. Default 3. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > 10) {
                throw new IllegalArgumentException("maxAttempts must be 1 to 10, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The base wait before the first retry, positive. Default 200 ms. */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = positive("initialBackoff", initialBackoff);
            return this;
        }

        /** The cap on the base wait, positive. Default 2 s. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = positive("maxBackoff", maxBackoff);
            return this;
        }

        /** The factor between consecutive base waits, 1 to 10. Default 2. */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1 && multiplier <= 10)) {
                throw new IllegalArgumentException("multiplier must be 1 to 10, was " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /** No retry starts later than this after the first attempt, positive. Default 10 s. */
        public Builder maxElapsed(Duration maxElapsed) {
            this.maxElapsed = positive("maxElapsed", maxElapsed);
            return this;
        }

        public RetryPolicy build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException(
                        "maxBackoff (" + maxBackoff + ") is shorter than initialBackoff (" + initialBackoff + ")");
            }
            return new RetryPolicy(this);
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
