package io.offsetkit.conformance.check;

/**
 * One queue of an answer, read leniently (numbers may have come as strings): the semantic rules
 * judge the values, the response rules judge the types.
 *
 * @param broker {@code broker_name}
 * @param queueId {@code queue_id}
 * @param offset {@code timestamp_offset}
 */
public record QueueEntry(String broker, long queueId, long offset) {

    /** {@code broker-1/0}: the queue, without the offset. */
    public String key() {
        return broker + "/" + queueId;
    }
}
