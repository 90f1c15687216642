package io.offsetkit.server.emulator;

/**
 * One queue of a topic as a consumer group sees it in the emulator's store: what a reset committed.
 *
 * @param brokerName the broker the queue is on
 * @param queueId the queue's id on that broker
 * @param offset the group's committed offset, or null when the group never committed one on this queue
 * @param minOffset the queue's first offset
 * @param maxOffset the offset the next message will get
 */
public record CommittedOffset(String brokerName, int queueId, Long offset, long minOffset, long maxOffset) {}
