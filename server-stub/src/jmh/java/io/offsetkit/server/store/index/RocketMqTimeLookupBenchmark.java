package io.offsetkit.server.store.index;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.store.DefaultMessageStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * "Which offset does a reset to time t start from?" on one queue of {@code messages} messages, asked
 * three ways over the same store timestamps, at times drawn uniformly over the queue's span:
 *
 * <ul>
 *   <li>{@link #offsetkit}: offsetkit's {@link TimeIndex};
 *   <li>{@link #linearScan}: the naive baseline, the first timestamp {@code >= t} found by a scan;
 *   <li>{@link #rocketmq}: Apache RocketMQ's own {@code DefaultMessageStore.getOffsetInQueueByTime}
 *       over a real RocketMQ store on disk holding the queue (see {@link RocketMqQueue}).
 * </ul>
 *
 * The timestamps are the ones RocketMQ's store stamped on the messages, read back from it. Up to
 * {@value #LARGEST_ROCKETMQ_STORE} messages the store is real; above, building it would take far too
 * long (about 10 GB of commit log), so the queue repeats the gaps between the largest real store's
 * timestamps, and only the first two ways are measured. The setup of {@link #rocketmq} checks that
 * RocketMQ and the time index give the same offset for a sample of times, and the index's heap bytes
 * per message are printed once per trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "-Xms3g",
            "-Xmx3g",
            // RocketMQ leaves service threads behind its shutdown; JMH would wait 30 s for them.
            "-Djmh.shutdownTimeout=1",
            "-Djmh.shutdownTimeout.step=1",
            // RocketMQ unmaps its files through JDK internals.
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED"
        })
public class RocketMqTimeLookupBenchmark {

    static final int LARGEST_ROCKETMQ_STORE = 10_000_000;

    private static final int TARGETS = 1 << 16;
    private static final int CHECKED = 10_000;

    /** The queue's store timestamps, as the time index and the scan see them. */
    @State(Scope.Benchmark)
    public static class Queue {

        @Param({"1000000", "10000000"})
        int messages;

        long[] timestamps;
        TimeIndex index;
        final long[] targets = new long[TARGETS];
        int next;

        @Setup(Level.Trial)
        public void build() {
            timestamps = messages <= LARGEST_ROCKETMQ_STORE
                    ? RocketMqQueue.timestamps(messages)
                    : repeatedGaps(RocketMqQueue.timestamps(LARGEST_ROCKETMQ_STORE), messages);
            index = new TimeIndex(0);
            for (long timestamp : timestamps) {
                index.append(timestamp);
            }
            Random random = new Random(42);
            long first = timestamps[0];
            long last = timestamps[timestamps.length - 1];
            for (int i = 0; i < TARGETS; i++) {
                targets[i] = random.nextLong(first, last + 1);
            }
            System.out.printf(
                    "%n[time index] messages=%d span=%d ms heap bytes=%d bytes/message=%.3f%n",
                    messages, last - first, index.memoryBytes(), (double) index.memoryBytes() / messages);
        }

        long nextTarget() {
            long t = targets[next];
            next = (next + 1) & (TARGETS - 1);
            return t;
        }

        /** {@code count} timestamps whose gaps cycle through those of {@code real}. */
        private static long[] repeatedGaps(long[] real, int count) {
            long[] timestamps = new long[count];
            timestamps[0] = real[0];
            for (int i = 1; i < count; i++) {
                int j = 1 + (i - 1) % (real.length - 1);
                timestamps[i] = timestamps[i - 1] + Math.max(0, real[j] - real[j - 1]);
            }
            return timestamps;
        }
    }

    /** The same queue in a real RocketMQ store, opened for the trial. */
    @State(Scope.Benchmark)
    public static class RocketMq {

        DefaultMessageStore store;

        @Setup(Level.Trial)
        public void open(Queue queue) {
            if (queue.messages > LARGEST_ROCKETMQ_STORE) {
                throw new IllegalStateException("no RocketMQ store above " + LARGEST_ROCKETMQ_STORE + " messages");
            }
            store = RocketMqQueue.open(queue.messages);
            Random random = new Random(7);
            long first = queue.timestamps[0];
            long last = queue.timestamps[queue.timestamps.length - 1];
            for (int i = 0; i < CHECKED; i++) {
                long t = random.nextLong(first - 10, last + 10);
                long ours = queue.index.offsetForTime(t);
                long theirs = store.getOffsetInQueueByTime(RocketMqQueue.TOPIC, RocketMqQueue.QUEUE_ID, t);
                if (ours != theirs) {
                    throw new IllegalStateException(
                            "at t=" + t + " the time index answers " + ours + ", RocketMQ " + theirs);
                }
            }
            System.out.printf(
                    "%n[check] RocketMQ and the time index agree on %d random times over %d messages%n",
                    CHECKED, queue.messages);
        }

        @TearDown(Level.Trial)
        public void close() {
            store.shutdown();
        }
    }

    @Benchmark
    public long offsetkit(Queue queue) {
        return queue.index.offsetForTime(queue.nextTarget());
    }

    @Benchmark
    public long linearScan(Queue queue) {
        long t = queue.nextTarget();
        long[] timestamps = queue.timestamps;
        for (int i = 0; i < timestamps.length; i++) {
            if (timestamps[i] >= t) {
                return i;
            }
        }
        return timestamps.length;
    }

    @Benchmark
    public long rocketmq(Queue queue, RocketMq rocketMq) {
        return rocketMq.store.getOffsetInQueueByTime(RocketMqQueue.TOPIC, RocketMqQueue.QUEUE_ID, queue.nextTarget());
    }
}
