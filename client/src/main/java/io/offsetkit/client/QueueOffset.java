package io.offsetkit.client;

import java.util.Objects;

/**
 * One queue of the topic and the offset the consumer group now stands at on it.
 *
 * @param brokerName the broker the queue lives on
 * @param queueId the queue id, unique within its broker
 * @param offset the consumer offset the queue was reset to
 */
public record QueueOffset(String brokerName, int queueId, long offset) {

    public QueueOffset {
        Objects.requireNonNull(brokerName, "brokerName");
    }
}
