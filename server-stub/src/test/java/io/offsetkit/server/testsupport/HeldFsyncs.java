package io.offsetkit.server.testsupport;

import io.offsetkit.server.store.log.Storage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store's storage for tests of durability: the disk, with the fsyncs of the groups' offsets files (those under the store's {@code offsets}
 * directory) counted, held by a gate when asked, or failed once.
 */
public final class HeldFsyncs implements Storage {

    private final Storage disk;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile boolean failNext;
    /** Counted down when the first offsets fsync starts (before the gate). */
    public final CountDownLatch forceStarted = new CountDownLatch(1);
    /** The offsets fsyncs that have returned. */
    public final AtomicInteger forcesDone = new AtomicInteger();
    /** The threads that did the offsets fsyncs that have returned, in order. */
    public final List<Thread> forcers = new CopyOnWriteArrayList<>();

    public HeldFsyncs(Storage disk) {
        this.disk = disk;
    }

    /** From now on an offsets fsync waits until {@link #release}. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    /** Lets the held fsyncs, and those to come, run. */
    public void release() {
        gate.countDown();
    }

    /** The next offsets fsync fails with an {@link IOException}, without forcing. */
    public void failNext() {
        failNext = true;
    }

    private boolean offsets(Path file) {
        for (Path name : file) {
            if (name.toString().equals("offsets")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean exists(Path file) {
        return disk.exists(file);
    }

    @Override
    public LogFile open(Path file) throws IOException {
        LogFile opened = disk.open(file);
        if (!offsets(file)) {
            return opened;
        }
        return new LogFile() {
            @Override
            public int read(ByteBuffer buffer, long position) throws IOException {
                return opened.read(buffer, position);
            }

            @Override
            public int write(ByteBuffer buffer, long position) throws IOException {
                return opened.write(buffer, position);
            }

            @Override
            public long size() throws IOException {
                return opened.size();
            }

            @Override
            public void truncate(long size) throws IOException {
                opened.truncate(size);
            }

            @Override
            public void force(boolean metadata) throws IOException {
                forceStarted.countDown();
                if (failNext) {
                    failNext = false;
                    throw new IOException("fsync failed (held by the test)");
                }
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                opened.force(metadata);
                forcers.add(Thread.currentThread());
                forcesDone.incrementAndGet();
            }

            @Override
            public void close() throws IOException {
                opened.close();
            }
        };
    }

    @Override
    public void writeAtomically(Path file, ByteBuffer contents) throws IOException {
        disk.writeAtomically(file, contents);
    }

    @Override
    public boolean forces() {
        return disk.forces();
    }

    @Override
    public void delete(Path file) throws IOException {
        disk.delete(file);
    }

    @Override
    public void deleteDirectoryIfEmpty(Path directory) throws IOException {
        disk.deleteDirectoryIfEmpty(directory);
    }

    @Override
    public void createDirectories(Path directory) throws IOException {
        disk.createDirectories(directory);
    }

    @Override
    public Closeable tryLock(Path lockFile) throws IOException {
        return disk.tryLock(lockFile);
    }
}
