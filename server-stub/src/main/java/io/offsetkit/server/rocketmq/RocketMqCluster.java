package io.offsetkit.server.rocketmq;

import io.offsetkit.server.backend.BackendUnavailableException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.exception.RemotingConnectException;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.remoting.exception.RemotingTimeoutException;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.remoting.protocol.admin.TopicStatsTable;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.body.ConsumerConnection;
import org.apache.rocketmq.remoting.protocol.body.LockBatchRequestBody;
import org.apache.rocketmq.remoting.protocol.body.UnlockBatchRequestBody;
import org.apache.rocketmq.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * One RocketMQ cluster, reached through RocketMQ's own admin client: the few calls a reset and the
 * reads need, each addressed to a given broker (or to the name servers) and bounded by what is left
 * of its request's {@link Deadline}.
 * Every failure comes out as a {@link RocketMqCallException} that says which server failed and how.
 *
 * <p>The admin client starts at the first call (the backend makes one as it opens, in the background),
 * so that the server starts even when a cluster is down; it is thread-safe and shared by every reset of
 * the instance.
 */
final class RocketMqCluster implements AutoCloseable {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final RocketMqProperties.Instance instance;
    private final long timeoutMillis;
    private DefaultMQAdminExt admin;
    private boolean closed;

    RocketMqCluster(RocketMqProperties.Instance instance, long timeoutMillis) {
        this.instance = instance;
        this.timeoutMillis = timeoutMillis;
    }

    /** The instance this cluster stands for. */
    RocketMqProperties.Instance instance() {
        return instance;
    }

    /** The topic's route (its brokers and their queues), or empty when no broker has the topic. */
    Optional<TopicRouteData> route(String topic, Deadline deadline) {
        try {
            return Optional.of(call(
                    nameServers(),
                    deadline,
                    (api, timeout) -> api.getTopicRouteInfoFromNameServer(topic, timeout, false)));
        } catch (RocketMqCallException e) {
            if (e.responseCode() == ResponseCode.TOPIC_NOT_EXIST) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The address of every master broker of the cluster, by broker name. */
    Map<String, String> masterBrokers(Deadline deadline) {
        ClusterInfo info = call(nameServers(), deadline, (api, timeout) -> api.getBrokerClusterInfo(timeout));
        return masters(info.getBrokerAddrTable().values());
    }

    /** The master address of each broker of a route that has one, by broker name. */
    static Map<String, String> masters(TopicRouteData route) {
        return masters(route.getBrokerDatas());
    }

    private static Map<String, String> masters(Collection<BrokerData> brokers) {
        Map<String, String> masters = new TreeMap<>();
        for (BrokerData broker : brokers) {
            String address = broker.getBrokerAddrs().get(MixAll.MASTER_ID);
            if (address != null) {
                masters.put(broker.getBrokerName(), address);
            }
        }
        return masters;
    }

    /**
     * The broker's own reset (RIP-48, the default from RocketMQ 5.2.0): the broker finds each of its
     * queues' offsets for the time and writes them into the group's offset table, consumers online
     * or not. Brokers without it hand the reset to the group's online consumers instead (forced, so
     * offsets move both ways), and answer {@link ResponseCode#CONSUMER_NOT_ONLINE} when there is none.
     *
     * @return the queues of the topic on that broker and their new offsets
     */
    Map<MessageQueue, Long> resetOnBroker(
            String brokerName, String address, String topic, String group, long time, Deadline deadline) {
        return call(
                broker(brokerName, address),
                deadline,
                (api, timeout) -> api.invokeBrokerToResetOffset(address, topic, group, time, true, timeout));
    }

    /**
     * Whether the broker has a subscription group of that name. Reads the broker's whole table of
     * groups: asking for the one group would create it on a broker that creates groups on demand
     * (RocketMQ's default), and the answer would always be yes.
     */
    boolean hasGroup(String brokerName, String address, String group, Deadline deadline) {
        return call(
                        broker(brokerName, address),
                        deadline,
                        (api, timeout) -> api.getAllSubscriptionGroup(address, timeout))
                .getSubscriptionGroupTable()
                .containsKey(group);
    }

    /** The first offset of a queue whose store time is at or after {@code time}, clamped to the queue. */
    long offsetAt(String brokerName, String address, String topic, int queueId, long time, Deadline deadline) {
        return call(
                broker(brokerName, address),
                deadline,
                (api, timeout) -> api.searchOffset(address, topic, queueId, time, timeout));
    }

    /** The queue's max offset: the next offset to be written. */
    long maxOffset(String brokerName, String address, String topic, int queueId, Deadline deadline) {
        return call(
                broker(brokerName, address),
                deadline,
                (api, timeout) -> api.getMaxOffset(address, new MessageQueue(topic, brokerName, queueId), timeout));
    }

    /** Sets the group's committed offset of one queue, and waits for the broker's answer. */
    void commitOffset(
            String brokerName,
            String address,
            String group,
            String topic,
            int queueId,
            long offset,
            Deadline deadline) {
        UpdateConsumerOffsetRequestHeader header = new UpdateConsumerOffsetRequestHeader();
        header.setConsumerGroup(group);
        header.setTopic(topic);
        header.setQueueId(queueId);
        header.setCommitOffset(offset);
        header.setBrokerName(brokerName);
        call(broker(brokerName, address), deadline, (api, timeout) -> {
            api.updateConsumerOffset(address, header, timeout);
            return null;
        });
    }

    /**
     * The broker's queues of the topic: each one's min and max offset and the store time of its last
     * message ({@code GET_TOPIC_STATS_INFO}).
     */
    TopicStatsTable topicStats(String brokerName, String address, String topic, Deadline deadline) {
        return call(
                broker(brokerName, address),
                deadline,
                (api, timeout) -> api.getTopicStatsInfo(address, topic, timeout));
    }

    /**
     * The group's consume stats of the topic on the broker ({@code GET_CONSUME_STATS}), asked with the
     * topic as a list so that the broker does not drop a topic the group's online consumers do not
     * subscribe. The broker shows a queue the group has no offset on as offset 0.
     */
    ConsumeStats consumeStats(String brokerName, String address, String group, String topic, Deadline deadline) {
        return call(
                broker(brokerName, address),
                deadline,
                (api, timeout) -> api.getConsumeStats(address, group, List.of(topic), timeout));
    }

    /** The topics the group has consumer offsets on, on the broker ({@code QUERY_TOPICS_BY_CONSUMER}). */
    Set<String> topicsOfGroup(String brokerName, String address, String group, Deadline deadline) {
        return call(
                        broker(brokerName, address),
                        deadline,
                        (api, timeout) -> api.queryTopicsByConsumer(address, group, timeout))
                .getTopicList();
    }

    /**
     * The group's consumers connected to the broker, with the group's subscriptions ({@code
     * GET_CONSUMER_LIST_BY_GROUP}); empty when none is.
     */
    Optional<ConsumerConnection> connections(String brokerName, String address, String group, Deadline deadline) {
        try {
            return Optional.of(call(
                    broker(brokerName, address),
                    deadline,
                    (api, timeout) -> api.getConsumerConnectionList(address, group, timeout)));
        } catch (RocketMqCallException e) {
            if (e.responseCode() == ResponseCode.CONSUMER_NOT_ONLINE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Takes the broker's lock of {@code queue} for {@code owner}, as an orderly consumer locks a queue
     * ({@code LOCK_BATCH_MQ}): granted when no one else holds it, or when its holder's lease has
     * expired (the broker's {@code rocketmq.broker.rebalance.lockMaxLiveTime}, 60 s by default).
     *
     * @return whether the lock is now held by {@code owner}
     */
    boolean tryLock(
            String brokerName, String address, String group, MessageQueue queue, String owner, Deadline deadline) {
        LockBatchRequestBody body = new LockBatchRequestBody();
        body.setConsumerGroup(group);
        body.setClientId(owner);
        body.setMqSet(Set.of(queue));
        body.setOnlyThisBroker(true);
        return call(broker(brokerName, address), deadline, (api, timeout) -> api.lockBatchMQ(address, body, timeout))
                .contains(queue);
    }

    /**
     * Releases {@code owner}'s lock of {@code queue} ({@code UNLOCK_BATCH_MQ}); the broker ignores it
     * when someone else holds the lock. One way (no answer awaited) when the deadline has passed.
     */
    void unlock(String brokerName, String address, String group, MessageQueue queue, String owner, Deadline deadline) {
        UnlockBatchRequestBody body = new UnlockBatchRequestBody();
        body.setConsumerGroup(group);
        body.setClientId(owner);
        body.setMqSet(Set.of(queue));
        body.setOnlyThisBroker(true);
        boolean oneWay = deadline.passed();
        Deadline bound = oneWay ? Deadline.in(Math.max(1, Math.min(1000, deadline.budgetMillis()))) : deadline;
        call(broker(brokerName, address), bound, (api, timeout) -> {
            api.unlockBatchMQ(address, body, timeout, oneWay);
            return null;
        });
    }

    /** Stops the admin client, if it was started. */
    @Override
    public synchronized void close() {
        closed = true;
        if (admin != null) {
            admin.shutdown();
            admin = null;
        }
    }

    private synchronized MQClientAPIImpl api() {
        if (closed) {
            throw new BackendUnavailableException("the server is stopping");
        }
        if (admin == null) {
            DefaultMQAdminExt client = instance.hasCredentials()
                    ? new DefaultMQAdminExt(
                            new AclClientRPCHook(new SessionCredentials(instance.accessKey(), instance.secretKey())),
                            timeoutMillis)
                    : new DefaultMQAdminExt(timeoutMillis);
            client.setNamesrvAddr(instance.nameServer());
            // One client per instance and backend: RocketMQ shares a client between admin objects of
            // the same instance name, and one cluster's client must not serve another's.
            client.setInstanceName("offsetkit-" + instance.id() + "-" + CLIENTS.incrementAndGet());
            client.setMqClientApiTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis));
            try {
                client.start();
            } catch (MQClientException e) {
                throw new BackendUnavailableException(
                        "the RocketMQ admin client for instance '" + instance.id() + "' did not start: "
                                + e.getErrorMessage(),
                        e);
            }
            admin = client;
        }
        return admin.getDefaultMQAdminExtImpl().getMqClientInstance().getMQClientAPIImpl();
    }

    /** One request of RocketMQ's client API, given the milliseconds it may take. */
    @FunctionalInterface
    private interface Request<T> {
        T send(MQClientAPIImpl api, long timeoutMillis) throws Exception;
    }

    /**
     * Sends a request to {@code who} with what is left of the deadline as its timeout, turning every
     * way it can fail into a {@link RocketMqCallException}; when nothing is left, it is not sent.
     */
    private <T> T call(String who, Deadline deadline, Request<T> request) {
        MQClientAPIImpl api = api(); // the first call starts the client: that counts against the deadline too
        long timeout = deadline.remainingMillis();
        if (timeout <= 0) {
            throw new RocketMqCallException(
                    RocketMqCallException.TRANSPORT,
                    null,
                    who + " was not asked: the request's " + deadline.budgetMillis() + " ms had passed",
                    null);
        }
        try {
            return request.send(api, timeout);
        } catch (MQClientException e) {
            throw answered(who, e.getResponseCode(), e.getErrorMessage(), e);
        } catch (MQBrokerException e) {
            throw answered(who, e.getResponseCode(), e.getErrorMessage(), e);
        } catch (RemotingException e) {
            throw unreachable(who, deadline, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException("the request was interrupted (the server is stopping)", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RocketMqCallException(RocketMqCallException.TRANSPORT, null, who + " failed: " + e, e);
        }
    }

    private String nameServers() {
        return "the name server " + instance.nameServer();
    }

    private static String broker(String brokerName, String address) {
        return "the broker '" + brokerName + "' (" + address + ")";
    }

    private static RocketMqCallException answered(String who, int code, String remark, Exception cause) {
        return new RocketMqCallException(
                code, remark, who + " answered code " + code + (remark == null ? "" : ": " + firstLine(remark)), cause);
    }

    private static RocketMqCallException unreachable(String who, Deadline deadline, RemotingException e) {
        String how = e instanceof RemotingConnectException
                ? "could not be reached"
                : e instanceof RemotingTimeoutException
                        ? "did not answer within " + deadline.budgetMillis() + " ms"
                        : "failed to take the request";
        return new RocketMqCallException(RocketMqCallException.TRANSPORT, null, who + " " + how, e);
    }

    private static String firstLine(String remark) {
        int end = remark.indexOf('\n');
        String line = end < 0 ? remark : remark.substring(0, end);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
