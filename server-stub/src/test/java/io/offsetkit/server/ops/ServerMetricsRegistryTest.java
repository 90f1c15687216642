package io.offsetkit.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The registry is made when it is first needed, not at a start: until then what is registered is
 * kept and what is recorded is held, and the registry, once made, shows what it would have shown had
 * it been made at the start; a server that is never scraped holds a bounded number of samples.
 */
class ServerMetricsRegistryTest {

    @Test
    void whatIsRecordedBeforeTheRegistryIsMadeIsCountedWhenItIs() {
        try (ServerMetrics metrics = new ServerMetrics()) {
            // GIVEN a route registered, two requests recorded on it, a timer and a gauge of the backend's
            metrics.register("POST", "/reset", 200);
            metrics.register("GET", "/read", 200);
            metrics.request("POST", "/reset", 200, System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(5));
            metrics.request("POST", "/reset", 200, System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(7));
            ServerMetrics.Timing backend = metrics.timer("offsetkit.test.calls", "calls", "outcome", "applied");
            backend.record(TimeUnit.MILLISECONDS.toNanos(3));
            AtomicInteger source = new AtomicInteger(41);
            metrics.gauge("offsetkit.test.level", "a level", source, AtomicInteger::get, "backend", "embedded");
            source.incrementAndGet();

            // THEN no registry was made for them
            assertThat(metrics.registryMade()).isFalse();

            // WHEN the registry is read
            Timer reset = metrics.registry()
                    .find(ServerMetrics.REQUESTS)
                    .tags("method", "POST", "uri", "/reset")
                    .timer();

            // THEN it holds every sample with its duration, the registered route from 0, the timer and the gauge
            assertThat(metrics.registryMade()).isTrue();
            assertThat(reset.count()).isEqualTo(2);
            assertThat(reset.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(12.0);
            assertThat(reset.max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(7.0);
            assertThat(metrics.registry()
                            .find(ServerMetrics.REQUESTS)
                            .tags("method", "GET", "uri", "/read")
                            .timer()
                            .count())
                    .isZero();
            Timer calls = metrics.registry()
                    .find("offsetkit.test.calls")
                    .tag("outcome", "applied")
                    .timer();
            assertThat(calls.count()).isEqualTo(1);
            assertThat(calls.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3.0);
            assertThat(metrics.registry()
                            .find("offsetkit.test.level")
                            .tag("backend", "embedded")
                            .gauge()
                            .value())
                    .isEqualTo(42.0);

            // AND what is recorded from then on goes to the registry directly
            backend.record(TimeUnit.MILLISECONDS.toNanos(1));
            assertThat(calls.count()).isEqualTo(2);
        }
    }

    @Test
    void aServerNeverScrapedMakesItsRegistryOnceItHoldsTheLimitOfSamples() {
        try (ServerMetrics metrics = new ServerMetrics()) {
            // GIVEN one sample fewer than the limit recorded
            for (int i = 0; i < ServerMetrics.HELD; i++) {
                metrics.request("GET", "/health", 200, System.nanoTime());
            }
            assertThat(metrics.registryMade()).isFalse();

            // WHEN one more is recorded
            metrics.request("GET", "/health", 200, System.nanoTime());

            // THEN the registry is made, with every sample counted, and nothing is held any more
            assertThat(metrics.registryMade()).isTrue();
            assertThat(metrics.registry()
                            .find(ServerMetrics.REQUESTS)
                            .tags("uri", "/health")
                            .timer()
                            .count())
                    .isEqualTo(ServerMetrics.HELD + 1L);
        }
    }

    @Test
    void registrationsRunWhenTheRegistryIsMadeMayRegisterMore() {
        try (ServerMetrics metrics = new ServerMetrics()) {
            // GIVEN a registration deferred until the registry is made, which registers a gauge itself
            AtomicInteger runs = new AtomicInteger();
            metrics.registerWhenMade(() -> {
                runs.incrementAndGet();
                metrics.gauge("offsetkit.test.deferred", "deferred", runs, AtomicInteger::get);
            });
            assertThat(runs).hasValue(0);

            // WHEN the registry is made by a scrape
            String text = metrics.scrape(null).text();

            // THEN the registration ran once, and its gauge is in the scrape
            assertThat(runs).hasValue(1);
            assertThat(text).contains("offsetkit_test_deferred 1.0");
        }
    }
}
