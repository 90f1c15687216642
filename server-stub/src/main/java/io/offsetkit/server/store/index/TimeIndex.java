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
 *   <li>{@code blocks[2b]}: the block's base {@code m(b * BLOCK)}, its first (and smallest) value;
 *   <li>{@code blocks[2b + 1]}: {@code firstWord << 8 | w}, where {@code w} (0 to 63) is the bits
 *       needed for the block's span {@code m(last) - m(first)} (0 when every value of the block is
 *       equal); beside the base, so that the block found costs no further cache miss;
 *   <li>{@code words[firstWord ..]}: the block's deltas, exactly {@code 2w} longs, entry {@code i}'s
 *       delta {@code m(b * BLOCK + i) - blocks[2b]} at bits {@code [i*w, i*w + w)}, little-endian
 *       across word boundaries;
 *   <li>{@code summary[g]}: the base of block {@code g * 8}, so that the search of the block bases starts in
 *       a small array that stays in cache.
 * </ul>
 *
 * The last, not yet full block is kept unpacked in {@code tail}. Memory per message: {@code w / 8}
 * bytes of deltas plus 16 bytes per block of 128 and 8 per 8 blocks (0.13 byte), and arrays grow by half, so up to a
 * third more is allocated than used: about 1.1 to 1.5 bytes a message when messages are milliseconds
 * apart, at most about 8.2 (11 allocated) when they are days apart. {@link #memoryBytes()} reports
 * the allocated figure.
 *
 * <p>Invariants: the block bases are non-decreasing; every sealed block holds exactly {@value
 * #BLOCK} values; {@code size == sealedBlocks * BLOCK + tailSize}; store timestamps are {@code >= 0}.
 *
 * <p>Not thread-safe: the owner serialises appends and lookups (the store's {@code QueueLog} does so on
 * its own monitor, {@code QueueLog.this}).
 */
public final class TimeIndex {

    /** Messages per block. A power of two, so that a block's deltas fill whole longs. */
    public static final int BLOCK = 128;

    private static final int BLOCK_SHIFT = 7;
    private static final int GROUP_SHIFT = 3;
    private static final int GROUP = 1 << GROUP_SHIFT; // blocks per summary entry
    private static final int NARROW = 16; // widths whose block (at most 256 bytes) is searched branch-free
    private static final int INITIAL_BLOCKS = 4;

    private final long minOffset;
    private long[] blocks = new long[2 * INITIAL_BLOCKS]; // per block: base, then firstWord << 8 | width
    private long[] summary = new long[INITIAL_BLOCKS]; // the base of block g * GROUP
    private long[] words = new long[0];
    private int sealedBlocks;
    private int summarySize;
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
        long bytes = 8L * (blocks.length + summary.length + words.length);
        return tail == null ? bytes : bytes + 8L * tail.length;
    }

    /**
     * The position (0-based) of the first message whose running max is {@code >= t}, or {@link #size()}
     * when there is none: find the last block that starts below {@code t}; the answer is inside it, or
     * is the first message of the next block (whose base is {@code >= t}).
     */
    private int firstPositionAtOrAfter(long t) {
        if (tailSize > 0 && tail[0] < t) {
            return (sealedBlocks << BLOCK_SHIFT) + firstInTail(t);
        }
        int block = lastSealedBlockBelow(t);
        if (block < 0) {
            return 0;
        }
        long info = blocks[2 * block + 1];
        int width = (int) (info & 0xff);
        if (width == 0) { // every entry equals the block's base, which is below t
            return (block + 1) << BLOCK_SHIFT;
        }
        long base = blocks[2 * block];
        int firstWord = (int) (info >>> 8);
        long mask = (1L << width) - 1;
        long delta = t - base; // > 0: the block starts below t, so entry 0 is below t
        if (width <= NARROW) { // a block of a few cache lines: halve without a data-dependent branch
            int below = 0;
            for (int half = BLOCK >>> 1; half > 0; half >>>= 1) {
                below = delta(firstWord, width, mask, below + half) < delta ? below + half : below;
            }
            return (block << BLOCK_SHIFT) + below + 1;
        }
        int from = 1; // a wide block: a predicted branch lets the CPU fetch the next line early
        int to = BLOCK;
        while (from < to) {
            int mid = (from + to) >>> 1;
            if (delta(firstWord, width, mask, mid) < delta) {
                from = mid + 1;
            } else {
                to = mid;
            }
        }
        return (block << BLOCK_SHIFT) + from;
    }

    /** Entry {@code i}'s delta in the block whose deltas start at {@code firstWord}. */
    private long delta(int firstWord, int width, long mask, int i) {
        int bit = i * width;
        int word = firstWord + (bit >>> 6);
        int shift = bit & 63;
        long bits = words[word] >>> shift;
        if (shift + width > 64) {
            bits |= words[word + 1] << (64 - shift);
        }
        return bits & mask;
    }

    /**
     * The last sealed block whose base is {@code < t}, or -1: a search of the small summary (every
     * {@value #GROUP}th base: 1/1024 of the messages, small enough to stay in cache), then of the
     * {@value #GROUP} bases it points to (two cache lines), so that a lookup at 10^7 messages misses the cache a handful of
     * times instead of once per probe.
     */
    private int lastSealedBlockBelow(long t) {
        int groups = firstAtLeast(summary, 0, 0, summarySize, t); // groups starting below t
        if (groups == 0) {
            return -1;
        }
        int from = ((groups - 1) << GROUP_SHIFT) + 1; // that group's first block starts below t
        int to = Math.min(groups << GROUP_SHIFT, sealedBlocks);
        return firstAtLeast(blocks, 1, from, to, t) - 1;
    }

    private int firstInTail(long t) {
        return firstAtLeast(tail, 0, 1, tailSize, t); // tail[0] < t
    }

    /**
     * The first index {@code i} in {@code [from, to)} whose value {@code values[i << shift]} is {@code
     * >= t}, or {@code to}; the range is sorted. Halving without a data-dependent branch (the JIT emits a conditional move), as the
     * probes of a lookup are unpredictable.
     */
    private static int firstAtLeast(long[] values, int shift, int from, int to, long t) {
        int n = to - from;
        if (n <= 0) {
            return from;
        }
        int base = from;
        while (n > 1) {
            int half = n >>> 1;
            base = values[(base + half) << shift] < t ? base + half : base;
            n -= half;
        }
        return values[base << shift] < t ? base + 1 : base;
    }

    private void seal() {
        long base = tail[0];
        int width = 64 - Long.numberOfLeadingZeros(tail[BLOCK - 1] - base);
        if (2 * sealedBlocks == blocks.length) {
            blocks = Arrays.copyOf(blocks, 2 * grown(sealedBlocks));
        }
        if ((sealedBlocks & (GROUP - 1)) == 0) {
            if (summarySize == summary.length) {
                summary = Arrays.copyOf(summary, grown(summarySize));
            }
            summary[summarySize++] = base;
        }
        int needed = 2 * width; // BLOCK * width bits = 2 * width longs
        if (wordsUsed + needed > words.length) {
            words = Arrays.copyOf(words, Math.max(wordsUsed + needed, grown(words.length)));
        }
        for (int i = 0; width > 0 && i < BLOCK; i++) {
            long delta = tail[i] - base;
            int bit = i * width;
            int word = wordsUsed + (bit >>> 6);
            int shift = bit & 63;
            words[word] |= delta << shift;
            if (shift + width > 64) {
                words[word + 1] |= delta >>> (64 - shift);
            }
        }
        blocks[2 * sealedBlocks] = base;
        blocks[2 * sealedBlocks + 1] = ((long) wordsUsed << 8) | width;
        sealedBlocks++;
        wordsUsed += needed;
        tailSize = 0;
    }

    /** Arrays grow by half: at most a third of an index is spare capacity. */
    private static int grown(int length) {
        return Math.max(INITIAL_BLOCKS, length + (length >> 1));
    }
}
