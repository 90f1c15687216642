package io.offsetkit.server.emulator;

/**
 * One queue of a topic as a consumer group sees it in the emulator's store: what a reset committed.
 * Read from the same snapshot of the store as the {@code ShowConsumerListOrDetails} read's progress,
 * so the numbers agree: its {@code broker_offset} is {@link #maxOffset}, its {@code consumer_offset}
 * is {@link #offset} (or {@link #minOffset} on a queue the group never committed, while it committed
 * on others), its {@code last_message_time} is {@link #lastMessageTime}.
 *
 * @param brokerName the broker the queue is on
 * @param queueId the queue's id on that broker
 * @param offset the group's committed offset, or null when the group never committed one on this queue
 * @param minOffset the queue's first offset
 * @param maxOffset the offset the next message will get
 * @param lastMessageTime the store time of the queue's last message, milliseconds since the epoch; 0 when
 *     the queue is empty
 */
public record CommittedOffset(
        String brokerName, int queueId, Long offset, long minOffset, long maxOffset, long lastMessageTime) {}
