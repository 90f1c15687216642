package io.offsetkit.server.operations;

import io.offsetkit.server.backend.ConsumerConnection;
import io.offsetkit.server.backend.GroupRef;
import io.offsetkit.server.backend.OffsetBackend;
import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.backend.QueueProgress;
import io.offsetkit.server.backend.QueueStatus;
import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.backend.TopicRef;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi;
import io.offsetkit.server.generated.model.ConsumerClient;
import io.offsetkit.server.generated.model.ConsumerProgressBroker;
import io.offsetkit.server.generated.model.ConsumerProgressQueue;
import io.offsetkit.server.generated.model.ConsumerSubscription;
import io.offsetkit.server.generated.model.ResetConsumeOffsetReq;
import io.offsetkit.server.generated.model.ResetConsumeOffsetResp;
import io.offsetkit.server.generated.model.ResetConsumeOffsetRespQueues;
import io.offsetkit.server.generated.model.ShowConsumerConnectionsResp;
import io.offsetkit.server.generated.model.ShowConsumerListOrDetailsResp;
import io.offsetkit.server.generated.model.ShowTopicStatusResp;
import io.offsetkit.server.generated.model.TopicStatusBroker;
import io.offsetkit.server.generated.model.TopicStatusQueue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The contract's four operations (the reset on both of its routes, and the three reads of the offset
 * workflow) over the {@link OffsetBackend}: each maps its typed arguments to the backend's call and the
 * backend's records to the generated answer model, by the model's named setters (so a renamed field
 * breaks this compile). Thin on purpose: the request path has checked every value against the contract
 * before it gets here (defaults applied) and maps the backend's failures to the documented errors.
 *
 * <p>Paging ({@code limit}, {@code offset}) cuts the backend's sorted list: an offset past the end gives
 * an empty page. {@code next_offset} is the next page's offset or {@code -1} on the last page; {@code
 * previous_offset} the previous page's offset (never below 0) or {@code -1} on the first. The answers
 * carry exactly the fields of their form: the generated models start their lists empty, so the fields
 * of the other form are set to null.
 *
 * <p>A reset first passes the {@link OnlineConsumerCheck} (when it is on, a group with no consumer online
 * is refused before anything changes), so that an offline group with an unknown topic is refused as
 * offline.
 */
public final class ConsumerOffsetsHandler implements ConsumerOffsetsApi {

    private final OffsetBackend backend;
    private final OnlineConsumerCheck onlineConsumer;

    /** The operations over {@code backend}, a reset needing no consumer online. */
    public ConsumerOffsetsHandler(OffsetBackend backend) {
        this(backend, OnlineConsumerCheck.off());
    }

    /**
     * @param onlineConsumer whether a reset needs a consumer of the group online ({@code DMS.50050004}
     *     otherwise), checked before the backend resets
     */
    public ConsumerOffsetsHandler(OffsetBackend backend, OnlineConsumerCheck onlineConsumer) {
        this.backend = backend;
        this.onlineConsumer = onlineConsumer;
    }

    @Override
    public CompletionStage<ResetConsumeOffsetResp> resetConsumeOffset(
            String engine, String projectId, String instanceId, String group, ResetConsumeOffsetReq request) {
        // Both engines, rocketmq and its alias reliability, are the same reset.
        return reset(projectId, instanceId, group, request);
    }

    @Override
    public CompletionStage<ResetConsumeOffsetResp> resetConsumeOffsetForRocketMq(
            String projectId, String instanceId, String group, ResetConsumeOffsetReq request) {
        return reset(projectId, instanceId, group, request);
    }

    @Override
    public CompletionStage<ShowConsumerListOrDetailsResp> showConsumerListOrDetails(
            String projectId, String instanceId, String group, String topic, Integer limit, Integer offset) {
        return CompletableFuture.completedFuture(
                consumerListOrDetails(projectId, instanceId, group, topic, limit, offset));
    }

    private ShowConsumerListOrDetailsResp consumerListOrDetails(
            String projectId, String instanceId, String group, String topic, Integer limit, Integer offset) {
        if (topic == null) {
            List<String> topics = backend.groupTopics(new GroupRef(projectId, instanceId, group));
            return new ShowConsumerListOrDetailsResp()
                    .topics(Paging.page(topics, limit, offset))
                    .total(topics.size())
                    .brokers(null);
        }
        List<QueueProgress> queues = backend.groupProgress(new ResetTarget(projectId, instanceId, group, topic));
        long lag = 0;
        long maxOffset = 0;
        long consumerOffset = 0;
        List<ConsumerProgressBroker> brokers = new ArrayList<>();
        ConsumerProgressBroker broker = null;
        for (QueueProgress queue : queues) {
            if (broker == null || !broker.getBrokerName().equals(queue.brokerName())) {
                broker = new ConsumerProgressBroker().brokerName(queue.brokerName());
                brokers.add(broker);
            }
            broker.addQueuesItem(new ConsumerProgressQueue()
                    .id(queue.queueId())
                    .lag(queue.lag())
                    .brokerOffset(queue.brokerOffset())
                    .consumerOffset(queue.consumerOffset())
                    .lastMessageTime(queue.lastMessageTime()));
            lag += queue.lag();
            maxOffset += queue.brokerOffset();
            consumerOffset += queue.consumerOffset();
        }
        return new ShowConsumerListOrDetailsResp()
                .topics(null)
                .lag(lag)
                .maxOffset(maxOffset)
                .consumerOffset(consumerOffset)
                .brokers(brokers);
    }

    @Override
    public CompletionStage<ShowTopicStatusResp> showTopicStatus(String projectId, String instanceId, String topic) {
        return CompletableFuture.completedFuture(topicStatus(projectId, instanceId, topic));
    }

    private ShowTopicStatusResp topicStatus(String projectId, String instanceId, String topic) {
        List<QueueStatus> queues = backend.topicStatus(new TopicRef(projectId, instanceId, topic));
        long minOffset = 0;
        long maxOffset = 0;
        List<TopicStatusBroker> brokers = new ArrayList<>();
        TopicStatusBroker broker = null;
        for (QueueStatus queue : queues) {
            if (broker == null || !broker.getBrokerName().equals(queue.brokerName())) {
                broker = new TopicStatusBroker().brokerName(queue.brokerName());
                brokers.add(broker);
            }
            broker.addQueuesItem(new TopicStatusQueue()
                    .id(queue.queueId())
                    .minOffset(queue.minOffset())
                    .maxOffset(queue.maxOffset())
                    .lastMessageTime(queue.lastMessageTime()));
            minOffset += queue.minOffset();
            maxOffset += queue.maxOffset();
        }
        return new ShowTopicStatusResp()
                .minOffset(minOffset)
                .maxOffset(maxOffset)
                .brokers(brokers);
    }

    @Override
    public CompletionStage<ShowConsumerConnectionsResp> showConsumerConnections(
            String projectId, String instanceId, String group, Integer limit, Integer offset, Boolean isDetail) {
        return CompletableFuture.completedFuture(
                consumerConnections(projectId, instanceId, group, limit, offset, isDetail));
    }

    private ShowConsumerConnectionsResp consumerConnections(
            String projectId, String instanceId, String group, Integer limit, Integer offset, Boolean isDetail) {
        List<ConsumerConnection> consumers = backend.consumers(new GroupRef(projectId, instanceId, group));
        List<ConsumerClient> clients = new ArrayList<>();
        for (ConsumerConnection consumer : Paging.page(consumers, limit, offset)) {
            clients.add(client(consumer, isDetail));
        }
        return new ShowConsumerConnectionsResp()
                .groupName(group)
                .online(!consumers.isEmpty())
                .subscriptionConsistency(subscribeAlike(consumers))
                .total(consumers.size())
                .nextOffset(Paging.nextOffset(consumers.size(), limit, offset))
                .previousOffset(Paging.previousOffset(limit, offset))
                .clients(clients);
    }

    private static ConsumerClient client(ConsumerConnection consumer, boolean withSubscriptions) {
        ConsumerClient client = new ConsumerClient()
                .language(consumer.language())
                .version(consumer.version())
                .clientId(consumer.clientId())
                .clientAddr(consumer.clientAddr())
                .subscriptions(null);
        if (withSubscriptions) {
            List<ConsumerSubscription> subscriptions = new ArrayList<>();
            for (ConsumerConnection.Subscription subscription : consumer.subscriptions()) {
                subscriptions.add(new ConsumerSubscription()
                        .topic(subscription.topic())
                        .type(subscription.type())
                        .expression(subscription.expression()));
            }
            client.subscriptions(subscriptions);
        }
        return client;
    }

    /** Whether every connected consumer subscribes the same (true for none or one, as nothing differs). */
    private static boolean subscribeAlike(List<ConsumerConnection> consumers) {
        for (ConsumerConnection consumer : consumers) {
            if (!new HashSet<>(consumer.subscriptions())
                    .equals(new HashSet<>(consumers.get(0).subscriptions()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The reset, answered once the backend has committed the new offsets ({@link
     * OffsetBackend#resetByTimeAsync}): on the embedded store, by the thread that forced them to disk.
     */
    private CompletionStage<ResetConsumeOffsetResp> reset(
            String projectId, String instanceId, String group, ResetConsumeOffsetReq request) {
        // The service's precondition first: an unknown instance or group is still a 404, from the check's read.
        onlineConsumer.check(backend, new GroupRef(projectId, instanceId, group));
        return backend.resetByTimeAsync(
                        new ResetTarget(projectId, instanceId, group, request.getTopic()), request.getTimestamp())
                .thenApply(ConsumerOffsetsHandler::resetAnswer);
    }

    private static ResetConsumeOffsetResp resetAnswer(List<QueueOffset> offsets) {
        List<ResetConsumeOffsetRespQueues> queues = new ArrayList<>(offsets.size());
        for (QueueOffset offset : offsets) {
            queues.add(new ResetConsumeOffsetRespQueues()
                    .brokerName(offset.brokerName())
                    .queueId(offset.queueId())
                    .timestampOffset(offset.offset()));
        }
        return new ResetConsumeOffsetResp().queues(queues);
    }
}
