package io.offsetkit.server.store;

/**
 * What an embedded store holds, at one moment: the figures its metrics report.
 *
 * @param instances the instances
 * @param topics the topics, over every instance
 * @param groups the consumer groups, over every instance
 * @param queues the queues, over every topic and broker
 * @param messages the messages the queues hold (max offset minus min offset, summed)
 * @param indexBytes the heap bytes the queues' time indexes take
 */
public record StoreStats(long instances, long topics, long groups, long queues, long messages, long indexBytes) {}
