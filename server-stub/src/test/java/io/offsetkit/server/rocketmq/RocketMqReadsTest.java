package io.offsetkit.server.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.backend.BackendUnavailableException;
import io.offsetkit.server.backend.ConsumerConnection;
import io.offsetkit.server.backend.GroupRef;
import io.offsetkit.server.backend.NoConsumerOffsetsException;
import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.backend.QueueProgress;
import io.offsetkit.server.backend.QueueStatus;
import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.backend.TopicRef;
import io.offsetkit.server.backend.UnknownGroupException;
import io.offsetkit.server.backend.UnknownInstanceException;
import io.offsetkit.server.backend.UnknownTopicException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.MQVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four reads of the RocketMQ backend over a real cluster in the test JVM (two brokers, the second
 * without the server-side reset): each read against what the producer and RocketMQ's admin API saw,
 * after resets, with a consumer connected, and for every refusal.
 */
class RocketMqReadsTest {

    static final String PROJECT = "77b6a44cba5143ab91d13ab9a8ff44fd";
    static final String INSTANCE = "reads-cluster";
    static final String OFFLINE = "offline-cluster";

    @TempDir
    static Path directory;

    static InProcessRocketMq cluster;
    static RocketMqClusterTools tools;
    static RocketMqOffsetBackend backend;
    static final AtomicInteger names = new AtomicInteger();

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = InProcessRocketMq.start(
                directory,
                (name, config) -> config.setUseServerSideResetOffset(!name.equals("broker-b")),
                "broker-a",
                "broker-b");
        tools = new RocketMqClusterTools(cluster);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        backend = new RocketMqOffsetBackend(new RocketMqProperties(
                List.of(
                        new RocketMqProperties.Instance(INSTANCE, PROJECT, cluster.nameServer(), null, null),
                        new RocketMqProperties.Instance(OFFLINE, null, "127.0.0.1:" + closedPort, null, null)),
                // wide: a read asks every broker within it, and a busy CI machine makes a healthy read slow
                Duration.ofSeconds(10)));
    }

    @AfterAll
    static void stopCluster() {
        if (backend != null) {
            backend.close();
        }
        if (tools != null) {
            tools.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    // ---- topicStatus

    @Test
    void topicStatusListsEveryQueueWithItsMinAndMaxOffsetAndItsLastMessagesStoreTime() throws Exception {
        // GIVEN a topic with two queues on broker-a (a/1 stays empty) and one on broker-b, and messages
        String topic = fresh("topic");
        tools.createTopic(topic, Map.of("broker-a", 2, "broker-b", 1));
        List<Long> a0 = tools.produce(topic, "broker-a", 0, 3);
        List<Long> b0 = tools.produce(topic, "broker-b", 0, 2);

        // WHEN its status is read
        List<QueueStatus> status = backend.topicStatus(new TopicRef(PROJECT, INSTANCE, topic));

        // THEN every queue, sorted by broker then queue id, with the brokers' offsets and last store time
        assertThat(status)
                .containsExactly(
                        new QueueStatus("broker-a", 0, 0, 3, a0.get(2)),
                        new QueueStatus("broker-a", 1, 0, 0, 0),
                        new QueueStatus("broker-b", 0, 0, 2, b0.get(1)));
    }

    @Test
    void topicStatusOfATopicNoBrokerHasIsUnknownTopic() {
        // WHEN the status of a topic that does not exist is read
        // THEN it is refused as an unknown topic
        assertThatThrownBy(() -> backend.topicStatus(new TopicRef(PROJECT, INSTANCE, fresh("missing_topic"))))
                .isInstanceOf(UnknownTopicException.class);
    }

    // ---- groupProgress

    @Test
    void progressAfterAResetShowsTheResetsOffsetsTheBrokerOffsetsAndTheLag() throws Exception {
        // GIVEN a topic on both brokers with messages in two bursts, and a group
        String topic = fresh("topic");
        String group = fresh("group");
        tools.createTopic(topic, Map.of("broker-a", 2, "broker-b", 1));
        tools.createGroup(group, "broker-a", "broker-b");
        List<Long> a0 = new ArrayList<>(tools.produce(topic, "broker-a", 0, 3));
        List<Long> b0 = new ArrayList<>(tools.produce(topic, "broker-b", 0, 2));
        Thread.sleep(30);
        long time = System.currentTimeMillis();
        Thread.sleep(30);
        a0.addAll(tools.produce(topic, "broker-a", 0, 2));
        b0.addAll(tools.produce(topic, "broker-b", 0, 4));
        ResetTarget target = new ResetTarget(PROJECT, INSTANCE, group, topic);

        // WHEN the group is reset to a time between the bursts, then its progress is read
        List<QueueOffset> reset = backend.resetByTime(target, time);
        List<QueueProgress> progress = backend.groupProgress(target);

        // THEN the progress lists, queue for queue, the offsets the reset answered, beside each queue's
        // max offset and last store time, and the lag is their difference
        assertThat(reset)
                .containsExactly(
                        new QueueOffset("broker-a", 0, 3),
                        new QueueOffset("broker-a", 1, 0),
                        new QueueOffset("broker-b", 0, 2));
        assertThat(progress)
                .containsExactly(
                        new QueueProgress("broker-a", 0, 5, 3, a0.get(4)),
                        new QueueProgress("broker-a", 1, 0, 0, 0),
                        new QueueProgress("broker-b", 0, 6, 2, b0.get(5)));
        assertThat(progress).extracting(QueueProgress::lag).containsExactly(2L, 0L, 4L);
        // AND RocketMQ's own admin API reads the same committed offsets
        assertThat(tools.committedOffsets(group, topic))
                .isEqualTo(Map.of("broker-a/0", 3L, "broker-a/1", 0L, "broker-b/0", 2L));

        // WHEN the group is reset to the latest offsets and read again
        backend.resetByTime(target, -1);

        // THEN every queue's consumer offset is its broker offset, and nothing lags
        assertThat(backend.groupProgress(target))
                .extracting(QueueProgress::consumerOffset, QueueProgress::lag)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(5L, 0L),
                        org.assertj.core.groups.Tuple.tuple(0L, 0L),
                        org.assertj.core.groups.Tuple.tuple(6L, 0L));
    }

    @Test
    void progressOfAGroupThatHoldsNoOffsetOnTheTopicIsNoConsumerOffsets() throws Exception {
        // GIVEN a group that exists and a topic it never consumed nor was reset on
        String topic = fresh("topic");
        String group = fresh("group");
        tools.createTopic(topic, Map.of("broker-a", 1, "broker-b", 1));
        tools.createGroup(group, "broker-a", "broker-b");
        tools.produce(topic, "broker-a", 0, 2);

        // WHEN its progress on the topic is read
        // THEN it is refused as having no consumer offsets, naming the group and the topic
        assertThatThrownBy(() -> backend.groupProgress(new ResetTarget(PROJECT, INSTANCE, group, topic)))
                .isInstanceOfSatisfying(NoConsumerOffsetsException.class, e -> {
                    assertThat(e.group()).isEqualTo(group);
                    assertThat(e.topic()).isEqualTo(topic);
                });
    }

    @Test
    void progressRefusesAnUnknownInstanceGroupOrTopicInTheResetsOrder() throws Exception {
        // GIVEN a topic and a group that exist
        String topic = fresh("topic");
        String group = fresh("group");
        tools.createTopic(topic, Map.of("broker-a", 1));
        tools.createGroup(group, "broker-a");

        // WHEN the progress names an unknown instance, an unknown group (on a topic that exists or not),
        // or an unknown topic
        // THEN each is refused as the reset refuses it
        assertThatThrownBy(() -> backend.groupProgress(new ResetTarget(PROJECT, "no-such-instance", group, topic)))
                .isInstanceOf(UnknownInstanceException.class);
        assertThatThrownBy(() -> backend.groupProgress(new ResetTarget("other-project", INSTANCE, group, topic)))
                .isInstanceOf(UnknownInstanceException.class);
        assertThatThrownBy(() -> backend.groupProgress(new ResetTarget(PROJECT, INSTANCE, fresh("missing"), topic)))
                .isInstanceOf(UnknownGroupException.class);
        assertThatThrownBy(() -> backend.groupProgress(
                        new ResetTarget(PROJECT, INSTANCE, fresh("missing"), fresh("missing_topic"))))
                .isInstanceOf(UnknownGroupException.class);
        assertThatThrownBy(() -> backend.groupProgress(new ResetTarget(PROJECT, INSTANCE, group, fresh("missing"))))
                .isInstanceOf(UnknownTopicException.class);
    }

    // ---- groupTopics

    @Test
    void groupTopicsAreTheTopicsTheGroupHoldsOffsetsOnSortedAndEmptyForAFreshGroup() throws Exception {
        // GIVEN a group reset on two topics (one on broker-b only), a third topic it never touched,
        // and a fresh group
        String group = fresh("group");
        String fresh = fresh("group");
        String second = fresh("topic_b");
        String first = fresh("topic_a");
        String untouched = fresh("topic_c");
        tools.createTopic(first, Map.of("broker-a", 1, "broker-b", 1));
        tools.createTopic(second, Map.of("broker-b", 2));
        tools.createTopic(untouched, Map.of("broker-a", 1));
        tools.createGroup(group, "broker-a", "broker-b");
        tools.createGroup(fresh, "broker-a");
        backend.resetByTime(new ResetTarget(PROJECT, INSTANCE, group, second), 0);
        backend.resetByTime(new ResetTarget(PROJECT, INSTANCE, group, first), -1);

        // WHEN the groups' topics are read
        List<String> topics = backend.groupTopics(new GroupRef(PROJECT, INSTANCE, group));
        List<String> none = backend.groupTopics(new GroupRef(PROJECT, INSTANCE, fresh));

        // THEN the first group's are the two it was reset on, sorted, each once; the fresh one has none
        assertThat(topics).containsExactly(first, second);
        assertThat(none).isEmpty();
    }

    @Test
    void groupTopicsOfAGroupNoBrokerHasIsUnknownGroup() {
        // WHEN the topics of a group that does not exist are read
        // THEN it is refused as an unknown group
        assertThatThrownBy(() -> backend.groupTopics(new GroupRef(PROJECT, INSTANCE, fresh("missing"))))
                .isInstanceOf(UnknownGroupException.class);
    }

    // ---- consumers

    @Test
    void consumersListsAConnectedConsumerWithItsIdAddressLanguageVersionAndSubscription() throws Exception {
        // GIVEN a group with a push consumer running, subscribed to a topic with a tag expression
        String topic = fresh("topic");
        String group = fresh("group");
        tools.createTopic(topic, Map.of("broker-a", 1, "broker-b", 1));
        tools.createGroup(group, "broker-a", "broker-b");
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(cluster.nameServer());
        consumer.setInstanceName("offsetkit-reads-" + names.incrementAndGet());
        consumer.subscribe(topic, "TagA || TagB");
        consumer.registerMessageListener(
                (MessageListenerConcurrently) (messages, context) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        consumer.start();
        try {
            // WHEN the group's consumers are read (the consumer's heartbeat reaches the brokers soon after its start)
            List<ConsumerConnection> consumers = awaitConsumers(group, Duration.ofSeconds(30));

            // THEN the one consumer is listed, as RocketMQ knows it, with its subscription and not the retry topic
            assertThat(consumers).hasSize(1);
            ConsumerConnection connection = consumers.get(0);
            assertThat(connection.clientId())
                    .isEqualTo(consumer.getDefaultMQPushConsumerImpl()
                            .getmQClientFactory()
                            .getClientId());
            assertThat(connection.clientAddr()).startsWith("127.0.0.1:");
            assertThat(connection.language()).isEqualTo("JAVA");
            assertThat(connection.version()).isEqualTo(MQVersion.getVersionDesc(MQVersion.CURRENT_VERSION));
            assertThat(connection.subscriptions())
                    .containsExactly(new ConsumerConnection.Subscription(topic, "TAG", "TagA || TagB"));
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    void consumersOfAGroupWithNoneConnectedIsEmptyAndOfAGroupNoBrokerHasIsUnknownGroup() throws Exception {
        // GIVEN a group that exists and has no consumer running
        String group = fresh("group");
        tools.createGroup(group, "broker-b");

        // WHEN its consumers are read, and those of a group that does not exist
        // THEN the first is empty, the second refused as an unknown group
        assertThat(backend.consumers(new GroupRef(PROJECT, INSTANCE, group))).isEmpty();
        assertThatThrownBy(() -> backend.consumers(new GroupRef(PROJECT, INSTANCE, fresh("missing"))))
                .isInstanceOf(UnknownGroupException.class);
    }

    // ---- a cluster that cannot be reached

    @Test
    void everyReadOfAClusterThatCannotBeReachedIsBackendUnavailableNamingTheNameServer() {
        // WHEN each read asks the instance whose name server does not listen
        List<Runnable> reads = List.of(
                () -> backend.groupTopics(new GroupRef(PROJECT, OFFLINE, "group_01")),
                () -> backend.groupProgress(new ResetTarget(PROJECT, OFFLINE, "group_01", "topic_01")),
                () -> backend.topicStatus(new TopicRef(PROJECT, OFFLINE, "topic_01")),
                () -> backend.consumers(new GroupRef(PROJECT, OFFLINE, "group_01")));

        // THEN each fails as unavailable, saying which server
        for (Runnable read : reads) {
            assertThatThrownBy(read::run)
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("the name server 127.0.0.1:");
        }
    }

    private static List<ConsumerConnection> awaitConsumers(String group, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        List<ConsumerConnection> consumers = List.of();
        while (System.nanoTime() < deadline) {
            consumers = backend.consumers(new GroupRef(PROJECT, INSTANCE, group));
            if (!consumers.isEmpty() && !consumers.get(0).subscriptions().isEmpty()) {
                return consumers;
            }
            Thread.sleep(100);
        }
        return consumers;
    }

    private static String fresh(String what) {
        return "rd_" + what + "_" + names.incrementAndGet() + "_" + Long.toHexString(System.nanoTime());
    }
}
