package io.offsetkit.server.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.offsetkit.server.backend.OffsetBackend;
import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.backend.UnknownGroupException;
import io.offsetkit.server.backend.UnknownInstanceException;
import io.offsetkit.server.backend.UnknownTopicException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link OffsetBackend} that measures the one it wraps: {@value #RESETS}, a timer of the backend's
 * part of each reset by outcome ({@code applied}, {@code refused} for an unknown instance, group or
 * topic, {@code failed}), and {@value #IN_FLIGHT}, a gauge of the resets the backend is working on.
 */
public final class MeteredBackend implements OffsetBackend {

    /** The timer's name. */
    public static final String RESETS = "offsetkit.backend.resets";

    /** The gauge's name. */
    public static final String IN_FLIGHT = "offsetkit.backend.resets.in.flight";

    private final OffsetBackend backend;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Timer applied;
    private final Timer refused;
    private final Timer failed;

    public MeteredBackend(OffsetBackend backend, String name, MeterRegistry registry) {
        this.backend = backend;
        this.applied = timer(registry, name, "applied");
        this.refused = timer(registry, name, "refused");
        this.failed = timer(registry, name, "failed");
        io.micrometer.core.instrument.Gauge.builder(IN_FLIGHT, inFlight, AtomicInteger::get)
                .description("Resets the backend is working on")
                .tag("backend", name)
                .register(registry);
    }

    @Override
    public List<QueueOffset> resetByTime(ResetTarget target, long timestamp) {
        long started = System.nanoTime();
        inFlight.incrementAndGet();
        Timer outcome = failed;
        try {
            List<QueueOffset> offsets = backend.resetByTime(target, timestamp);
            outcome = applied;
            return offsets;
        } catch (UnknownInstanceException | UnknownGroupException | UnknownTopicException e) {
            outcome = refused;
            throw e;
        } finally {
            inFlight.decrementAndGet();
            outcome.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private static Timer timer(MeterRegistry registry, String backend, String outcome) {
        return Timer.builder(RESETS)
                .description("The backend's part of each reset")
                .tag("backend", backend)
                .tag("outcome", outcome)
                .register(registry);
    }
}
