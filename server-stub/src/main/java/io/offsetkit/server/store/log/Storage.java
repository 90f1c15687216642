package io.offsetkit.server.store.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Where the store's files keep their bytes: the file system, forced to disk ({@link #disk()}, what
 * {@code java -jar} uses), or memory ({@link MemoryStorage}, the emulator's default). The store's
 * code is the same over both: its {@link RecordLog}s, queues, offsets and catalog only ever reach
 * their bytes through this interface, so that the emulator in an app's tests runs the very store
 * the server runs, without a forced write.
 *
 * <p>Paths name files; on disk they are files, in memory they are keys. Implementations are
 * thread-safe; a {@link LogFile} is used as {@link RecordLog} documents.
 */
public interface Storage {

    /**
     * What an atomic write adds to a file's name for its temporary file on disk: the longest name a
     * file gets for a moment ({@link #writeAtomically}).
     */
    String TEMP_SUFFIX = ".tmp";

    /** Files on disk, each change forced before it is acknowledged. */
    static Storage disk() {
        return DiskStorage.INSTANCE;
    }

    /** Whether a file exists. */
    boolean exists(Path file);

    /**
     * Opens an existing file for reading and writing.
     *
     * @throws java.nio.file.NoSuchFileException when it does not exist
     */
    LogFile open(Path file) throws IOException;

    /**
     * Replaces the whole file with {@code contents} (creating it), atomically: afterwards the file
     * holds either what it held before or exactly these bytes, even after a crash. Its directory must
     * exist. A {@link LogFile} opened before goes on seeing the file it opened.
     */
    void writeAtomically(Path file, ByteBuffer contents) throws IOException;

    /**
     * Deletes a file, durably, when it exists. A {@link LogFile} opened before must be closed first:
     * what it would write afterwards is lost.
     */
    void delete(Path file) throws IOException;

    /** Deletes a directory when it exists and is empty; in memory, where directories are implied, nothing. */
    void deleteDirectoryIfEmpty(Path directory) throws IOException;

    /** Creates a directory and its missing parents, each one durably. */
    void createDirectories(Path directory) throws IOException;

    /**
     * Takes the exclusive hold on a lock file without waiting (creating it when absent).
     *
     * @return what releases the hold when closed, or null when someone holds it already
     */
    Closeable tryLock(Path lockFile) throws IOException;

    /**
     * Whether {@link LogFile#force} reaches a durable medium and takes time (on disk), or costs nothing
     * (in memory): what decides whether waiting commits are worth handing to another thread to force
     * while the covered ones are answered.
     */
    default boolean forces() {
        return false;
    }

    /** One open file: reads and writes at positions, never through a shared position. */
    interface LogFile extends Closeable {

        /** Reads into {@code buffer} from {@code position}; -1 at the end of the file. */
        int read(ByteBuffer buffer, long position) throws IOException;

        /** Writes {@code buffer} at {@code position}, growing the file as needed; returns the bytes written. */
        int write(ByteBuffer buffer, long position) throws IOException;

        /** The file's size in bytes. */
        long size() throws IOException;

        /** Cuts the file at {@code size} bytes. */
        void truncate(long size) throws IOException;

        /**
         * Forces what was written to the storage's durable medium ({@code fdatasync}, or with the
         * metadata {@code fsync}); nothing to do in memory.
         */
        void force(boolean metadata) throws IOException;
    }
}
