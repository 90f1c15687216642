package io.offsetkit.server.ops;

import io.offsetkit.server.backend.ConsumerConnection;
import io.offsetkit.server.backend.GroupRef;
import io.offsetkit.server.backend.NoConsumerOffsetsException;
import io.offsetkit.server.backend.OffsetBackend;
import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.backend.QueueProgress;
import io.offsetkit.server.backend.QueueStatus;
import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.backend.TopicRef;
import io.offsetkit.server.backend.UnknownGroupException;
import io.offsetkit.server.backend.UnknownInstanceException;
import io.offsetkit.server.backend.UnknownTopicException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An {@link OffsetBackend} that measures the one it wraps: {@value #RESETS}, a timer of the backend's
 * part of each reset by outcome ({@code applied}, {@code refused} for an unknown instance, group or
 * topic, {@code failed}), and {@value #IN_FLIGHT}, a gauge of the resets the backend is working on;
 * {@value #READS}, a timer of the backend's part of each read by read ({@code group_topics}, {@code
 * group_progress}, {@code topic_status}, {@code consumers}) and outcome ({@code answered}, {@code
 * refused} for an unknown instance, group or topic or a group without offsets on the topic, {@code
 * failed}).
 */
public final class MeteredBackend implements OffsetBackend {

    /** The timer's name. */
    public static final String RESETS = "offsetkit.backend.resets";

    /** The reads' timer's name. */
    public static final String READS = "offsetkit.backend.reads";

    /** The gauge's name. */
    public static final String IN_FLIGHT = "offsetkit.backend.resets.in.flight";

    private final OffsetBackend backend;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ServerMetrics.Timing applied;
    private final ServerMetrics.Timing refused;
    private final ServerMetrics.Timing failed;
    private final ReadTimers groupTopics;
    private final ReadTimers groupProgress;
    private final ReadTimers topicStatus;
    private final ReadTimers consumers;

    public MeteredBackend(OffsetBackend backend, String name, ServerMetrics metrics) {
        this.backend = backend;
        this.applied = timer(metrics, name, "applied");
        this.refused = timer(metrics, name, "refused");
        this.failed = timer(metrics, name, "failed");
        this.groupTopics = new ReadTimers(metrics, name, "group_topics");
        this.groupProgress = new ReadTimers(metrics, name, "group_progress");
        this.topicStatus = new ReadTimers(metrics, name, "topic_status");
        this.consumers = new ReadTimers(metrics, name, "consumers");
        metrics.gauge(IN_FLIGHT, "Resets the backend is working on", inFlight, AtomicInteger::get, "backend", name);
    }

    @Override
    public List<QueueOffset> resetByTime(ResetTarget target, long timestamp) {
        long started = System.nanoTime();
        inFlight.incrementAndGet();
        ServerMetrics.Timing outcome = failed;
        try {
            List<QueueOffset> offsets = backend.resetByTime(target, timestamp);
            outcome = applied;
            return offsets;
        } catch (UnknownInstanceException | UnknownGroupException | UnknownTopicException e) {
            outcome = refused;
            throw e;
        } finally {
            inFlight.decrementAndGet();
            outcome.record(System.nanoTime() - started);
        }
    }

    /** Measured as {@link #resetByTime}, up to the stage's completion (for the embedded store, the fsync). */
    @Override
    public CompletionStage<List<QueueOffset>> resetByTimeAsync(ResetTarget target, long timestamp) {
        long started = System.nanoTime();
        inFlight.incrementAndGet();
        CompletionStage<List<QueueOffset>> reset;
        try {
            reset = backend.resetByTimeAsync(target, timestamp);
        } catch (RuntimeException e) {
            reset = CompletableFuture.failedFuture(e);
        }
        return reset.whenComplete((offsets, failure) -> {
            inFlight.decrementAndGet();
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            ServerMetrics.Timing outcome = cause == null
                    ? applied
                    : cause instanceof UnknownInstanceException
                                    || cause instanceof UnknownGroupException
                                    || cause instanceof UnknownTopicException
                            ? refused
                            : failed;
            outcome.record(System.nanoTime() - started);
        });
    }

    @Override
    public List<String> groupTopics(GroupRef group) {
        return groupTopics.measure(() -> backend.groupTopics(group));
    }

    @Override
    public List<QueueProgress> groupProgress(ResetTarget target) {
        return groupProgress.measure(() -> backend.groupProgress(target));
    }

    @Override
    public List<QueueStatus> topicStatus(TopicRef topic) {
        return topicStatus.measure(() -> backend.topicStatus(topic));
    }

    @Override
    public List<ConsumerConnection> consumers(GroupRef group) {
        return consumers.measure(() -> backend.consumers(group));
    }

    /** Part of a reset, not a read: not counted among the reads. */
    @Override
    public boolean hasOnlineConsumer(GroupRef group) {
        return backend.hasOnlineConsumer(group);
    }

    /** The timers of one read, by outcome. */
    private static final class ReadTimers {

        private final ServerMetrics.Timing answered;
        private final ServerMetrics.Timing refused;
        private final ServerMetrics.Timing failed;

        ReadTimers(ServerMetrics metrics, String backend, String read) {
            this.answered = readTimer(metrics, backend, read, "answered");
            this.refused = readTimer(metrics, backend, read, "refused");
            this.failed = readTimer(metrics, backend, read, "failed");
        }

        <T> T measure(Supplier<T> read) {
            long started = System.nanoTime();
            ServerMetrics.Timing outcome = failed;
            try {
                T answer = read.get();
                outcome = answered;
                return answer;
            } catch (UnknownInstanceException
                    | UnknownGroupException
                    | UnknownTopicException
                    | NoConsumerOffsetsException e) {
                outcome = refused;
                throw e;
            } finally {
                outcome.record(System.nanoTime() - started);
            }
        }

        private static ServerMetrics.Timing readTimer(
                ServerMetrics metrics, String backend, String read, String outcome) {
            return metrics.timer(
                    READS, "The backend's part of each read", "backend", backend, "read", read, "outcome", outcome);
        }
    }

    private static ServerMetrics.Timing timer(ServerMetrics metrics, String backend, String outcome) {
        return metrics.timer(RESETS, "The backend's part of each reset", "backend", backend, "outcome", outcome);
    }
}
