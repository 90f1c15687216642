package io.offsetkit.server.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive hold of one process on a data directory, as an operating-system lock on its {@link
 * StoreLayout#lockFile() .lock} file, so that two processes never write the same logs. The lock goes
 * with the process: a crashed process leaves the file behind but not the lock. Closing releases it.
 *
 * <p>The file lock belongs to the whole JVM, so a second open of the same directory in this process
 * is refused too (the JDK reports it as an overlapping lock).
 */
final class DataDirectoryLock implements Closeable {

    private final FileChannel channel; // its lock is released when the channel closes

    private DataDirectoryLock(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Takes the lock of the data directory of {@code layout}, which must exist, without waiting.
     *
     * @throws IOException when the lock file cannot be created, or another process (or this one)
     *     holds the lock; the message then names the directory
     */
    static DataDirectoryLock acquire(StoreLayout layout) throws IOException {
        FileChannel channel = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this very process has it open already
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("the data directory " + layout.directory() + " is in use by another process");
        }
        return new DataDirectoryLock(channel);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
