package io.offsetkit.server.rocketmq;

import io.offsetkit.server.backend.BackendUnavailableException;
import io.offsetkit.server.backend.OffsetBackend;
import io.offsetkit.server.backend.PartialResetException;
import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.backend.UnknownGroupException;
import io.offsetkit.server.backend.UnknownInstanceException;
import io.offsetkit.server.backend.UnknownTopicException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend over real Apache RocketMQ clusters: each instance id of the API stands for one
 * cluster ({@link RocketMqProperties}). A reset resolves the topic's route on the name servers,
 * then has every broker of the route reset the group's offsets of its queues to the time, all
 * brokers at once ({@link BrokerReset}), and answers the merged offsets.
 *
 * <p>Errors, in the order the embedded store finds them: an instance not configured (or under
 * another project id) is {@link UnknownInstanceException}; a group no broker knows is {@link
 * UnknownGroupException}; a topic no broker has is {@link UnknownTopicException}. A name server or
 * broker that cannot be reached or does not answer within the request timeout is {@link
 * BackendUnavailableException}; a reset that applied on some brokers and not on others is {@link
 * PartialResetException}, which lists both.
 */
public final class RocketMqOffsetBackend implements OffsetBackend, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RocketMqOffsetBackend.class);

    private final Map<String, RocketMqCluster> clusters = new LinkedHashMap<>();
    private final KeyedLocks locks = new KeyedLocks();
    private final ExecutorService brokerCalls;

    public RocketMqOffsetBackend(RocketMqProperties properties) {
        for (RocketMqProperties.Instance instance : properties.instances()) {
            clusters.put(instance.id(), new RocketMqCluster(instance, properties.requestTimeoutMillis()));
        }
        AtomicInteger threads = new AtomicInteger();
        this.brokerCalls = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "offsetkit-rocketmq-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public List<QueueOffset> resetByTime(ResetTarget target, long timestamp) {
        if (timestamp < -1) {
            throw new IllegalArgumentException("timestamp is >= 0 or -1 (latest), was " + timestamp);
        }
        RocketMqCluster cluster = clusters.get(target.instanceId());
        if (cluster == null
                || (cluster.instance().projectId() != null
                        && !cluster.instance().projectId().equals(target.projectId()))) {
            throw new UnknownInstanceException(target.instanceId());
        }
        // Resets of one group and topic serialise, as on the embedded store: two resets racing on
        // the brokers could otherwise leave one broker at one time and another at the other.
        try (KeyedLocks.Held held = locks.lock(target.instanceId() + '\n' + target.group() + '\n' + target.topic())) {
            return reset(cluster, target, timestamp);
        } catch (RocketMqCallException e) {
            throw new BackendUnavailableException(e.getMessage(), e);
        }
    }

    private List<QueueOffset> reset(RocketMqCluster cluster, ResetTarget target, long timestamp) {
        TopicRouteData route = cluster.route(target.topic()).orElse(null);
        if (route == null) {
            if (!anyBrokerHasGroup(cluster, target.group())) {
                throw new UnknownGroupException(target.group());
            }
            throw new UnknownTopicException(target.topic());
        }
        Map<String, String> masters = RocketMqCluster.masters(route);
        List<CompletableFuture<BrokerOutcome>> calls = new ArrayList<>();
        Map<String, String> noMaster = new TreeMap<>();
        for (QueueData queues : route.getQueueDatas()) {
            String broker = queues.getBrokerName();
            String address = masters.get(broker);
            if (address == null) {
                noMaster.put(broker, "no master broker is registered with the name server");
                continue;
            }
            calls.add(CompletableFuture.supplyAsync(
                    new BrokerReset(
                            cluster,
                            broker,
                            address,
                            queues.getReadQueueNums(),
                            target.topic(),
                            target.group(),
                            timestamp)::apply,
                    brokerCalls));
        }
        List<BrokerOutcome> outcomes = new ArrayList<>();
        for (CompletableFuture<BrokerOutcome> call : calls) {
            outcomes.add(call.join());
        }
        noMaster.forEach((broker, reason) -> outcomes.add(new BrokerOutcome.Failed(broker, reason)));
        return merge(target, outcomes);
    }

    /** One answer out of every broker's: the offsets, or the error that describes them all. */
    private static List<QueueOffset> merge(ResetTarget target, List<BrokerOutcome> outcomes) {
        List<QueueOffset> applied = new ArrayList<>();
        Map<String, String> failures = new TreeMap<>();
        int noGroup = 0;
        int noTopic = 0;
        for (BrokerOutcome outcome : outcomes) {
            if (outcome instanceof BrokerOutcome.Applied done) {
                applied.addAll(done.offsets());
                if (!done.byBroker()) {
                    log.debug(
                            "broker {} has no server-side reset: offsets committed queue by queue", done.brokerName());
                }
            } else if (outcome instanceof BrokerOutcome.NoGroup) {
                noGroup++;
                failures.put(outcome.brokerName(), "the broker has no consumer group '" + target.group() + "'");
            } else if (outcome instanceof BrokerOutcome.NoTopic) {
                noTopic++;
                failures.put(outcome.brokerName(), "the broker has no topic '" + target.topic() + "'");
            } else if (outcome instanceof BrokerOutcome.Failed failed) {
                failures.put(failed.brokerName(), failed.reason());
            }
        }
        if (!outcomes.isEmpty() && noGroup == outcomes.size()) {
            throw new UnknownGroupException(target.group());
        }
        if (!outcomes.isEmpty() && noTopic == outcomes.size()) {
            throw new UnknownTopicException(target.topic());
        }
        if (!failures.isEmpty()) {
            throw new PartialResetException(applied, failures);
        }
        applied.sort(QueueOffset.RESPONSE_ORDER);
        return Collections.unmodifiableList(applied);
    }

    private boolean anyBrokerHasGroup(RocketMqCluster cluster, String group) {
        for (Map.Entry<String, String> broker : cluster.masterBrokers().entrySet()) {
            if (cluster.hasGroup(broker.getKey(), broker.getValue(), group)) {
                return true;
            }
        }
        return false;
    }

    /** Stops every cluster's admin client. */
    @Override
    public void close() {
        clusters.values().forEach(RocketMqCluster::close);
        brokerCalls.shutdownNow();
    }
}
