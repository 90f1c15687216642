package io.offsetkit.server.reset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.api.ContractSchemas;
import io.offsetkit.api.DocumentedExamples;
import io.offsetkit.api.OpenApiDocument;
import io.offsetkit.server.testsupport.Ids;
import io.offsetkit.server.testsupport.RunningServer;
import io.offsetkit.server.testsupport.ServerOverHttpTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The documented example, sent over HTTP to the server with its default fixture, gets the documented answer. */
@ServerOverHttpTest
class DocumentedExampleReplayTest {

    private static final String DOCUMENTED_RESPONSE =
            "{\"queues\":[{\"broker_name\":\"broker-1\",\"queue_id\":0,\"timestamp_offset\":0}]}";

    @RunningServer.Server
    int port;

    @ParameterizedTest(name = "engine {0}")
    @ValueSource(strings = {"rocketmq", "reliability"})
    void documentedRequestWithNumericTimestampGetsTheDocumentedResponse(String engine) {
        // GIVEN the documented request, timestamp as the JSON number of the vendor's example
        String body = "{\"topic\":\"topic_01\",\"timestamp\":1662652800000}";

        // WHEN it is sent
        Response response = post(Ids.path(engine), body);

        // THEN the answer is the documented response, exactly
        assertDocumentedResponse(response);
    }

    @ParameterizedTest(name = "engine {0}")
    @ValueSource(strings = {"rocketmq", "reliability"})
    void documentedRequestWithStringTimestampGetsTheDocumentedResponse(String engine) {
        // GIVEN the same request as the official Java SDK 3.1.143 sends it: timestamp a string of digits
        String body = "{\"topic\":\"topic_01\",\"timestamp\":\"1662652800000\"}";

        Response response = post(Ids.path(engine), body);

        assertDocumentedResponse(response);
    }

    @Test
    void olderRouteGivesTheSameAnswer() {
        Response response = post(
                Ids.olderPath(Ids.PROJECT, Ids.INSTANCE, Ids.GROUP),
                "{\"topic\":\"topic_01\",\"timestamp\":1662652800000}");

        assertDocumentedResponse(response);
    }

    @Test
    void everyDocumentedRequestExampleIsAnsweredWithAValidResponse() {
        // GIVEN every request example of the contract (numeric, string, -1)
        var requests = DocumentedExamples.of(OpenApiDocument.bundled()).stream()
                .filter(example -> example.examplePointer().startsWith("/components/requestBodies/"))
                .toList();
        assertThat(requests).hasSizeGreaterThanOrEqualTo(3);
        requests.forEach(example -> {
            // WHEN each is sent with the documented ids
            Response response = post(Ids.path("rocketmq"), example.value().toString());

            // THEN each gets a 200 whose body is valid against the contract's response schema
            assertThat(response.statusCode()).as(example.toString()).isEqualTo(200);
            JsonNode json = JsonMapper.shared().readTree(response.asString());
            assertThat(ContractSchemas.bundled().validateComponent("ResetConsumeOffsetResp", json))
                    .isEmpty();
        });
    }

    @Test
    void chunkedBodyIsReadWhole() throws Exception {
        // GIVEN the documented request with a chunked body and no Content-Length, as the official SDK sends it
        byte[] body = "{\"topic\":\"topic_01\",\"timestamp\":\"1662652800000\"}".getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + Ids.path("reliability")))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        // WHEN it is sent
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        // THEN the answer is the documented one
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(response.body()))
                .isEqualTo(JsonMapper.shared().readTree(DOCUMENTED_RESPONSE));
    }

    @Test
    void chunkedBodyOverTheLimitIsRefused() throws Exception {
        byte[] body = ("{\"topic\":\"topic_01\",\"timestamp\":1,\"pad\":\"" + "x".repeat(70_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + Ids.path("rocketmq")))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("DMS.00400800").contains("too large");
    }

    @Test
    void latestAndEarliestAreAnswered() {
        // -1 is "latest": the queue's max offset, past every message; 0 is before every message: its min offset
        Response latest = post(Ids.path("rocketmq"), "{\"topic\":\"topic_01\",\"timestamp\":-1}");
        Response earliest = post(Ids.path("rocketmq"), "{\"topic\":\"topic_01\",\"timestamp\":\"0\"}");

        assertThat(latest.statusCode()).as(latest.asString()).isEqualTo(200);
        assertThat(earliest.jsonPath().getLong("queues[0].timestamp_offset")).isEqualTo(0L);
        assertThat(latest.jsonPath().getLong("queues[0].timestamp_offset")).isGreaterThan(0L);
    }

    @Test
    void unknownPropertiesAreIgnored() {
        // GIVEN a body with a property this contract does not know (a newer client may send more)
        Response response = post(
                Ids.path("rocketmq"),
                "{\"topic\":\"topic_01\",\"timestamp\":1662652800000,\"dry_run\":{\"nested\":[1,2]}}");

        assertDocumentedResponse(response);
    }

    private Response post(String path, String body) {
        return given().port(port).contentType("application/json").body(body).post(path);
    }

    private static void assertDocumentedResponse(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.header("X-Request-Id")).isNotBlank();
        assertThat(JsonMapper.shared().readTree(response.asString()))
                .isEqualTo(JsonMapper.shared().readTree(DOCUMENTED_RESPONSE));
    }
}
