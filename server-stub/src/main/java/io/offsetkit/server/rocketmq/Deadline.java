package io.offsetkit.server.rocketmq;

/**
 * The one deadline of a request to the backend: every call it makes to a name server or broker, and
 * every wait between them (for the reset lock, for the brokers called in parallel), takes what is
 * left of it, so that the request as a whole ends within its budget however many calls it makes and
 * however many brokers do not answer.
 */
final class Deadline {

    private final long budgetMillis;
    private final long endNanos;

    private Deadline(long budgetMillis) {
        this.budgetMillis = budgetMillis;
        this.endNanos = System.nanoTime() + budgetMillis * 1_000_000L;
    }

    /** A deadline {@code budgetMillis} from now. */
    static Deadline in(long budgetMillis) {
        if (budgetMillis <= 0) {
            throw new IllegalArgumentException("a deadline's budget is above 0 ms, was " + budgetMillis);
        }
        return new Deadline(budgetMillis);
    }

    /** The whole budget, as given: what an error message names as the time allowed. */
    long budgetMillis() {
        return budgetMillis;
    }

    /** The milliseconds left, rounded up, 0 once the deadline has passed. */
    long remainingMillis() {
        long nanos = endNanos - System.nanoTime();
        return nanos <= 0 ? 0 : (nanos + 999_999) / 1_000_000;
    }

    /** The nanoseconds left, 0 once the deadline has passed. */
    long remainingNanos() {
        return Math.max(0, endNanos - System.nanoTime());
    }

    /** Whether the deadline has passed. */
    boolean passed() {
        return endNanos - System.nanoTime() <= 0;
    }
}
