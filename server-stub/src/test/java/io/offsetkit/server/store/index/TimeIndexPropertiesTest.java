package io.offsetkit.server.store.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** {@link TimeIndex} against a brute-force oracle (a linear scan of the running max) over random queues. */
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

    @Property(tries = 150)
    void agreesWithTheOracleOnDenseTimestamps(
            @ForAll("denseQueues") List<Long> storeTimestamps,
            @ForAll @LongRange(min = 0, max = 1_000_000) long minOffset) {
        TimeIndex index = build(minOffset, storeTimestamps);

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

    @Property(tries = 200)
    void agreesWithTheOracleOnWideTimestamps(
            @ForAll("wideQueues") List<Long> storeTimestamps, @ForAll("times") List<Long> times) {
        TimeIndex index = build(0, storeTimestamps);

        for (long t : times) {
            assertThat(index.offsetForTime(t)).as("t=%d", t).isEqualTo(oracle(0, storeTimestamps, t));
        }
        for (long timestamp : storeTimestamps) {
            assertThat(index.offsetForTime(timestamp)).isEqualTo(oracle(0, storeTimestamps, timestamp));
        }
        assertThat(index.maxOffset()).isEqualTo(storeTimestamps.size());
    }

    @Property(tries = 15)
    void agreesWithTheOracleOnLongQueues(
            @ForAll("longQueues") List<Long> storeTimestamps, @ForAll("times") List<Long> times) {
        TimeIndex index = build(0, storeTimestamps);

        for (long t : times) {
            long scaled = t < 0 ? t : t % 40_000; // inside the queue's span, mostly
            assertThat(index.offsetForTime(scaled)).as("t=%d", scaled).isEqualTo(oracle(0, storeTimestamps, scaled));
        }
        for (int i = 0; i < storeTimestamps.size(); i += 97) {
            long t = storeTimestamps.get(i);
            assertThat(index.offsetForTime(t)).as("t=%d", t).isEqualTo(oracle(0, storeTimestamps, t));
        }
    }

    @Property(tries = 100)
    void answersNeverDecreaseAsTimeGrows(@ForAll("denseQueues") List<Long> storeTimestamps) {
        TimeIndex index = build(0, storeTimestamps);

        long previous = index.offsetForTime(0);
        for (long t = 1; t <= 2_100; t++) {
            long current = index.offsetForTime(t);
            assertThat(current).isGreaterThanOrEqualTo(previous);
            previous = current;
        }
    }

    /** Up to 4 blocks of timestamps in [0, 2000]: many runs of equal values, frequent steps back. */
    @Provide
    Arbitrary<List<Long>> denseQueues() {
        Arbitrary<Long> increasing = Arbitraries.longs().between(0, 3);
        return Combinators.combine(
                        increasing.list().ofMaxSize(4 * TimeIndex.BLOCK + 5),
                        Arbitraries.longs().between(-30, 30).list().ofMaxSize(4 * TimeIndex.BLOCK + 5))
                .as((steps, jitter) -> {
                    List<Long> out = new java.util.ArrayList<>();
                    long clock = 0;
                    for (int i = 0; i < steps.size(); i++) {
                        clock += steps.get(i);
                        long j = i < jitter.size() && jitter.get(i) % 5 == 0 ? jitter.get(i) : 0;
                        out.add(Math.max(0, clock + j));
                    }
                    return out;
                });
    }

    /** Timestamps anywhere in [0, Long.MAX_VALUE], including its ends: the widest deltas. */
    @Provide
    Arbitrary<List<Long>> wideQueues() {
        return Arbitraries.longs()
                .between(0, Long.MAX_VALUE)
                .edgeCases(edges -> edges.add(0L).add(Long.MAX_VALUE))
                .list()
                .ofMaxSize(3 * TimeIndex.BLOCK + 9);
    }

    /** Up to 20,000 messages (many blocks, several summary groups), about 2 ms apart with jitter. */
    @Provide
    Arbitrary<List<Long>> longQueues() {
        return Combinators.combine(Arbitraries.integers().between(0, 20_000), Arbitraries.longs())
                .as((size, seed) -> {
                    java.util.Random random = new java.util.Random(seed);
                    List<Long> out = new java.util.ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        out.add(Math.max(0, 2L * i + random.nextInt(-5, 6)));
                    }
                    return out;
                });
    }

    @Provide
    Arbitrary<List<Long>> times() {
        return Arbitraries.longs()
                .between(-1, Long.MAX_VALUE)
                .list()
                .ofMinSize(1)
                .ofMaxSize(50);
    }

    private static TimeIndex build(long minOffset, List<Long> storeTimestamps) {
        TimeIndex index = new TimeIndex(minOffset);
        storeTimestamps.forEach(index::append);
        return index;
    }
}
