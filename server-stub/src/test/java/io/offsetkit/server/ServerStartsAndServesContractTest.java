package io.offsetkit.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.api.OpenApiDocument;
import io.offsetkit.server.testsupport.ServerOverHttpTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The application starts on a real port and serves the contract, Swagger UI, health and metrics. */
@ServerOverHttpTest
class ServerStartsAndServesContractTest {

    @LocalServerPort
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
        Response health = given().port(port).get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.jsonPath().getString("status")).isEqualTo("UP");
        assertThat(health.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void metricsCountTheServedRequests() {
        given().port(port).get("/openapi.yaml").then().statusCode(200);

        Response metrics = given().port(port).get("/actuator/metrics/http.server.requests");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.jsonPath().getDouble("measurements.find { it.statistic == 'COUNT' }.value"))
                .isGreaterThanOrEqualTo(1.0);
    }
}
