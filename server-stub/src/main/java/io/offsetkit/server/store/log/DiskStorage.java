package io.offsetkit.server.store.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * {@link Storage} on the file system: a {@link FileChannel} per open file, an atomic write as a
 * temporary file forced to disk and renamed over the file, then the directory forced ({@link
 * Fsync}), and the lock of a lock file as the operating system's (so it goes with the process).
 */
final class DiskStorage implements Storage {

    static final DiskStorage INSTANCE = new DiskStorage();

    private DiskStorage() {}

    @Override
    public boolean exists(Path file) {
        return Files.exists(file);
    }

    @Override
    public LogFile open(Path file) throws IOException {
        // A temporary file left by a crash during an atomic write is not part of the file.
        Files.deleteIfExists(tempOf(file));
        return new ChannelFile(FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE));
    }

    @Override
    public void writeAtomically(Path file, ByteBuffer contents) throws IOException {
        Path temp = tempOf(file);
        try (FileChannel out = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            while (contents.hasRemaining()) {
                out.write(contents);
            }
            out.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Fsync.directory(file.toAbsolutePath().getParent());
    }

    @Override
    public boolean forces() {
        return true;
    }

    @Override
    public void delete(Path file) throws IOException {
        if (Files.deleteIfExists(file)) {
            Fsync.directory(file.toAbsolutePath().getParent());
        }
    }

    @Override
    public void deleteDirectoryIfEmpty(Path directory) throws IOException {
        try {
            Files.delete(directory);
            Fsync.directory(directory.toAbsolutePath().getParent());
        } catch (java.nio.file.NoSuchFileException | java.nio.file.DirectoryNotEmptyException kept) {
            // gone already, or still holds files: either way nothing to do
        }
    }

    @Override
    public void createDirectories(Path directory) throws IOException {
        Fsync.createDirectories(directory);
    }

    @Override
    public Closeable tryLock(Path lockFile) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this very process holds it already: the lock belongs to the whole JVM
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return null;
        }
        return channel; // closing the channel releases its lock
    }

    private static Path tempOf(Path file) {
        return file.resolveSibling(file.getFileName() + TEMP_SUFFIX);
    }

    /** A file channel, read and written at positions. */
    private record ChannelFile(FileChannel channel) implements LogFile {

        @Override
        public int read(ByteBuffer buffer, long position) throws IOException {
            return channel.read(buffer, position);
        }

        @Override
        public int write(ByteBuffer buffer, long position) throws IOException {
            return channel.write(buffer, position);
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public void truncate(long size) throws IOException {
            channel.truncate(size);
        }

        @Override
        public void force(boolean metadata) throws IOException {
            channel.force(metadata);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
