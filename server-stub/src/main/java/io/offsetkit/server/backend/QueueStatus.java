package io.offsetkit.server.backend;

/**
 * One queue of a topic and its offsets, as {@code ShowTopicStatus} answers them.
 *
 * @param brokerName the broker the queue is on
 * @param queueId the queue's id, unique within its broker
 * @param minOffset the queue's minimum offset (its oldest message still stored)
 * @param maxOffset the queue's maximum offset, the next offset to be written ({@code >= minOffset})
 * @param lastMessageTime the store time of the queue's last message, in milliseconds since the epoch;
 *     0 when the queue holds no message
 */
public record QueueStatus(String brokerName, int queueId, long minOffset, long maxOffset, long lastMessageTime) {}
