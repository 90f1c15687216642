package io.offsetkit.server.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * The server's metrics, in a Micrometer registry scraped at {@code /metrics} in Prometheus' text
 * format: a timer of every request by method, route, status and outcome ({@code
 * http.server.requests}, as Micrometer's HTTP instrumentations name it), the timers and gauges the
 * backend registers, and the JVM's own. Thread-safe.
 *
 * <p>The registry is made when it is first needed: at the first scrape, at the first {@link
 * #registry()}, or once {@value #HELD} samples wait for it. Until then what is registered is kept and
 * what is recorded is held, and both are handed to the registry as it is made, so that a scrape shows
 * what it would have shown had the registry been made at the start. Why: Micrometer and Prometheus'
 * client are some 170 classes, and they set up the logging as they start; a server that is never
 * scraped (an emulator in an app's tests) pays for neither, and a start pays for neither before its
 * first answer.
 */
public final class ServerMetrics implements AutoCloseable {

    /** The name of the request timer. */
    public static final String REQUESTS = "http.server.requests";

    /** Prometheus' text format, the default. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /** OpenMetrics, for a scraper that asks for it. */
    static final String OPENMETRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /** How many samples are held before the registry is made: a server never scraped holds no more. */
    static final int HELD = 1024;

    private final Map<TimerKey, Timing> timers = new ConcurrentHashMap<>();
    private final List<Consumer<MeterRegistry>> registrations = new ArrayList<>(); // guarded by this
    private final List<Sample> held = new ArrayList<>(); // guarded by this
    private volatile Meters meters; // null until made

    /** Records one request. @param route the matched route's template, or null when none matched */
    public void request(String method, String route, int status, long startedNanos) {
        timer(method, route, status).record(System.nanoTime() - startedNanos);
    }

    /** Registers the timer of a route and status before its first request, which it counts from 0. */
    public void register(String method, String route, int status) {
        timer(method, route, status);
    }

    private Timing timer(String method, String route, int status) {
        TimerKey key = new TimerKey(
                standardMethod(method), route == null ? (status == 404 ? "NOT_FOUND" : "UNMATCHED") : route, status);
        Timing timer = timers.get(key);
        if (timer == null) {
            // A client can send any method: only the standard ones become tags, so it cannot grow the registry.
            timer = timers.computeIfAbsent(
                    key,
                    k -> timer(
                            REQUESTS,
                            "HTTP requests, by method, route, status and outcome",
                            "method",
                            k.method(),
                            "uri",
                            k.route(),
                            "status",
                            Integer.toString(k.status()),
                            "outcome",
                            outcome(k.status())));
        }
        return timer;
    }

    /**
     * A timer of the registry, registered now or as the registry is made; what it records before is
     * held and handed to it then.
     *
     * @param tags names and values, alternately
     */
    public Timing timer(String name, String description, String... tags) {
        Timing timing = new Timing(this);
        whenMade(registry -> timing.bind(Meters.timer(registry, name, description, tags)));
        return timing;
    }

    /**
     * Registers a gauge read from {@code source} at each scrape (now, or as the registry is made). The
     * registry holds {@code source} strongly: Micrometer's default, a weak reference, lets a source
     * only the gauge refers to be collected, and the gauge then reads NaN.
     *
     * @param tags names and values, alternately
     */
    public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value, String... tags) {
        whenMade(registry -> Meters.gauge(registry, name, description, source, value, tags));
    }

    /**
     * Runs {@code registrations} (calls of {@link #gauge} and {@link #timer}) as the registry is made,
     * or now when it is: what they make (the gauges' functions) is not made before it is needed.
     */
    public void registerWhenMade(Runnable registrations) {
        whenMade(registry -> registrations.run());
    }

    /** The registry, made now if it was not, for what reads it or registers in it directly. */
    public MeterRegistry registry() {
        return made().registry();
    }

    /**
     * Every metric, in the format the {@code Accept} header asks for: OpenMetrics when it names
     * {@code application/openmetrics-text}, else Prometheus' text format 0.0.4.
     *
     * @return the media type and the text
     */
    public Scrape scrape(String accept) {
        String type =
                accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS_TEXT : PROMETHEUS_TEXT;
        return new Scrape(type, made().scrape(type));
    }

    /** Whether the registry was made (for tests: what is recorded before is held). */
    boolean registryMade() {
        return meters != null;
    }

    /** A scrape's media type and text. */
    public record Scrape(String contentType, String text) {}

    /** Closes the registry when it was made; else forgets what waits for it. */
    @Override
    public synchronized void close() {
        if (meters != null) {
            meters.close();
        } else {
            registrations.clear();
            held.clear();
        }
    }

    /**
     * A timer whose registry may not be made yet: what it records meanwhile is held by its metrics.
     * Thread-safe.
     */
    public static final class Timing {

        private final ServerMetrics metrics;
        private volatile Timer timer; // null until the registry is made

        private Timing(ServerMetrics metrics) {
            this.metrics = metrics;
        }

        /** Records one duration in nanoseconds. */
        public void record(long nanos) {
            Timer bound = timer;
            if (bound != null) {
                bound.record(nanos, TimeUnit.NANOSECONDS);
            } else {
                metrics.hold(this, nanos);
            }
        }

        private void bind(Timer made) {
            timer = made;
        }
    }

    /** Runs a registration now when the registry is made, else as it is made. */
    private void whenMade(Consumer<MeterRegistry> registration) {
        Meters made = meters;
        if (made == null) {
            synchronized (this) {
                made = meters;
                if (made == null) {
                    registrations.add(registration);
                    return;
                }
            }
        }
        registration.accept(made.registry());
    }

    /** Holds a sample of a timer not bound yet; makes the registry when {@value #HELD} wait. */
    private void hold(Timing timing, long nanos) {
        synchronized (this) {
            if (meters == null && held.size() < HELD) {
                held.add(new Sample(timing, nanos));
                return;
            }
        }
        made();
        timing.record(nanos); // bound now
    }

    /** The registry, made at the first call: what was registered is, what was held is recorded. */
    private Meters made() {
        Meters made = meters;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (meters == null) {
                Meters fresh = new Meters();
                MeterRegistry registry = fresh.registry();
                // A registration may register more (registerWhenMade's): they are run too.
                while (!registrations.isEmpty()) {
                    List<Consumer<MeterRegistry>> due = new ArrayList<>(registrations);
                    registrations.clear();
                    due.forEach(registration -> registration.accept(registry));
                }
                held.forEach(sample -> sample.timing().record(sample.nanos()));
                held.clear();
                meters = fresh;
            }
            return meters;
        }
    }

    private record Sample(Timing timing, long nanos) {}

    /**
     * The registry itself: every use of Micrometer's and Prometheus' classes is here, so that none of
     * them is loaded before the registry is made.
     */
    private static final class Meters {

        private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        private JvmGcMetrics gc; // guarded by this: bound at the first scrape

        MeterRegistry registry() {
            return registry;
        }

        static Timer timer(MeterRegistry registry, String name, String description, String... tags) {
            return Timer.builder(name).description(description).tags(tags).register(registry);
        }

        static <T> void gauge(
                MeterRegistry registry,
                String name,
                String description,
                T source,
                ToDoubleFunction<T> value,
                String... tags) {
            Gauge.builder(name, source, value)
                    .description(description)
                    .tags(tags)
                    .strongReference(true)
                    .register(registry);
        }

        String scrape(String type) {
            bindJvmMetrics();
            return registry.scrape(type);
        }

        /**
         * Binds the JVM's metrics (memory, garbage collection, threads, classes, CPU, uptime), once: at
         * the first scrape rather than at start-up, which the management beans they load would slow
         * down. The garbage collections are counted from then on.
         */
        private synchronized void bindJvmMetrics() {
            if (gc != null) {
                return;
            }
            new JvmMemoryMetrics().bindTo(registry);
            JvmGcMetrics gcMetrics = new JvmGcMetrics();
            gcMetrics.bindTo(registry);
            gc = gcMetrics;
            new JvmThreadMetrics().bindTo(registry);
            new ClassLoaderMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
        }

        synchronized void close() {
            if (gc != null) {
                gc.close();
            }
            registry.close();
        }
    }

    private static String standardMethod(String method) {
        return switch (method) {
            case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE" -> method;
            default -> "OTHER";
        };
    }

    private static String outcome(int status) {
        if (status < 200) {
            return "INFORMATIONAL";
        }
        if (status < 300) {
            return "SUCCESS";
        }
        if (status < 400) {
            return "REDIRECTION";
        }
        return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
    }

    private record TimerKey(String method, String route, int status) {

        // Written out: a record's own equals and hashCode are linked at their first call through
        // java.lang.runtime.ObjectMethods, tens of milliseconds of method handles in a fresh JVM, and a
        // timer is looked up by its key at the engine's start and its first request (PERFORMANCE.md 7.6).
        @Override
        public boolean equals(Object other) {
            return other instanceof TimerKey that
                    && status == that.status
                    && Objects.equals(method, that.method)
                    && Objects.equals(route, that.route);
        }

        @Override
        public int hashCode() {
            return (31 * Objects.hashCode(method) + Objects.hashCode(route)) * 31 + status;
        }
    }
}
