package io.offsetkit.server.rocketmq;

import io.offsetkit.server.backend.QueueOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.ResponseCode;

/**
 * Resets a group's offsets of one topic on one broker, the way the broker supports: its own
 * server-side reset first; when the broker has none (RocketMQ before 5.2.0, or a broker with {@code
 * useServerSideResetOffset=false}) it hands the reset to the group's online consumers, and when the
 * group has none, or has committed nothing on the topic yet, the offset of each queue is looked up
 * by time and committed one queue at a time, as RocketMQ's {@code mqadmin resetOffsetByTime} does
 * in that case.
 */
final class BrokerReset {

    /**
     * How a broker without server-side reset says the group has committed nothing on the topic (its
     * code is the generic SYSTEM_ERROR, so the text is all there is to go by).
     */
    private static final Pattern NO_COMMITTED_OFFSET = Pattern.compile("(?i)consumer group\\s*<[^>]*>\\s*not exist");

    private final RocketMqCluster cluster;
    private final String brokerName;
    private final String address;
    private final int readQueues;
    private final String topic;
    private final String group;
    private final long time;

    /**
     * @param readQueues the broker's read queues of the topic, as the route tells (for the per-queue way)
     * @param time milliseconds since the epoch, or -1 for the latest offsets
     */
    BrokerReset(
            RocketMqCluster cluster,
            String brokerName,
            String address,
            int readQueues,
            String topic,
            String group,
            long time) {
        this.cluster = cluster;
        this.brokerName = brokerName;
        this.address = address;
        this.readQueues = readQueues;
        this.topic = topic;
        this.group = group;
        this.time = time;
    }

    /** Resets the group's offsets on the broker within the deadline, and says how that went. */
    BrokerOutcome apply(Deadline deadline) {
        try {
            Map<MessageQueue, Long> offsets = cluster.resetOnBroker(brokerName, address, topic, group, time, deadline);
            List<QueueOffset> applied = new ArrayList<>(offsets.size());
            offsets.forEach((queue, offset) -> applied.add(new QueueOffset(brokerName, queue.getQueueId(), offset)));
            return new BrokerOutcome.Applied(brokerName, applied, true);
        } catch (RocketMqCallException e) {
            return switch (e.responseCode()) {
                case ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST -> new BrokerOutcome.NoGroup(brokerName);
                case ResponseCode.TOPIC_NOT_EXIST -> new BrokerOutcome.NoTopic(brokerName);
                case ResponseCode.CONSUMER_NOT_ONLINE -> perQueue(deadline);
                case ResponseCode.SYSTEM_ERROR ->
                    NO_COMMITTED_OFFSET.matcher(e.remark()).find()
                            ? perQueue(deadline)
                            : new BrokerOutcome.Failed(brokerName, e.getMessage());
                default -> new BrokerOutcome.Failed(brokerName, e.getMessage());
            };
        }
    }

    private BrokerOutcome perQueue(Deadline deadline) {
        try {
            if (!cluster.hasGroup(brokerName, address, group, deadline)) {
                return new BrokerOutcome.NoGroup(brokerName);
            }
            List<QueueOffset> applied = new ArrayList<>(readQueues);
            for (int queueId = 0; queueId < readQueues; queueId++) {
                long offset = time < 0
                        ? cluster.maxOffset(brokerName, address, topic, queueId, deadline)
                        : cluster.offsetAt(brokerName, address, topic, queueId, time, deadline);
                applied.add(new QueueOffset(brokerName, queueId, Math.max(0, offset)));
            }
            // Only once every offset is known, so that a lookup that fails commits nothing.
            List<QueueOffset> committed = new ArrayList<>(applied.size());
            for (QueueOffset queue : applied) {
                try {
                    cluster.commitOffset(brokerName, address, group, topic, queue.queueId(), queue.offset(), deadline);
                } catch (RocketMqCallException e) {
                    return new BrokerOutcome.Failed(
                            brokerName,
                            e.getMessage() + " (per-queue reset; committed before the failure: "
                                    + (committed.isEmpty() ? "none" : committed) + ")");
                }
                committed.add(queue);
            }
            return new BrokerOutcome.Applied(brokerName, applied, false);
        } catch (RocketMqCallException e) {
            return new BrokerOutcome.Failed(brokerName, e.getMessage() + " (per-queue reset, nothing committed)");
        }
    }
}
