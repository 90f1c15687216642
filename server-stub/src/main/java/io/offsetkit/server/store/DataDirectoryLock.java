package io.offsetkit.server.store;

import java.io.Closeable;
import java.io.IOException;

/**
 * The exclusive hold of one process on a data directory, as an operating-system lock on its {@link
 * StoreLayout#lockFile() .lock} file, so that two processes never write the same logs. The lock goes
 * with the process: a crashed process leaves the file behind but not the lock. Closing releases it.
 *
 * <p>The file lock belongs to the whole JVM, so a second open of the same directory in this process
 * is refused too (the JDK reports it as an overlapping lock). In memory, the lock is the storage's
 * own, with the same rule.
 */
final class DataDirectoryLock implements Closeable {

    private final Closeable hold; // closing it releases the lock

    private DataDirectoryLock(Closeable hold) {
        this.hold = hold;
    }

    /**
     * Takes the lock of the data directory of {@code layout}, which must exist, without waiting.
     *
     * @throws DataDirectoryInUseException when another process (or this one) holds the lock; the
     *     message names the directory
     * @throws IOException when the lock file cannot be created
     */
    static DataDirectoryLock acquire(StoreLayout layout) throws IOException {
        Closeable hold = layout.storage().tryLock(layout.lockFile());
        if (hold == null) {
            throw new DataDirectoryInUseException(layout.directory());
        }
        return new DataDirectoryLock(hold);
    }

    @Override
    public void close() throws IOException {
        hold.close();
    }
}
