package io.offsetkit.server.store.index;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of one {@link TimeIndex#offsetForTime} on a queue of {@code messages} messages, at times
 * spread uniformly over the queue's span (so each lookup walks a different path and misses the
 * caches as a real one would), and the index's heap bytes per message, printed once per fork.
 *
 * <p>Shapes of store timestamps:
 *
 * <ul>
 *   <li>{@code millis}: one message a millisecond, each up to 3 ms early or late (clock steps back);
 *   <li>{@code sparse}: random gaps of 0 to about 50 days, the widest deltas a block can hold cheaply.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TimeIndexBenchmark {

    private static final int TARGETS = 1 << 16;

    @Param({"10000000"})
    int messages;

    @Param({"millis", "sparse"})
    String shape;

    private TimeIndex index;
    private final long[] targets = new long[TARGETS];
    private int next;

    @Setup(Level.Trial)
    public void build() {
        Random random = new Random(42);
        index = new TimeIndex(0);
        long first = 1_662_652_800_000L;
        long clock = first;
        for (int i = 0; i < messages; i++) {
            if (shape.equals("millis")) {
                clock = first + i + random.nextInt(-3, 4);
            } else {
                clock += random.nextLong(1L << 32);
            }
            index.append(Math.max(0, clock));
        }
        long last = clock;
        for (int i = 0; i < TARGETS; i++) {
            targets[i] = random.nextLong(first, last + 1);
        }
        System.out.printf(
                "%n[time index] shape=%s messages=%d heap bytes=%d bytes/message=%.3f%n",
                shape, messages, index.memoryBytes(), (double) index.memoryBytes() / messages);
    }

    @Benchmark
    public long lookup() {
        long t = targets[next];
        next = (next + 1) & (TARGETS - 1);
        return index.offsetForTime(t);
    }
}
