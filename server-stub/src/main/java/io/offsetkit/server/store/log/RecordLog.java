package io.offsetkit.server.store.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
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
 *   header   8 bytes   the magic {@code "OKLOG"}, then the format version 1 as 3 bytes
 *   record*  4 bytes   payload length n, 0 &lt;= n &lt;= {@value #MAX_PAYLOAD}
 *            4 bytes   CRC-32C over the 4 length bytes and the n payload bytes
 *            n bytes   payload
 * </pre>
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
 *       one that is not whole, then truncates the file there, so the log opens cleanly and the torn
 *       record is gone as if its append never happened;
 *   <li>{@link #rewrite} replaces the whole file atomically (temporary file, force, rename, force of
 *       the directory): a crash leaves the old contents or the new ones.
 * </ul>
 *
 * Not thread-safe, and it takes no monitor of its own, but for one pairing: the owner serialises every
 * call under a monitor of its own, except that {@link #force} may run beside {@link #write} (never
 * beside {@link #rewrite} or {@link #close}). The store's owners: the catalog under {@code
 * Catalog.this}, a queue under its {@code appendLock}, a group's offsets under {@code
 * GroupOffsets.this}, whose group commit calls {@link #force} outside it.
 */
public final class RecordLog implements Closeable {

    /** The largest payload of one record, in bytes. */
    public static final int MAX_PAYLOAD = 16 * 1024 * 1024;

    private static final byte[] HEADER = {'O', 'K', 'L', 'O', 'G', 0, 0, 1};
    private static final int RECORD_HEADER = 8;

    private final Storage storage;
    private final Path file;
    private volatile Storage.LogFile channel;
    private long end; // written by write and rewrite, which the owner serialises
    private volatile IOException failure; // read by force(), which may run beside write()

    private RecordLog(Storage storage, Path file, Storage.LogFile channel, long end) {
        this.storage = storage;
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
            writeAtomically(storage, file, List.of());
        }
        Storage.LogFile channel = storage.open(file);
        try {
            long end = replay(file, channel, replay);
            if (end < channel.size()) {
                Log.LOGGER.warn(
                        "{}: dropped a torn record at byte {} of {} (a crash interrupted its append)",
                        file,
                        end,
                        channel.size());
                channel.truncate(end);
                channel.force(true);
            }
            return new RecordLog(storage, file, channel, end);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
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

    /**
     * Replaces the whole log with {@code payloads}, atomically: after a crash the file holds either
     * its previous records or exactly these.
     */
    public void rewrite(List<byte[]> payloads) throws IOException {
        refuseAfterFailure();
        writeAtomically(storage, file, payloads);
        channel.close();
        channel = storage.open(file);
        end = channel.size();
    }

    /** The size of the file in bytes. */
    public long size() {
        return end;
    }

    /** Where the log lives. */
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static long replay(Path file, Storage.LogFile channel, Consumer<ByteBuffer> replay) throws IOException {
        long size = channel.size();
        ByteBuffer header = ByteBuffer.allocate(HEADER.length);
        readFully(channel, header, 0);
        if (header.hasRemaining() || !header.flip().equals(ByteBuffer.wrap(HEADER))) {
            throw new CorruptLogException(file + " is not an offsetkit record log (bad or short header)");
        }
        long position = HEADER.length;
        ByteBuffer recordHeader = ByteBuffer.allocate(RECORD_HEADER);
        while (position + RECORD_HEADER <= size) {
            readFully(channel, recordHeader.clear(), position);
            int length = recordHeader.getInt(0);
            int crc = recordHeader.getInt(4);
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

    private static void writeAtomically(Storage storage, Path file, List<byte[]> payloads) throws IOException {
        int size = HEADER.length;
        for (byte[] payload : payloads) {
            size += RECORD_HEADER + payload.length;
        }
        ByteBuffer contents = ByteBuffer.allocate(size).put(HEADER);
        for (byte[] payload : payloads) {
            contents.put(encode(payload));
        }
        storage.writeAtomically(file, contents.flip());
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

    private static void readFully(Storage.LogFile channel, ByteBuffer buffer, long position) throws IOException {
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
