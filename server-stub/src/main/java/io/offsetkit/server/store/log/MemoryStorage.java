package io.offsetkit.server.store.log;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Storage} in the heap: each file a growable byte array under its path, nothing forced
 * (there is no crash to survive), directories implied by the files' paths. The store runs over it
 * unchanged, which is the emulator's in-memory state: the same record logs, the same replay at open.
 *
 * <p>{@link #copy()} takes a copy of every file, in time proportional to their bytes: the emulator
 * keeps the state it started with as one, and a reset opens a new store over a copy of it instead
 * of writing the fixture again.
 *
 * <p>{@link #writeImage} and {@link #readImage} keep the files under one directory as one stream, by
 * their paths relative to it: the emulator's bundled starting state is written so at build time and
 * read at its first start, in place of filling a store.
 *
 * <p>Thread-safe: the map of files is concurrent, and each file's bytes are guarded by the file's
 * own monitor.
 */
public final class MemoryStorage implements Storage {

    /** "OKMEM", then the image's version, 1, as three bytes. */
    private static final long IMAGE_MAGIC = 0x4f4b4d454d000001L;

    private final Map<Path, Bytes> files = new ConcurrentHashMap<>();
    private final Set<Path> locks = ConcurrentHashMap.newKeySet();

    /** An empty storage. */
    public MemoryStorage() {}

    /** A new storage holding a copy of every file of this one (not its locks). */
    public MemoryStorage copy() {
        MemoryStorage copy = new MemoryStorage();
        files.forEach((path, bytes) -> copy.files.put(path, bytes.copy()));
        return copy;
    }

    /**
     * Writes every file under {@code directory} to {@code out}: "OKMEM" and a version, the count of
     * files, then each one's path relative to the directory (with {@code /}) and its bytes, in the
     * order of their paths, so that the same files give the same bytes.
     */
    public void writeImage(Path directory, OutputStream out) throws IOException {
        Path root = key(directory);
        Map<String, byte[]> sorted = new TreeMap<>();
        for (Map.Entry<Path, Bytes> file : files.entrySet()) {
            if (file.getKey().startsWith(root)) {
                String relative = root.relativize(file.getKey()).toString().replace('\\', '/');
                sorted.put(relative, file.getValue().contents());
            }
        }
        DataOutputStream data = new DataOutputStream(out);
        data.writeLong(IMAGE_MAGIC);
        data.writeInt(sorted.size());
        for (Map.Entry<String, byte[]> file : sorted.entrySet()) {
            data.writeUTF(file.getKey());
            data.writeInt(file.getValue().length);
            data.write(file.getValue());
        }
        data.flush();
    }

    /**
     * A storage holding the files of an image {@link #writeImage} wrote, under {@code directory}.
     *
     * @throws IOException when {@code in} cannot be read or holds no image of this version
     */
    public static MemoryStorage readImage(Path directory, InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readLong() != IMAGE_MAGIC) {
            throw new IOException("not an image of files in memory of version 1");
        }
        MemoryStorage storage = new MemoryStorage();
        Path root = key(directory);
        for (int count = data.readInt(); count > 0; count--) {
            Path file = root.resolve(data.readUTF()).normalize();
            int size = data.readInt();
            if (!file.startsWith(root) || size < 0) {
                throw new IOException("an image's file lies outside its directory or has a negative size");
            }
            Bytes bytes = new Bytes();
            bytes.data = new byte[Math.max(64, size)];
            data.readFully(bytes.data, 0, size);
            bytes.size = size;
            storage.files.put(file, bytes);
        }
        return storage;
    }

    @Override
    public boolean exists(Path file) {
        return files.containsKey(key(file));
    }

    @Override
    public LogFile open(Path file) throws IOException {
        Bytes bytes = files.get(key(file));
        if (bytes == null) {
            throw new NoSuchFileException(file.toString());
        }
        return new Handle(file, bytes);
    }

    @Override
    public void writeAtomically(Path file, ByteBuffer contents) {
        Bytes bytes = new Bytes();
        bytes.write(contents, 0);
        files.put(key(file), bytes); // one put: readers see the old file or the new one
    }

    @Override
    public void delete(Path file) {
        files.remove(key(file));
    }

    @Override
    public void deleteDirectoryIfEmpty(Path directory) {
        // Directories are implied by the paths of the files.
    }

    @Override
    public void createDirectories(Path directory) {
        // Directories are implied by the paths of the files.
    }

    @Override
    public Closeable tryLock(Path lockFile) {
        Path key = key(lockFile);
        return locks.add(key) ? () -> locks.remove(key) : null;
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** A file's bytes. */
    private static final class Bytes {

        private byte[] data = new byte[64]; // guarded by this
        private int size; // guarded by this

        synchronized int read(ByteBuffer buffer, long position) {
            if (position >= size) {
                return -1;
            }
            int count = (int) Math.min(buffer.remaining(), size - position);
            buffer.put(data, (int) position, count);
            return count;
        }

        synchronized int write(ByteBuffer buffer, long position) {
            int count = buffer.remaining();
            long end = position + count;
            if (end > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("a file in memory holds at most 2 GiB; this write would end at " + end);
            }
            if (end > data.length) {
                data = Arrays.copyOf(data, (int) Math.max(end, Math.min(Integer.MAX_VALUE - 8, 2L * data.length)));
            }
            buffer.get(data, (int) position, count);
            size = (int) Math.max(size, end);
            return count;
        }

        synchronized long size() {
            return size;
        }

        synchronized void truncate(long newSize) {
            size = (int) Math.min(size, Math.max(0, newSize));
        }

        synchronized byte[] contents() {
            return Arrays.copyOf(data, size);
        }

        synchronized Bytes copy() {
            Bytes copy = new Bytes();
            copy.data = Arrays.copyOf(data, Math.max(64, size));
            copy.size = size;
            return copy;
        }
    }

    /** An open file: the bytes it opened, until closed. */
    private static final class Handle implements LogFile {

        private final Path file;
        private final Bytes bytes;
        private volatile boolean closed;

        Handle(Path file, Bytes bytes) {
            this.file = file;
            this.bytes = bytes;
        }

        @Override
        public int read(ByteBuffer buffer, long position) throws IOException {
            return open().read(buffer, position);
        }

        @Override
        public int write(ByteBuffer buffer, long position) throws IOException {
            return open().write(buffer, position);
        }

        @Override
        public long size() throws IOException {
            return open().size();
        }

        @Override
        public void truncate(long size) throws IOException {
            open().truncate(size);
        }

        @Override
        public void force(boolean metadata) throws IOException {
            open();
        }

        @Override
        public void close() {
            closed = true;
        }

        private Bytes open() throws IOException {
            if (closed) {
                throw new ClosedChannelException();
            }
            return bytes;
        }

        @Override
        public String toString() {
            return "memory:" + file;
        }
    }
}
