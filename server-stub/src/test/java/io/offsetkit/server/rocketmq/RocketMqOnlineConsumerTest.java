package io.offsetkit.server.rocketmq;

import static io.offsetkit.server.testsupport.ErrorAssertions.assertError;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.backend.GroupRef;
import io.offsetkit.server.testsupport.Ids;
import io.offsetkit.server.testsupport.TestServer;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the RocketMQ backend the reset's precondition reads the cluster's real consumer connections
 * (RocketMQ's consumer connection info): a group with no consumer connected is refused with 400
 * DMS.50050004, the same group with a push consumer running is reset; with the check off, it is reset
 * without one (the brokers' server-side reset needs none). A real name server and broker in this JVM.
 */
class RocketMqOnlineConsumerTest {

    static final String INSTANCE = "online-cluster";

    @TempDir
    static Path directory;

    static InProcessRocketMq cluster;
    static RocketMqClusterTools tools;
    static final AtomicInteger names = new AtomicInteger();

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = InProcessRocketMq.start(directory, "broker-a");
        tools = new RocketMqClusterTools(cluster);
    }

    @AfterAll
    static void stopCluster() {
        if (tools != null) {
            tools.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static TestServer server(String... more) {
        List<String> settings = new java.util.ArrayList<>(List.of(
                "offsetkit.backend=rocketmq",
                "offsetkit.rocketmq.instances[0].id=" + INSTANCE,
                "offsetkit.rocketmq.instances[0].project-id=" + Ids.PROJECT,
                "offsetkit.rocketmq.instances[0].name-server=" + cluster.nameServer(),
                // wide: a fresh server's first reset on a busy CI machine can outlast the default 3 s
                "offsetkit.rocketmq.request-timeout=10s"));
        settings.addAll(List.of(more));
        return TestServer.start(settings.toArray(String[]::new));
    }

    private static Response reset(TestServer server, String group, String topic) {
        return given().port(server.port())
                .contentType("application/json")
                .body("{\"topic\":\"" + topic + "\",\"timestamp\":-1}")
                .post(Ids.path("rocketmq", Ids.PROJECT, INSTANCE, group));
    }

    @Test
    void aGroupIsRefusedWithNoConsumerConnectedAndResetWithOneRunning() throws Exception {
        // GIVEN a topic with three messages and a group the broker knows, no consumer of it running
        String topic = fresh("topic");
        String group = fresh("group");
        tools.createTopic(topic, Map.of("broker-a", 1));
        tools.createGroup(group, "broker-a");
        tools.produce(topic, "broker-a", 0, 3);
        try (TestServer server = server()) {
            // WHEN it is reset
            // THEN it is refused as the service refuses it, the message saying to start a consumer
            assertError(
                    reset(server, group, topic),
                    400,
                    "DMS.50050004",
                    "'" + group + "' has no consumer online",
                    "Start a consumer of the group");
            // AND nothing was committed: the group's progress on the topic has no offset to show
            assertError(
                    given().port(server.port())
                            .get("/v2/" + Ids.PROJECT + "/instances/" + INSTANCE + "/groups/" + group + "/topics?topic="
                                    + topic),
                    404,
                    "DMS.10240405");

            // AND once a push consumer of the group runs and its heartbeat reached the broker
            DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
            consumer.setNamesrvAddr(cluster.nameServer());
            consumer.setInstanceName("offsetkit-online-" + names.incrementAndGet());
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener(
                    (MessageListenerConcurrently) (messages, context) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
            consumer.start();
            try {
                awaitOnline(server, group, Duration.ofSeconds(30));

                // THEN the same reset goes through, to the latest offset
                Response answer = reset(server, group, topic);
                assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
                assertThat(answer.jsonPath().getList("queues.timestamp_offset", Long.class))
                        .isEqualTo(List.of(3L));
            } finally {
                consumer.shutdown();
            }
        }
    }

    @Test
    void withTheCheckOffTheBrokersResetAGroupWithNoConsumer() throws Exception {
        String topic = fresh("topic");
        String group = fresh("group");
        tools.createTopic(topic, Map.of("broker-a", 1));
        tools.createGroup(group, "broker-a");
        tools.produce(topic, "broker-a", 0, 2);
        try (TestServer server = server("offsetkit.reset.require-online-consumer=false")) {
            Response answer = reset(server, group, topic);

            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
            assertThat(answer.jsonPath().getList("queues.timestamp_offset", Long.class))
                    .isEqualTo(List.of(2L));
            assertThat(tools.committedOffsets(group, topic)).containsValue(2L);
        }
    }

    @Test
    void aGroupNoBrokerHasIsStill404() throws Exception {
        String topic = fresh("topic");
        tools.createTopic(topic, Map.of("broker-a", 1));
        try (TestServer server = server()) {
            assertError(reset(server, fresh("missing"), topic), 404, "DMS.10240405");
        }
    }

    private static void awaitOnline(TestServer server, String group, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        GroupRef ref = new GroupRef(Ids.PROJECT, INSTANCE, group);
        while (!server.engine().backend().hasOnlineConsumer(ref)) {
            assertThat(System.nanoTime())
                    .as("the consumer's heartbeat reached the broker")
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String fresh(String what) {
        return "oc_" + what + "_" + names.incrementAndGet() + "_" + Long.toHexString(System.nanoTime());
    }
}
