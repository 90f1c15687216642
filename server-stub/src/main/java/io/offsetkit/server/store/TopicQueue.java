package io.offsetkit.server.store;

/**
 * One queue of a topic: where it is (broker, queue id) and its log. Handed out by the {@link Catalog}
 * so that appends and lookups run on the {@link QueueLog}, which is thread-safe, without the
 * catalog's monitor.
 */
record TopicQueue(String broker, int queueId, QueueLog log) {}
