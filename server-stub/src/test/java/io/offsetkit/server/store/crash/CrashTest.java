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
 *       before its answer), or, when none was acknowledged in that run, the value before it, which
 *       for a group no reset of which was ever acknowledged is no offset at all;
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
            Run run = runAndKill(iteration, 150 + random.nextInt(500), null);
            appended = checkStore(iteration, run, committedTime, appended);
            assertThat(run.acks).as("iteration %d made progress", iteration).isPositive();
        }
    }

    /**
     * The case the random kills meet only on a loaded machine (once in five whole-module runs at a load
     * average near 17): a group's first reset, which creates its offsets file, is still in flight when
     * the kill comes, so the group has no offset at all. That is its previous value, and allowed; what
     * must never be seen is no offset for a group that had one acknowledged. Here the worker holds
     * that group's first reset between its {@code BEGIN} and its write, so the kill always comes there.
     */
    @Test
    void aGroupWhoseFirstResetIsInFlightAtTheKillHasNoOffsetAndThatIsItsPreviousValue() throws Exception {
        String held = CrashWorker.group(2);
        // GIVEN a worker whose group g-2 has begun its first reset and holds it there, the others running
        Run run = runAndKill(0, 100, held);

        // WHEN the store is opened after the kill
        // THEN g-2 was in flight, never acknowledged, and holds no offset, which the check allows; the
        // other groups hold an acknowledged reset or the one in flight
        assertThat(run.inFlight)
                .as("the held group's first reset was in flight")
                .containsKey(held);
        assertThat(run.lastAck).as("the held group was never acknowledged").doesNotContainKey(held);
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            assertThat(store.offsets(CrashWorker.INSTANCE, held, CrashWorker.TOPIC))
                    .extracting(QueueState::consumerOffset)
                    .containsOnlyNulls();
        }
        Map<String, Long> committedTime = new HashMap<>();
        checkStore(0, run, committedTime, 0);
        assertThat(committedTime).as("the groups with an offset").doesNotContainKey(held);
        assertThat(run.acks).as("the other groups made progress").isPositive();

        // AND once the group has an acknowledged reset, no offset at all is no longer allowed for it
        Run acknowledged = new Run();
        acknowledged.inFlight.put(held, 7L);
        committedTime.put(held, 5L);
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            List<QueueState> queues = store.offsets(CrashWorker.INSTANCE, held, CrashWorker.TOPIC);
            assertThat(matchingTime(queues, allowed(held, acknowledged, committedTime), false))
                    .isNull();
        }
    }

    /**
     * Opens the store after a kill and checks every group's offsets and the appended queue against
     * what the worker reported ({@code run}) and what the earlier kills left ({@code committedTime},
     * updated); returns the appended queue's max offset.
     */
    private long checkStore(int iteration, Run run, Map<String, Long> committedTime, long appended) throws IOException {
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            for (int g = 0; g < CrashWorker.GROUPS; g++) {
                String group = CrashWorker.group(g);
                List<Long> allowed = allowed(group, run, committedTime);
                // No offset at all is the previous value of a group no reset of which was ever acknowledged:
                // its first reset may have been in flight, even its file not made yet.
                boolean neverAcknowledged = !run.lastAck.containsKey(group) && !committedTime.containsKey(group);
                List<QueueState> queues = store.offsets(CrashWorker.INSTANCE, group, CrashWorker.TOPIC);
                Long matched = matchingTime(queues, allowed, neverAcknowledged);
                assertThat(matched)
                        .as(
                                "iteration %d, %s: offsets %s match none of the resets at %s (acknowledged or in flight)%s",
                                iteration, group, queues, allowed, neverAcknowledged ? " nor none" : "")
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
            return max;
        }
    }

    /** The times a group's offsets may match: its last acknowledged reset (or earlier kills' value), and the one in flight. */
    private static List<Long> allowed(String group, Run run, Map<String, Long> committedTime) {
        List<Long> allowed = new ArrayList<>();
        if (run.lastAck.containsKey(group)) {
            allowed.add(run.lastAck.get(group));
        } else if (committedTime.containsKey(group)) {
            allowed.add(committedTime.get(group));
        }
        if (run.inFlight.containsKey(group)) {
            allowed.add(run.inFlight.get(group));
        }
        return allowed;
    }

    private static final Long NEVER = Long.MIN_VALUE;

    /**
     * The time among {@code allowed} whose offsets every queue holds; NEVER when the group holds no
     * offset and {@code noneAllowed} (no reset of it was ever acknowledged); null when nothing matches.
     */
    private static Long matchingTime(List<QueueState> queues, List<Long> allowed, boolean noneAllowed) {
        if (queues.stream().allMatch(q -> q.consumerOffset() == null)) {
            return noneAllowed ? NEVER : null;
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

    /** Runs the worker (holding the first reset of {@code heldGroup}, when not null) and kills it. */
    private Run runAndKill(int iteration, int runMillis, String heldGroup) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx64m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                CrashWorker.class.getName(),
                dir.toString(),
                Integer.toString(iteration)));
        if (heldGroup != null) {
            command.add(heldGroup);
        }
        Process process = new ProcessBuilder(command)
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
