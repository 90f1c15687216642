package io.offsetkit.server.store;

import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.store.log.RecordLog;
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The committed offsets of one consumer group on one topic, in a {@link RecordLog}: each commit is
 * one record holding every queue it sets, so a crash leaves all of a reset's offsets or none of them.
 * The file is created by the first commit. At open the records replay in order, the last value of each queue winning.
 *
 * <p>On disk the file is preallocated ({@link RecordLog#openPreallocated}): made with zeros, first of
 * {@value #FIRST_CAPACITY} bytes, so that a commit's {@code fdatasync} forces its record alone, not
 * the file's size. Once the records pass half the file, a spare twice its size (at most {@value
 * #MAX_CAPACITY} bytes) is made on a background thread; once they pass three quarters, the
 * forcing thread rolls the file into the spare as one record of the current values (its data forced,
 * a rename, the directory forced), instead of forcing the records. A file of format version 1 (from
 * an earlier build) is read, and rolled into a preallocated one at its first commit. In memory,
 * where nothing is forced, the file grows by appends and is rewritten as one record when it passes
 * {@value #COMPACT_AT_BYTES} bytes.
 *
 * <p>Record payload: {@code int count, count x (short brokerLength, UTF-8 broker, int queueId, long
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

    static final int COMPACT_AT_BYTES = 1024 * 1024;
    static final int FIRST_CAPACITY = 16 * 1024;
    /**
     * The largest preallocated file. A roll holds up the group's commits while its rename and the
     * directory's fsync run (every commit waiting answers that much later), so a busy group's file is
     * large enough to roll rarely: at 8 MiB, once in some 17,000 resets of 16 queues.
     */
    static final int MAX_CAPACITY = 8 * 1024 * 1024;

    /**
     * Makes the spares of every group's file, off the commit's path: one daemon thread, since a spare
     * is a short sequential write and an fsync that the disk serialises anyway.
     */
    private static final Executor SPARES = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "offsetkit-offsets-spares");
        thread.setDaemon(true);
        return thread;
    });

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
    private final long compactAtBytes; // on disk the largest preallocated file, in memory the compaction threshold
    // Guarded by this (GroupOffsets.this). The log's force() alone runs outside it: see forceWritten.
    private RecordLog log; // null until the first commit when the file does not exist yet
    private final Map<QueueKey, Long> offsets; // the durable offsets, what readers see
    private final Map<QueueKey, Long> written; // the offsets as last written, durable or not
    private final Deque<Pending> pending = new ArrayDeque<>(); // written, not yet durable
    private long writtenSeq; // commits written so far
    private CompletableFuture<Void> spare; // the spare being made for the next roll, or null

    // Guarded by durability, which is never held together with GroupOffsets.this.
    private final Object durability = new Object();
    private long durableSeq; // commits known to be on disk
    private boolean forcing; // one thread at a time forces (or compacts) the file
    private final Deque<Waiter> waiting = new ArrayDeque<>(); // commits to complete once durable, by ticket
    private boolean closed;
    private IOException forceFailure;

    private GroupOffsets(Storage storage, Path file, RecordLog log, Map<QueueKey, Long> offsets, long compactAtBytes) {
        this.storage = storage;
        this.file = file;
        this.log = log;
        this.offsets = offsets;
        this.written = new TreeMap<>(offsets);
        this.compactAtBytes = compactAtBytes;
    }

    static GroupOffsets open(Path file) throws IOException {
        return open(Storage.disk(), file, MAX_CAPACITY);
    }

    /** Opens the offsets stored at {@code file} in {@code storage}. */
    static GroupOffsets open(Storage storage, Path file) throws IOException {
        return open(storage, file, storage.preallocates() ? MAX_CAPACITY : COMPACT_AT_BYTES);
    }

    /** Opens with another compaction threshold (tests). */
    static GroupOffsets open(Path file, long compactAtBytes) throws IOException {
        return open(Storage.disk(), file, compactAtBytes);
    }

    private static GroupOffsets open(Storage storage, Path file, long compactAtBytes) throws IOException {
        Map<QueueKey, Long> offsets = new TreeMap<>();
        if (!storage.exists(file)) { // a read must not create files: the first commit does
            return new GroupOffsets(storage, file, null, offsets, compactAtBytes);
        }
        RecordLog log = RecordLog.open(storage, file, payload -> {
            for (QueueOffset offset : decode(payload)) {
                offsets.put(new QueueKey(offset.brokerName(), offset.queueId()), offset.offset());
            }
        });
        return new GroupOffsets(storage, file, log, offsets, compactAtBytes);
    }

    /** Commits new offsets, durably, before returning: {@link #write} then {@link #awaitDurable}. */
    void commit(List<QueueOffset> committed) throws IOException {
        awaitDurable(write(committed));
    }

    /**
     * Writes new offsets as one record, not yet forced, and returns the ticket to pass to {@link
     * #whenDurable} (or {@link #awaitDurable}). Readers ({@link #offset}) see them only once they are
     * durable. A caller that must look up and write as one step holds this object's monitor ({@code
     * GroupOffsets.this}) around both, then asks for durability outside it, so that other commits can
     * be written while this one's fsync runs and share the next.
     */
    synchronized long write(List<QueueOffset> committed) throws IOException {
        if (log == null) {
            log = storage.preallocates()
                    ? RecordLog.openPreallocated(storage, file, payload -> {}, firstCapacity())
                    : RecordLog.open(storage, file, payload -> {});
        }
        log.write(encode(committed));
        committed.forEach(o -> written.put(new QueueKey(o.brokerName(), o.queueId()), o.offset()));
        pending.add(new Pending(++writtenSeq, List.copyOf(committed)));
        if (spare == null && log.preallocated() && log.size() > log.capacity() / 2) {
            RecordLog target = log;
            long capacity = nextCapacity();
            spare = CompletableFuture.runAsync(
                    () -> {
                        try {
                            target.prepareSpare(capacity);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    SPARES);
        }
        return writtenSeq;
    }

    private long firstCapacity() {
        return Math.min(FIRST_CAPACITY, compactAtBytes);
    }

    /** The next file's size: twice this one's, up to the compaction threshold, never smaller. */
    private long nextCapacity() {
        long now = log.capacity();
        return now == 0 ? firstCapacity() : Math.max(now, Math.min(compactAtBytes, 2 * now));
    }

    /**
     * Whether the forcing thread rolls the file (or, in memory, compacts it) instead of forcing it:
     * a preallocated file three quarters full, a version 1 file on disk, a file in memory past the
     * compaction threshold. Called holding {@code GroupOffsets.this}.
     */
    private boolean rollDue() {
        if (!storage.preallocates()) {
            return log.size() > compactAtBytes;
        }
        return !log.preallocated() || log.size() > log.capacity() - log.capacity() / 4;
    }

    /**
     * Waits for the spare being made (started half a file ago: normally done), or makes it now when
     * none was started or its making failed. Called holding {@code GroupOffsets.this}.
     */
    private void spareReady() throws IOException {
        CompletableFuture<Void> making = spare;
        spare = null;
        if (making != null) {
            try {
                making.join();
                return;
            } catch (CompletionException | CancellationException e) {
                Log.LOGGER.warn(
                        "{}: making the spare failed ({}); making it again on the commit's path", file, e.getCause());
            }
        }
        log.prepareSpare(nextCapacity());
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
     * one after the other: they should be short (an answer written to a socket). When the file is due
     * to roll (or, in memory, to be compacted), an fsync is instead an atomic rewrite of the file as
     * one record of the current offsets.
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
     * Forces every record written so far (or, past the compaction threshold, rewrites the file as one
     * record of the current offsets), makes them visible to readers, and returns the last commit it
     * covered. Called by one thread at a time (the one that set {@code forcing} under {@code
     * durability}); it holds {@code GroupOffsets.this} to take the target and to publish the offsets,
     * but not while the fsync runs, so that the next commits are written meanwhile (the pairing {@link
     * RecordLog} allows: {@code force} beside {@code write}).
     */
    private long forceWritten() throws IOException {
        long target;
        RecordLog forced;
        synchronized (this) {
            target = writtenSeq;
            forced = log;
            if (rollDue()) {
                if (storage.preallocates()) {
                    spareReady();
                }
                List<QueueOffset> all = new ArrayList<>();
                written.forEach((key, offset) -> all.add(new QueueOffset(key.broker(), key.queueId(), offset)));
                log.rewrite(List.of(encode(all))); // forced before it returns
                forced = null;
            }
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
            if (spare != null) { // a spare is never made beside the log's close
                spare.exceptionally(failed -> null).join();
                spare = null;
            }
            if (log != null) {
                log.close();
            }
        }
    }

    private static byte[] encode(List<QueueOffset> offsets) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 32 * offsets.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(offsets.size());
            for (QueueOffset offset : offsets) {
                byte[] broker = offset.brokerName().getBytes(StandardCharsets.UTF_8);
                out.writeShort(broker.length);
                out.write(broker);
                out.writeInt(offset.queueId());
                out.writeLong(offset.offset());
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

    /** The logger, made at the first line logged: a group's offsets (the emulator's) set up no logging. */
    private static final class Log {

        static final Logger LOGGER = LoggerFactory.getLogger(GroupOffsets.class);
    }
}
