package io.offsetkit.server.store;

import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.store.log.CorruptLogException;
import io.offsetkit.server.store.log.RecordLog;
import io.offsetkit.server.store.log.SlotFile;
import io.offsetkit.server.store.log.Storage;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The committed offsets of one consumer group on one topic, in a {@link SlotFile}: each commit writes
 * the group's whole state on the topic (every queue's offset, as of that commit) into a slot of a file
 * of fixed size, so a crash leaves all of a reset's offsets or none of them, and the file never grows:
 * no roll, no spare, no compaction, and a commit's {@code fdatasync} forces the blocks it overwrote
 * alone. The file is created by the first commit. A record log of format version 1 or 2 (an earlier
 * build's) is read as it is, its records replayed in order, the last value of each queue winning, and
 * replaced by a slot file at its first commit.
 *
 * <p>Value payload: {@code int count, count x (short brokerLength, UTF-8 broker, int queueId, long
 * offset)}.
 *
 * <p>Thread-safe, with two monitors that are never held together:
 *
 * <ul>
 *   <li>this object's monitor ({@code GroupOffsets.this}) guards the log, the offsets and the queue of
 *       written commits. A caller that must read and commit as one step (a reset, {@link TopicReset})
 *       holds it around the lookup and {@link #write}, which is what serialises resets of the same
 *       group and topic, and then calls {@link #whenDurable} (or {@link #awaitDurable}) outside it:
 *       concurrent commits share one fsync (group commit), and none is completed before its record is
 *       on disk;
 *   <li>{@code durability} guards the group commit's own state (which commits are on disk, which
 *       wait to be, whether a thread is forcing, a failed fsync, closing), so that it never holds up
 *       a writer that only needs {@code GroupOffsets.this}.
 * </ul>
 *
 * <p>The thread that forces the file completes the commits its fsync covered ({@link #whenDurable}'s
 * futures): what depends on them runs on it, and must not wait for a commit of this same file. When
 * commits wait for the next fsync, it is handed to another thread first, so that the answers are
 * written while the disk flushes.
 */
final class GroupOffsets implements Closeable {

    /**
     * Take over the forcing of a file from a thread that has commits to complete ({@link
     * #forceWhileWaited}): daemon threads, made when none is free and ended after a minute idle, so
     * that files forced at once never wait for each other.
     */
    private static final ExecutorService SYNCS =
            new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "offsetkit-offsets-sync");
                thread.setDaemon(true);
                return thread;
            });

    private final Storage storage;
    private final Path file;
    // Guarded by this (GroupOffsets.this). The slots' force() alone runs outside it: see forceWritten.
    private SlotFile slots; // null until the first commit: the file does not exist yet, or is a record log
    private final Map<QueueKey, Long> offsets; // the durable offsets, what readers see
    private final Map<QueueKey, Long> written; // the offsets as last written, durable or not
    private final Deque<Pending> pending = new ArrayDeque<>(); // written, not yet durable
    private long writtenSeq; // commits written so far

    // Guarded by durability, which is never held together with GroupOffsets.this.
    private final Object durability = new Object();
    private long durableSeq; // commits known to be on disk
    private boolean forcing; // one thread at a time forces the file
    private final Deque<Waiter> waiting = new ArrayDeque<>(); // commits to complete once durable, by ticket
    private boolean closed;
    private IOException forceFailure;

    private GroupOffsets(Storage storage, Path file, SlotFile slots, Map<QueueKey, Long> offsets) {
        this.storage = storage;
        this.file = file;
        this.slots = slots;
        this.offsets = offsets;
        this.written = new TreeMap<>(offsets);
    }

    static GroupOffsets open(Path file) throws IOException {
        return open(Storage.disk(), file);
    }

    /**
     * Opens the offsets stored at {@code file} in {@code storage}: a slot file, or a record log an
     * earlier build wrote (read, and left as it is until the first commit replaces it).
     */
    static GroupOffsets open(Storage storage, Path file) throws IOException {
        Map<QueueKey, Long> offsets = new TreeMap<>();
        if (!storage.exists(file)) { // a read must not create files: the first commit does
            return new GroupOffsets(storage, file, null, offsets);
        }
        if (SlotFile.formatVersion(storage, file) == SlotFile.VERSION) {
            SlotFile slots = SlotFile.open(storage, file);
            try {
                putAll(offsets, decode(slots.value()));
            } catch (RuntimeException e) {
                slots.close();
                throw new CorruptLogException(file + ": its value is not a group's offsets (" + e + ")");
            }
            return new GroupOffsets(storage, file, slots, offsets);
        }
        RecordLog.open(storage, file, payload -> putAll(offsets, decode(payload)))
                .close();
        return new GroupOffsets(storage, file, null, offsets);
    }

    private static void putAll(Map<QueueKey, Long> into, List<QueueOffset> offsets) {
        for (QueueOffset offset : offsets) {
            into.put(new QueueKey(offset.brokerName(), offset.queueId()), offset.offset());
        }
    }

    /** Commits new offsets, durably, before returning: {@link #write} then {@link #awaitDurable}. */
    void commit(List<QueueOffset> committed) throws IOException {
        awaitDurable(write(committed));
    }

    /**
     * Writes new offsets, not yet forced (the group's whole state on the topic with them, as one value
     * of the slot file; the first commit creates the file, or replaces an earlier build's log), and
     * returns the ticket to pass to {@link #whenDurable} (or {@link #awaitDurable}). Readers ({@link #offset}) see them only once they are
     * durable. A caller that must look up and write as one step holds this object's monitor ({@code
     * GroupOffsets.this}) around both, then asks for durability outside it, so that other commits can
     * be written while this one's fsync runs and share the next.
     */
    synchronized long write(List<QueueOffset> committed) throws IOException {
        Map<QueueKey, Long> next = new TreeMap<>(written);
        putAll(next, committed);
        byte[] value = encode(next);
        if (slots == null) {
            // Made holding the durable state (none, or an earlier build's log's), forced; this commit is
            // then written and forced as any other, by the group commit.
            slots = SlotFile.create(storage, file, encode(written));
        }
        slots.write(value);
        putAll(written, committed);
        pending.add(new Pending(++writtenSeq, List.copyOf(committed)));
        return writtenSeq;
    }

    /**
     * The commit of {@code ticket} made durable, without waiting for another thread (group commit):
     * the returned future completes once an fsync has covered that commit, or exceptionally (with an
     * {@link IOException}) when the fsync that was to cover it failed or the file was closed first.
     * It never completes before the commit is on disk.
     *
     * <p>Who forces: when no thread is forcing the file, the calling thread does, before this method
     * returns; when one is, this commit is left to it, and this method returns at once. The forcing
     * thread completes the futures of every commit its fsync covered; when commits wait (those written
     * while its fsync ran), it first hands the next fsync to another thread, which goes on the same
     * way, so that no thread ever sleeps waiting for another's fsync and the disk is not idle while
     * answers are written. The futures' dependent actions run on the thread whose fsync covered them,
     * one after the other: they should be short (an answer written to a socket).
     */
    CompletableFuture<Void> whenDurable(long ticket) {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        synchronized (durability) {
            if (durableSeq >= ticket) {
                durable.complete(null);
                return durable;
            }
            IOException refused = refusal();
            if (refused != null) {
                durable.completeExceptionally(refused);
                return durable;
            }
            waiting.add(new Waiter(ticket, durable));
            if (forcing) {
                return durable; // the running fsync, or the next one its thread does, covers this commit
            }
            forcing = true;
        }
        forceWhileWaited();
        return durable;
    }

    /**
     * Returns once the commit of {@code ticket} is on disk: {@link #whenDurable}, waited for. The
     * calling thread forces the file itself unless another thread is forcing it already.
     *
     * @throws IOException when the fsync (or rewrite) that was to cover this commit failed
     */
    void awaitDurable(long ticket) throws IOException {
        try {
            whenDurable(ticket).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(file + ": interrupted while waiting for an fsync");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException failed ? failed : new IOException(e.getCause());
        }
    }

    /**
     * The forcing thread's loop: forces every record written so far, completes the commits it covered
     * (outside both monitors), and goes on while commits still wait. Called by the one thread that set
     * {@code forcing}; clears it when no commit waits any longer, or after a failure, which fails every
     * waiting commit (the failure stays: a later commit is refused, see {@link #refusal}).
     *
     * <p>When commits wait after an fsync (those written while it ran) on disk ({@link Storage#forces}),
     * the next fsync is handed to a thread of {@link #SYNCS}, which takes over {@code forcing}, before
     * this thread completes the commits it covered: their answers are written while the disk flushes
     * the next records, instead of leaving the disk idle meanwhile (with 32 connections on one group,
     * some 30 answers a commit). Each commit is still completed by the thread whose fsync covered it,
     * and only then.
     */
    private void forceWhileWaited() {
        while (true) {
            long target = 0;
            IOException failure = null;
            try {
                target = forceWritten();
            } catch (IOException | RuntimeException e) {
                failure = e instanceof IOException io ? io : new IOException(e);
            }
            List<Waiter> covered = new ArrayList<>();
            boolean more;
            synchronized (durability) {
                if (failure != null) {
                    forceFailure = failure;
                    covered.addAll(waiting);
                    waiting.clear();
                } else {
                    durableSeq = target;
                    while (!waiting.isEmpty() && waiting.peekFirst().ticket() <= target) {
                        covered.add(waiting.pollFirst());
                    }
                }
                more = !waiting.isEmpty();
                if (!more) {
                    forcing = false;
                    durability.notifyAll(); // a close waits for the forcing to end
                }
            }
            // In memory an fsync costs nothing: a hand-over would only add a thread switch.
            boolean handedOver = more && !covered.isEmpty() && storage.forces() && handOver();
            complete(covered, failure);
            if (!more || handedOver) {
                return;
            }
        }
    }

    /**
     * Gives the forcing of the commits still waiting to a thread of {@link #SYNCS} ({@code forcing}
     * stays set: that thread owns it now); false when no thread could take it, and this one goes on.
     */
    private boolean handOver() {
        try {
            SYNCS.execute(this::forceWhileWaited);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Completes the commits an fsync covered, or fails them all with the fsync's failure. */
    private void complete(List<Waiter> covered, IOException failure) {
        for (Waiter waiter : covered) {
            if (failure == null) {
                waiter.durable().complete(null);
            } else {
                waiter.durable()
                        .completeExceptionally(new IOException(file + ": the fsync of this commit failed", failure));
            }
        }
    }

    /** Why no commit can be made durable any more, or null; called holding {@code durability}. */
    private IOException refusal() {
        if (forceFailure != null) {
            return new IOException(file + ": an earlier fsync failed; restart to recover", forceFailure);
        }
        if (closed) {
            return new IOException(file + " was closed before this commit was forced");
        }
        return null;
    }

    /**
     * Forces every commit written so far, makes them visible to readers, and returns the last commit it
     * covered. Called by one thread at a time (the one that set {@code forcing} under {@code
     * durability}); it holds {@code GroupOffsets.this} to take the target and to publish the offsets,
     * but not while the fsync runs, so that the next commits are written meanwhile ({@link SlotFile}
     * writes them into another slot than the one it forces).
     */
    private long forceWritten() throws IOException {
        long target;
        SlotFile forced;
        synchronized (this) {
            target = writtenSeq;
            forced = slots;
        }
        if (forced != null) {
            forced.force();
        }
        synchronized (this) {
            while (!pending.isEmpty() && pending.peekFirst().seq() <= target) {
                pending.pollFirst()
                        .offsets()
                        .forEach(o -> offsets.put(new QueueKey(o.brokerName(), o.queueId()), o.offset()));
            }
        }
        return target;
    }

    private void waitFor() throws IOException {
        try {
            durability.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(file + ": interrupted while waiting for an fsync");
        }
    }

    /** The committed offset of a queue, or {@code null} when the group never committed one. */
    synchronized Long offset(String broker, int queueId) {
        return offsets.get(new QueueKey(broker, queueId));
    }

    /**
     * Every durable offset at one moment: commits are published whole under this object's monitor (see
     * {@link #forceWritten}), so a snapshot holds each commit's offsets on every queue it set, or none of
     * them. A commit written but not yet forced is not in it.
     */
    synchronized Snapshot snapshot() {
        return new Snapshot(Map.copyOf(offsets));
    }

    /** The durable offsets of a group on a topic at one moment; immutable. */
    static final class Snapshot {

        /** The offsets of a group that never committed on the topic. */
        static final Snapshot EMPTY = new Snapshot(Map.of());

        private final Map<QueueKey, Long> offsets;

        private Snapshot(Map<QueueKey, Long> offsets) {
            this.offsets = offsets;
        }

        /** The committed offset of a queue, or {@code null} when the group never committed one. */
        Long offset(String broker, int queueId) {
            return offsets.get(new QueueKey(broker, queueId));
        }

        /** Whether the group had committed no offset at all. */
        boolean isEmpty() {
            return offsets.isEmpty();
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (durability) { // never beside a running fsync
            while (forcing) {
                waitFor();
            }
            closed = true;
            durability.notifyAll();
        }
        synchronized (this) {
            if (slots != null) {
                slots.close();
            }
        }
    }

    private static byte[] encode(Map<QueueKey, Long> offsets) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 32 * offsets.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(offsets.size());
            for (Map.Entry<QueueKey, Long> offset : offsets.entrySet()) {
                byte[] broker = offset.getKey().broker().getBytes(StandardCharsets.UTF_8);
                out.writeShort(broker.length);
                out.write(broker);
                out.writeInt(offset.getKey().queueId());
                out.writeLong(offset.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static List<QueueOffset> decode(ByteBuffer payload) {
        int count = payload.getInt();
        List<QueueOffset> offsets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] broker = new byte[payload.getShort() & 0xffff];
            payload.get(broker);
            offsets.add(
                    new QueueOffset(new String(broker, StandardCharsets.UTF_8), payload.getInt(), payload.getLong()));
        }
        return offsets;
    }

    private record Pending(long seq, List<QueueOffset> offsets) {}

    /** A commit whose durability someone awaits. */
    private record Waiter(long ticket, CompletableFuture<Void> durable) {}

    private record QueueKey(String broker, int queueId) implements Comparable<QueueKey> {
        @Override
        public int compareTo(QueueKey other) {
            int byBroker = broker.compareTo(other.broker);
            return byBroker != 0 ? byBroker : Integer.compare(queueId, other.queueId);
        }
    }
}
