package io.offsetkit.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.offsetkit.api.OpenApiDocument;
import io.offsetkit.client.generated.api.ConsumerOffsetsApi;
import io.offsetkit.client.generated.invoker.ApiClient;
import io.offsetkit.client.generated.model.ResetConsumeOffsetReq;
import io.offsetkit.client.generated.model.ResetConsumeOffsetResp;
import io.offsetkit.client.generated.model.ResetConsumeOffsetRespQueues;
import io.offsetkit.client.generated.model.ResetTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated client, fed the contract's documented example against a WireMock stub that serves
 * the documented response, round-trips both exactly.
 */
class GeneratedClientDocumentedExampleTest {

    private static final OpenApiDocument CONTRACT = OpenApiDocument.bundled();
    private static final String DOCUMENTED_REQUEST = CONTRACT.at(
                    "/components/requestBodies/ResetConsumeOffset/content/application~1json/examples/documented/value")
            .toString();
    private static final String DOCUMENTED_RESPONSE = CONTRACT.at(
                    "/components/responses/OffsetReset/content/application~1json/examples/documented/value")
            .toString();
    private static final String PROJECT =
            CONTRACT.at("/components/parameters/ProjectId/example").asString();
    private static final String INSTANCE =
            CONTRACT.at("/components/parameters/InstanceId/example").asString();
    private static final String GROUP =
            CONTRACT.at("/components/parameters/Group/example").asString();
    private static final String PATH =
            "/v2/rocketmq/" + PROJECT + "/instances/" + INSTANCE + "/groups/" + GROUP + "/reset-message-offset";

    private final WireMockServer wireMock = new WireMockServer(wireMockConfig().dynamicPort());

    @BeforeEach
    void start() {
        wireMock.start();
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    @Test
    void documentedExampleRoundTrips() throws Exception {
        // GIVEN a stub that answers the documented route with the documented response
        wireMock.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Request-Id", "req-1")
                        .withBody(DOCUMENTED_RESPONSE)));
        ApiClient apiClient = new ApiClient();
        apiClient.updateBaseUri(wireMock.baseUrl());
        ConsumerOffsetsApi api = new ConsumerOffsetsApi(apiClient);

        // WHEN the generated client sends the documented request
        ResetConsumeOffsetReq request =
                new ResetConsumeOffsetReq().topic("topic_01").timestamp(new ResetTimestamp(1662652800000L));
        ResetConsumeOffsetResp response = api.resetConsumeOffset("rocketmq", PROJECT, INSTANCE, GROUP, request);

        // THEN the request on the wire is the documented one, numeric timestamp included
        wireMock.verify(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(DOCUMENTED_REQUEST)));
        assertThat(wireMock.getAllServeEvents().get(0).getRequest().getBodyAsString())
                .contains("\"timestamp\":1662652800000");
        // AND every field of the documented response comes back
        assertThat(response.getQueues()).hasSize(1);
        ResetConsumeOffsetRespQueues queue = response.getQueues().get(0);
        assertThat(queue.getBrokerName()).isEqualTo("broker-1");
        assertThat(queue.getQueueId()).isEqualTo(0);
        assertThat(queue.getTimestampOffset()).isEqualTo(0L);
    }

    @Test
    void stringTimestampIsSentAsAString() throws Exception {
        // GIVEN the same stub
        wireMock.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(DOCUMENTED_RESPONSE)));
        ApiClient apiClient = new ApiClient();
        apiClient.updateBaseUri(wireMock.baseUrl());

        // WHEN the timestamp is given as the official Java SDK 3.1.143 sends it, a string of digits
        new ConsumerOffsetsApi(apiClient)
                .resetConsumeOffset(
                        "rocketmq",
                        PROJECT,
                        INSTANCE,
                        GROUP,
                        new ResetConsumeOffsetReq().topic("topic_01").timestamp(new ResetTimestamp("1662652800000")));

        // THEN it goes on the wire as a JSON string
        wireMock.verify(postRequestedFor(urlPathEqualTo(PATH))
                .withRequestBody(equalToJson("{\"topic\":\"topic_01\",\"timestamp\":\"1662652800000\"}")));
    }
}
