package io.offsetkit.server.rocketmq;

import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.backend.QueueProgress;
import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.store.EmbeddedStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The latency of one reset, below the HTTP layer, on the two backends over the same data: a topic
 * of {@code queues} queues on one broker, {@code messagesPerQueue} messages each, and a group.
 *
 * <ul>
 *   <li>{@link #embeddedStore}: the embedded store's reset (16 lookups, one record forced to disk);
 *   <li>{@link #rocketMqBroker}: the RocketMQ backend's reset against a real broker and name server
 *       in this JVM (a route lookup on the name server, then the broker's server-side reset: its
 *       own lookups and offset writes), over loopback; since the cluster's lock across gateways, four
 *       round trips: the route, the lock, the broker's reset, the unlock;
 *   <li>{@link #rocketMqProgressRead}: the RocketMQ backend's read of the group's progress (the
 *       route, the lock, three calls to the broker, the unlock);
 *   <li>{@link #oneBrokerCall}: one request and answer with the broker, the topic's stats of its
 *       queues ({@code GET_TOPIC_STATS_INFO}): the unit the costs above are made of.
 * </ul>
 *
 * The messages are produced to the broker, which stamps them; the embedded store is filled with the
 * store timestamps read back, and the setup checks that both backends answer the same offsets.
 * Each reset is to a random time over the messages' span.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class ResetLatencyBenchmark {

    private static final String PROJECT = "77b6a44cba5143ab91d13ab9a8ff44fd";
    private static final String INSTANCE = "11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d";
    private static final String BROKER = "broker-1";
    private static final String TOPIC = "bench_topic";
    private static final String GROUP = "bench_group";

    @Param("16")
    int queues;

    @Param("200")
    int messagesPerQueue;

    private Path directory;
    private InProcessRocketMq cluster;
    private RocketMqOffsetBackend rocketMq;
    private RocketMqCluster brokerClient;
    private String brokerAddress;
    private EmbeddedStore embedded;
    private final ResetTarget target = new ResetTarget(PROJECT, INSTANCE, GROUP, TOPIC);
    private final SplittableRandom random = new SplittableRandom(20261125);
    private long first;
    private long last;

    @Setup(Level.Trial)
    public void fill() throws Exception {
        directory = Files.createTempDirectory("offsetkit-reset-latency");
        cluster = InProcessRocketMq.start(directory.resolve("rocketmq"), BROKER);
        List<long[]> storeTimes = new ArrayList<>();
        try (RocketMqClusterTools tools = new RocketMqClusterTools(cluster)) {
            tools.createTopic(TOPIC, Map.of(BROKER, queues));
            tools.createGroup(GROUP, BROKER);
            for (int queue = 0; queue < queues; queue++) {
                storeTimes.add(tools.produce(TOPIC, BROKER, queue, messagesPerQueue).stream()
                        .mapToLong(Long::longValue)
                        .toArray());
            }
        }
        first = storeTimes.stream().mapToLong(times -> times[0]).min().orElseThrow();
        last = storeTimes.stream().mapToLong(times -> times[times.length - 1]).max().orElseThrow();

        embedded = EmbeddedStore.open(directory.resolve("embedded"));
        embedded.putInstance(INSTANCE, PROJECT, List.of(BROKER));
        embedded.putTopic(INSTANCE, TOPIC, Map.of(BROKER, queues));
        embedded.putGroup(INSTANCE, GROUP);
        for (int queue = 0; queue < queues; queue++) {
            embedded.append(INSTANCE, TOPIC, BROKER, queue, storeTimes.get(queue), OptionalLong.empty());
        }
        rocketMq = new RocketMqOffsetBackend(new RocketMqProperties(
                List.of(new RocketMqProperties.Instance(INSTANCE, PROJECT, cluster.nameServer(), null, null)),
                Duration.ofSeconds(3)));

        brokerAddress = cluster.brokerAddress(BROKER);
        brokerClient = new RocketMqCluster(
                new RocketMqProperties.Instance(INSTANCE, PROJECT, cluster.nameServer(), null, null), 3000);
        for (int check = 0; check < 50; check++) {
            long time = randomTime();
            List<QueueOffset> fromRocketMq = rocketMq.resetByTime(target, time);
            List<QueueOffset> fromEmbedded = embedded.resetByTime(target, time);
            if (!fromRocketMq.equals(fromEmbedded)) {
                throw new IllegalStateException(
                        "at t=" + time + " RocketMQ answered " + fromRocketMq + ", the embedded store " + fromEmbedded);
            }
        }
    }

    @Benchmark
    public List<QueueOffset> embeddedStore() {
        return embedded.resetByTime(target, randomTime());
    }

    @Benchmark
    public List<QueueOffset> rocketMqBroker() {
        return rocketMq.resetByTime(target, randomTime());
    }

    @Benchmark
    public List<QueueProgress> rocketMqProgressRead() {
        return rocketMq.groupProgress(target);
    }

    @Benchmark
    public Object oneBrokerCall() {
        return brokerClient.topicStats(BROKER, brokerAddress, TOPIC, Deadline.in(3000));
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        brokerClient.close();
        rocketMq.close();
        embedded.close();
        cluster.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private synchronized long randomTime() {
        return first + random.nextLong(last - first + 1);
    }
}
