package io.offsetkit.server.ops;

import io.offsetkit.server.store.EmbeddedStore;
import io.offsetkit.server.store.StoreStats;
import java.util.function.ToLongFunction;

/**
 * The embedded store's gauges: instances, topics, groups, queues, messages and the time indexes'
 * heap bytes ({@code offsetkit.store.*}). A scrape reads them all at once; the store's figures are
 * taken once for them all (at most once a second), not once per gauge.
 */
public final class StoreGauges {

    private static final long REFRESH_NANOS = 1_000_000_000L;

    private final EmbeddedStore store;
    private StoreStats latest; // guarded by this
    private long takenAt; // guarded by this

    private StoreGauges(EmbeddedStore store) {
        this.store = store;
    }

    /** Registers the store's gauges, as the registry is made ({@link ServerMetrics#registerWhenMade}). */
    public static void register(ServerMetrics metrics, EmbeddedStore store) {
        metrics.registerWhenMade(() -> registerNow(metrics, store));
    }

    private static void registerNow(ServerMetrics metrics, EmbeddedStore store) {
        StoreGauges gauges = new StoreGauges(store);
        gauges.gauge(metrics, "offsetkit.store.instances", "Instances in the embedded store", StoreStats::instances);
        gauges.gauge(metrics, "offsetkit.store.topics", "Topics, over every instance", StoreStats::topics);
        gauges.gauge(metrics, "offsetkit.store.groups", "Consumer groups, over every instance", StoreStats::groups);
        gauges.gauge(metrics, "offsetkit.store.queues", "Queues, over every topic and broker", StoreStats::queues);
        gauges.gauge(metrics, "offsetkit.store.messages", "Messages the queues hold", StoreStats::messages);
        gauges.gauge(
                metrics,
                "offsetkit.store.index.bytes",
                "Heap bytes of the queues' time indexes",
                StoreStats::indexBytes);
    }

    private void gauge(ServerMetrics metrics, String name, String description, ToLongFunction<StoreStats> figure) {
        metrics.gauge(name, description, this, gauges -> figure.applyAsLong(gauges.stats()));
    }

    private synchronized StoreStats stats() {
        long now = System.nanoTime();
        if (latest == null || now - takenAt > REFRESH_NANOS) {
            latest = store.stats();
            takenAt = now;
        }
        return latest;
    }
}
