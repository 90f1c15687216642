package io.offsetkit.server.store.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TimeIndex} against a brute-force oracle (a linear scan of the running max) over random
 * queues. Every case is generated from its seed, shown in the test's name: a failure is reproduced
 * by running that seed again.
 */
class TimeIndexPropertiesTest {

    /** The specification, written the slow and obvious way. */
    static long oracle(long minOffset, List<Long> storeTimestamps, long t) {
        if (t == -1) {
            return minOffset + storeTimestamps.size();
        }
        long runningMax = Long.MIN_VALUE;
        for (int i = 0; i < storeTimestamps.size(); i++) {
            runningMax = Math.max(runningMax, storeTimestamps.get(i));
            if (runningMax >= t) {
                return minOffset + i;
            }
        }
        return minOffset + storeTimestamps.size();
    }

    static LongStream seeds150() {
        return LongStream.range(0, 150);
    }

    static LongStream seeds200() {
        return LongStream.range(0, 200);
    }

    static LongStream seeds15() {
        return LongStream.range(0, 15);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds150")
    void agreesWithTheOracleOnDenseTimestamps(long seed) {
        // GIVEN a dense queue (runs of equal values, steps back) with a random min offset
        SplittableRandom random = new SplittableRandom(seed);
        List<Long> storeTimestamps = denseQueue(random);
        long minOffset = random.nextLong(0, 1_000_001);

        // WHEN it is indexed
        TimeIndex index = build(minOffset, storeTimestamps);

        // THEN every time of its span, and around every timestamp, gives the oracle's answer
        for (long t = -1; t <= 2_100; t += 7) {
            assertThat(index.offsetForTime(t)).as("t=%d", t).isEqualTo(oracle(minOffset, storeTimestamps, t));
        }
        for (long timestamp : storeTimestamps) {
            for (long t : new long[] {timestamp - 1, timestamp, timestamp + 1}) {
                if (t >= -1) {
                    assertThat(index.offsetForTime(t)).as("t=%d", t).isEqualTo(oracle(minOffset, storeTimestamps, t));
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds200")
    void agreesWithTheOracleOnWideTimestamps(long seed) {
        // GIVEN timestamps anywhere in [0, Long.MAX_VALUE], its ends included: the widest deltas
        SplittableRandom random = new SplittableRandom(seed);
        List<Long> storeTimestamps = wideQueue(random);

        // WHEN it is indexed
        TimeIndex index = build(0, storeTimestamps);

        // THEN random times and every timestamp give the oracle's answer
        for (long t : times(random)) {
            assertThat(index.offsetForTime(t)).as("t=%d", t).isEqualTo(oracle(0, storeTimestamps, t));
        }
        for (long timestamp : storeTimestamps) {
            assertThat(index.offsetForTime(timestamp)).isEqualTo(oracle(0, storeTimestamps, timestamp));
        }
        assertThat(index.maxOffset()).isEqualTo(storeTimestamps.size());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds15")
    void agreesWithTheOracleOnLongQueues(long seed) {
        // GIVEN up to 20,000 messages (many blocks, several summary groups), about 2 ms apart with jitter
        SplittableRandom random = new SplittableRandom(seed);
        List<Long> storeTimestamps = longQueue(random);

        // WHEN it is indexed
        TimeIndex index = build(0, storeTimestamps);

        // THEN times inside its span, and a sample of its timestamps, give the oracle's answer
        for (long t : times(random)) {
            long scaled = t < 0 ? t : t % 40_000;
            assertThat(index.offsetForTime(scaled)).as("t=%d", scaled).isEqualTo(oracle(0, storeTimestamps, scaled));
        }
        for (int i = 0; i < storeTimestamps.size(); i += 97) {
            long t = storeTimestamps.get(i);
            assertThat(index.offsetForTime(t)).as("t=%d", t).isEqualTo(oracle(0, storeTimestamps, t));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds150")
    void answersNeverDecreaseAsTimeGrows(long seed) {
        // GIVEN a dense queue whose clock steps back now and then
        TimeIndex index = build(0, denseQueue(new SplittableRandom(seed)));

        // WHEN / THEN the answer never moves backwards as the time grows
        long previous = index.offsetForTime(0);
        for (long t = 1; t <= 2_100; t++) {
            long current = index.offsetForTime(t);
            assertThat(current).as("t=%d", t).isGreaterThanOrEqualTo(previous);
            previous = current;
        }
    }

    /** Up to 4 blocks of timestamps in [0, 2000]: many runs of equal values, frequent steps back. */
    private static List<Long> denseQueue(SplittableRandom random) {
        int size = random.nextInt(4 * TimeIndex.BLOCK + 6);
        List<Long> out = new ArrayList<>(size);
        long clock = 0;
        for (int i = 0; i < size; i++) {
            clock += random.nextLong(0, 4);
            long jitter = random.nextInt(5) == 0 ? random.nextLong(-30, 31) : 0;
            out.add(Math.max(0, clock + jitter));
        }
        return out;
    }

    /** Up to 3 blocks of timestamps anywhere in [0, Long.MAX_VALUE], with its two ends often drawn. */
    private static List<Long> wideQueue(SplittableRandom random) {
        int size = random.nextInt(3 * TimeIndex.BLOCK + 10);
        List<Long> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int pick = random.nextInt(10);
            out.add(pick == 0 ? 0L : pick == 1 ? Long.MAX_VALUE : random.nextLong(0, Long.MAX_VALUE));
        }
        return out;
    }

    /** Up to 20,000 messages about 2 ms apart, with a jitter of up to 5 ms either way. */
    private static List<Long> longQueue(SplittableRandom random) {
        int size = random.nextInt(20_001);
        List<Long> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(Math.max(0, 2L * i + random.nextInt(-5, 6)));
        }
        return out;
    }

    /** 1 to 50 times in [-1, Long.MAX_VALUE], the ends included. */
    private static List<Long> times(SplittableRandom random) {
        int size = 1 + random.nextInt(50);
        List<Long> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int pick = random.nextInt(10);
            out.add(pick == 0 ? -1L : pick == 1 ? Long.MAX_VALUE : random.nextLong(0, Long.MAX_VALUE));
        }
        return out;
    }

    private static TimeIndex build(long minOffset, List<Long> storeTimestamps) {
        TimeIndex index = new TimeIndex(minOffset);
        storeTimestamps.forEach(index::append);
        return index;
    }
}
