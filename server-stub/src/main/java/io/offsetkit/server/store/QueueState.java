package io.offsetkit.server.store;

/**
 * One queue of a topic as a consumer group sees it, at one moment.
 *
 * @param brokerName the broker
 * @param queueId the queue id on that broker
 * @param consumerOffset the group's committed offset, or {@code null} when it never committed one
 * @param minOffset the queue's first offset
 * @param maxOffset the offset the next message will get
 * @param lastMessageTime the store time of the queue's last message, milliseconds since the epoch; 0 when
 *     the queue is empty
 */
public record QueueState(
        String brokerName, int queueId, Long consumerOffset, long minOffset, long maxOffset, long lastMessageTime) {}
