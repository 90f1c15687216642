package io.offsetkit.server.rocketmq;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.testsupport.TestServer;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference server on the RocketMQ backend, over a real cluster in the test JVM: broker-a
 * resets offsets itself (server-side reset, RocketMQ 5.2.0 and later), broker-b is set up as an
 * older broker without it, so that a topic on both exercises both ways of resetting in one request.
 * Resets go through the HTTP API; what they did is read back with RocketMQ's own admin API and a
 * real consumer. The server is started once the cluster runs, with its name server's address as a
 * setting, as a user would start it.
 */
class RocketMqBackendTest {

    static final String PROJECT = "77b6a44cba5143ab91d13ab9a8ff44fd";
    static final String INSTANCE = "11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d";
    static final String OFFLINE_INSTANCE = "offline-cluster";

    @TempDir
    static Path directory;

    static InProcessRocketMq cluster;
    static RocketMqClusterTools tools;
    static int closedPort;
    static final AtomicInteger names = new AtomicInteger();
    static TestServer server;
    static int port;

    @BeforeAll
    static void startClusterThenServer() throws Exception {
        cluster = InProcessRocketMq.start(
                directory,
                (name, config) -> config.setUseServerSideResetOffset(!name.equals("broker-b")),
                "broker-a",
                "broker-b");
        tools = new RocketMqClusterTools(cluster);
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // nothing listens there once closed
        }
        // The groups have no consumer: the brokers' reset is the subject here (RocketMqOnlineConsumerTest
        // has the online-consumer check).
        // The timeout is wide: each reset asks the cluster's lock and every broker within it, and on a busy
        // CI machine (2 cores shared with the in-process cluster) a healthy reset can take seconds; the
        // deadline is HungBrokerDeadlineTest's subject, not this test's.
        server = TestServer.start(Map.of(
                "offsetkit.reset.require-online-consumer",
                "false",
                "offsetkit.backend",
                "rocketmq",
                "offsetkit.rocketmq.request-timeout",
                "10s",
                "offsetkit.rocketmq.instances[0].id",
                INSTANCE,
                "offsetkit.rocketmq.instances[0].project-id",
                PROJECT,
                "offsetkit.rocketmq.instances[0].name-server",
                cluster.nameServer(),
                "offsetkit.rocketmq.instances[1].id",
                OFFLINE_INSTANCE,
                "offsetkit.rocketmq.instances[1].name-server",
                "127.0.0.1:" + closedPort));
        port = server.port();
    }

    @AfterAll
    static void stopServerAndCluster() throws Exception {
        if (server != null) {
            server.close();
        }
        if (tools != null) {
            tools.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void resetsEveryQueueOnEveryBrokerToTheFirstMessageStoredAtOrAfterTheTimeAndCommitsIt() throws Exception {
        // GIVEN a topic with two queues on broker-a and one on broker-b, a group on both, and
        // messages at store times the brokers chose (queue a/1 stays empty)
        String topic = fresh("topic");
        String group = fresh("group");
        tools.createTopic(topic, Map.of("broker-a", 2, "broker-b", 1));
        tools.createGroup(group, "broker-a", "broker-b");
        Map<String, List<Long>> storeTimes = new TreeMap<>();
        storeTimes.put("broker-a/0", new ArrayList<>());
        storeTimes.put("broker-a/1", List.of());
        storeTimes.put("broker-b/0", new ArrayList<>());
        for (int round = 0; round < 3; round++) {
            storeTimes.get("broker-a/0").addAll(tools.produce(topic, "broker-a", 0, 2));
            Thread.sleep(15);
            storeTimes.get("broker-b/0").addAll(tools.produce(topic, "broker-b", 0, 1));
            Thread.sleep(15);
        }

        for (long time : timesAroundEachMessage(storeTimes)) {
            // WHEN the group is reset to the time through the API
            Response response = reset(INSTANCE, group, topic, time);

            // THEN every queue gets the first offset whose store time is >= t (-1: the end)
            assertThat(response.statusCode())
                    .as("t=%d: %s", time, response.asString())
                    .isEqualTo(200);
            Map<String, Long> answered = offsets(response);
            Map<String, Long> expected = new TreeMap<>();
            storeTimes.forEach((queue, times) -> expected.put(queue, expectedOffset(times, time)));
            assertThat(answered).as("t=%d, store times %s", time, storeTimes).isEqualTo(expected);
            assertThat(queueOrder(response)).containsExactly("broker-a/0", "broker-a/1", "broker-b/0");
            // AND the brokers report the same offsets as committed for the group
            assertThat(tools.committedOffsets(group, topic)).as("t=%d", time).isEqualTo(expected);
        }
    }

    @Test
    void aConsumerStartingAfterTheResetReceivesExactlyTheMessagesStoredAtOrAfterTheTime() throws Exception {
        // GIVEN six messages on a/0 and b/0, stored in two bursts
        String topic = fresh("topic");
        String group = fresh("group");
        tools.createTopic(topic, Map.of("broker-a", 1, "broker-b", 1));
        tools.createGroup(group, "broker-a", "broker-b");
        List<Long> first = new ArrayList<>(tools.produce(topic, "broker-a", 0, 3));
        first.addAll(tools.produce(topic, "broker-b", 0, 3));
        Thread.sleep(30);
        long time = System.currentTimeMillis();
        Thread.sleep(30);
        List<Long> later = new ArrayList<>(tools.produce(topic, "broker-a", 0, 2));
        later.addAll(tools.produce(topic, "broker-b", 0, 2));
        assertThat(first).allMatch(t -> t < time);
        assertThat(later).allMatch(t -> t >= time);

        // WHEN the group is reset to a time between the bursts, and a consumer of the group starts
        Response response = reset(INSTANCE, group, topic, time);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(offsets(response)).isEqualTo(Map.of("broker-a/0", 3L, "broker-b/0", 3L));
        List<String> received = consume(group, topic, 4, Duration.ofSeconds(30));

        // THEN it receives the later burst, and nothing of the first
        assertThat(received).containsExactlyInAnyOrder("broker-a/0#3", "broker-a/0#4", "broker-b/0#3", "broker-b/0#4");
    }

    @Test
    void aConsumerThatIsOnlineWhenTheResetComesConsumesAgainFromTheOffsetsTheBrokerReset() throws Exception {
        // GIVEN three messages on a/0 (a broker with server-side reset), and a consumer of the group
        // that is running and has consumed them
        String topic = fresh("topic");
        String group = fresh("group");
        tools.createTopic(topic, Map.of("broker-a", 1));
        tools.createGroup(group, "broker-a");
        long before = tools.produce(topic, "broker-a", 0, 3).get(0);
        List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(cluster.nameServer());
        consumer.setInstanceName("offsetkit-test-push-" + names.incrementAndGet());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> received.add(new String(message.getBody())));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            awaitCount(received, "broker-a/0#", 3, Duration.ofSeconds(40));

            // WHEN the group is reset to before every message while the consumer runs
            Response response = reset(INSTANCE, group, topic, before - 1);

            // THEN the broker resets the queue to offset 0
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            assertThat(offsets(response)).isEqualTo(Map.of("broker-a/0", 0L));
            // AND the running consumer gets the messages again, from the broker's new offset
            awaitCount(received, "broker-a/0#", 6, Duration.ofSeconds(60));
            assertThat(received).filteredOn("broker-a/0#0"::equals).hasSize(2);
        } finally {
            consumer.shutdown();
        }
    }

    private static void awaitCount(List<String> received, String prefix, int count, Duration wait)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (countOf(received, prefix) < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(countOf(received, prefix))
                .as("messages %s* received within %s: %s", prefix, wait, received)
                .isGreaterThanOrEqualTo(count);
    }

    private static long countOf(List<String> received, String prefix) {
        synchronized (received) {
            return received.stream().filter(body -> body.startsWith(prefix)).count();
        }
    }

    @Test
    void aTopicNoBrokerHasIsTheDocumented400() {
        // GIVEN a group that exists and a topic that does not
        String group = fresh("group");
        createGroupOnBoth(group);

        // WHEN the group is reset on that topic
        Response response = reset(INSTANCE, group, fresh("missing_topic"), 0);

        // THEN the answer is the documented "topic does not exist"
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getString("error_code")).isEqualTo("DMS.00400876");
    }

    @Test
    void aGroupNoBrokerHasIsTheDocumented404AndComesBeforeAMissingTopic() throws Exception {
        // GIVEN a topic that exists
        String topic = fresh("topic");
        tools.createTopic(topic, Map.of("broker-a", 1, "broker-b", 1));

        // WHEN a group no broker has is reset, on that topic and on a topic that does not exist
        Response onTopic = reset(INSTANCE, fresh("missing_group"), topic, 0);
        Response onNoTopic = reset(INSTANCE, fresh("missing_group"), fresh("missing_topic"), 0);

        // THEN both are the documented "group not found", as on the embedded store
        for (Response response : List.of(onTopic, onNoTopic)) {
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(404);
            assertThat(response.jsonPath().getString("error_code")).isEqualTo("DMS.10240405");
        }
    }

    @Test
    void anInstanceNotConfiguredOrUnderAnotherProjectIsTheDocumented404() {
        // WHEN resets name an instance that is not configured, and the configured one under another project
        Response unknown = reset(PROJECT, "no-such-instance", "group_01", "topic_01", 0);
        Response otherProject = reset("other-project", INSTANCE, "group_01", "topic_01", 0);

        // THEN both are the documented "instance does not exist"
        for (Response response : List.of(unknown, otherProject)) {
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(404);
            assertThat(response.jsonPath().getString("error_code")).isEqualTo("DMS.00404022");
        }
    }

    @Test
    void aGroupOnOneBrokerOnlyIsAPartialResetThatSaysWhatWasSetAndWhatFailed() throws Exception {
        // GIVEN a topic on both brokers and a group that only broker-a has
        String topic = fresh("topic");
        String group = fresh("group");
        tools.createTopic(topic, Map.of("broker-a", 1, "broker-b", 1));
        tools.createGroup(group, "broker-a");
        tools.produce(topic, "broker-a", 0, 2);

        // WHEN the group is reset to the latest offsets
        Response response = reset(INSTANCE, group, topic, -1);

        // THEN the answer is a 500 that names the broker that failed and the offsets that were set
        assertThat(response.statusCode()).isEqualTo(500);
        String message = response.jsonPath().getString("error_msg");
        assertThat(message)
                .contains("some brokers only")
                .contains("broker 'broker-b' (the broker has no consumer group '" + group + "')")
                .contains("broker-a/0=2");
        // AND broker-a did commit its offset
        assertThat(tools.committedOffsets(group, topic)).containsEntry("broker-a/0", 2L);
    }

    @Test
    void aNameServerThatCannotBeReachedIsA500SayingSoWithoutHanging() {
        // WHEN the instance whose name server does not listen is reset
        long start = System.nanoTime();
        Response response = reset(PROJECT, OFFLINE_INSTANCE, "group_01", "topic_01", 0);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // THEN the answer is a 500 that names the name server, within the bounded timeouts
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.jsonPath().getString("error_code")).isEqualTo("DMS.00500000");
        assertThat(response.jsonPath().getString("error_msg"))
                .contains("the name server 127.0.0.1:" + closedPort)
                .containsAnyOf("could not be reached", "did not answer within 10000 ms");
        // bounded by the request timeout (10 s), with room for a busy machine's scheduling
        assertThat(took).isLessThan(Duration.ofSeconds(25));
    }

    // ---- helpers

    private Response reset(String instance, String group, String topic, long time) {
        return reset(PROJECT, instance, group, topic, time);
    }

    private Response reset(String project, String instance, String group, String topic, long time) {
        return given().port(port)
                .contentType("application/json")
                .body("{\"topic\":\"" + topic + "\",\"timestamp\":" + time + "}")
                .post("/v2/reliability/" + project + "/instances/" + instance + "/groups/" + group
                        + "/reset-message-offset");
    }

    private static Map<String, Long> offsets(Response response) {
        Map<String, Long> offsets = new TreeMap<>();
        JsonPath json = response.jsonPath();
        List<Map<String, Object>> queues = json.getList("queues");
        for (Map<String, Object> queue : queues) {
            offsets.put(
                    queue.get("broker_name") + "/" + queue.get("queue_id"),
                    ((Number) queue.get("timestamp_offset")).longValue());
        }
        return offsets;
    }

    private static List<String> queueOrder(Response response) {
        List<String> order = new ArrayList<>();
        for (Map<String, Object> queue : response.jsonPath().<Map<String, Object>>getList("queues")) {
            order.add(queue.get("broker_name") + "/" + queue.get("queue_id"));
        }
        return order;
    }

    /** 0, one before the first message, each store time, the midpoints, one second after the last, -1. */
    private static List<Long> timesAroundEachMessage(Map<String, List<Long>> storeTimes) {
        TreeSet<Long> all = new TreeSet<>();
        storeTimes.values().forEach(all::addAll);
        TreeSet<Long> times = new TreeSet<>(List.of(0L, all.first() - 1, all.last() + 1000));
        Long previous = null;
        for (long time : all) {
            times.add(time);
            if (previous != null && time - previous >= 2) {
                times.add((previous + time) / 2);
            }
            previous = time;
        }
        List<Long> ordered = new ArrayList<>(times);
        ordered.add(-1L);
        return ordered;
    }

    /** The oracle: the first offset whose store time is >= t; the end when none is, or for -1. */
    private static long expectedOffset(List<Long> storeTimes, long time) {
        if (time == -1) {
            return storeTimes.size();
        }
        for (int offset = 0; offset < storeTimes.size(); offset++) {
            if (storeTimes.get(offset) >= time) {
                return offset;
            }
        }
        return storeTimes.size();
    }

    private static List<String> consume(String group, String topic, int expected, Duration wait) throws Exception {
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(group);
        consumer.setNamesrvAddr(cluster.nameServer());
        consumer.setInstanceName("offsetkit-test-consumer-" + names.incrementAndGet());
        consumer.setPollTimeoutMillis(500);
        consumer.subscribe(topic, "*");
        consumer.start();
        List<String> received = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                for (MessageExt message : consumer.poll()) {
                    received.add(new String(message.getBody()));
                }
            }
            // a little longer: anything more would be a message from before the time
            long extra = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (System.nanoTime() < extra) {
                for (MessageExt message : consumer.poll()) {
                    received.add(new String(message.getBody()));
                }
            }
        } finally {
            consumer.shutdown();
        }
        return received;
    }

    private static void createGroupOnBoth(String group) {
        try {
            tools.createGroup(group, "broker-a", "broker-b");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fresh(String what) {
        return "ok_" + what + "_" + names.incrementAndGet() + "_" + Long.toHexString(System.nanoTime());
    }
}
