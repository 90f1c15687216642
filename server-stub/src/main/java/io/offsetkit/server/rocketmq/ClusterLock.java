package io.offsetkit.server.rocketmq;

import io.offsetkit.server.backend.BackendUnavailableException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.common.message.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock that makes the resets of one group and topic, and the reads of its progress, run one at a
 * time across every gateway in front of the cluster: RocketMQ's own queue lock, the one an orderly
 * consumer takes on the broker before it consumes a queue ({@code LOCK_BATCH_MQ} / {@code
 * UNLOCK_BATCH_MQ}), taken on one broker of the topic.
 *
 * <ul>
 *   <li><b>Which broker</b>: one of the topic's route, chosen from the group and topic ({@link
 *       #brokerFor}), so that the locks of many groups spread over the brokers. Every gateway reads
 *       the same route and computes the same choice, so every gateway asks the same broker; and that
 *       broker holds queues of the topic, so when it is down no reset of the topic could apply whole
 *       anyway.
 *   <li><b>Which lock</b>: group {@value #LOCK_GROUP}, queue (topic, group, 0): a key no consumer
 *       ever locks (its "broker name" is the group's name), so a reset never waits for, nor blocks,
 *       the group's own orderly consumers, and the broker removes the entry at the unlock.
 *   <li><b>Who holds it</b>: one owner per call, unique across processes and hosts, so that an
 *       unlock that arrives late can never release a later holder's lock.
 *   <li><b>How long</b>: until the unlock, or the broker's lease ({@code
 *       rocketmq.broker.rebalance.lockMaxLiveTime}, 60 s by default) if the gateway dies holding
 *       it. The request timeout must stay below the lease.
 * </ul>
 *
 * The broker answers a lock request at once (granted or not), so a gateway waiting for the lock asks
 * again after a short pause, doubling up to {@value #MAX_PAUSE_MILLIS} ms, until the request's
 * deadline.
 */
final class ClusterLock {

    /** The consumer group the broker files the locks under. */
    static final String LOCK_GROUP = "offsetkit_reset_lock";

    private static final Logger log = LoggerFactory.getLogger(ClusterLock.class);

    private static final long MAX_PAUSE_MILLIS = 20;

    /** This process, for the brokers' logs: the JVM's pid@host, and a random part unique per backend. */
    private final String process = ManagementFactory.getRuntimeMXBean().getName() + "#"
            + UUID.randomUUID().toString().substring(0, 8);

    private final AtomicLong calls = new AtomicLong();

    /**
     * A lock held; {@link #close()} releases it. A release that fails is logged and not thrown: what
     * the request did stands, and the lock lapses with the broker's lease.
     */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The broker that holds the lock of a group and topic: one of the route's brokers, picked by a hash
     * of the group and topic that every gateway computes alike ({@link String#hashCode} is specified).
     *
     * @param brokers the route's brokers (with a master), sorted by name; not empty
     */
    static String brokerFor(String group, String topic, List<String> brokers) {
        int hash = (group + '\n' + topic).hashCode();
        return brokers.get(Math.floorMod(hash, brokers.size()));
    }

    /**
     * Waits for the lock of the group and topic on {@code brokerName}, at most until the deadline.
     *
     * @throws BackendUnavailableException when another holder keeps it until the deadline
     * @throws RocketMqCallException when the broker cannot be asked
     */
    Held acquire(
            RocketMqCluster cluster, String brokerName, String address, String group, String topic, Deadline deadline) {
        String owner = process + "-" + calls.incrementAndGet();
        MessageQueue key = new MessageQueue(topic, group, 0);
        long pause = 1;
        while (!tryLock(cluster, brokerName, address, key, owner, deadline)) {
            if (deadline.remainingMillis() <= pause) {
                throw new BackendUnavailableException("another reset of the group '" + group + "' on the topic '"
                        + topic + "' held the cluster's lock (on the broker '" + brokerName + "') for the whole "
                        + deadline.budgetMillis() + " ms of the request; nothing was changed");
            }
            try {
                Thread.sleep(pause + ThreadLocalRandom.current().nextLong(pause + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendUnavailableException("the request was interrupted (the server is stopping)", e);
            }
            pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
        }
        return () -> {
            try {
                cluster.unlock(brokerName, address, LOCK_GROUP, key, owner, deadline);
            } catch (RocketMqCallException e) {
                // What the request did stands (its answer says it); the lock it could not release
                // lapses with the broker's lease, and no later holder is released by mistake.
                log.warn(
                        "the cluster's lock of group {} on topic {} was not released: {}",
                        group,
                        topic,
                        e.getMessage());
            }
        };
    }

    /**
     * One lock request. When it gets no answer, the broker may still grant it later, to an owner that
     * will never release it: an unlock follows (one way), so that the lock does not stay taken for a
     * whole lease; it releases nothing else, the owner being this request's alone.
     */
    private static boolean tryLock(
            RocketMqCluster cluster,
            String brokerName,
            String address,
            MessageQueue key,
            String owner,
            Deadline deadline) {
        try {
            return cluster.tryLock(brokerName, address, LOCK_GROUP, key, owner, deadline);
        } catch (RocketMqCallException e) {
            if (e.responseCode() == RocketMqCallException.TRANSPORT) {
                try {
                    cluster.unlock(brokerName, address, LOCK_GROUP, key, owner, deadline);
                } catch (RuntimeException unlockFailed) {
                    e.addSuppressed(unlockFailed);
                }
            }
            throw e;
        }
    }
}
