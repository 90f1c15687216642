package io.offsetkit.server.store;

import io.offsetkit.server.store.index.TimeIndex;
import io.offsetkit.server.store.log.RecordLog;
import io.offsetkit.server.store.log.Storage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * One queue's messages: their store timestamps, appended to a {@link RecordLog} on disk (durable
 * before {@link #append} returns) and indexed in memory by a {@link TimeIndex}, rebuilt from the file
 * at open. The file is created on the first append; a queue without a file is empty.
 *
 * <p>Record payload (one per append, all-or-nothing): {@code byte hasMinOffset, [long minOffset],
 * int count, count x long storeTimestamp}. Only the first record may set the min offset.
 *
 * <p>Thread-safe, with two monitors, always taken in this order: {@code appendLock} serialises appends
 * (their checks, the write and its fsync) and close; this object's monitor ({@code QueueLog.this})
 * guards the time index. An append takes {@code QueueLog.this} only briefly, to read the range for its
 * checks and to update the index once the record is on disk, never across the write or the fsync, so
 * that a lookup never waits for the disk.
 */
final class QueueLog implements Closeable {

    /** The largest min offset a queue may start at (room for 2^31 messages above it). */
    static final long MAX_MIN_OFFSET = Long.MAX_VALUE - Integer.MAX_VALUE;

    private final Storage storage;
    private final Path file;
    private final Object appendLock = new Object();
    private RecordLog log; // guarded by appendLock
    private TimeIndex index; // guarded by this (QueueLog.this); changed only while appendLock is held too
    // The last message's own store time (the index keeps running maxima, which differ after a clock
    // step back); 0 while the queue is empty. Guarded as the index is.
    private long lastStoreTimestamp;

    private QueueLog(Storage storage, Path file, RecordLog log, TimeIndex index, long lastStoreTimestamp) {
        this.storage = storage;
        this.file = file;
        this.log = log;
        this.index = index;
        this.lastStoreTimestamp = lastStoreTimestamp;
    }

    /** Opens the queue stored at {@code file}; an absent file is an empty queue with min offset 0. */
    static QueueLog open(Path file) throws IOException {
        return open(Storage.disk(), file);
    }

    /** Opens the queue stored at {@code file} in {@code storage}; an absent file is an empty queue. */
    static QueueLog open(Storage storage, Path file) throws IOException {
        if (!storage.exists(file)) {
            return new QueueLog(storage, file, null, new TimeIndex(0), 0);
        }
        TimeIndex[] index = {new TimeIndex(0)};
        long[] last = {0};
        RecordLog log = RecordLog.open(storage, file, payload -> {
            Append append = Append.decode(payload);
            if (append.minOffset().isPresent()) { // written only while the queue was empty
                index[0] = new TimeIndex(append.minOffset().getAsLong());
            }
            for (long timestamp : append.storeTimestamps()) {
                index[0].append(timestamp);
                last[0] = timestamp;
            }
        });
        return new QueueLog(storage, file, log, index[0], last[0]);
    }

    /**
     * Appends messages, durably, and returns the queue's range after them.
     *
     * @param minOffset the queue's first offset; only allowed while the queue is empty
     * @throws StoreConflictException when {@code minOffset} is given and the queue is not empty
     */
    OffsetRange append(long[] storeTimestamps, OptionalLong minOffset) throws IOException {
        synchronized (appendLock) {
            OffsetRange current = range();
            if (minOffset.isPresent() && current.size() > 0) {
                throw new StoreConflictException("min_offset can only be set while the queue is empty; it holds "
                        + current.size() + " messages from offset " + current.minOffset());
            }
            if (minOffset.isPresent() && (minOffset.getAsLong() < 0 || minOffset.getAsLong() > MAX_MIN_OFFSET)) {
                throw new IllegalArgumentException(
                        "min_offset must be in [0, " + MAX_MIN_OFFSET + "], was " + minOffset.getAsLong());
            }
            for (long timestamp : storeTimestamps) {
                if (timestamp < 0) {
                    throw new IllegalArgumentException("a store timestamp is >= 0, was " + timestamp);
                }
            }
            if ((long) current.size() + storeTimestamps.length > Integer.MAX_VALUE - 1) {
                throw new StoreConflictException("a queue holds at most " + (Integer.MAX_VALUE - 1) + " messages");
            }
            if (log == null) {
                log = RecordLog.open(storage, file, payload -> {});
            }
            log.append(new Append(minOffset, storeTimestamps).encode());
            synchronized (this) {
                if (minOffset.isPresent()) {
                    index = new TimeIndex(minOffset.getAsLong());
                }
                for (long timestamp : storeTimestamps) {
                    index.append(timestamp);
                    lastStoreTimestamp = timestamp;
                }
                return new OffsetRange(index.minOffset(), index.maxOffset());
            }
        }
    }

    /** The offset for time {@code t}, as {@link TimeIndex#offsetForTime} defines it. */
    synchronized long offsetForTime(long t) {
        return index.offsetForTime(t);
    }

    /** The queue's min and max offsets now. */
    synchronized OffsetRange range() {
        return new OffsetRange(index.minOffset(), index.maxOffset());
    }

    /**
     * The queue's min and max offsets and its last message's store time, read together: an append
     * that runs meanwhile is in all three or in none.
     */
    synchronized Status status() {
        return new Status(index.minOffset(), index.maxOffset(), index.size() == 0 ? 0 : lastStoreTimestamp);
    }

    /**
     * A queue's state at one moment.
     *
     * @param minOffset its first offset
     * @param maxOffset the offset the next message will get
     * @param lastStoreTimestamp the store time of its last message (at {@code maxOffset - 1}), as it was
     *     appended, not the running maximum the time index keeps; 0 when the queue is empty
     */
    record Status(long minOffset, long maxOffset, long lastStoreTimestamp) {}

    /** Heap bytes of the time index. */
    synchronized long indexMemoryBytes() {
        return index.memoryBytes();
    }

    @Override
    public void close() throws IOException {
        synchronized (appendLock) {
            if (log != null) {
                log.close();
            }
        }
    }

    /** One append record. */
    private record Append(OptionalLong minOffset, long[] storeTimestamps) {

        byte[] encode() {
            int size = 1 + (minOffset.isPresent() ? 8 : 0) + 4 + 8 * storeTimestamps.length;
            ByteBuffer buffer = ByteBuffer.allocate(size);
            if (minOffset.isPresent()) {
                buffer.put((byte) 1).putLong(minOffset.getAsLong());
            } else {
                buffer.put((byte) 0);
            }
            buffer.putInt(storeTimestamps.length);
            for (long timestamp : storeTimestamps) {
                buffer.putLong(timestamp);
            }
            return buffer.array();
        }

        static Append decode(ByteBuffer payload) {
            OptionalLong minOffset = payload.get() == 1 ? OptionalLong.of(payload.getLong()) : OptionalLong.empty();
            long[] timestamps = new long[payload.getInt()];
            for (int i = 0; i < timestamps.length; i++) {
                timestamps[i] = payload.getLong();
            }
            return new Append(minOffset, timestamps);
        }
    }
}
