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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The server's metrics, in a Micrometer registry scraped at {@code /metrics} in Prometheus' text
 * format: a timer of every request by method, route, status and outcome ({@code
 * http.server.requests}, as Micrometer's HTTP instrumentations name it), the gauges the backend
 * registers, and the JVM's own. Thread-safe.
 */
public final class ServerMetrics implements AutoCloseable {

    /** The name of the request timer. */
    public static final String REQUESTS = "http.server.requests";

    /** Prometheus' text format, the default. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /** OpenMetrics, for a scraper that asks for it. */
    static final String OPENMETRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    private JvmGcMetrics gc; // guarded by this: bound at the first scrape

    /** Records one request. @param route the matched route's template, or null when none matched */
    public void request(String method, String route, int status, long startedNanos) {
        timer(method, route, status).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    /** Registers the timer of a route and status before its first request, which it counts from 0. */
    public void register(String method, String route, int status) {
        timer(method, route, status);
    }

    private Timer timer(String method, String route, int status) {
        TimerKey key = new TimerKey(
                standardMethod(method), route == null ? (status == 404 ? "NOT_FOUND" : "UNMATCHED") : route, status);
        Timer timer = timers.get(key);
        if (timer == null) {
            // A client can send any method: only the standard ones become tags, so it cannot grow the registry.
            timer = timers.computeIfAbsent(
                    key,
                    k -> Timer.builder(REQUESTS)
                            .description("HTTP requests, by method, route, status and outcome")
                            .tag("method", k.method())
                            .tag("uri", k.route())
                            .tag("status", Integer.toString(k.status()))
                            .tag("outcome", outcome(k.status()))
                            .register(registry));
        }
        return timer;
    }

    /**
     * Registers a gauge read from {@code source} at each scrape. The registry holds {@code source}
     * strongly: Micrometer's default, a weak reference, lets a source only the gauge refers to be
     * collected, and the gauge then reads NaN.
     */
    public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value)
                .description(description)
                .strongReference(true)
                .register(registry);
    }

    /**
     * Binds the JVM's metrics (memory, garbage collection, threads, classes, CPU, uptime), once: at
     * the first scrape rather than at start-up, which the management beans they load would slow down.
     * The garbage collections are counted from then on.
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

    /** The registry, for what the server's parts register themselves. */
    public MeterRegistry registry() {
        return registry;
    }

    /**
     * Every metric, in the format the {@code Accept} header asks for: OpenMetrics when it names
     * {@code application/openmetrics-text}, else Prometheus' text format 0.0.4.
     *
     * @return the media type and the text
     */
    public Scrape scrape(String accept) {
        bindJvmMetrics();
        String type =
                accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS_TEXT : PROMETHEUS_TEXT;
        return new Scrape(type, registry.scrape(type));
    }

    /** A scrape's media type and text. */
    public record Scrape(String contentType, String text) {}

    @Override
    public synchronized void close() {
        if (gc != null) {
            gc.close();
        }
        registry.close();
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

    private record TimerKey(String method, String route, int status) {}
}
