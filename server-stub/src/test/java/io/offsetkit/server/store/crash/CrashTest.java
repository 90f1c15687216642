package io.offsetkit.server.store.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.store.EmbeddedStore;
import io.offsetkit.server.store.QueueState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real JVM running the store with SIGKILL ({@link ProcessHandle#destroyForcibly()} on Unix) in the
 * middle of concurrent resets and appends, {@value #ITERATIONS} times, and after each kill checks
 * that the store opens cleanly and that:
 *
 * <ul>
 *   <li>every group's queues are all at the offsets of one reset (a reset is all or nothing): the last
 *       acknowledged one, or the one in flight when the process died (it may have reached the disk
 *       before its answer), or, when none was acknowledged in that run, the value before it;
 *   <li>the appended queue holds whole batches: the last acknowledged count, or one batch more.
 * </ul>
 */
class CrashTest {

    static final int ITERATIONS = 8;

    @TempDir
    Path dir;

    @Test
    void everyOffsetIsAnAcknowledgedOneOrItsPreviousValueAfterEachKill() throws Exception {
        Random random = new Random(2026);
        Map<String, Long> committedTime = new HashMap<>(); // group -> time of the reset its offsets match
        long appended = 0;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            Run run = runAndKill(iteration, 150 + random.nextInt(500));

            try (EmbeddedStore store = EmbeddedStore.open(dir)) {
                for (int g = 0; g < CrashWorker.GROUPS; g++) {
                    String group = CrashWorker.group(g);
                    List<Long> allowed = new ArrayList<>();
                    if (run.lastAck.containsKey(group)) {
                        allowed.add(run.lastAck.get(group));
                    } else if (committedTime.containsKey(group)) {
                        allowed.add(committedTime.get(group));
                    }
                    if (run.inFlight.containsKey(group)) {
                        allowed.add(run.inFlight.get(group));
                    }
                    List<QueueState> queues = store.offsets(CrashWorker.INSTANCE, group, CrashWorker.TOPIC);
                    Long matched = matchingTime(queues, allowed);
                    assertThat(matched)
                            .as(
                                    "iteration %d, %s: offsets %s match none of the resets at %s (acknowledged or in flight)",
                                    iteration, group, queues, allowed)
                            .isNotNull();
                    if (matched != NEVER) {
                        committedTime.put(group, matched);
                    }
                }
                long max = store.offsets(CrashWorker.INSTANCE, CrashWorker.group(0), CrashWorker.APPEND_TOPIC)
                        .get(0)
                        .maxOffset();
                long acknowledged = Math.max(appended, run.lastAppended);
                assertThat(max)
                        .as("iteration %d: appended messages", iteration)
                        .isIn(acknowledged, acknowledged + CrashWorker.BATCH);
                appended = max;
            }
            assertThat(run.acks).as("iteration %d made progress", iteration).isPositive();
        }
    }

    private static final Long NEVER = Long.MIN_VALUE;

    /** The time among {@code allowed} whose offsets every queue holds; NEVER when none was ever committed. */
    private static Long matchingTime(List<QueueState> queues, List<Long> allowed) {
        if (queues.stream().allMatch(q -> q.consumerOffset() == null)) {
            return allowed.isEmpty() ? NEVER : null;
        }
        for (long t : allowed) {
            if (queues.stream().allMatch(q -> q.consumerOffset() != null && q.consumerOffset() == expected(q, t))) {
                return t;
            }
        }
        return null;
    }

    /** The oracle: queue q holds message i at 10 i + q. */
    private static long expected(QueueState queue, long t) {
        if (t == -1) {
            return CrashWorker.MESSAGES;
        }
        for (int i = 0; i < CrashWorker.MESSAGES; i++) {
            if (CrashWorker.storeTimestamp(queue.queueId(), i) >= t) {
                return i;
            }
        }
        return CrashWorker.MESSAGES;
    }

    private Run runAndKill(int iteration, int runMillis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-Xmx64m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashWorker.class.getName(),
                        dir.toString(),
                        Integer.toString(iteration))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Run run = new Run();
        Thread reader = new Thread(() -> run.read(process));
        reader.start();
        try {
            assertThat(run.ready.await(30, TimeUnit.SECONDS))
                    .as("the worker started")
                    .isTrue();
            // The kill comes at a random time after the first acknowledged reset, not after the start: on a
            // loaded machine the first reset can take longer than the shortest run.
            assertThat(run.firstAck.await(30, TimeUnit.SECONDS))
                    .as("the worker acknowledged a reset")
                    .isTrue();
            Thread.sleep(runMillis);
        } finally {
            // SIGKILL: no shutdown hook, no close, no flush. Through the handle, because
            // Process.destroyForcibly() also closes our end of the pipe, losing the lines not yet read.
            process.toHandle().destroyForcibly();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
        }
        return run;
    }

    /** What the worker reported before it died. */
    private static final class Run {
        final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch firstAck = new java.util.concurrent.CountDownLatch(1);
        final Map<String, Long> lastAck = new HashMap<>();
        final Map<String, Long> inFlight = new HashMap<>();
        long lastAppended;
        int acks;

        void read(Process process) {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (!line.endsWith(" .")) {
                        continue; // cut by the kill
                    }
                    String[] words = line.split(" ");
                    synchronized (this) {
                        switch (words[0]) {
                            case "READY" -> ready.countDown();
                            case "BEGIN" -> inFlight.put(words[1], Long.parseLong(words[2]));
                            case "ACK" -> {
                                inFlight.remove(words[1]);
                                lastAck.put(words[1], Long.parseLong(words[2]));
                                acks++;
                                firstAck.countDown();
                            }
                            case "APPENDED" -> lastAppended = Long.parseLong(words[1]);
                            default -> throw new IllegalStateException("unexpected line " + line);
                        }
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the process dies; what was read is what counts
            }
        }
    }
}
