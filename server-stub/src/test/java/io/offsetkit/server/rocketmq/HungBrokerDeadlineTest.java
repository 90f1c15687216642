package io.offsetkit.server.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.testsupport.TestServer;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One deadline per reset: the request timeout bounds the whole reset, however many brokers it asks,
 * and a broker that hangs (it takes the request and answers nothing, {@link InProcessRocketMq#hang})
 * makes the reset end within the timeout plus 10%, answered 500 {@code DMS.00500000} naming the
 * brokers that applied (with their offsets) and the one that did not answer.
 *
 * <p>What a busy machine changes (CI runs the build on 2 cores that others' builds share): the time of
 * an answer is the deadline plus what is not the brokers' (the HTTP exchange, the threads' scheduling),
 * and that part grows with the load. So the bound adds what a healthy reset took just before, on the same
 * machine at the same moment, to the timeout and 50%; it stays under two timeouts, which is what a
 * deadline per broker call instead of per reset takes at least (two or three hung calls in a row).
 */
class HungBrokerDeadlineTest {

    static final String PROJECT = "77b6a44cba5143ab91d13ab9a8ff44fd";
    static final String INSTANCE = "11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d";
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    // The target is the timeout + 10% (PERFORMANCE.md section 8 has the measured times, with a 3 s
    // timeout); the test allows + 50% and a healthy reset's time (bound(...)), so that a loaded CI
    // machine's scheduling does not fail it, while a deadline per broker call instead of per reset (two or
    // three hung calls in a row: 10 s, 15 s) still fails it: the bound never reaches two timeouts.
    static final Duration MOST = Duration.ofMillis(TIMEOUT.toMillis() * 19 / 10);
    // How long the healthy reset before a hang may be retried while the clients connect on a busy machine.
    static final Duration WARM_UP = Duration.ofSeconds(60);

    @TempDir
    static Path directory;

    static InProcessRocketMq cluster;
    static RocketMqClusterTools tools;
    static TestServer server;
    static final AtomicInteger names = new AtomicInteger();
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startClusterThenServer() throws Exception {
        // broker-c without the server-side reset: its reset is several calls, all under the one deadline
        cluster = InProcessRocketMq.start(
                directory,
                (name, config) -> config.setUseServerSideResetOffset(!name.equals("broker-c")),
                "broker-a",
                "broker-b",
                "broker-c");
        tools = new RocketMqClusterTools(cluster);
        server = TestServer.start(Map.of(
                "offsetkit.backend",
                "rocketmq",
                "offsetkit.rocketmq.request-timeout",
                TIMEOUT.toMillis() + "ms",
                "offsetkit.rocketmq.instances[0].id",
                INSTANCE,
                "offsetkit.rocketmq.instances[0].name-server",
                cluster.nameServer(),
                // the groups have no consumer: the deadline of the brokers' reset is the subject here
                "offsetkit.reset.require-online-consumer",
                "false"));
    }

    @AfterAll
    static void stop() throws Exception {
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
    void aBrokerThatHangsMakesTheResetPartialWithinTheTimeoutNamingTheBrokersAppliedAndNot() throws Exception {
        // GIVEN a topic on three brokers with messages, a group on all three, a first reset that
        // answered (the clients are connected), and then broker-b hanging
        String topic = fresh("topic");
        String group = groupLockedOn("broker-a", topic, "broker-a", "broker-b", "broker-c");
        tools.createTopic(topic, Map.of("broker-a", 1, "broker-b", 1, "broker-c", 2));
        tools.createGroup(group, "broker-a", "broker-b", "broker-c");
        tools.produce(topic, "broker-a", 0, 3);
        tools.produce(topic, "broker-b", 0, 2);
        tools.produce(topic, "broker-c", 1, 4);
        Duration bound = bound(healthyReset(group, topic));

        AutoCloseable hung = cluster.hang("broker-b");
        try {
            // WHEN the group is reset to the latest offsets
            long start = System.nanoTime();
            Answer response = reset(group, topic, -1);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // THEN the answer comes within the deadline (the timeout, + 50% and a healthy reset's time for a
            // loaded machine): a 500 that lists what broker-a and broker-c set, and says that broker-b did not
            // answer in time and may or may not have applied it
            assertThat(took).as("the reset's time, against its bound %s", bound).isLessThanOrEqualTo(bound);
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(500);
            assertThat(response.jsonPath().getString("error_code")).isEqualTo("DMS.00500000");
            assertThat(response.jsonPath().getString("error_msg"))
                    .contains("The reset applied on some brokers only")
                    .contains("broker 'broker-b' (it did not answer within the request's " + TIMEOUT.toMillis()
                            + " ms: its offsets may have been reset or not")
                    .contains("it applied on broker-a/0=3 broker-c/0=0 broker-c/1=4.");
        } finally {
            hung.close();
        }
        // AND the brokers that answered did commit (read once broker-b answers again, as the admin API asks all)
        Map<String, Long> committed = tools.committedOffsets(group, topic);
        assertThat(committed)
                .containsEntry("broker-a/0", 3L)
                .containsEntry("broker-c/0", 0L)
                .containsEntry("broker-c/1", 4L);
    }

    @Test
    void aHungBrokerHoldingTheClustersLockEndsTheResetWithinTheTimeoutHavingChangedNothing() throws Exception {
        // GIVEN a topic on two brokers, a group reset to the start, and broker-a (the broker of the topic
        // that holds the cluster's lock of this group's resets) hanging
        String topic = fresh("topic");
        String group = groupLockedOn("broker-a", topic, "broker-a", "broker-c");
        tools.createTopic(topic, Map.of("broker-a", 1, "broker-c", 1));
        tools.createGroup(group, "broker-a", "broker-c");
        tools.produce(topic, "broker-a", 0, 2);
        tools.produce(topic, "broker-c", 0, 2);
        Duration bound = bound(healthyReset(group, topic));

        AutoCloseable hung = cluster.hang("broker-a");
        try {
            // WHEN the group is reset to the latest offsets
            long start = System.nanoTime();
            Answer response = reset(group, topic, -1);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // THEN it ends within the deadline, a 500 naming the broker that did not answer
            assertThat(took).as("the reset's time, against its bound %s", bound).isLessThanOrEqualTo(bound);
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(500);
            assertThat(response.jsonPath().getString("error_code")).isEqualTo("DMS.00500000");
            assertThat(response.jsonPath().getString("error_msg"))
                    .contains("the broker 'broker-a' (" + cluster.brokerAddress("broker-a") + ") did not answer within "
                            + TIMEOUT.toMillis() + " ms");
        } finally {
            hung.close();
        }
        // AND broker-c, which the reset never reached without the lock, still has the old offset
        assertThat(tools.committedOffsets(group, topic)).containsEntry("broker-c/0", 0L);
    }

    @Test
    void everyBrokerHangingStillEndsTheResetWithinTheTimeout() throws Exception {
        // GIVEN a topic on broker-b and broker-c (broker-c resets queue by queue), a group on both,
        // and both hanging
        String topic = fresh("topic");
        String group = fresh("group");
        tools.createTopic(topic, Map.of("broker-b", 1, "broker-c", 3));
        tools.createGroup(group, "broker-b", "broker-c");
        Duration bound = bound(healthyReset(group, topic));

        try (AutoCloseable b = cluster.hang("broker-b");
                AutoCloseable c = cluster.hang("broker-c")) {
            // WHEN the group is reset
            long start = System.nanoTime();
            Answer response = reset(group, topic, 0);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // THEN the 500 still comes within the deadline
            assertThat(took).as("the reset's time, against its bound %s", bound).isLessThanOrEqualTo(bound);
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(500);
            assertThat(response.jsonPath().getString("error_code")).isEqualTo("DMS.00500000");
        }
    }

    /**
     * A reset to the start that is answered 200, and how long it took: the clients are connected to every
     * broker, and the time is what a healthy reset costs on this machine now. A reset that is not 200 is
     * asked again (on a busy machine the first connections can outlast the timeout), for at most {@link
     * #WARM_UP}.
     */
    private static Duration healthyReset(String group, String topic) throws Exception {
        long deadline = System.nanoTime() + WARM_UP.toNanos();
        while (true) {
            long start = System.nanoTime();
            Answer response = reset(group, topic, 0);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (response.statusCode() == 200) {
                return took;
            }
            assertThat(System.nanoTime())
                    .as("a healthy reset answered 200 within %s; the last: %s", WARM_UP, response.asString())
                    .isLessThan(deadline);
        }
    }

    /**
     * The longest a reset with a hung broker may take: the timeout + 50%, plus what a healthy reset took
     * (the time that is not the brokers', which a busy machine stretches), never two timeouts.
     */
    static Duration bound(Duration healthy) {
        Duration bound = TIMEOUT.plus(TIMEOUT.dividedBy(2)).plus(healthy);
        return bound.compareTo(MOST) < 0 ? bound : MOST;
    }

    /** A reset through the server's HTTP API, sent with the JDK's client (its own cost is small and steady). */
    private static Answer reset(String group, String topic, long time) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v2/rocketmq/"
                        + PROJECT + "/instances/" + INSTANCE + "/groups/" + group + "/reset-message-offset"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"topic\":\"" + topic + "\",\"timestamp\":" + time + "}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), new JsonPath(response.body()));
    }

    record Answer(int statusCode, JsonPath jsonPath) {
        String asString() {
            return statusCode + " " + jsonPath.prettify();
        }
    }

    /** A fresh group whose lock on the topic is held by {@code lockBroker}, of the route's brokers given. */
    private static String groupLockedOn(String lockBroker, String topic, String... routeBrokers) {
        while (true) {
            String group = fresh("group");
            if (ClusterLock.brokerFor(group, topic, List.of(routeBrokers)).equals(lockBroker)) {
                return group;
            }
        }
    }

    private static String fresh(String what) {
        return "dl_" + what + "_" + names.incrementAndGet() + "_" + Long.toHexString(System.nanoTime());
    }
}
