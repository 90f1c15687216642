package io.offsetkit.client;

import java.util.Objects;

/**
 * A consumer group's progress on one queue of a topic.
 *
 * @param brokerName the broker the queue lives on
 * @param queueId the queue id, unique within its broker
 * @param brokerOffset the queue's maximum offset: the next offset to be written
 * @param consumerOffset the group's committed offset on the queue
 * @param lag how many messages the group has still to consume: {@code brokerOffset - consumerOffset},
 *     never below 0, as the server computed it
 * @param lastMessageTime the store time of the queue's last message, in milliseconds since the Unix
 *     epoch; 0 when the queue holds no message
 */
public record QueueProgress(
        String brokerName, int queueId, long brokerOffset, long consumerOffset, long lag, long lastMessageTime) {

    public QueueProgress {
        Objects.requireNonNull(brokerName, "brokerName");
    }

    /** The group's offset on this queue, in the form a reset answers it: compare with {@link ResetResult#queues()}. */
    public QueueOffset consumerQueueOffset() {
        return new QueueOffset(brokerName, queueId, consumerOffset);
    }
}
