package io.offsetkit.server.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.backend.QueueProgress;
import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.testsupport.ServerProcess;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several gateways over one cluster: two, then three server processes (the server's main class in
 * child JVMs, the RocketMQ backend, as {@code java -jar} runs it) over one in-process cluster of two
 * brokers (broker-b resets queue by queue, several calls per reset), resetting the same three groups
 * on the same topic through every gateway at once, each gateway to another time, round after round,
 * while a reader in the test JVM reads the groups' progress.
 *
 * <p>The topic is written in slots: slot {@code i} is one message on every queue, stored after every
 * message of slot {@code i - 1}, so a reset to slot {@code i}'s time sets every queue to offset {@code
 * i}. A mixed state (one queue at one reset's offset, another at another's) is then any state whose
 * queues do not all hold the same offset, and the expected answer of each reset is known in advance.
 *
 * <p>What holds after every round, for every group, and is checked: every gateway answered 200 with
 * the offsets of its own time (no gateway answers offsets other than those its reset committed); the
 * committed offsets equal, queue for queue, one of the answers given; and every progress read during
 * the round showed the state before it or one of its answers, never a mix.
 */
class SeveralGatewaysTest {

    static final String PROJECT = "77b6a44cba5143ab91d13ab9a8ff44fd";
    static final String INSTANCE = "11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d";
    static final String TOPIC = "gw_topic";
    static final List<String> GROUPS = List.of("gw_group_0", "gw_group_1", "gw_group_2");
    static final Map<String, Integer> QUEUES = Map.of("broker-a", 2, "broker-b", 2);
    static final int SLOTS = 16;
    /** Rounds of one group per run: 35 bursts of three groups, 105 rounds, 210 over both runs. */
    static final int BURSTS = 35;

    @TempDir
    static Path directory;

    static InProcessRocketMq cluster;
    static RocketMqClusterTools tools;
    static RocketMqOffsetBackend reader;
    /** Slot i's time: a reset to it sets every queue to offset i. */
    static final List<Long> slotTimes = new ArrayList<>();

    static final HttpClient http = HttpClient.newBuilder().build();

    @BeforeAll
    static void startClusterAndWriteTheSlots() throws Exception {
        cluster = InProcessRocketMq.start(
                directory,
                (name, config) -> config.setUseServerSideResetOffset(!name.equals("broker-b")),
                "broker-a",
                "broker-b");
        tools = new RocketMqClusterTools(cluster);
        tools.createTopic(TOPIC, QUEUES);
        for (String group : GROUPS) {
            tools.createGroup(group, "broker-a", "broker-b");
        }
        long previousLast = Long.MIN_VALUE;
        for (int slot = 0; slot < SLOTS; slot++) {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (Map.Entry<String, Integer> broker : new TreeMap<>(QUEUES).entrySet()) {
                for (int queue = 0; queue < broker.getValue(); queue++) {
                    long stored =
                            tools.produce(TOPIC, broker.getKey(), queue, 1).get(0);
                    first = Math.min(first, stored);
                    last = Math.max(last, stored);
                }
            }
            // a slot's first message is stored after the previous slot's last one: its time is a boundary
            assertThat(first).as("slot %d", slot).isGreaterThan(previousLast);
            slotTimes.add(first);
            previousLast = last;
            Thread.sleep(3);
        }
        reader = new RocketMqOffsetBackend(new RocketMqProperties(
                List.of(new RocketMqProperties.Instance(INSTANCE, PROJECT, cluster.nameServer(), null, null)),
                Duration.ofSeconds(10)));
        for (String group : GROUPS) { // every group starts with offsets, at slot 0, so that it has progress to read
            reader.resetByTime(new ResetTarget(PROJECT, INSTANCE, group, TOPIC), slotTimes.get(0));
        }
    }

    @AfterAll
    static void stopCluster() {
        if (reader != null) {
            reader.close();
        }
        if (tools != null) {
            tools.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @ParameterizedTest(name = "{0} gateways")
    @ValueSource(ints = {2, 3})
    void resetsOfTheSameGroupsThroughEveryGatewayAtOnceLeaveEachGroupAtOneOfTheAnswers(int gateways) throws Exception {
        // GIVEN that many gateway processes over the cluster
        List<ServerProcess> processes = new ArrayList<>();
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            List<String> baseUrls = startGateways(gateways, processes);
            long seed = System.nanoTime();
            Random random = new Random(seed);
            Map<String, Map<String, Long>> before = new TreeMap<>();
            for (String group : GROUPS) {
                before.put(group, tools.committedOffsets(group, TOPIC));
            }
            int rounds = 0;
            int reads = 0;
            for (int burst = 0; burst < BURSTS; burst++) {
                // WHEN every gateway resets every group at once, each gateway to another slot's time,
                // while the groups' progress is read
                Map<String, List<Integer>> slots = new TreeMap<>();
                for (String group : GROUPS) {
                    List<Integer> all = new ArrayList<>();
                    for (int slot = 0; slot < SLOTS; slot++) {
                        all.add(slot);
                    }
                    Collections.shuffle(all, random);
                    slots.put(group, all.subList(0, gateways));
                }
                CountDownLatch start = new CountDownLatch(1);
                Map<String, List<Future<Answer>>> answers = new TreeMap<>();
                for (String group : GROUPS) {
                    List<Future<Answer>> ofGroup = new ArrayList<>();
                    for (int gateway = 0; gateway < gateways; gateway++) {
                        String baseUrl = baseUrls.get(gateway);
                        int slot = slots.get(group).get(gateway);
                        ofGroup.add(threads.submit(() -> {
                            start.await();
                            return reset(baseUrl, group, slotTimes.get(slot), slot);
                        }));
                    }
                    answers.put(group, ofGroup);
                }
                AtomicBoolean resetting = new AtomicBoolean(true);
                Future<List<Map.Entry<String, List<QueueProgress>>>> progress = threads.submit(() -> {
                    List<Map.Entry<String, List<QueueProgress>>> seen = new ArrayList<>();
                    start.await();
                    while (resetting.get()) {
                        for (String group : GROUPS) {
                            seen.add(Map.entry(
                                    group, reader.groupProgress(new ResetTarget(PROJECT, INSTANCE, group, TOPIC))));
                        }
                    }
                    return seen;
                });
                start.countDown();

                // THEN every gateway answered its own time's offsets, every queue at its slot
                Map<String, Set<Map<String, Long>>> answered = new TreeMap<>();
                for (String group : GROUPS) {
                    Set<Map<String, Long>> ofGroup = new HashSet<>();
                    for (Future<Answer> future : answers.get(group)) {
                        Answer answer = future.get();
                        assertThat(answer.status())
                                .as(
                                        "burst %d (seed %d), %s, slot %d: %s",
                                        burst, seed, group, answer.slot(), answer.body())
                                .isEqualTo(200);
                        assertThat(answer.offsets())
                                .as(
                                        "burst %d (seed %d), %s: the answer is the offsets of the gateway's own time",
                                        burst, seed, group)
                                .isEqualTo(everyQueueAt(answer.slot()));
                        ofGroup.add(answer.offsets());
                        rounds++;
                    }
                    answered.put(group, ofGroup);
                }
                resetting.set(false);
                // AND each group's committed offsets are, queue for queue, one of the answers: no mixed state
                for (String group : GROUPS) {
                    Map<String, Long> committed = tools.committedOffsets(group, TOPIC);
                    assertThat(answered.get(group))
                            .as(
                                    "burst %d (seed %d), %s: the committed offsets %s are one of the answers",
                                    burst, seed, group, committed)
                            .contains(committed);
                }
                // AND every read during the burst showed the state before it or one of its answers
                for (Map.Entry<String, List<QueueProgress>> read : progress.get()) {
                    String group = read.getKey();
                    Map<String, Long> shown = new TreeMap<>();
                    for (QueueProgress queue : read.getValue()) {
                        shown.put(queue.brokerName() + "/" + queue.queueId(), queue.consumerOffset());
                        assertThat(queue.brokerOffset()).isEqualTo(SLOTS);
                        assertThat(queue.lag()).isEqualTo(SLOTS - queue.consumerOffset());
                    }
                    Set<Map<String, Long>> possible = new HashSet<>(answered.get(group));
                    possible.add(before.get(group));
                    assertThat(possible)
                            .as("burst %d (seed %d), %s: a read during the resets shows %s", burst, seed, group, shown)
                            .contains(shown);
                    reads++;
                }
                for (String group : GROUPS) {
                    before.put(group, tools.committedOffsets(group, TOPIC));
                }
            }
            assertThat(rounds).isEqualTo(BURSTS * GROUPS.size() * gateways);
            System.out.printf(
                    "%d gateways: %d bursts, %d rounds of one group, %d resets answered, %d reads, 0 mixed states"
                            + " (seed %d)%n",
                    gateways, BURSTS, BURSTS * GROUPS.size(), rounds, reads, seed);
        } finally {
            threads.shutdownNow();
            for (ServerProcess process : processes) {
                process.close();
            }
        }
    }

    private static List<String> startGateways(int count, List<ServerProcess> processes) throws Exception {
        for (int i = 0; i < count; i++) {
            Path workingDirectory = Files.createDirectories(directory.resolve("gateway-" + count + "-" + i));
            processes.add(ServerProcess.start(
                    workingDirectory,
                    List.of(
                            "--server.port=0",
                            "--offsetkit.backend=rocketmq",
                            // the groups have no consumer: concurrent resets are the subject here
                            "--offsetkit.reset.require-online-consumer=false",
                            "--offsetkit.rocketmq.request-timeout=10s",
                            "--offsetkit.rocketmq.instances[0].id=" + INSTANCE,
                            "--offsetkit.rocketmq.instances[0].project-id=" + PROJECT,
                            "--offsetkit.rocketmq.instances[0].name-server=" + cluster.nameServer(),
                            "--logging.level.io.offsetkit.server.access=WARN")));
        }
        List<String> baseUrls = new ArrayList<>();
        for (ServerProcess process : processes) {
            baseUrls.add(process.awaitBaseUrl(Duration.ofSeconds(60)));
        }
        return baseUrls;
    }

    private static Map<String, Long> everyQueueAt(int offset) {
        Map<String, Long> offsets = new TreeMap<>();
        QUEUES.forEach((broker, queues) -> {
            for (int queue = 0; queue < queues; queue++) {
                offsets.put(broker + "/" + queue, (long) offset);
            }
        });
        return offsets;
    }

    record Answer(int slot, int status, String body, Map<String, Long> offsets) {}

    private static Answer reset(String baseUrl, String group, long time, int slot) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v2/rocketmq/" + PROJECT + "/instances/"
                        + INSTANCE + "/groups/" + group + "/reset-message-offset"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"topic\":\"" + TOPIC + "\",\"timestamp\":" + time + "}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Map<String, Long> offsets = new TreeMap<>();
        if (response.statusCode() == 200) {
            for (Map<String, Object> queue : new JsonPath(response.body()).<Map<String, Object>>getList("queues")) {
                offsets.put(
                        queue.get("broker_name") + "/" + queue.get("queue_id"),
                        ((Number) queue.get("timestamp_offset")).longValue());
            }
        }
        return new Answer(slot, response.statusCode(), response.body(), offsets);
    }
}
