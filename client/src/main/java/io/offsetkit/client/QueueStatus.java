package io.offsetkit.client;

import java.util.Objects;

/**
 * One queue of a topic and its offsets.
 *
 * @param brokerName the broker the queue lives on
 * @param queueId the queue id, unique within its broker
 * @param minOffset the queue's minimum offset (its oldest message still stored): where a reset to
 *     {@code 0} goes
 * @param maxOffset the queue's maximum offset (the next offset to be written): where a reset to the
 *     latest goes
 * @param lastMessageTime the store time of the queue's last message, in milliseconds since the Unix
 *     epoch; 0 when the queue holds no message
 */
public record QueueStatus(String brokerName, int queueId, long minOffset, long maxOffset, long lastMessageTime) {

    public QueueStatus {
        Objects.requireNonNull(brokerName, "brokerName");
    }
}
