package io.offsetkit.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.api.OpenApiDocument;
import io.offsetkit.server.testsupport.RunningServer;
import io.offsetkit.server.testsupport.ServerOverHttpTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The application starts on a real port and serves the contract, Swagger UI, health and metrics. */
@ServerOverHttpTest
class ServerStartsAndServesContractTest {

    @RunningServer.Server
    int port;

    @Test
    void servesTheContractByteForByte() {
        byte[] served = given().port(port)
                .get("/openapi.yaml")
                .then()
                .statusCode(200)
                .header("X-Request-Id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()))
                .extract()
                .asByteArray();

        assertThat(served).isEqualTo(OpenApiDocument.bundled().bytes());
    }

    @Test
    void servesSwaggerUiPointedAtTheContract() {
        // WHEN the UI's address is opened
        Response page = given().port(port).redirects().follow(true).get("/swagger-ui");

        // THEN the page loads Swagger UI from the webjar, and its initializer points at /openapi.yaml
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("/webjars/swagger-ui/swagger-ui-bundle.js");
        given().port(port)
                .get("/webjars/swagger-ui/swagger-ui-bundle.js")
                .then()
                .statusCode(200);
        assertThat(given().port(port)
                        .get("/swagger-ui/offsetkit-initializer.js")
                        .asString())
                .contains("url: \"/openapi.yaml\"");
    }

    @Test
    void healthIsUp() {
        Response health = given().port(port).get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.contentType()).startsWith("application/json");
        assertThat(health.jsonPath().getString("status")).isEqualTo("UP");
        assertThat(health.jsonPath().getString("backend")).isEqualTo("embedded");
        assertThat(health.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void metricsTimeTheServedRequestsByRouteInPrometheusFormat() {
        // GIVEN two requests served on the contract's route
        for (int i = 0; i < 2; i++) {
            given().port(port)
                    .contentType("application/json")
                    .body("{\"topic\":\"topic_01\",\"timestamp\":1662652800000}")
                    .post(io.offsetkit.server.testsupport.Ids.path("rocketmq"))
                    .then()
                    .statusCode(200);
        }

        // WHEN the metrics are scraped
        Response metrics = given().port(port).get("/metrics");

        // THEN the request timer counts them under the route's template, and the backend's gauges are there
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        String text = metrics.asString();
        String route = "uri=\"/v2/{engine}/{project_id}/instances/{instance_id}/groups/{group}/reset-message-offset\"";
        assertThat(text.lines()
                        .filter(line -> line.startsWith("http_server_requests_seconds_count{")
                                && line.contains(route)
                                && line.contains("status=\"200\""))
                        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                        .sum())
                .isGreaterThanOrEqualTo(2.0);
        assertThat(text).contains("offsetkit_store_instances").contains("offsetkit_backend_resets_in_flight");
    }

    @Test
    void theStoreGaugesCountWhatTheDefaultFixtureHolds() {
        // GIVEN the default fixture: one instance, two groups, topics of 1, 6 and 2 queues holding 100,
        // 6 x 1000 and 5 messages (resets change none of these)
        // WHEN the metrics are scraped
        String text = given().port(port).get("/metrics").asString();

        // THEN each store gauge says so
        assertThat(gauge(text, "offsetkit_store_instances")).isEqualTo(1);
        assertThat(gauge(text, "offsetkit_store_topics")).isEqualTo(3);
        assertThat(gauge(text, "offsetkit_store_groups")).isEqualTo(2);
        assertThat(gauge(text, "offsetkit_store_queues")).isEqualTo(9);
        assertThat(gauge(text, "offsetkit_store_messages")).isEqualTo(6105);
        assertThat(gauge(text, "offsetkit_store_index_bytes")).isPositive();
    }

    /** The value of an untagged gauge in Prometheus' text format. */
    private static double gauge(String metrics, String name) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no gauge " + name + " in:\n" + metrics));
    }
}
