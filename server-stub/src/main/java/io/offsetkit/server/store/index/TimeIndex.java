package io.offsetkit.server.store.index;

import java.util.Arrays;

/**
 * The time index of one queue: answers "the first offset whose store timestamp is at or after t" in
 * O(log n), in about one byte per message for messages a millisecond or so apart.
 *
 * <p>What it indexes: message {@code i} (offset {@code minOffset + i}) carries the <em>running
 * maximum</em> {@code m(i) = max(ts(0), ..., ts(i))} of the store timestamps appended so far, so the
 * indexed values never decrease even when a broker clock stepped back; the answer therefore never
 * moves backwards as {@code t} grows.
 *
 * <p>Format, in memory: the values are cut into blocks of {@value #BLOCK} messages. A full block is
 * sealed into frame-of-reference bit packing:
 *
 * <ul>
 *   <li>{@code blockBase[b]}: {@code m(b * BLOCK)}, the block's first (and smallest) value;
 *   <li>{@code blockWidth[b]}: {@code w}, the bits needed for the block's span {@code m(last) -
 *       m(first)}, 0 to 63 (0 when every value of the block is equal);
 *   <li>{@code blockWord[b]}: where the block's deltas start in {@code words}; the block uses exactly
 *       {@code 2w} longs, entry {@code i}'s delta {@code m(b * BLOCK + i) - blockBase[b]} at bits
 *       {@code [i*w, i*w + w)}, little-endian across word boundaries.
 * </ul>
 *
 * The last, not yet full block is kept unpacked in {@code tail}. Memory per message: {@code w / 8}
 * bytes of deltas plus 13 bytes per block of 128 (0.1 byte); at most about 8.1 bytes when timestamps
 * are hours apart, about 1 byte when they are milliseconds apart. {@link #memoryBytes()} reports it.
 *
 * <p>Invariants: {@code blockBase} is non-decreasing; every sealed block holds exactly {@value
 * #BLOCK} values; {@code size == sealedBlocks * BLOCK + tailSize}; store timestamps are {@code >= 0}.
 *
 * <p>Not thread-safe: the owning queue serialises appends and lookups.
 */
public final class TimeIndex {

    /** Messages per block. A power of two, so that a block's deltas fill whole longs. */
    public static final int BLOCK = 128;

    private static final int BLOCK_SHIFT = 7;
    private static final int INITIAL_BLOCKS = 4;

    private final long minOffset;
    private long[] blockBase = new long[INITIAL_BLOCKS];
    private int[] blockWord = new int[INITIAL_BLOCKS];
    private byte[] blockWidth = new byte[INITIAL_BLOCKS];
    private long[] words = new long[0];
    private int sealedBlocks;
    private int wordsUsed;

    private long[] tail;
    private int tailSize;
    private long runningMax = -1;

    /**
     * An empty index of a queue whose first offset is {@code minOffset} (above 0 after retention).
     *
     * @throws IllegalArgumentException when {@code minOffset} is negative
     */
    public TimeIndex(long minOffset) {
        if (minOffset < 0 || minOffset > Long.MAX_VALUE - Integer.MAX_VALUE) {
            throw new IllegalArgumentException("minOffset must be in [0, 2^63 - 2^31), was " + minOffset);
        }
        this.minOffset = minOffset;
    }

    /**
     * Appends the next message's store timestamp.
     *
     * @throws IllegalArgumentException when {@code storeTimestamp} is negative
     * @throws IllegalStateException when the queue already holds {@code Integer.MAX_VALUE - 1} messages
     */
    public void append(long storeTimestamp) {
        if (storeTimestamp < 0) {
            throw new IllegalArgumentException("a store timestamp is >= 0, was " + storeTimestamp);
        }
        if (size() == Integer.MAX_VALUE - 1) {
            throw new IllegalStateException("a queue holds at most " + (Integer.MAX_VALUE - 1) + " messages");
        }
        if (tail == null) {
            tail = new long[BLOCK];
        }
        runningMax = Math.max(runningMax, storeTimestamp);
        tail[tailSize++] = runningMax;
        if (tailSize == BLOCK) {
            seal();
        }
    }

    /**
     * The offset a consumer reset to time {@code t} starts from:
     *
     * <ul>
     *   <li>{@code t == -1}: the max offset ({@link #maxOffset()}, the next offset to be written);
     *   <li>{@code t} at or before the first message's store timestamp (including {@code t == 0}): the
     *       min offset;
     *   <li>otherwise the offset of the first message whose running-max store timestamp is {@code >=
     *       t}: a message stored exactly at {@code t} is included, and of a run of equal timestamps
     *       the first is chosen;
     *   <li>{@code t} after every message: the max offset;
     *   <li>an empty queue: the min offset, which equals the max offset.
     * </ul>
     *
     * @param t milliseconds since the epoch, {@code >= 0}, or {@code -1} for the latest
     * @throws IllegalArgumentException when {@code t < -1}
     */
    public long offsetForTime(long t) {
        if (t == -1) {
            return maxOffset();
        }
        if (t < 0) {
            throw new IllegalArgumentException("t is a time >= 0 or -1 (latest), was " + t);
        }
        return minOffset + firstPositionAtOrAfter(t);
    }

    /** The first offset of the queue. */
    public long minOffset() {
        return minOffset;
    }

    /** The offset the next message will get: {@code minOffset() + size()}. */
    public long maxOffset() {
        return minOffset + size();
    }

    /** How many messages are indexed. */
    public int size() {
        return sealedBlocks * BLOCK + tailSize;
    }

    /** The bytes this index holds on the heap in its arrays (allocated capacity, not just used). */
    public long memoryBytes() {
        long bytes = 8L * blockBase.length + 4L * blockWord.length + blockWidth.length + 8L * words.length;
        return tail == null ? bytes : bytes + 8L * tail.length;
    }

    /**
     * The position (0-based) of the first message whose running max is {@code >= t}, or {@link #size()}
     * when there is none: a search of the block bases for the last block that starts below {@code t},
     * then a search inside that block. The tail counts as the last block.
     */
    private int firstPositionAtOrAfter(long t) {
        int lo = 0;
        int hi = sealedBlocks + (tailSize > 0 ? 1 : 0);
        while (lo < hi) { // first block whose base is >= t
            int mid = (lo + hi) >>> 1;
            if (base(mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int block = lo - 1; // the last block starting below t: the answer is in it or starts the next
        if (block < 0) {
            return 0;
        }
        int length = block < sealedBlocks ? BLOCK : tailSize;
        int from = 1; // the block's first value is below t
        int to = length;
        while (from < to) {
            int mid = (from + to) >>> 1;
            if (value(block, mid) < t) {
                from = mid + 1;
            } else {
                to = mid;
            }
        }
        return (block << BLOCK_SHIFT) + from;
    }

    private long base(int block) {
        return block < sealedBlocks ? blockBase[block] : tail[0];
    }

    private long value(int block, int i) {
        if (block == sealedBlocks) {
            return tail[i];
        }
        int width = blockWidth[block];
        if (width == 0) {
            return blockBase[block];
        }
        long bit = (long) i * width;
        int word = blockWord[block] + (int) (bit >>> 6);
        int shift = (int) (bit & 63);
        long bits = words[word] >>> shift;
        if (shift + width > 64) {
            bits |= words[word + 1] << (64 - shift);
        }
        return blockBase[block] + (bits & ((1L << width) - 1));
    }

    private void seal() {
        long base = tail[0];
        int width = 64 - Long.numberOfLeadingZeros(tail[BLOCK - 1] - base);
        if (sealedBlocks == blockBase.length) {
            int capacity = sealedBlocks * 2;
            blockBase = Arrays.copyOf(blockBase, capacity);
            blockWord = Arrays.copyOf(blockWord, capacity);
            blockWidth = Arrays.copyOf(blockWidth, capacity);
        }
        int needed = 2 * width; // BLOCK * width bits = 2 * width longs
        if (wordsUsed + needed > words.length) {
            words = Arrays.copyOf(words, Math.max(wordsUsed + needed, words.length * 2));
        }
        for (int i = 0; width > 0 && i < BLOCK; i++) {
            long delta = tail[i] - base;
            long bit = (long) i * width;
            int word = wordsUsed + (int) (bit >>> 6);
            int shift = (int) (bit & 63);
            words[word] |= delta << shift;
            if (shift + width > 64) {
                words[word + 1] |= delta >>> (64 - shift);
            }
        }
        blockBase[sealedBlocks] = base;
        blockWord[sealedBlocks] = wordsUsed;
        blockWidth[sealedBlocks] = (byte) width;
        sealedBlocks++;
        wordsUsed += needed;
        tailSize = 0;
    }
}
