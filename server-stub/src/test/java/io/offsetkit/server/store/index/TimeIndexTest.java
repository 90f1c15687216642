package io.offsetkit.server.store.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every boundary of {@link TimeIndex#offsetForTime}, one comment per case, as the javadoc pins them. */
class TimeIndexTest {

    private static TimeIndex index(long minOffset, long... storeTimestamps) {
        TimeIndex index = new TimeIndex(minOffset);
        for (long timestamp : storeTimestamps) {
            index.append(timestamp);
        }
        return index;
    }

    @Test
    void lookUpWalksEveryEdge() {
        // GIVEN offsets 0..5 stored at 100, 200, 200, 200, 150 (the clock stepped back), 300
        TimeIndex index = index(0, 100, 200, 200, 200, 150, 300);

        // before the first message: the min offset
        assertThat(index.offsetForTime(99)).isEqualTo(0);
        // 0 is an ordinary time, before everything
        assertThat(index.offsetForTime(0)).isEqualTo(0);
        // equal to the first timestamp: that message
        assertThat(index.offsetForTime(100)).isEqualTo(0);
        // between two timestamps: the later message
        assertThat(index.offsetForTime(101)).isEqualTo(1);
        // a run of equal timestamps: the first of the run
        assertThat(index.offsetForTime(200)).isEqualTo(1);
        // the step back (150 stored after 200) is read as its running max, 200: never chosen by itself
        assertThat(index.offsetForTime(150)).isEqualTo(1);
        assertThat(index.offsetForTime(201)).isEqualTo(5);
        // equal to the last timestamp: the last message
        assertThat(index.offsetForTime(300)).isEqualTo(5);
        // after the last message: the max offset, the next to be written
        assertThat(index.offsetForTime(301)).isEqualTo(6);
        assertThat(index.offsetForTime(Long.MAX_VALUE)).isEqualTo(6);
        // -1: the max offset
        assertThat(index.offsetForTime(-1)).isEqualTo(6);
    }

    @Test
    void emptyQueueAnswersItsMinOffsetForEveryTime() {
        TimeIndex index = index(42);

        assertThat(index.offsetForTime(0)).isEqualTo(42);
        assertThat(index.offsetForTime(1_662_652_800_000L)).isEqualTo(42);
        assertThat(index.offsetForTime(-1)).isEqualTo(42);
        assertThat(index.maxOffset()).isEqualTo(42);
    }

    @Test
    void minOffsetAboveZeroShiftsEveryAnswer() {
        // GIVEN a queue whose first offset is 1000 (older messages deleted)
        TimeIndex index = index(1000, 10, 20, 30);

        assertThat(index.offsetForTime(5)).isEqualTo(1000);
        assertThat(index.offsetForTime(20)).isEqualTo(1001);
        assertThat(index.offsetForTime(31)).isEqualTo(1003);
        assertThat(index.offsetForTime(-1)).isEqualTo(1003);
    }

    @Test
    void answersAcrossSealedBlocksAndTheTail() {
        // GIVEN 130 full blocks (17 summary entries, one per 8 blocks, the last for 2) and part of another, message i
        // at 10 * i
        int count = 130 * TimeIndex.BLOCK + 17;
        TimeIndex index = new TimeIndex(0);
        for (int i = 0; i < count; i++) {
            index.append(10L * i);
        }

        for (int i = 0; i < count; i++) {
            // exactly a message's time, and just after the previous one
            assertThat(index.offsetForTime(10L * i)).isEqualTo(i);
            assertThat(index.offsetForTime(Math.max(0, 10L * i - 9))).isEqualTo(i);
        }
        assertThat(index.offsetForTime(10L * count)).isEqualTo(count);
    }

    @Test
    void aBlockOfEqualTimestampsAndHugeGapsPackCorrectly() {
        // GIVEN a block where every value is equal (0 bits), then one with 62-bit gaps
        TimeIndex index = new TimeIndex(0);
        for (int i = 0; i < TimeIndex.BLOCK; i++) {
            index.append(7);
        }
        for (int i = 0; i < TimeIndex.BLOCK; i++) {
            index.append((1L << 62) + i * (1L << 50));
        }
        index.append(Long.MAX_VALUE);

        assertThat(index.offsetForTime(7)).isEqualTo(0);
        assertThat(index.offsetForTime(8)).isEqualTo(TimeIndex.BLOCK);
        assertThat(index.offsetForTime((1L << 62) + 5 * (1L << 50))).isEqualTo(TimeIndex.BLOCK + 5);
        assertThat(index.offsetForTime((1L << 62) + 5 * (1L << 50) + 1)).isEqualTo(TimeIndex.BLOCK + 6);
        assertThat(index.offsetForTime(Long.MAX_VALUE)).isEqualTo(2 * TimeIndex.BLOCK);
    }

    @Test
    void refusesTimesBelowMinusOneAndNegativeTimestamps() {
        TimeIndex index = index(0, 1);

        assertThatThrownBy(() -> index.offsetForTime(-2)).hasMessageContaining("-2");
        assertThatThrownBy(() -> index.append(-5)).hasMessageContaining("-5");
        assertThatThrownBy(() -> new TimeIndex(-1)).hasMessageContaining("-1");
    }

    @Test
    void millisecondTimestampsCostAboutOneBytePerMessage() {
        // GIVEN a million messages about a millisecond apart, with jitter that steps back
        Random random = new Random(1);
        TimeIndex index = new TimeIndex(0);
        long t = 1_662_652_800_000L;
        for (int i = 0; i < 1_000_000; i++) {
            index.append(t + i + random.nextInt(-3, 4));
        }

        // THEN the index (allocated capacity, not just used) stays well under 4 bytes a message
        double bytesPerMessage = (double) index.memoryBytes() / index.size();
        assertThat(bytesPerMessage).isLessThan(4.0);
    }
}
