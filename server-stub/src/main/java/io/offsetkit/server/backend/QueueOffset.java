package io.offsetkit.server.backend;

import java.util.Comparator;

/**
 * One queue and the offset a reset set its consumer group to.
 *
 * @param brokerName the broker the queue is on
 * @param queueId the queue's id, unique within its broker
 * @param offset the committed consumer offset
 */
public record QueueOffset(String brokerName, int queueId, long offset) {

    /** The order of the response: broker name, then queue id. */
    public static final Comparator<QueueOffset> RESPONSE_ORDER =
            Comparator.comparing(QueueOffset::brokerName).thenComparingInt(QueueOffset::queueId);
}
