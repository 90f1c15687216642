package io.offsetkit.cli;

import java.time.Instant;

/**
 * Where a reset sends the offsets, as the contract's {@code timestamp}: {@code -1} for each queue's
 * latest offset, {@code 0} for its earliest, otherwise the first message stored at or after that
 * time (a time after every message gives the queue's end).
 *
 * @param kind what the operator asked for
 * @param timestamp the contract's timestamp, resolved once when the plan is made
 * @param asked the option and value as given, such as {@code --by-duration PT30M}
 */
record Strategy(Kind kind, long timestamp, String asked) {

    /** The strategies, by their options. */
    enum Kind {
        TO_DATETIME,
        BY_DURATION,
        TO_TIMESTAMP,
        TO_EARLIEST,
        TO_LATEST
    }

    /** The contract's timestamp of the latest offsets. */
    static final long LATEST = -1L;

    /** The contract's timestamp of the earliest offsets. */
    static final long EARLIEST = 0L;

    /** For people: {@code the latest offsets}, {@code the earliest offsets} or the instant in UTC and millis. */
    String describe() {
        if (timestamp == LATEST) {
            return "the latest offsets";
        }
        if (timestamp == EARLIEST) {
            return "the earliest offsets";
        }
        return Instant.ofEpochMilli(timestamp) + " (" + timestamp + ")";
    }
}
