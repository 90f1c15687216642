package io.offsetkit.server.operations;

import static io.offsetkit.server.testsupport.ErrorAssertions.assertError;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.api.ContractSchemas;
import io.offsetkit.server.testsupport.RunningServer;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three reads of the offset workflow over real HTTP against the embedded store, filled from a
 * fixture with committed offsets and consumers: each read's answer, exactly, valid against the
 * contract's schema; paging; the refusals of the backend. (Bad query input: {@link
 * ReadQueryInputOverHttpTest}.)
 */
@RunningServer("offsetkit.fixture=classpath:io/offsetkit/server/reads/reads-fixture.yaml")
class ReadsOverHttpTest {

    static final String BASE = "/v2/project-reads/instances/instance-reads";
    static final String CLIENTS = "/v2/rocketmq/project-reads/instances/instance-reads/groups/";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final ContractSchemas SCHEMAS = ContractSchemas.bundled();

    @RunningServer.Server
    int port;

    private JsonNode ok(String pathAndQuery, String schema) {
        // As both official SDKs send a GET: Content-Type: application/json, no body.
        Response response = given().port(port)
                .urlEncodingEnabled(false)
                .header("Content-Type", "application/json")
                .get(pathAndQuery);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.header("X-Request-Id")).isNotBlank();
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode answer = MAPPER.readTree(response.asString());
        assertThat(SCHEMAS.validateComponent(schema, answer))
                .as("schema violations of %s", answer)
                .isEmpty();
        return answer;
    }

    private Response get(String pathAndQuery) {
        return given().port(port).urlEncodingEnabled(false).get(pathAndQuery);
    }

    // ---- showConsumerListOrDetails

    @Test
    void aGroupsProgressOnATopicListsEveryQueueWithItsLagAndTheSums() {
        // GIVEN group_progress committed 40 and 10 on broker-1's queues of topic_a (50 and 20 messages) and 0
        // on broker-2's queue (5 messages)
        // WHEN its progress on topic_a is read
        JsonNode answer = ok(BASE + "/groups/group_progress/topics?topic=topic_a", "ShowConsumerListOrDetailsResp");

        // THEN every queue, by broker then queue id, with lag = broker offset - consumer offset, and the sums
        assertThat(answer.toString())
                .isEqualTo(MAPPER.readTree("{\"lag\":25,\"max_offset\":75,\"consumer_offset\":50,\"brokers\":["
                                + "{\"broker_name\":\"broker-1\",\"queues\":["
                                + "{\"id\":0,\"lag\":10,\"broker_offset\":50,\"consumer_offset\":40,"
                                + "\"last_message_time\":1700000049000},"
                                + "{\"id\":1,\"lag\":10,\"broker_offset\":20,\"consumer_offset\":10,"
                                + "\"last_message_time\":1700000019000}]},"
                                + "{\"broker_name\":\"broker-2\",\"queues\":["
                                + "{\"id\":0,\"lag\":5,\"broker_offset\":5,\"consumer_offset\":0,"
                                + "\"last_message_time\":1700000004000}]}]}")
                        .toString());
    }

    @Test
    void withoutATopicTheGroupsTopicsAreListedWithTheirTotal() {
        JsonNode answer = ok(BASE + "/groups/group_progress/topics", "ShowConsumerListOrDetailsResp");

        assertThat(answer.toString()).isEqualTo("{\"topics\":[\"topic_a\",\"topic_b\"],\"total\":2}");
    }

    @Test
    void theGroupsTopicsArePagedByLimitAndOffset() {
        // GIVEN group_many holds offsets on five topics
        // WHEN they are read two at a time
        List<String> pages = new ArrayList<>();
        for (int offset = 0; offset <= 6; offset += 2) {
            JsonNode page =
                    ok(BASE + "/groups/group_many/topics?limit=2&offset=" + offset, "ShowConsumerListOrDetailsResp");
            assertThat(page.get("total").asInt()).isEqualTo(5);
            pages.add(page.get("topics").toString());
        }

        // THEN the pages cut the sorted list, and a page past the end is empty
        assertThat(pages)
                .containsExactly("[\"topic_a\",\"topic_b\"]", "[\"topic_c\",\"topic_d\"]", "[\"topic_e\"]", "[]");
    }

    @Test
    void withoutLimitThePageIsTheContractsDefaultOfTen() {
        JsonNode answer = ok(BASE + "/groups/group_many/topics?offset=1", "ShowConsumerListOrDetailsResp");

        assertThat(answer.get("topics")).hasSize(4);
    }

    @Test
    void aGroupThatNeverConsumedTheTopicIs404NamingGroupAndTopic() {
        assertError(
                get(BASE + "/groups/group_idle/topics?topic=topic_a"), 404, "DMS.10240405", "group_idle", "topic_a");
    }

    @Test
    void aGroupWithoutOffsetsListsNoTopics() {
        JsonNode answer = ok(BASE + "/groups/group_idle/topics", "ShowConsumerListOrDetailsResp");

        assertThat(answer.toString()).isEqualTo("{\"topics\":[],\"total\":0}");
    }

    @Test
    void unknownInstanceGroupAndTopicGetTheirDocumentedErrors() {
        assertError(get("/v2/project-reads/instances/nope/groups/group_progress/topics"), 404, "DMS.00404022", "nope");
        assertError(get(BASE + "/groups/no_group/topics"), 404, "DMS.10240405", "no_group");
        assertError(get(BASE + "/groups/group_progress/topics?topic=no_topic"), 400, "DMS.00400876", "no_topic");
        assertError(get(BASE + "/topics/no_topic/status"), 400, "DMS.00400876", "no_topic");
        assertError(get("/v2/project-reads/instances/nope/topics/topic_a/status"), 404, "DMS.00404022", "nope");
        assertError(get(CLIENTS + "no_group/clients"), 404, "DMS.10240405", "no_group");
    }

    // ---- showTopicStatus

    @Test
    void aTopicsStatusListsEveryQueuesOffsetsAndTheirSums() {
        JsonNode answer = ok(BASE + "/topics/topic_a/status", "ShowTopicStatusResp");

        assertThat(answer.toString())
                .isEqualTo(MAPPER.readTree(
                                "{\"max_offset\":75,\"min_offset\":0,\"brokers\":["
                                        + "{\"broker_name\":\"broker-1\",\"queues\":["
                                        + "{\"id\":0,\"min_offset\":0,\"max_offset\":50,\"last_message_time\":1700000049000},"
                                        + "{\"id\":1,\"min_offset\":0,\"max_offset\":20,\"last_message_time\":1700000019000}]},"
                                        + "{\"broker_name\":\"broker-2\",\"queues\":["
                                        + "{\"id\":0,\"min_offset\":0,\"max_offset\":5,\"last_message_time\":1700000004000}]}]}")
                        .toString());
    }

    @Test
    void anEmptyTopicsQueuesAreAtZeroWithNoLastMessageTime() {
        JsonNode answer = ok(BASE + "/topics/topic_c/status", "ShowTopicStatusResp");

        assertThat(answer.toString())
                .isEqualTo("{\"max_offset\":0,\"min_offset\":0,\"brokers\":[{\"broker_name\":\"broker-1\",\"queues\":["
                        + "{\"id\":0,\"min_offset\":0,\"max_offset\":0,\"last_message_time\":0}]}]}");
    }

    // ---- showConsumerConnections

    @Test
    void aGroupsConnectedConsumersArePagedWithNextAndPreviousOffsets() {
        // GIVEN group_consumers has five consumers online and one offline
        // WHEN the second page of two is read
        JsonNode answer = ok(CLIENTS + "group_consumers/clients?limit=2&offset=2", "ShowConsumerConnectionsResp");

        // THEN the online ones only, sorted by client id, without subscriptions (is_detail defaults to false)
        assertThat(answer.toString())
                .isEqualTo("{\"group_name\":\"group_consumers\",\"online\":true,\"subscription_consistency\":true,"
                        + "\"total\":5,\"next_offset\":4,\"previous_offset\":0,\"clients\":["
                        + "{\"language\":\"JAVA\",\"version\":\"V5_3_1\",\"client_id\":\"client-3\","
                        + "\"client_addr\":\"10.0.0.3:50001\"},"
                        + "{\"language\":\"CPP\",\"version\":\"V5_1_0\",\"client_id\":\"client-4\","
                        + "\"client_addr\":\"10.0.0.4:50001\"}]}");
    }

    @Test
    void theFirstAndLastPagesSayThereIsNoneBeforeOrAfter() {
        JsonNode first = ok(CLIENTS + "group_consumers/clients?limit=3", "ShowConsumerConnectionsResp");
        JsonNode last = ok(CLIENTS + "group_consumers/clients?limit=3&offset=3", "ShowConsumerConnectionsResp");

        assertThat(first.get("previous_offset").asInt()).isEqualTo(-1);
        assertThat(first.get("next_offset").asInt()).isEqualTo(3);
        assertThat(first.get("clients")).hasSize(3);
        assertThat(last.get("previous_offset").asInt()).isEqualTo(0);
        assertThat(last.get("next_offset").asInt()).isEqualTo(-1);
        assertThat(last.get("clients")).hasSize(2);
    }

    @Test
    void withIsDetailEachConsumerListsItsSubscriptions() {
        JsonNode answer = ok(CLIENTS + "group_consumers/clients?limit=1&is_detail=true", "ShowConsumerConnectionsResp");

        assertThat(answer.get("clients").get(0).get("subscriptions").toString())
                .isEqualTo("[{\"topic\":\"topic_a\",\"type\":\"TAG\",\"expression\":\"*\"}]");
    }

    @Test
    void consumersThatSubscribeDifferentlyAreNotConsistent() {
        JsonNode answer = ok(CLIENTS + "group_mixed/clients?is_detail=false", "ShowConsumerConnectionsResp");

        assertThat(answer.get("subscription_consistency").asBoolean()).isFalse();
        assertThat(answer.get("clients").get(0).has("subscriptions")).isFalse();
    }

    @Test
    void aGroupWithNoConsumerConnectedIsOfflineNotAnError() {
        JsonNode answer = ok(CLIENTS + "group_idle/clients", "ShowConsumerConnectionsResp");

        assertThat(answer.toString())
                .isEqualTo("{\"group_name\":\"group_idle\",\"online\":false,\"subscription_consistency\":true,"
                        + "\"total\":0,\"next_offset\":-1,\"previous_offset\":-1,\"clients\":[]}");
    }

    // ---- the workflow

    @Test
    void aReadChangesNothingAndAResetShowsInTheNextRead() {
        // GIVEN group_progress's progress on topic_b (reset to latest by the fixture)
        JsonNode before = ok(BASE + "/groups/group_progress/topics?topic=topic_b", "ShowConsumerListOrDetailsResp");
        JsonNode again = ok(BASE + "/groups/group_progress/topics?topic=topic_b", "ShowConsumerListOrDetailsResp");
        assertThat(again).isEqualTo(before);
        assertThat(before.get("consumer_offset").asLong()).isEqualTo(10);

        // WHEN the group is reset to the earliest offsets
        Response reset = given().port(port)
                .contentType("application/json")
                .body("{\"topic\":\"topic_b\",\"timestamp\":0}")
                .post("/v2/rocketmq/project-reads/instances/instance-reads/groups/group_progress/reset-message-offset");
        assertThat(reset.statusCode()).as(reset.asString()).isEqualTo(200);

        // THEN the read gives the offsets the reset answered, and the lag they make
        JsonNode after = ok(BASE + "/groups/group_progress/topics?topic=topic_b", "ShowConsumerListOrDetailsResp");
        assertThat(after.get("consumer_offset").asLong()).isZero();
        assertThat(after.get("lag").asLong()).isEqualTo(10);
        assertThat(MAPPER.readTree(reset.asString())
                        .get("queues")
                        .get(0)
                        .get("timestamp_offset")
                        .asLong())
                .isEqualTo(after.get("brokers")
                        .get(0)
                        .get("queues")
                        .get(0)
                        .get("consumer_offset")
                        .asLong());
    }
}
