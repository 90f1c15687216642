package io.offsetkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.client.generated.invoker.ApiClient;
import io.offsetkit.client.generated.model.ResetConsumeOffsetReq;
import io.offsetkit.client.generated.model.ResetConsumeOffsetResp;
import io.offsetkit.client.generated.model.ResetTimestamp;
import io.offsetkit.client.generated.model.ShowConsumerConnectionsResp;
import io.offsetkit.client.generated.model.ShowConsumerListOrDetailsResp;
import io.offsetkit.client.generated.model.ShowTopicStatusResp;
import io.offsetkit.client.generated.request.ConsumerOffsetsRequests;
import io.offsetkit.client.generated.request.ConsumerOffsetsRequests.Request;
import io.offsetkit.client.generated.request.ConsumerOffsetsRequests.ShowConsumerConnectionsBuilder;
import io.offsetkit.client.generated.request.ConsumerOffsetsRequests.ShowConsumerListOrDetailsBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * The requests generated from the contract by the client's own template ({@code
 * src/main/openapi-templates/api.mustache}), which the client sends: each operation's method, route,
 * encoded path and query, media types, body bytes and answer model, as the contract defines them.
 */
class GeneratedRequestsTest {

    private static final String BASE = "http://localhost:8080/gateway";

    private final ObjectMapper mapper = ApiClient.createDefaultObjectMapper();
    private final ConsumerOffsetsRequests requests = new ConsumerOffsetsRequests(BASE, mapper);

    @Test
    void theResetIsAPostOfItsRouteWithTheBodyAsTheModelsBytes() {
        // GIVEN a reset's body
        ResetConsumeOffsetReq body =
                new ResetConsumeOffsetReq().topic("topic_01").timestamp(new ResetTimestamp(0L));

        // WHEN its request is built
        Request<ResetConsumeOffsetResp> request = requests.resetConsumeOffset(
                        "reliability", "project_1", "instance_1", "group_01", body)
                .request();

        // THEN it is the contract's route after the base URL, a JSON body, and the reset's answer model
        assertThat(request.operationId()).isEqualTo("resetConsumeOffset");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri())
                .isEqualTo(URI.create(
                        BASE + "/v2/reliability/project_1/instances/instance_1/groups/group_01/reset-message-offset"));
        assertThat(request.hasBody()).isTrue();
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.accept()).isEqualTo("application/json");
        assertThat(new String(request.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"topic\":\"topic_01\",\"timestamp\":0}");
        assertThat(request.headers()).isEmpty();
        assertThat(request.answer()).isEqualTo(ResetConsumeOffsetResp.class);
    }

    @Test
    void aReadHasNoBodyAndLeavesOutTheOptionalParametersNotSet() {
        // WHEN a group's topics are asked for with no optional parameter set
        Request<ShowConsumerListOrDetailsResp> request = requests.showConsumerListOrDetails(
                        "project_1", "instance_1", "group_01")
                .request();

        // THEN it is a GET of the route without a query, body or Content-Type
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.uri())
                .isEqualTo(URI.create(BASE + "/v2/project_1/instances/instance_1/groups/group_01/topics"));
        assertThat(request.hasBody()).isFalse();
        assertThat(request.contentType()).isNull();
        assertThat(request.body()).isEmpty();
        assertThat(request.answer()).isEqualTo(ShowConsumerListOrDetailsResp.class);
    }

    @Test
    void pathSegmentsAndQueryValuesArePercentEncoded() {
        // GIVEN names with RocketMQ's '%' and '|', which a URI cannot carry as they are
        // WHEN a group's progress on a topic is asked for
        Request<ShowConsumerListOrDetailsResp> request = requests.showConsumerListOrDetails(
                        "project_1", "instance_1", "%RETRY%group|01")
                .topic("%DLQ%topic|01")
                .request();

        // THEN each is encoded as the generated API encodes it
        assertThat(request.uri().getRawPath()).endsWith("/groups/%25RETRY%25group%7C01/topics");
        assertThat(request.uri().getRawQuery()).isEqualTo("topic=%25DLQ%25topic%7C01");
    }

    @Test
    void theQueryFollowsTheContractsOrderWhateverTheOrderOfSetting() {
        // WHEN a page of consumers is asked for, its parameters set in another order than the contract's
        Request<ShowConsumerConnectionsResp> request = requests.showConsumerConnections(
                        "project_1", "instance_1", "group_01")
                .isDetail(true)
                .offset(20)
                .limit(10)
                .request();

        // THEN the query lists them as the contract does: limit, offset, is_detail
        assertThat(request.uri())
                .isEqualTo(URI.create(BASE
                        + "/v2/rocketmq/project_1/instances/instance_1/groups/group_01/clients"
                        + "?limit=10&offset=20&is_detail=true"));
        assertThat(request.answer()).isEqualTo(ShowConsumerConnectionsResp.class);
    }

    @Test
    void aTopicsStatusIsAGetOfItsRoute() {
        // WHEN a topic's status is asked for
        Request<ShowTopicStatusResp> request =
                requests.showTopicStatus("project_1", "instance_1", "topic_01").request();

        // THEN it is the contract's route, and the answer the topic status' model
        assertThat(request.toString())
                .isEqualTo("GET " + BASE
                        + "/v2/project_1/instances/instance_1/topics/topic_01/status (showTopicStatus, 0 body bytes)");
        assertThat(request.answer()).isEqualTo(ShowTopicStatusResp.class);
    }

    @Test
    void aRequiredParameterLeftNullIsNamed() {
        // WHEN a required parameter is null THEN the failure names it, before any request exists
        assertThatThrownBy(() -> requests.showTopicStatus("project_1", null, "topic_01"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("instanceId");
    }

    @Test
    void theContractsBoundsAndEnumValuesAreConstants() {
        // THEN the paging bounds and the engine values are the contract's
        assertThat(ShowConsumerListOrDetailsBuilder.LIMIT_MINIMUM).isEqualTo(1);
        assertThat(ShowConsumerListOrDetailsBuilder.LIMIT_MAXIMUM).isEqualTo(50);
        assertThat(ShowConsumerConnectionsBuilder.OFFSET_MINIMUM).isZero();
        assertThat(ShowConsumerConnectionsBuilder.OFFSET_MAXIMUM).isEqualTo(Integer.MAX_VALUE);
        assertThat(OffsetkitClient.MAX_PAGE_SIZE).isEqualTo(50);
        assertThat(Engine.ROCKETMQ.pathSegment()).isEqualTo("rocketmq");
        assertThat(Engine.RELIABILITY.pathSegment()).isEqualTo("reliability");
    }

    @Test
    void theSameParametersGiveEqualRequests() {
        // WHEN one reset's request is built twice
        ResetConsumeOffsetReq body =
                new ResetConsumeOffsetReq().topic("topic_01").timestamp(new ResetTimestamp(-1L));
        Request<ResetConsumeOffsetResp> first =
                requests.resetConsumeOffset("rocketmq", "p", "i", "g", body).request();
        Request<ResetConsumeOffsetResp> second =
                requests.resetConsumeOffset("rocketmq", "p", "i", "g", body).request();

        // THEN the two are equal, body bytes compared by content
        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
    }
}
