package io.offsetkit.server.store.crash;

import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.store.EmbeddedStore;
import io.offsetkit.server.store.OffsetRange;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;

/**
 * The process {@link CrashTest} kills: opens the store, then resets {@value #GROUPS} groups
 * concurrently (one thread each) and appends message batches, for ever, reporting each step on
 * standard output before it starts and after it returned. The odd groups reset as the server's
 * request path does, through {@code resetByTimeAsync}, and are acknowledged by the stage's
 * completion (on the thread that forced the file), as an HTTP answer is sent from it. Every line ends with {@code " ."} so that
 * the reader can tell a whole line from one cut by the kill.
 *
 * <p>Arguments: the data directory, a seed, and optionally a group whose thread, after its first
 * {@code BEGIN}, holds there for ever: the kill then always comes while that reset is in flight and
 * before its record is written.
 *
 * <pre>
 *   READY .
 *   BEGIN &lt;group&gt; &lt;timestamp&gt; .      a reset is about to be called
 *   ACK &lt;group&gt; &lt;timestamp&gt; .        that reset returned (or completed): its offsets are acknowledged
 *   APPENDED &lt;max offset&gt; .           an append of {@value #BATCH} messages returned
 * </pre>
 */
public final class CrashWorker {

    static final String PROJECT = "p-crash";
    static final String INSTANCE = "i-crash";
    static final String TOPIC = "t-crash";
    static final String APPEND_TOPIC = "t-append";
    static final List<String> BROKERS = List.of("b-1", "b-2");
    static final int QUEUES_PER_BROKER = 3;
    static final int GROUPS = 3;
    static final int MESSAGES = 1000;
    static final int BATCH = 7;

    /** Queue (broker, q) holds message i stored at {@code 10 * i + q}: each time gives one offset per queue. */
    static long storeTimestamp(int queueId, int i) {
        return 10L * i + queueId;
    }

    static String group(int g) {
        return "g-" + g;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        String held = args.length > 2 ? args[2] : null;
        PrintStream out = new PrintStream(System.out, true);
        EmbeddedStore store = EmbeddedStore.open(dir);
        if (store.isEmpty()) {
            seed(store);
        }
        out.println("READY .");
        List<Thread> threads = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            String group = group(g);
            Random random = new Random(seed * 31 + g);
            boolean completed = g % 2 == 1;
            threads.add(new Thread(() -> {
                ResetTarget target = new ResetTarget(PROJECT, INSTANCE, group, TOPIC);
                while (true) {
                    long t = random.nextInt(12) == 0 ? -1 : random.nextLong(10L * MESSAGES + 20);
                    out.println("BEGIN " + group + " " + t + " .");
                    if (group.equals(held)) {
                        holdForever(); // the kill comes between this reset's BEGIN and its write
                    }
                    if (completed) {
                        store.resetByTimeAsync(target, t)
                                .thenRun(() -> out.println("ACK " + group + " " + t + " ."))
                                .toCompletableFuture()
                                .join();
                    } else {
                        store.resetByTime(target, t);
                        out.println("ACK " + group + " " + t + " .");
                    }
                }
            }));
        }
        threads.add(new Thread(() -> {
            long[] batch = new long[BATCH];
            while (true) {
                OffsetRange range = store.append(INSTANCE, APPEND_TOPIC, "b-1", 0, batch, OptionalLong.empty());
                out.println("APPENDED " + range.maxOffset() + " .");
            }
        }));
        threads.forEach(Thread::start);
    }

    private static void holdForever() {
        try {
            new java.util.concurrent.CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void seed(EmbeddedStore store) {
        store.putInstance(INSTANCE, PROJECT, BROKERS);
        store.putTopic(INSTANCE, TOPIC, Map.of("b-1", QUEUES_PER_BROKER, "b-2", QUEUES_PER_BROKER));
        store.putTopic(INSTANCE, APPEND_TOPIC, Map.of("b-1", 1));
        for (int g = 0; g < GROUPS; g++) {
            store.putGroup(INSTANCE, group(g));
        }
        for (String broker : BROKERS) {
            for (int q = 0; q < QUEUES_PER_BROKER; q++) {
                long[] timestamps = new long[MESSAGES];
                for (int i = 0; i < MESSAGES; i++) {
                    timestamps[i] = storeTimestamp(q, i);
                }
                store.append(INSTANCE, TOPIC, broker, q, timestamps, OptionalLong.empty());
            }
        }
    }

    private CrashWorker() {}
}
