package io.offsetkit.server.store.log;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * One value kept durable in place: a file of fixed size whose three slots each hold the whole value as
 * some write left it, with that write's sequence number. A write overwrites a slot that holds neither
 * the newest forced value nor the one being forced, so a crash at any moment leaves the newest forced
 * value whole; at open the whole slot (length and CRC matching) of the highest sequence number wins.
 * The file never grows and nothing is appended: a write overwrites blocks written when the file was
 * made, so its {@code fdatasync} forces those blocks alone (not a new size, as an append must), and no
 * spare file, roll or compaction is ever needed. What a group's offsets need, since each commit can be
 * written as the group's whole state (a few hundred bytes).
 *
 * <p>File format (all integers big-endian), in blocks of the slot size {@code s} (at least {@value
 * #MIN_SLOT} bytes, a power of two):
 *
 * <pre>
 *   block 0    8 bytes   the magic {@code "OKLOG"}, then the format version, {@value #VERSION}, as 3 bytes
 *              4 bytes   the slot size s; zeros up to s
 *   block 1-3  4 bytes   payload length n, 0 &lt;= n &lt;= s - {@value #SLOT_HEADER}
 *              4 bytes   CRC-32C over the length, the sequence number and the payload
 *              8 bytes   sequence number, 1 for the value the file was made with, one more each write
 *              n bytes   payload; the rest of the slot is whatever an earlier write left
 * </pre>
 *
 * <p>Which slot a write goes to: the one that is neither {@code durable} (the newest value forced) nor
 * being forced; writes between two forces overwrite that same slot, each with the whole value, and a
 * force makes it the durable one. A crash can tear only a slot that is not durable. A value that no
 * longer fits a slot makes the file anew with slots twice as large, atomically and forced ({@link
 * Storage#writeAtomically}).
 *
 * <p>Thread-safe: its own monitor guards the slots' state. {@link #force} runs its {@code fdatasync}
 * outside it, so that writes go on meanwhile (into the third slot); one thread at a time may force.
 */
public final class SlotFile implements Closeable {

    /** The format version in the header: record logs are versions 1 and 2 ({@link RecordLog}). */
    public static final int VERSION = 3;

    static final int MIN_SLOT = 4096;
    static final int SLOT_HEADER = 16;
    private static final int SLOTS = 3;

    private final Storage storage;
    private final Path file;
    // Guarded by this.
    private Storage.LogFile channel;
    private int slotSize;
    private final long[] seqs = new long[SLOTS]; // the sequence number each slot holds, 0 for none
    private int durable; // the slot of the newest forced value
    private int forcing = -1; // the slot being forced, -1 when none
    private int scratch; // the slot the next write overwrites
    private boolean unforced; // scratch holds a write no force has covered yet
    private long lastSeq;
    private IOException failure;

    private SlotFile(Storage storage, Path file, Storage.LogFile channel, int slotSize, int durable, long[] seqs) {
        this.storage = storage;
        this.file = file;
        this.channel = channel;
        this.slotSize = slotSize;
        this.durable = durable;
        System.arraycopy(seqs, 0, this.seqs, 0, SLOTS);
        this.lastSeq = seqs[durable];
        this.scratch = oldestBesides(durable, -1);
    }

    /**
     * The format version in the header of an existing file of the store: {@value #VERSION} for a slot
     * file, 1 or 2 for a {@link RecordLog}.
     *
     * @throws CorruptLogException when it does not start with the store's magic
     */
    public static int formatVersion(Storage storage, Path file) throws IOException {
        try (Storage.LogFile channel = storage.open(file)) {
            return RecordLog.headerVersion(file, channel);
        }
    }

    /**
     * Makes the file, holding {@code value}, atomically and forced (its directories made too, durably),
     * replacing what was there: afterwards the value is durable.
     */
    public static SlotFile create(Storage storage, Path file, byte[] value) throws IOException {
        storage.createDirectories(file.toAbsolutePath().getParent());
        int slotSize = slotSizeFor(value.length, MIN_SLOT);
        storage.writeAtomically(file, image(slotSize, value, 1));
        return new SlotFile(storage, file, storage.open(file), slotSize, 0, new long[] {1, 0, 0});
    }

    /**
     * Opens an existing slot file.
     *
     * @throws CorruptLogException when it is not one (another version, a bad header) or no slot is whole
     */
    public static SlotFile open(Storage storage, Path file) throws IOException {
        Storage.LogFile channel = storage.open(file);
        try {
            int version = RecordLog.headerVersion(file, channel);
            if (version != VERSION) {
                throw new CorruptLogException(
                        file + " is of format version " + version + ", not a slot file (version " + VERSION + ")");
            }
            ByteBuffer size = ByteBuffer.allocate(4);
            RecordLog.readFully(channel, size, 8);
            if (size.hasRemaining()) {
                throw new CorruptLogException(file + " is not an offsetkit store file (bad or short header)");
            }
            int slotSize = size.getInt(0);
            if (slotSize < MIN_SLOT || Integer.bitCount(slotSize) != 1 || slotSize > RecordLog.MAX_PAYLOAD * 2) {
                throw new CorruptLogException(file + ": slot size " + slotSize + " is not one this format has");
            }
            long[] seqs = new long[SLOTS];
            int newest = -1;
            for (int slot = 0; slot < SLOTS; slot++) {
                seqs[slot] = wholeSlotSeq(channel, slotSize, slot);
                if (seqs[slot] > 0 && (newest < 0 || seqs[slot] > seqs[newest])) {
                    newest = slot;
                }
            }
            if (newest < 0) {
                throw new CorruptLogException(file + ": no slot holds a whole value");
            }
            return new SlotFile(storage, file, channel, slotSize, newest, seqs);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The newest whole value: the payload of the durable slot. */
    public synchronized ByteBuffer value() throws IOException {
        ByteBuffer slot = ByteBuffer.allocate(slotSize);
        RecordLog.readFully(channel, slot, position(durable));
        slot.flip();
        int length = slot.getInt(0);
        return slot.slice(SLOT_HEADER, length);
    }

    /**
     * Writes {@code value} as the file's new value, not yet forced ({@link #force} makes it durable),
     * into a slot that holds neither the durable value nor the one being forced. A value too large for
     * the slots makes the file anew with larger ones, forced: durable when this returns.
     *
     * @throws IOException when the write fails, or an earlier force did (the file's state on disk is
     *     then unknown: restart to recover)
     */
    public synchronized void write(byte[] value) throws IOException {
        refuseAfterFailure();
        if (SLOT_HEADER + value.length > slotSize) {
            grow(value);
            return;
        }
        long seq = ++lastSeq;
        ByteBuffer slot = slot(value, seq);
        long at = position(scratch);
        while (slot.hasRemaining()) {
            channel.write(slot, at + slot.position());
        }
        seqs[scratch] = seq;
        unforced = true;
    }

    /**
     * Forces every value written so far to the durable medium ({@code fdatasync}); the slot written
     * last is the durable one once it returns. Writes go on meanwhile, into the third slot. One thread
     * at a time; nothing to do when no write came since the last force.
     */
    public void force() throws IOException {
        Storage.LogFile forced;
        int slot;
        synchronized (this) {
            refuseAfterFailure();
            if (!unforced) {
                return;
            }
            slot = scratch;
            forcing = slot;
            unforced = false;
            scratch = oldestBesides(durable, slot);
            forced = channel;
        }
        try {
            forced.force(false);
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                failure = e instanceof IOException io ? io : new IOException(e);
                forcing = -1;
                notifyAll();
            }
            throw e;
        }
        synchronized (this) {
            durable = slot;
            forcing = -1;
            notifyAll();
        }
    }

    /** Where the file lives. */
    public Path file() {
        return file;
    }

    /** The size of one slot in bytes (the file is four of them). */
    public synchronized int slotSize() {
        return slotSize;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /**
     * Makes the file anew, atomically and forced, with slots twice as large as the value needs, holding
     * the value: every write before it is covered, since the value is the whole state. Waits for a
     * running force first: its slot's fate must be settled before the file it forces is replaced.
     */
    private void grow(byte[] value) throws IOException {
        while (forcing >= 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(file + ": interrupted while a force ran");
            }
        }
        refuseAfterFailure();
        long seq = ++lastSeq;
        int grown = slotSizeFor(value.length, slotSize * 2);
        storage.writeAtomically(file, image(grown, value, seq));
        channel.close();
        channel = storage.open(file);
        slotSize = grown;
        seqs[0] = seq;
        seqs[1] = 0;
        seqs[2] = 0;
        durable = 0;
        scratch = 1;
        unforced = false;
    }

    private void refuseAfterFailure() throws IOException {
        if (failure != null) {
            throw new IOException(file + ": an earlier fsync failed; restart to recover", failure);
        }
    }

    /** The slot, other than {@code a} and {@code b}, that holds the oldest value (or none). */
    private int oldestBesides(int a, int b) {
        int oldest = -1;
        for (int slot = 0; slot < SLOTS; slot++) {
            if (slot != a && slot != b && (oldest < 0 || seqs[slot] < seqs[oldest])) {
                oldest = slot;
            }
        }
        return oldest;
    }

    private long position(int slot) {
        return (long) (slot + 1) * slotSize;
    }

    /** The smallest power of two, at least {@code atLeast}, that holds a value of {@code length} bytes. */
    private static int slotSizeFor(int length, int atLeast) {
        if (length > RecordLog.MAX_PAYLOAD) {
            throw new IllegalArgumentException("a value of " + length + " bytes is over " + RecordLog.MAX_PAYLOAD);
        }
        int size = atLeast;
        while (size < SLOT_HEADER + length) {
            size *= 2;
        }
        return size;
    }

    /** The whole file: the header block, {@code value} in the first slot, the two others empty. */
    private static ByteBuffer image(int slotSize, byte[] value, long seq) {
        ByteBuffer image = ByteBuffer.allocate((SLOTS + 1) * slotSize);
        image.put(RecordLog.header(VERSION)).putInt(slotSize);
        image.position(slotSize);
        image.put(slot(value, seq));
        return image.clear();
    }

    private static ByteBuffer slot(byte[] value, long seq) {
        ByteBuffer slot = ByteBuffer.allocate(SLOT_HEADER + value.length);
        slot.putInt(value.length)
                .putInt(crc(value.length, seq, value, 0))
                .putLong(seq)
                .put(value);
        return slot.flip();
    }

    /** The sequence number of a whole slot (its length and CRC match), 0 for a torn or empty one. */
    private static long wholeSlotSeq(Storage.LogFile channel, int slotSize, int slot) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(slotSize);
        RecordLog.readFully(channel, bytes, (long) (slot + 1) * slotSize);
        if (bytes.position() < SLOT_HEADER) {
            return 0;
        }
        int length = bytes.getInt(0);
        long seq = bytes.getLong(8);
        if (length < 0 || length > slotSize - SLOT_HEADER || SLOT_HEADER + length > bytes.position() || seq <= 0) {
            return 0;
        }
        return bytes.getInt(4) == crc(length, seq, bytes.array(), SLOT_HEADER) ? seq : 0;
    }

    private static int crc(int length, long seq, byte[] payload, int offset) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(12).putInt(length).putLong(seq).flip());
        crc.update(payload, offset, length);
        return (int) crc.getValue();
    }
}
