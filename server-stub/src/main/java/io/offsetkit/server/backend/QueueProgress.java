package io.offsetkit.server.backend;

/**
 * One queue of a topic and a consumer group's progress on it, as {@code ShowConsumerListOrDetails}
 * with a topic answers it.
 *
 * @param brokerName the broker the queue is on
 * @param queueId the queue's id, unique within its broker
 * @param brokerOffset the queue's maximum offset, the next offset to be written
 * @param consumerOffset the group's committed offset on the queue
 * @param lastMessageTime the store time of the queue's last message, in milliseconds since the epoch;
 *     0 when the queue holds no message
 */
public record QueueProgress(
        String brokerName, int queueId, long brokerOffset, long consumerOffset, long lastMessageTime) {

    /** RocketMQ's lag: the broker offset minus the consumer offset, never below 0. */
    public long lag() {
        return Math.max(0, brokerOffset - consumerOffset);
    }
}
