package io.offsetkit.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.offsetkit.server.assembly.Engine;
import io.offsetkit.server.call.Answer;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Operation;
import io.offsetkit.server.testsupport.Ids;
import io.offsetkit.server.testsupport.TestCall;
import io.offsetkit.server.testsupport.TestEngines;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request timer: one per route template (never per raw path), method (the standard ones, any
 * other as OTHER), status and outcome, so that no client can grow the registry; measured on the
 * engine's request path, as every request is.
 */
class ServerMetricsTest {

    private static final String BODY = "{\"topic\":\"topic_01\",\"timestamp\":1662652800000}";

    @TempDir
    Path dir;

    private Engine engine() {
        return TestEngines.start(dir);
    }

    /** The request timers that have counted a request (the engine registers its routes' 200s at start). */
    private static Collection<Timer> timers(Engine engine) {
        return engine.metrics().registry().find(ServerMetrics.REQUESTS).timers().stream()
                .filter(timer -> timer.count() > 0)
                .toList();
    }

    private static Timer timer(Engine engine, String method, String uri, int status) {
        return engine.metrics()
                .registry()
                .find(ServerMetrics.REQUESTS)
                .tags("method", method, "uri", uri, "status", Integer.toString(status))
                .timer();
    }

    @Test
    void requestsOnOneRouteAreTimedUnderItsTemplateWhateverTheirPaths() throws Exception {
        try (Engine engine = engine()) {
            // GIVEN resets on the current route through both engines, with ids that exist and ids that do not
            String current = Operation.RESET_CONSUME_OFFSET.pathTemplate();
            String older = Operation.RESET_CONSUME_OFFSET_FOR_ROCKET_MQ.pathTemplate();
            for (String path : new String[] {
                Ids.path("rocketmq"),
                Ids.path("reliability"),
                Ids.path("rocketmq", Ids.PROJECT, "no-such-instance", Ids.GROUP),
                Ids.path("rocketmq", Ids.PROJECT, "other-instance", Ids.GROUP)
            }) {
                engine.requestPath().serve(TestCall.of("POST", path).json(BODY));
            }
            // AND one on the older route
            Answer olderAnswer = engine.requestPath()
                    .serve(TestCall.of("POST", Ids.olderPath(Ids.PROJECT, Ids.INSTANCE, Ids.GROUP))
                            .json(BODY));
            assertThat(olderAnswer.status()).isEqualTo(200);

            // THEN each route has one timer per status, counting its requests, and no timer names a raw path
            assertThat(timer(engine, "POST", current, 200).count()).isEqualTo(2);
            assertThat(timer(engine, "POST", current, 404).count()).isEqualTo(2);
            assertThat(timer(engine, "POST", older, 200).count()).isEqualTo(1);
            assertThat(timers(engine)).extracting(t -> t.getId().getTag("uri")).containsOnly(current, older);
            assertThat(timer(engine, "POST", current, 404).getId().getTag("outcome"))
                    .isEqualTo("CLIENT_ERROR");
            assertThat(timer(engine, "POST", current, 200).getId().getTag("outcome"))
                    .isEqualTo("SUCCESS");
        }
    }

    @Test
    void theContractsRoutesAreTimedFromZeroBeforeTheirFirstRequest() throws Exception {
        // GIVEN an engine that has served nothing yet
        try (Engine engine = engine()) {
            // THEN every operation's route has its 200 timer (the reset's two routes and the three reads'),
            // at zero, and no other request timer is there
            Collection<Timer> registered =
                    engine.metrics().registry().find(ServerMetrics.REQUESTS).timers();
            assertThat(registered)
                    .extracting(timer -> timer.getId().getTag("uri"))
                    .containsExactlyInAnyOrder(
                            "/v2/{engine}/{project_id}/instances/{instance_id}/groups/{group}/reset-message-offset",
                            "/v2/{project_id}/rocketmq/instances/{instance_id}/groups/{group}/reset-message-offset",
                            "/v2/{project_id}/instances/{instance_id}/groups/{group}/topics",
                            "/v2/{project_id}/instances/{instance_id}/topics/{topic}/status",
                            "/v2/rocketmq/{project_id}/instances/{instance_id}/groups/{group}/clients");
            assertThat(registered).allSatisfy(timer -> assertThat(timer.count()).isZero());
        }
    }

    @Test
    void requestsThatMatchNoRouteShareOneTimerWhateverTheirPaths() throws Exception {
        try (Engine engine = engine()) {
            for (int i = 0; i < 50; i++) {
                engine.requestPath().serve(TestCall.of("GET", "/no/such/path/" + i));
            }

            assertThat(timers(engine)).hasSize(1);
            assertThat(timer(engine, "GET", "NOT_FOUND", 404).count()).isEqualTo(50);
        }
    }

    @Test
    void methodsOutsideTheStandardOnesAreTimedAsOther() throws Exception {
        try (Engine engine = engine()) {
            // GIVEN requests with methods a client made up, and a standard one, on the same page
            for (String method : new String[] {"BREW", "PROPFIND", "get", "X-ANYTHING"}) {
                Answer answer = engine.requestPath().serve(TestCall.ofMethodAsSent(method, "/health"));
                assertThat(answer.status()).isEqualTo(405);
            }
            engine.requestPath().serve(TestCall.of("DELETE", "/health"));

            // THEN the made-up ones share one timer under OTHER, and the standard one keeps its name (a
            // request whose method no route of its path takes is timed as UNMATCHED)
            assertThat(timer(engine, "OTHER", "UNMATCHED", 405).count()).isEqualTo(4);
            assertThat(timer(engine, "DELETE", "UNMATCHED", 405).count()).isEqualTo(1);
            assertThat(timers(engine)).hasSize(2);
        }
    }

    @Test
    void anyMethodOutsideTheStandardOnesIsOtherEvenOnARoute() {
        try (ServerMetrics metrics = new ServerMetrics()) {
            for (String method : new String[] {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"}) {
                metrics.request(method, "/health", 200, System.nanoTime());
            }
            metrics.request("BREW", "/health", 200, System.nanoTime());
            metrics.request("post", "/health", 200, System.nanoTime());

            assertThat(metrics.registry().find(ServerMetrics.REQUESTS).timers())
                    .extracting(t -> t.getId().getTag("method"))
                    .containsExactlyInAnyOrder(
                            "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "OTHER");
            assertThat(metrics.registry()
                            .find(ServerMetrics.REQUESTS)
                            .tags("method", "OTHER")
                            .timer()
                            .count())
                    .isEqualTo(2);
        }
    }

    @Test
    void aRequestWithoutARouteThatIsNot404IsUnmatched() {
        try (ServerMetrics metrics = new ServerMetrics()) {
            metrics.request("GET", null, 400, System.nanoTime());
            metrics.request("HEAD", "/health", 200, System.nanoTime());

            assertThat(metrics.registry()
                            .find(ServerMetrics.REQUESTS)
                            .tags("uri", "UNMATCHED", "status", "400")
                            .timer()
                            .count())
                    .isEqualTo(1);
            assertThat(metrics.registry()
                            .find(ServerMetrics.REQUESTS)
                            .tags("method", "HEAD", "uri", "/health")
                            .timer()
                            .count())
                    .isEqualTo(1);
        }
    }

    @Test
    void theScrapeIsPrometheusTextUnlessOpenMetricsIsAskedFor() {
        try (ServerMetrics metrics = new ServerMetrics()) {
            metrics.request("POST", "/v2/{engine}", 200, System.nanoTime());

            ServerMetrics.Scrape prometheus = metrics.scrape(null);
            ServerMetrics.Scrape openMetrics = metrics.scrape("application/openmetrics-text; version=1.0.0");

            assertThat(prometheus.contentType()).startsWith("text/plain; version=0.0.4");
            assertThat(prometheus.text())
                    .contains("http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"200\","
                            + "uri=\"/v2/{engine}\"} 1");
            assertThat(openMetrics.contentType()).startsWith("application/openmetrics-text");
            assertThat(openMetrics.text()).contains("# EOF");
        }
    }
}
