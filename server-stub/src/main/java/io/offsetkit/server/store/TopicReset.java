package io.offsetkit.server.store;

import io.offsetkit.server.backend.QueueOffset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A reset of one consumer group on one topic to a time: the lookup of the offset for that time in
 * each queue and the commit of all of them, as one step.
 *
 * <p>Concurrency: the lookup and the write of the commit run holding the group's monitor ({@code
 * GroupOffsets.this} of {@code committed}), so resets of the same group and topic serialise, and a
 * queue's offsets are never committed from a lookup older than the last commit's. Resets of other
 * groups or topics hold other {@link GroupOffsets} and run in parallel; each lookup takes only its
 * queue's monitor ({@code QueueLog.this}) for the in-memory search. The wait for the fsync happens
 * after the monitor is released, so that concurrent resets share one (group commit); the reset still
 * returns only once its own commit is on disk.
 *
 * @param queues every queue of the topic, in the order of the answer
 * @param committed the group's committed offsets on the topic, the one object for its file
 */
record TopicReset(List<TopicQueue> queues, GroupOffsets committed) {

    /**
     * Commits, durably, each queue's offset for {@code timestamp} ({@link QueueLog#offsetForTime}), and
     * returns them in the order of {@link #queues}.
     *
     * @param timestamp milliseconds since the epoch, {@code >= 0}, or {@code -1} for the latest offsets
     * @throws IOException when the commit could not be written or forced
     */
    List<QueueOffset> toTime(long timestamp) throws IOException {
        List<QueueOffset> offsets = new ArrayList<>(queues.size());
        committed.awaitDurable(write(timestamp, offsets)); // outside the monitor: concurrent resets share one fsync
        return Collections.unmodifiableList(offsets);
    }

    /**
     * {@link #toTime}, without waiting for the fsync: the lookups and the write happen before this
     * method returns; the future completes with the offsets once an fsync has covered the commit, on
     * the thread that forced it ({@link GroupOffsets#whenDurable}), never before.
     *
     * @throws IOException when the commit could not be written; a failed fsync fails the future
     */
    CompletableFuture<List<QueueOffset>> toTimeWhenDurable(long timestamp) throws IOException {
        List<QueueOffset> offsets = new ArrayList<>(queues.size());
        List<QueueOffset> answer = Collections.unmodifiableList(offsets);
        return committed.whenDurable(write(timestamp, offsets)).thenApply(durable -> answer);
    }

    /** The lookups and the write of the commit, as one step; returns the commit's ticket. */
    private long write(long timestamp, List<QueueOffset> offsets) throws IOException {
        synchronized (committed) { // GroupOffsets.this: lookup and write as one step
            for (TopicQueue queue : queues) {
                offsets.add(new QueueOffset(
                        queue.broker(), queue.queueId(), queue.log().offsetForTime(timestamp)));
            }
            return committed.write(offsets);
        }
    }
}
