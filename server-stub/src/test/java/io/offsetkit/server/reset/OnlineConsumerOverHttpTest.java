package io.offsetkit.server.reset;

import static io.offsetkit.server.testsupport.ErrorAssertions.assertError;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.backend.GroupRef;
import io.offsetkit.server.testsupport.Ids;
import io.offsetkit.server.testsupport.TestServer;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reset needs a consumer of the group online, as the service does (400 DMS.50050004), unless
 * offsetkit.reset.require-online-consumer=false; the bundled fixture's groups are all online.
 */
class OnlineConsumerOverHttpTest {

    private static final String GROUP_02_ONLINE = "192.168.0.11@4712#1662652800000";

    private static Response reset(TestServer server, String group, String topic) {
        return given().port(server.port())
                .contentType("application/json")
                .body("{\"topic\":\"" + topic + "\",\"timestamp\":-1}")
                .post(Ids.path("rocketmq", Ids.PROJECT, Ids.INSTANCE, group));
    }

    @Test
    void everyGroupOfTheBundledFixtureCanBeReset() throws Exception {
        try (TestServer server = TestServer.start()) {
            assertThat(reset(server, "group_01", "topic_01").statusCode()).isEqualTo(200);
            assertThat(reset(server, "group_02", "topic_02").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aGroupWhoseConsumersAreOfflineIsRefusedWith400AndNothingChanges() throws Exception {
        try (TestServer server = TestServer.start()) {
            // GIVEN group_02 with its one online consumer set offline, and its offsets before
            server.engine().store().setConsumerOnline(Ids.INSTANCE, "group_02", GROUP_02_ONLINE, false);
            var before = server.engine().store().offsets(Ids.INSTANCE, "group_02", "topic_02");

            // WHEN it is reset
            Response refused = reset(server, "group_02", "topic_02");

            // THEN it is refused as the service refuses it, the message naming the group and the ways out
            assertError(
                    refused,
                    400,
                    "DMS.50050004",
                    "The consumer group is offline.",
                    "'group_02' has no consumer online",
                    "PUT /admin/instances/" + Ids.INSTANCE + "/groups/group_02/consumers",
                    "offsetkit.reset.require-online-consumer=false");
            // AND nothing was committed
            assertThat(server.engine().store().offsets(Ids.INSTANCE, "group_02", "topic_02"))
                    .isEqualTo(before);
        }
    }

    @Test
    void aGroupWithNoConsumerDeclaredIsRefusedWhateverTheTopicButAnUnknownGroupIsStill404() throws Exception {
        try (TestServer server = TestServer.start()) {
            server.engine().store().putGroup(Ids.INSTANCE, "group_new");

            assertError(reset(server, "group_new", "topic_01"), 400, "DMS.50050004", "'group_new'");
            assertError(reset(server, "group_new", "no_such_topic"), 400, "DMS.50050004");
            assertError(reset(server, "no_such_group", "topic_01"), 404, "DMS.10240405");
        }
    }

    @Test
    void aConsumerBackOnlineLetsTheResetThrough() throws Exception {
        try (TestServer server = TestServer.start()) {
            server.engine().store().setConsumerOnline(Ids.INSTANCE, "group_02", GROUP_02_ONLINE, false);
            assertThat(reset(server, "group_02", "topic_02").statusCode()).isEqualTo(400);

            server.engine().store().setConsumerOnline(Ids.INSTANCE, "group_02", GROUP_02_ONLINE, true);

            assertThat(reset(server, "group_02", "topic_02").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withTheCheckOffAGroupWithoutConsumersIsReset() throws Exception {
        try (TestServer server = TestServer.start("offsetkit.reset.require-online-consumer=false")) {
            // GIVEN a group with no consumer at all
            server.engine().store().putGroup(Ids.INSTANCE, "group_new");

            // WHEN it is reset to the latest offsets of topic_01
            Response answer = reset(server, "group_new", "topic_01");

            // THEN it is reset and committed, as a broker-side reset does
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
            assertThat(answer.jsonPath().getList("queues.timestamp_offset", Long.class))
                    .isEqualTo(List.of(100L));
            assertThat(server.engine().store().hasOnlineConsumer(new GroupRef(Ids.PROJECT, Ids.INSTANCE, "group_new")))
                    .isFalse();
        }
    }
}
