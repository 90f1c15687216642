package io.offsetkit.server.store;

/**
 * A queue's offsets: {@code minOffset} is its first message (above 0 after retention), {@code
 * maxOffset} the offset the next message will get; the queue is empty when they are equal.
 */
public record OffsetRange(long minOffset, long maxOffset) {

    /** How many messages the queue holds. */
    public long size() {
        return maxOffset - minOffset;
    }
}
