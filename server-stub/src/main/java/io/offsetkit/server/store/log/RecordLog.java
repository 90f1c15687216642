package io.offsetkit.server.store.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of records, each durable before {@link #append} returns and each either whole
 * or absent after a crash. The file lives in a {@link Storage}: on disk, or in memory for the
 * emulator, where the same format and the same replay apply and nothing needs forcing.
 *
 * <p>File format (all integers big-endian):
 *
 * <pre>
 *   header   8 bytes   the magic {@code "OKLOG"}, then the format version, 1 or 2, as 3 bytes
 *   record*  4 bytes   payload length n, 0 &lt;= n &lt;= {@value #MAX_PAYLOAD}
 *            4 bytes   CRC-32C over the 4 length bytes and the n payload bytes
 *            n bytes   payload
 *   zeros    (version 2 only) free space up to the file's size: the end of the log
 * </pre>
 *
 * <p>This build writes version 1: each record's fsync also commits the file's new size. Version 2 is
 * what earlier builds wrote for a group's offsets, <em>preallocated</em>: zeros up to the file's size
 * after the records, a record header of 8 zero bytes marking the end of the log (no record has it: its
 * CRC would not match); it is read, never written. A group's offsets are now a {@link SlotFile}
 * (version 3). A file of another version is refused with a message naming it.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>a new file is written whole under a temporary name, forced to disk and renamed into place, so
 *       a file under its real name always has a valid header;
 *   <li>{@link #append} writes one record at the end and forces the data to disk ({@code fdatasync})
 *       before returning: a returned append survives a crash of the process or of the machine;
 *   <li>a crash during an append leaves at most one torn record at the end (a short length, a short
 *       payload, or a CRC that does not match). {@link #open} replays every record before the first
 *       one that is not whole, then cuts the file there (version 1) or writes zeros over what follows
 *       it (version 2, so that no byte of the torn record can later be read as part of a record), so
 *       the log opens cleanly and the torn record is gone as if its append never happened;
 * </ul>
 *
 * Not thread-safe, and it takes no monitor of its own, but for one pairing: the owner serialises every
 * call under a monitor of its own, except that {@link #force} may run beside {@link #write} (never
 * beside {@link #close}). The store's owners: the catalog under {@code Catalog.this}, a queue under its
 * {@code appendLock}; a group's offsets of an earlier build are only read.
 */
public final class RecordLog implements Closeable {

    /** The largest payload of one record, in bytes. */
    public static final int MAX_PAYLOAD = 16 * 1024 * 1024;

    private static final byte[] MAGIC = {'O', 'K', 'L', 'O', 'G'};
    private static final int HEADER_LENGTH = 8;
    private static final int GROWING = 1;
    private static final int PREALLOCATED = 2;
    private static final int RECORD_HEADER = 8;
    private static final int ZEROS_CHUNK = 64 * 1024;

    private final Path file;
    private final Storage.LogFile channel;
    private long end; // written by write, which the owner serialises
    private volatile IOException failure; // read by force(), which may run beside write()

    private RecordLog(Path file, Storage.LogFile channel, long end) {
        this.file = file;
        this.channel = channel;
        this.end = end;
    }

    /** Opens the log at {@code file} on disk: {@link #open(Storage, Path, Consumer)} on {@link Storage#disk()}. */
    public static RecordLog open(Path file, Consumer<ByteBuffer> replay) throws IOException {
        return open(Storage.disk(), file, replay);
    }

    /**
     * Opens the log at {@code file} in {@code storage}, creating it (and its directories, durably)
     * when absent; passes every whole record's payload to {@code replay}, in order; truncates a torn
     * tail.
     *
     * @throws CorruptLogException when the file exists but does not start with this format's header
     */
    public static RecordLog open(Storage storage, Path file, Consumer<ByteBuffer> replay) throws IOException {
        if (!storage.exists(file)) {
            storage.createDirectories(file.toAbsolutePath().getParent());
            storage.writeAtomically(file, header(GROWING));
        }
        Storage.LogFile channel = storage.open(file);
        try {
            long size = channel.size();
            int version = version(file, channel);
            long end = replay(file, channel, version, replay);
            if (end < size && version == GROWING) {
                Log.LOGGER.warn(
                        "{}: dropped a torn record at byte {} of {} (a crash interrupted its append)", file, end, size);
                channel.truncate(end);
                channel.force(true);
            } else if (end < size) {
                zeroTail(file, channel, end, size);
            }
            return new RecordLog(file, channel, end);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Writes zeros over whatever a torn record left after the last whole one of a preallocated log,
     * and forces them: a later record written at the end must not be followed by bytes of the torn
     * one, which could read as its continuation.
     */
    private static void zeroTail(Path file, Storage.LogFile channel, long end, long size) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(ZEROS_CHUNK);
        long lastNonZero = -1;
        for (long at = end; at < size; at += ZEROS_CHUNK) {
            chunk.clear().limit((int) Math.min(ZEROS_CHUNK, size - at));
            readFully(channel, chunk, at);
            for (int i = chunk.position() - 1; i >= 0; i--) {
                if (chunk.get(i) != 0) {
                    lastNonZero = at + i;
                    break;
                }
            }
        }
        if (lastNonZero < 0) {
            return; // the free space of a cleanly closed log
        }
        Log.LOGGER.warn(
                "{}: dropped a torn record at byte {} (a crash interrupted its append); zeroed to byte {}",
                file,
                end,
                lastNonZero + 1);
        ByteBuffer zeros = ByteBuffer.allocate(ZEROS_CHUNK);
        for (long at = end; at <= lastNonZero; at += ZEROS_CHUNK) {
            zeros.clear().limit((int) Math.min(ZEROS_CHUNK, lastNonZero + 1 - at));
            while (zeros.hasRemaining()) {
                channel.write(zeros, at + zeros.position());
            }
        }
        channel.force(false);
    }

    /**
     * Appends one record and forces it to disk before returning: {@link #write} then {@link #force}.
     *
     * @throws IOException when the write or the force failed; the log then refuses every further
     *     append, since what reached the disk is unknown (after a failed fsync the kernel may have
     *     dropped the dirty pages): reopening it, after a restart, recovers the records that are whole.
     */
    public void append(byte[] payload) throws IOException {
        write(payload);
        force();
    }

    /**
     * Writes one record at the end without forcing it: it is durable only once a later {@link
     * #force} returns. This lets several writers share one fsync (group commit).
     *
     * @throws IOException when the write failed; the log then refuses every further write
     */
    public void write(byte[] payload) throws IOException {
        refuseAfterFailure();
        ByteBuffer buffer = encode(payload);
        long position = end;
        try {
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        end = position;
    }

    /**
     * Forces every record written so far to disk ({@code fdatasync}). May run while another thread
     * calls {@link #write}; a record written meanwhile may or may not be covered.
     *
     * @throws IOException when the force failed; the log then refuses every further write
     */
    public void force() throws IOException {
        refuseAfterFailure();
        try {
            channel.force(false);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    private void refuseAfterFailure() throws IOException {
        IOException earlier = failure;
        if (earlier != null) {
            throw new IOException(
                    file + " refuses writes since an earlier write failed; restart to recover it", earlier);
        }
    }

    /** The size of the file in bytes. */
    public long size() {
        return end;
    }

    /** Where the log lives. */
    public Path file() {
        return file;
    }

    /** Closes the file. */
    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** The format version in the file's header, 1 or 2; any other is refused. */
    private static int version(Path file, Storage.LogFile channel) throws IOException {
        int version = headerVersion(file, channel);
        if (version != GROWING && version != PREALLOCATED) {
            throw new CorruptLogException(file + " is an offsetkit record log of format version " + version
                    + ", which this build cannot read (it reads versions " + GROWING + " and " + PREALLOCATED
                    + "): was it written by a newer offsetkit?");
        }
        return version;
    }

    /**
     * The format version in the header every file of the store starts with (a record log's, or a
     * {@link SlotFile}'s): the magic, then the version as 3 bytes.
     *
     * @throws CorruptLogException when the file does not start with the magic
     */
    static int headerVersion(Path file, Storage.LogFile channel) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH);
        readFully(channel, header, 0);
        if (header.hasRemaining() || !header.flip().slice(0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC))) {
            throw new CorruptLogException(file + " is not an offsetkit store file (bad or short header)");
        }
        return (header.get(5) & 0xff) << 16 | (header.get(6) & 0xff) << 8 | (header.get(7) & 0xff);
    }

    private static long replay(Path file, Storage.LogFile channel, int version, Consumer<ByteBuffer> replay)
            throws IOException {
        long size = channel.size();
        long position = HEADER_LENGTH;
        ByteBuffer recordHeader = ByteBuffer.allocate(RECORD_HEADER);
        while (position + RECORD_HEADER <= size) {
            readFully(channel, recordHeader.clear(), position);
            int length = recordHeader.getInt(0);
            int crc = recordHeader.getInt(4);
            if (version == PREALLOCATED && length == 0 && crc == 0) {
                return position; // the zeros after the last record
            }
            if (length < 0 || length > MAX_PAYLOAD || position + RECORD_HEADER + length > size) {
                return position;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            readFully(channel, payload, position + RECORD_HEADER);
            if (crc != crc(length, payload.array())) {
                return position;
            }
            replay.accept(payload.flip().asReadOnlyBuffer());
            position += RECORD_HEADER + length;
        }
        return position;
    }

    /** A file's header: the magic, then the format version as 3 bytes; ready to be read. */
    static ByteBuffer header(int version) {
        return ByteBuffer.allocate(HEADER_LENGTH)
                .put(MAGIC)
                .put((byte) (version >>> 16))
                .put((byte) (version >>> 8))
                .put((byte) version)
                .flip();
    }

    private static ByteBuffer encode(byte[] payload) {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException(
                    "a record holds at most " + MAX_PAYLOAD + " bytes, this one has " + payload.length);
        }
        ByteBuffer buffer = ByteBuffer.allocate(RECORD_HEADER + payload.length);
        buffer.putInt(payload.length).putInt(crc(payload.length, payload)).put(payload);
        return buffer.flip();
    }

    private static int crc(int length, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(4).putInt(0, length));
        crc.update(payload);
        return (int) crc.getValue();
    }

    /** Reads until {@code buffer} is full or the file ends. */
    static void readFully(Storage.LogFile channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                return;
            }
        }
    }

    /** The logger, made at the first warning: opening a store sets up no logging. */
    private static final class Log {

        static final Logger LOGGER = LoggerFactory.getLogger(RecordLog.class);
    }
}
