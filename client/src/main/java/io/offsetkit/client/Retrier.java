package io.offsetkit.client;

import io.offsetkit.client.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs attempts of one call under a {@link RetryPolicy}: retries what the policy allows, waits
 * between attempts, and gives up at the attempt or time bound with the last failure (earlier ones
 * suppressed in it). Immutable and thread-safe.
 */
final class Retrier {

    /** One attempt of a call; {@code attempt} is 1-based. */
    @FunctionalInterface
    interface Attempt<T> {
        T run(int attempt);
    }

    private final RetryPolicy policy;

    Retrier(RetryPolicy policy) {
        this.policy = policy;
    }

    <T> T call(Attempt<T> attempt) {
        long start = System.nanoTime();
        List<OffsetkitException> earlier = new ArrayList<>();
        for (int number = 1; ; number++) {
            try {
                return attempt.run(number);
            } catch (OffsetkitApiException | OffsetkitConnectionException | OffsetkitTimeoutException failure) {
                if (number >= policy.maxAttempts() || !isRetryable(failure)) {
                    throw withEarlier(failure, earlier);
                }
                Duration wait = waitBefore(number, failure);
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                if (elapsed.plus(wait).compareTo(policy.maxElapsed()) > 0) {
                    throw withEarlier(failure, earlier);
                }
                earlier.add(failure);
                sleep(wait, number, earlier);
            }
        }
    }

    private static boolean isRetryable(OffsetkitException failure) {
        if (failure instanceof OffsetkitApiException api) {
            return RetryPolicy.isRetryableStatus(api.httpStatus());
        }
        return true;
    }

    private Duration waitBefore(int failedAttempt, OffsetkitException failure) {
        Duration backoff = policy.backoffBeforeRetry(
                failedAttempt, ThreadLocalRandom.current().nextDouble());
        if (failure instanceof OffsetkitApiException api && api.retryAfter().isPresent()) {
            Duration retryAfter = api.retryAfter().get();
            return retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
        }
        return backoff;
    }

    private static void sleep(Duration wait, int failedAttempt, List<OffsetkitException> earlier) {
        try {
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw withEarlier(
                    new OffsetkitInterruptedException(
                            "Interrupted while waiting " + wait.toMillis() + " ms to retry", e, failedAttempt),
                    earlier);
        }
    }

    private static OffsetkitException withEarlier(OffsetkitException last, List<OffsetkitException> earlier) {
        for (OffsetkitException failure : earlier) {
            if (failure != last) {
                last.addSuppressed(failure);
            }
        }
        return last;
    }
}
