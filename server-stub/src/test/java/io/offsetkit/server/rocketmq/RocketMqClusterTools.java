package io.offsetkit.server.rocketmq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.remoting.protocol.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * What the tests do to an {@link InProcessRocketMq} cluster with RocketMQ's own clients: create
 * topics and groups, produce messages and read back the store times the brokers gave them, and read
 * a group's committed offsets. Every wait is bounded.
 */
final class RocketMqClusterTools implements AutoCloseable {

    private static final Duration ROUTE_WAIT = Duration.ofSeconds(20);
    // The limit of each admin call and send. Wide: the cluster is in the test's JVM, and on a busy CI machine
    // (2 cores shared with other builds, load average near 20) a fresh broker's first createTopic took more
    // than the 5 s this was, failing a test in its set-up; no test's subject is these calls' time.
    private static final int CALL_TIMEOUT_MILLIS = 30_000;

    private final InProcessRocketMq cluster;
    private final DefaultMQAdminExt admin;
    private final DefaultMQProducer producer;
    private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();

    RocketMqClusterTools(InProcessRocketMq cluster) throws Exception {
        this(cluster, null);
    }

    /** Tools whose requests are signed with RocketMQ ACL credentials, when {@code acl} is not null. */
    RocketMqClusterTools(InProcessRocketMq cluster, AclClientRPCHook acl) throws Exception {
        this.cluster = cluster;
        this.admin = new DefaultMQAdminExt(acl, CALL_TIMEOUT_MILLIS);
        admin.setNamesrvAddr(cluster.nameServer());
        admin.setInstanceName("offsetkit-test-admin");
        admin.start();
        this.producer = new DefaultMQProducer("offsetkit_test_producer", acl);
        producer.setNamesrvAddr(cluster.nameServer());
        producer.setInstanceName("offsetkit-test-producer");
        producer.setSendMsgTimeout(CALL_TIMEOUT_MILLIS);
        producer.start();
    }

    /** Creates a topic with the given number of queues on each broker and waits until it is routed. */
    void createTopic(String topic, Map<String, Integer> queuesPerBroker) throws Exception {
        for (Map.Entry<String, Integer> broker : queuesPerBroker.entrySet()) {
            TopicConfig config = new TopicConfig(topic, broker.getValue(), broker.getValue());
            admin.createAndUpdateTopicConfig(cluster.brokerAddress(broker.getKey()), config);
        }
        long deadline = System.nanoTime() + ROUTE_WAIT.toNanos();
        while (true) {
            try {
                TopicRouteData route = admin.examineTopicRouteInfo(topic);
                if (route.getQueueDatas().size() == queuesPerBroker.size()) {
                    return;
                }
            } catch (Exception notYet) {
                // the name server does not know the topic yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the topic " + topic + " was not routed within " + ROUTE_WAIT);
            }
            Thread.sleep(50);
        }
    }

    /** Creates a consumer group on the given brokers only. */
    void createGroup(String group, String... brokers) throws Exception {
        for (String broker : brokers) {
            SubscriptionGroupConfig config = new SubscriptionGroupConfig();
            config.setGroupName(group);
            admin.createAndUpdateSubscriptionGroupConfig(cluster.brokerAddress(broker), config);
        }
    }

    /**
     * Sends {@code count} messages to one queue, one at a time, and returns the store timestamp the
     * broker gave each, in offset order. A message's body is "broker/queue#offset".
     */
    List<Long> produce(String topic, String broker, int queueId, int count) throws Exception {
        List<Long> storeTimes = new ArrayList<>();
        MessageQueue queue = new MessageQueue(topic, broker, queueId);
        for (int i = 0; i < count; i++) {
            // named by the offset it will get: every message of the queue goes through here
            int offset = sent.computeIfAbsent(topic + "@" + broker + "/" + queueId, key -> new AtomicInteger())
                    .getAndIncrement();
            Message message = new Message(topic, (broker + "/" + queueId + "#" + offset).getBytes());
            SendResult result = producer.send(message, queue);
            if (result.getSendStatus() != SendStatus.SEND_OK) {
                throw new IllegalStateException("send to " + queue + ": " + result);
            }
            storeTimes.add(admin.viewMessage(topic, result.getOffsetMsgId()).getStoreTimestamp());
        }
        return storeTimes;
    }

    /** The group's committed offset of every queue of the topic, as the brokers report it, by "broker/queue". */
    Map<String, Long> committedOffsets(String group, String topic) throws Exception {
        ConsumeStats stats = admin.examineConsumeStats(group, topic);
        Map<String, Long> offsets = new TreeMap<>();
        stats.getOffsetTable()
                .forEach((queue, wrapper) ->
                        offsets.put(queue.getBrokerName() + "/" + queue.getQueueId(), wrapper.getConsumerOffset()));
        return offsets;
    }

    @Override
    public void close() {
        producer.shutdown();
        admin.shutdown();
    }
}
