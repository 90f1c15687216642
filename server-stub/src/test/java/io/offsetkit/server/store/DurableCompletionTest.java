package io.offsetkit.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.backend.BackendUnavailableException;
import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.store.log.Storage;
import io.offsetkit.server.testsupport.HeldFsyncs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reset answered from the commit ({@link EmbeddedStore#resetByTimeAsync}): its stage completes only
 * once an fsync that covers its record has returned, on the thread that did that fsync, and the
 * thread that asked never waits for another thread's fsync. The store runs on the real disk; only the
 * offsets files' fsync is held, by a gate the test opens.
 */
class DurableCompletionTest {

    private static final String PROJECT = "p-async";
    private static final String INSTANCE = "i-async";
    private static final String TOPIC = "t-async";
    private static final ResetTarget TARGET = new ResetTarget(PROJECT, INSTANCE, "g-async", TOPIC);

    @TempDir
    Path dir;

    @Test
    void aResetIsCompletedOnlyAfterTheFsyncThatCoversItAndByTheThreadThatDidIt() throws Exception {
        // GIVEN a store whose offsets fsyncs wait for a gate, and a first reset whose thread is forcing
        HeldFsyncs storage = new HeldFsyncs(Storage.disk());
        try (EmbeddedStore store = seeded(storage)) {
            storage.hold();
            AtomicReference<Thread> forcer = new AtomicReference<>();
            Thread first = new Thread(
                    () -> {
                        forcer.set(Thread.currentThread());
                        store.resetByTimeAsync(TARGET, 0).toCompletableFuture().join();
                    },
                    "first-reset");
            first.start();
            assertThat(storage.forceStarted.await(10, TimeUnit.SECONDS)).isTrue();

            // WHEN a second reset of the group asks while that fsync runs
            long calledAt = System.nanoTime();
            CompletableFuture<List<QueueOffset>> second =
                    store.resetByTimeAsync(TARGET, -1).toCompletableFuture();
            long returnedAfter = System.nanoTime() - calledAt;
            AtomicReference<Thread> completedOn = new AtomicReference<>();
            AtomicInteger forcesDoneAtCompletion = new AtomicInteger(-1);
            CompletableFuture<List<QueueOffset>> observed = second.whenComplete((offsets, failure) -> {
                completedOn.set(Thread.currentThread());
                forcesDoneAtCompletion.set(storage.forcesDone.get());
            });

            // THEN it returns at once, not completed: its record is written, not yet on disk
            assertThat(returnedAfter).isLessThan(TimeUnit.SECONDS.toNanos(5));
            Thread.sleep(100);
            assertThat(second).isNotDone();
            assertThat(storage.forcesDone.get()).isZero();
            assertThat(store.offsets(INSTANCE, "g-async", TOPIC))
                    .as("readers see only durable offsets")
                    .allMatch(queue -> queue.consumerOffset() == null);

            // AND once the fsyncs run, it is completed after a second fsync (its record was written after
            // the first one began), by the thread that did that fsync: the first forcer handed it over
            // before completing its own reset, and neither the first nor the calling thread waited
            storage.release();
            List<QueueOffset> offsets = observed.get(10, TimeUnit.SECONDS);
            first.join(10_000);
            assertThat(offsets).extracting(QueueOffset::offset).containsOnly(4L);
            assertThat(forcesDoneAtCompletion.get()).isEqualTo(2);
            assertThat(storage.forcers).hasSize(2);
            assertThat(storage.forcers.get(0)).isSameAs(forcer.get());
            assertThat(completedOn.get()).isSameAs(storage.forcers.get(1));
            assertThat(completedOn.get()).isNotSameAs(forcer.get()).isNotSameAs(Thread.currentThread());
            assertThat(store.offsets(INSTANCE, "g-async", TOPIC)).allMatch(queue -> queue.consumerOffset() == 4L);
        }

        // AND the offsets it was completed with are on disk
        try (EmbeddedStore reopened = EmbeddedStore.open(dir)) {
            assertThat(reopened.offsets(INSTANCE, "g-async", TOPIC)).allMatch(queue -> queue.consumerOffset() == 4L);
        }
    }

    @Test
    void aResetWhoseFsyncFailsCompletesWithTheBackendFailureAndIsNotSeen() throws Exception {
        // GIVEN a store whose next offsets fsync fails
        HeldFsyncs storage = new HeldFsyncs(Storage.disk());
        try (EmbeddedStore store = seeded(storage)) {
            storage.failNext();

            // WHEN a reset asks
            CompletableFuture<List<QueueOffset>> reset =
                    store.resetByTimeAsync(TARGET, 0).toCompletableFuture();

            // THEN its stage fails with the backend's failure, naming the fsync, and readers see nothing
            assertThatThrownBy(() -> reset.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("the new offsets could not be written")
                    .hasMessageContaining("fsync");
            assertThat(store.offsets(INSTANCE, "g-async", TOPIC)).allMatch(queue -> queue.consumerOffset() == null);

            // AND a later reset of the file is refused rather than answered
            assertThatThrownBy(() -> store.resetByTimeAsync(TARGET, -1)
                            .toCompletableFuture()
                            .get(10, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("earlier");
        }
    }

    @Test
    void anUnknownGroupFailsTheStageWithoutWritingAnything() {
        // GIVEN a store with one group
        HeldFsyncs storage = new HeldFsyncs(Storage.disk());
        try (EmbeddedStore store = seeded(storage)) {
            // WHEN a reset names another group
            CompletableFuture<List<QueueOffset>> reset = store.resetByTimeAsync(
                            new ResetTarget(PROJECT, INSTANCE, "g-unknown", TOPIC), 0)
                    .toCompletableFuture();

            // THEN the stage fails with the backend's refusal, and nothing was forced
            assertThat(reset).isCompletedExceptionally();
            assertThatThrownBy(reset::join).cause().hasMessageContaining("g-unknown");
            assertThat(storage.forcesDone.get()).isZero();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** One instance, one group, a topic of two queues of four messages stored at 10, 20, 30, 40. */
    private EmbeddedStore seeded(Storage storage) throws IOException {
        EmbeddedStore store = EmbeddedStore.open(dir, storage);
        store.putInstance(INSTANCE, PROJECT, List.of("b-1"));
        store.putTopic(INSTANCE, TOPIC, Map.of("b-1", 2));
        store.putGroup(INSTANCE, "g-async");
        for (int q = 0; q < 2; q++) {
            store.append(INSTANCE, TOPIC, "b-1", q, new long[] {10, 20, 30, 40}, java.util.OptionalLong.empty());
        }
        return store;
    }
}
