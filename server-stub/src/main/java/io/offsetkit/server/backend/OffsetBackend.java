package io.offsetkit.server.backend;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where the reference server's handler finds offsets by time and commits them: the embedded
 * time-indexed store, or a real Apache RocketMQ cluster.
 *
 * <p>The contract of {@link #resetByTime}, for every implementation:
 *
 * <ul>
 *   <li>for each queue of the topic, on every broker of the instance, the new offset is the first
 *       offset whose store timestamp is {@code >= timestamp}; before every message the queue's min
 *       offset, after every message its max offset (the next offset to be written), an empty queue
 *       its min offset; {@code timestamp == -1} gives the max offset;
 *   <li>the reset always applies, forwards or backwards;
 *   <li>the new offsets are committed (durable, for the embedded store) before the method returns;
 *   <li>the result lists every queue once, sorted by broker name, then queue id.
 * </ul>
 *
 * Implementations are thread-safe. Resets of the same group and topic serialise; resets of
 * different groups do not block each other.
 */
public interface OffsetBackend {

    /**
     * Resets a group's offsets on every queue of a topic to a time.
     *
     * @param target the instance, group and topic
     * @param timestamp milliseconds since the epoch, {@code >= 0}, or {@code -1} for the latest offsets
     * @return the new offset of every queue, sorted by broker name then queue id
     * @throws UnknownInstanceException when the project has no such instance
     * @throws UnknownGroupException when the instance has no such consumer group
     * @throws UnknownTopicException when the instance has no such topic
     * @throws BackendUnavailableException when the storage behind cannot be reached or fails
     */
    List<QueueOffset> resetByTime(ResetTarget target, long timestamp);

    /**
     * {@link #resetByTime}, its result given once the new offsets are committed (durable, for the
     * embedded store), without the calling thread waiting for that: the stage completes with what
     * {@code resetByTime} returns, or exceptionally with what it throws, never before the commit.
     * An implementation whose commit needs waiting for (the embedded store's fsync) returns before it,
     * and completes the stage on the thread that made the commit durable, so that whatever is made of
     * the result (the answer to the request) runs there; dependent actions should be short.
     *
     * <p>The default calls {@code resetByTime} and returns its result completed.
     */
    default CompletionStage<List<QueueOffset>> resetByTimeAsync(ResetTarget target, long timestamp) {
        try {
            return CompletableFuture.completedFuture(resetByTime(target, timestamp));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The topics a group holds consumer offsets on: those it consumed or was reset on.
     *
     * @return the topics' names, sorted, each once
     * @throws UnknownInstanceException when the project has no such instance
     * @throws UnknownGroupException when the instance has no such consumer group
     * @throws BackendUnavailableException when the storage behind cannot be reached or fails
     */
    List<String> groupTopics(GroupRef group);

    /**
     * A group's progress on every queue of a topic: the queue's broker offset (its max offset), the
     * group's committed offset and the store time of the queue's last message. A queue the group has no
     * offset on, while it has offsets on other queues of the topic, shows the queue's min offset (where a
     * new consumer of the group would start).
     *
     * @return every queue of the topic once, sorted by broker name then queue id
     * @throws UnknownInstanceException when the project has no such instance
     * @throws UnknownGroupException when the instance has no such consumer group
     * @throws UnknownTopicException when the instance has no such topic
     * @throws NoConsumerOffsetsException when the group holds no offset on any queue of the topic
     * @throws BackendUnavailableException when the storage behind cannot be reached or fails
     */
    List<QueueProgress> groupProgress(ResetTarget target);

    /**
     * Every queue of a topic with its min and max offsets and the store time of its last message.
     *
     * @return every queue of the topic once, sorted by broker name then queue id
     * @throws UnknownInstanceException when the project has no such instance
     * @throws UnknownTopicException when the instance has no such topic
     * @throws BackendUnavailableException when the storage behind cannot be reached or fails
     */
    List<QueueStatus> topicStatus(TopicRef topic);

    /**
     * The consumers of a group connected now (a consumer declared but offline is not listed, as RocketMQ
     * lists only connected clients).
     *
     * @return the connected consumers, sorted by client id; empty when the group is offline
     * @throws UnknownInstanceException when the project has no such instance
     * @throws UnknownGroupException when the instance has no such consumer group
     * @throws BackendUnavailableException when the storage behind cannot be reached or fails
     */
    List<ConsumerConnection> consumers(GroupRef group);

    /**
     * Whether at least one consumer of the group is connected now: what the service requires before it
     * resets a group ({@code DMS.50050004} otherwise). By default, whether {@link #consumers} lists one.
     *
     * @throws UnknownInstanceException when the project has no such instance
     * @throws UnknownGroupException when the instance has no such consumer group
     * @throws BackendUnavailableException when the storage behind cannot be reached or fails
     */
    default boolean hasOnlineConsumer(GroupRef group) {
        return !consumers(group).isEmpty();
    }
}
