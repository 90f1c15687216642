package io.offsetkit.server.rocketmq;

import io.offsetkit.server.backend.BackendUnavailableException;
import io.offsetkit.server.backend.ConsumerConnection;
import io.offsetkit.server.backend.GroupRef;
import io.offsetkit.server.backend.NoConsumerOffsetsException;
import io.offsetkit.server.backend.OffsetBackend;
import io.offsetkit.server.backend.PartialResetException;
import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.backend.QueueProgress;
import io.offsetkit.server.backend.QueueStatus;
import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.backend.TopicRef;
import io.offsetkit.server.backend.UnknownGroupException;
import io.offsetkit.server.backend.UnknownInstanceException;
import io.offsetkit.server.backend.UnknownTopicException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.remoting.protocol.admin.TopicOffset;
import org.apache.rocketmq.remoting.protocol.admin.TopicStatsTable;
import org.apache.rocketmq.remoting.protocol.body.Connection;
import org.apache.rocketmq.remoting.protocol.heartbeat.SubscriptionData;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend over real Apache RocketMQ clusters: each instance id of the API stands for one
 * cluster ({@link RocketMqProperties}). A reset resolves the topic's route on the name servers, takes
 * the cluster's lock of the group and topic ({@link ClusterLock}), has every broker of the route reset
 * the group's offsets of its queues to the time, all brokers at once ({@link BrokerReset}), releases
 * the lock and answers the merged offsets. The reads ask the brokers of the route (or of the cluster)
 * for their own facts, all at once: topic stats, consume stats, the topics a group has offsets on,
 * and consumer connections.
 *
 * <p>Every request has one deadline, the request timeout ({@link Deadline}): the route lookup, the
 * wait for the lock and every broker call take what is left of it, and a broker that has not
 * answered when it passes is reported as such, so that a request ends within its timeout however
 * many brokers hang.
 *
 * <p>Errors, in the order the embedded store finds them: an instance not configured (or under
 * another project id) is {@link UnknownInstanceException}; a group no broker knows is {@link
 * UnknownGroupException}; a topic no broker has is {@link UnknownTopicException}. A name server or
 * broker that cannot be reached or does not answer in time is {@link BackendUnavailableException}; a
 * reset that applied on some brokers and not on others (or not known to have) is {@link
 * PartialResetException}, which lists both.
 */
public final class RocketMqOffsetBackend implements OffsetBackend, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RocketMqOffsetBackend.class);

    private final Map<String, RocketMqCluster> clusters = new LinkedHashMap<>();
    private final KeyedLocks locks = new KeyedLocks();
    private final ClusterLock clusterLock = new ClusterLock();
    private final long timeoutMillis;
    private final ExecutorService brokerCalls;

    public RocketMqOffsetBackend(RocketMqProperties properties) {
        this.timeoutMillis = properties.requestTimeoutMillis();
        for (RocketMqProperties.Instance instance : properties.instances()) {
            clusters.put(instance.id(), new RocketMqCluster(instance, timeoutMillis));
        }
        AtomicInteger threads = new AtomicInteger();
        this.brokerCalls = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "offsetkit-rocketmq-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // Start each cluster's admin client now, beside the HTTP server's start, rather than on the first
        // request: that start loads RocketMQ's client and its threads, which on a busy machine takes
        // longer than a request's whole budget. A cluster that is down does not hold the server's start.
        clusters.values().forEach(cluster -> brokerCalls.execute(() -> warmUp(cluster)));
    }

    private void warmUp(RocketMqCluster cluster) {
        try {
            cluster.masterBrokers(Deadline.in(timeoutMillis));
        } catch (RuntimeException e) {
            // The first request tries again and answers with the reason; here it is only a hint.
            log.info(
                    "RocketMQ instance '{}' not reachable yet at start: {}",
                    cluster.instance().id(),
                    e.getMessage());
        }
    }

    @Override
    public List<QueueOffset> resetByTime(ResetTarget target, long timestamp) {
        if (timestamp < -1) {
            throw new IllegalArgumentException("timestamp is >= 0 or -1 (latest), was " + timestamp);
        }
        RocketMqCluster cluster = cluster(target.projectId(), target.instanceId());
        Deadline deadline = Deadline.in(timeoutMillis);
        // Resets of one group and topic through this gateway queue here, so that only one of them at a
        // time asks the cluster's lock (which serialises them with the other gateways' resets).
        try (KeyedLocks.Held held = locks.lock(target.instanceId() + '\n' + target.group() + '\n' + target.topic())) {
            return reset(cluster, target, timestamp, deadline);
        } catch (RocketMqCallException e) {
            throw new BackendUnavailableException(e.getMessage(), e);
        }
    }

    private List<QueueOffset> reset(RocketMqCluster cluster, ResetTarget target, long timestamp, Deadline deadline) {
        TopicRouteData route = routeOrRefusal(cluster, target.group(), target.topic(), deadline);
        Map<String, String> masters = RocketMqCluster.masters(route);
        Map<String, String> noMaster = new TreeMap<>();
        Map<String, Integer> readQueues = new TreeMap<>();
        for (QueueData queues : route.getQueueDatas()) {
            if (masters.containsKey(queues.getBrokerName())) {
                readQueues.put(queues.getBrokerName(), queues.getReadQueueNums());
            } else {
                noMaster.put(queues.getBrokerName(), "no master broker is registered with the name server");
            }
        }
        List<BrokerOutcome> outcomes = new ArrayList<>();
        if (!readQueues.isEmpty()) {
            String lockBroker =
                    ClusterLock.brokerFor(target.group(), target.topic(), new ArrayList<>(readQueues.keySet()));
            try (ClusterLock.Held lock = clusterLock.acquire(
                    cluster, lockBroker, masters.get(lockBroker), target.group(), target.topic(), deadline)) {
                Map<String, CompletableFuture<BrokerOutcome>> calls = new TreeMap<>();
                readQueues.forEach((broker, queues) -> calls.put(
                        broker,
                        CompletableFuture.supplyAsync(
                                () -> new BrokerReset(
                                                cluster,
                                                broker,
                                                masters.get(broker),
                                                queues,
                                                target.topic(),
                                                target.group(),
                                                timestamp)
                                        .apply(deadline),
                                brokerCalls)));
                calls.forEach((broker, call) -> outcomes.add(
                        awaitOrElse(call, deadline, () -> new BrokerOutcome.Failed(broker, notAnswered(deadline)))));
            }
        }
        noMaster.forEach((broker, reason) -> outcomes.add(new BrokerOutcome.Failed(broker, reason)));
        return merge(target, outcomes);
    }

    /** Why a broker that did not answer a reset in time may still have applied it. */
    private static String notAnswered(Deadline deadline) {
        return "it did not answer within the request's " + deadline.budgetMillis()
                + " ms: its offsets may have been reset or not; read the group's progress to know";
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

    /**
     * The group's topics: the union of the topics each master broker of the cluster holds offsets of
     * the group on, RocketMQ's retry and dead-letter topics left out.
     */
    @Override
    public List<String> groupTopics(GroupRef group) {
        RocketMqCluster cluster = cluster(group.projectId(), group.instanceId());
        Deadline deadline = Deadline.in(timeoutMillis);
        try {
            Map<String, Set<String>> byBroker = onEachBroker(
                    cluster.masterBrokers(deadline),
                    deadline,
                    (broker, address) -> cluster.topicsOfGroup(broker, address, group.group(), deadline));
            TreeSet<String> topics = new TreeSet<>();
            byBroker.values().forEach(topics::addAll);
            topics.removeIf(RocketMqOffsetBackend::isInternalTopic);
            if (topics.isEmpty() && !anyBrokerHasGroup(cluster, group.group(), deadline)) {
                throw new UnknownGroupException(group.group());
            }
            return List.copyOf(topics);
        } catch (RocketMqCallException e) {
            throw new BackendUnavailableException(e.getMessage(), e);
        }
    }

    /**
     * The group's progress from each broker of the topic's route: the consume stats (committed
     * offsets), the topic stats (max offset, last message time) and whether the broker holds offsets
     * of the group on the topic at all; a broker that holds none shows each queue's min offset. Read
     * under the cluster's lock of the group and topic, so that it never shows a reset half applied.
     * (A broker shows a queue the group has no offset on, among others it has, as offset 0.)
     */
    @Override
    public List<QueueProgress> groupProgress(ResetTarget target) {
        RocketMqCluster cluster = cluster(target.projectId(), target.instanceId());
        Deadline deadline = Deadline.in(timeoutMillis);
        try {
            TopicRouteData route = routeOrRefusal(cluster, target.group(), target.topic(), deadline);
            Map<String, String> masters = mastersOfRoute(route);
            Map<String, BrokerProgress> byBroker;
            String lockBroker =
                    ClusterLock.brokerFor(target.group(), target.topic(), new ArrayList<>(masters.keySet()));
            try (ClusterLock.Held lock = clusterLock.acquire(
                    cluster, lockBroker, masters.get(lockBroker), target.group(), target.topic(), deadline)) {
                byBroker = onEachBroker(
                        masters,
                        deadline,
                        (broker, address) -> new BrokerProgress(
                                cluster.topicsOfGroup(broker, address, target.group(), deadline)
                                        .contains(target.topic()),
                                cluster.topicStats(broker, address, target.topic(), deadline),
                                cluster.consumeStats(broker, address, target.group(), target.topic(), deadline)));
            }
            if (byBroker.values().stream().noneMatch(BrokerProgress::hasOffsets)) {
                if (!anyBrokerHasGroup(cluster, target.group(), deadline)) {
                    throw new UnknownGroupException(target.group());
                }
                throw new NoConsumerOffsetsException(target.group(), target.topic());
            }
            List<QueueProgress> progress = new ArrayList<>();
            byBroker.forEach((broker, facts) -> facts.consumeStats()
                    .getOffsetTable()
                    .forEach((queue, offsets) -> {
                        TopicOffset stats = facts.topicStats().getOffsetTable().get(queue);
                        long min = stats == null ? 0 : stats.getMinOffset();
                        long max = stats == null ? offsets.getBrokerOffset() : stats.getMaxOffset();
                        long last = stats == null ? 0 : stats.getLastUpdateTimestamp();
                        long consumer = facts.hasOffsets() ? offsets.getConsumerOffset() : min;
                        progress.add(new QueueProgress(broker, queue.getQueueId(), max, consumer, last));
                    }));
            progress.sort(Comparator.comparing(QueueProgress::brokerName).thenComparingInt(QueueProgress::queueId));
            return List.copyOf(progress);
        } catch (RocketMqCallException e) {
            throw new BackendUnavailableException(e.getMessage(), e);
        }
    }

    /** What one broker says of a group's progress on a topic. */
    private record BrokerProgress(boolean hasOffsets, TopicStatsTable topicStats, ConsumeStats consumeStats) {}

    /** Each broker's topic stats of the topic's queues: min and max offset, last message time. */
    @Override
    public List<QueueStatus> topicStatus(TopicRef topic) {
        RocketMqCluster cluster = cluster(topic.projectId(), topic.instanceId());
        Deadline deadline = Deadline.in(timeoutMillis);
        try {
            TopicRouteData route =
                    cluster.route(topic.topic(), deadline).orElseThrow(() -> new UnknownTopicException(topic.topic()));
            Map<String, TopicStatsTable> byBroker = onEachBroker(
                    mastersOfRoute(route),
                    deadline,
                    (broker, address) -> cluster.topicStats(broker, address, topic.topic(), deadline));
            List<QueueStatus> status = new ArrayList<>();
            byBroker.forEach((broker, stats) -> stats.getOffsetTable()
                    .forEach((queue, offsets) -> status.add(new QueueStatus(
                            broker,
                            queue.getQueueId(),
                            offsets.getMinOffset(),
                            offsets.getMaxOffset(),
                            offsets.getLastUpdateTimestamp()))));
            status.sort(Comparator.comparing(QueueStatus::brokerName).thenComparingInt(QueueStatus::queueId));
            return List.copyOf(status);
        } catch (RocketMqCallException e) {
            throw new BackendUnavailableException(e.getMessage(), e);
        }
    }

    /**
     * The group's consumers connected to any master broker of the cluster (a consumer sends its
     * heartbeat to every broker of the topics it subscribes, so the union is taken by client id), each
     * with the group's subscriptions, RocketMQ's retry topic left out.
     */
    @Override
    public List<ConsumerConnection> consumers(GroupRef group) {
        RocketMqCluster cluster = cluster(group.projectId(), group.instanceId());
        Deadline deadline = Deadline.in(timeoutMillis);
        try {
            Map<String, Optional<org.apache.rocketmq.remoting.protocol.body.ConsumerConnection>> byBroker =
                    onEachBroker(
                            cluster.masterBrokers(deadline),
                            deadline,
                            (broker, address) -> cluster.connections(broker, address, group.group(), deadline));
            Map<String, ConsumerConnection> clients = new TreeMap<>();
            byBroker.values().stream().flatMap(Optional::stream).forEach(connections -> {
                List<ConsumerConnection.Subscription> subscriptions = new ArrayList<>();
                connections.getSubscriptionTable().values().stream()
                        .filter(subscription -> !isInternalTopic(subscription.getTopic()))
                        .sorted(Comparator.comparing(SubscriptionData::getTopic))
                        .forEach(subscription -> subscriptions.add(new ConsumerConnection.Subscription(
                                subscription.getTopic(),
                                subscription.getExpressionType(),
                                subscription.getSubString())));
                for (Connection connection : connections.getConnectionSet()) {
                    clients.putIfAbsent(
                            connection.getClientId(),
                            new ConsumerConnection(
                                    connection.getClientId(),
                                    connection.getClientAddr(),
                                    connection.getLanguage() == null
                                            ? null
                                            : connection.getLanguage().name(),
                                    MQVersion.getVersionDesc(connection.getVersion()),
                                    subscriptions));
                }
            });
            if (clients.isEmpty() && !anyBrokerHasGroup(cluster, group.group(), deadline)) {
                throw new UnknownGroupException(group.group());
            }
            return List.copyOf(clients.values());
        } catch (RocketMqCallException e) {
            throw new BackendUnavailableException(e.getMessage(), e);
        }
    }

    /** RocketMQ's own topics of a group: its retry and dead-letter queues. */
    private static boolean isInternalTopic(String topic) {
        return topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX) || topic.startsWith(MixAll.DLQ_GROUP_TOPIC_PREFIX);
    }

    /** The instance's cluster, or the documented refusal when the project has no such instance. */
    private RocketMqCluster cluster(String projectId, String instanceId) {
        RocketMqCluster cluster = clusters.get(instanceId);
        if (cluster == null
                || (cluster.instance().projectId() != null
                        && !cluster.instance().projectId().equals(projectId))) {
            throw new UnknownInstanceException(instanceId);
        }
        return cluster;
    }

    /** The topic's route; when there is none, the group is checked first, as the embedded store does. */
    private TopicRouteData routeOrRefusal(RocketMqCluster cluster, String group, String topic, Deadline deadline) {
        return cluster.route(topic, deadline)
                .orElseThrow(() -> anyBrokerHasGroup(cluster, group, deadline)
                        ? new UnknownTopicException(topic)
                        : new UnknownGroupException(group));
    }

    /** The route's brokers that have a master, by name; a read needs them all. */
    private static Map<String, String> mastersOfRoute(TopicRouteData route) {
        Map<String, String> masters = RocketMqCluster.masters(route);
        for (QueueData queues : route.getQueueDatas()) {
            if (!masters.containsKey(queues.getBrokerName())) {
                throw new BackendUnavailableException(
                        "the broker '" + queues.getBrokerName() + "' has no master registered with the name server");
            }
        }
        if (masters.isEmpty()) {
            throw new BackendUnavailableException("no broker of the topic has a master registered");
        }
        return masters;
    }

    /**
     * Asks every broker at once and waits for all answers until the deadline.
     *
     * @return each broker's answer, by broker name
     * @throws BackendUnavailableException naming each broker that failed or did not answer in time
     */
    private <T> Map<String, T> onEachBroker(
            Map<String, String> brokers, Deadline deadline, BiFunction<String, String, T> call) {
        Map<String, CompletableFuture<T>> calls = new TreeMap<>();
        brokers.forEach((broker, address) ->
                calls.put(broker, CompletableFuture.supplyAsync(() -> call.apply(broker, address), brokerCalls)));
        Map<String, T> answers = new TreeMap<>();
        Map<String, String> failures = new TreeMap<>();
        calls.forEach((broker, future) -> {
            try {
                answers.put(broker, future.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                failures.put(
                        broker, "the broker '" + broker + "' did not answer within " + deadline.budgetMillis() + " ms");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure
                        && !(failure instanceof RocketMqCallException)
                        && !(failure instanceof BackendUnavailableException)) {
                    throw failure;
                }
                failures.put(broker, e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendUnavailableException("the request was interrupted (the server is stopping)", e);
            }
        });
        if (!failures.isEmpty()) {
            throw new BackendUnavailableException(String.join("; ", failures.values()));
        }
        return answers;
    }

    /** The call's outcome, or {@code otherwise} when it has not come by the deadline. */
    private static <T> T awaitOrElse(CompletableFuture<T> call, Deadline deadline, Supplier<T> otherwise) {
        try {
            return call.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return otherwise.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure
                    ? failure
                    : new BackendUnavailableException(e.getCause().toString(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException("the request was interrupted (the server is stopping)", e);
        }
    }

    private boolean anyBrokerHasGroup(RocketMqCluster cluster, String group, Deadline deadline) {
        for (Map.Entry<String, String> broker : cluster.masterBrokers(deadline).entrySet()) {
            if (cluster.hasGroup(broker.getKey(), broker.getValue(), group, deadline)) {
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
