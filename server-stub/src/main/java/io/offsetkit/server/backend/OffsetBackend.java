package io.offsetkit.server.backend;

import java.util.List;

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
}
