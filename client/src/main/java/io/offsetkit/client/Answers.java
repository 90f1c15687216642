package io.offsetkit.client;

import io.offsetkit.client.generated.model.ConsumerClient;
import io.offsetkit.client.generated.model.ConsumerProgressBroker;
import io.offsetkit.client.generated.model.ConsumerProgressQueue;
import io.offsetkit.client.generated.model.ConsumerSubscription;
import io.offsetkit.client.generated.model.ResetConsumeOffsetResp;
import io.offsetkit.client.generated.model.ResetConsumeOffsetRespQueues;
import io.offsetkit.client.generated.model.ShowConsumerConnectionsResp;
import io.offsetkit.client.generated.model.ShowConsumerListOrDetailsResp;
import io.offsetkit.client.generated.model.ShowTopicStatusResp;
import io.offsetkit.client.generated.model.TopicStatusBroker;
import io.offsetkit.client.generated.model.TopicStatusQueue;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns the body of a 2xx answer, read as the contract's generated model, into the client's typed
 * result. Each answer reads through its generated model, so a field renamed in the contract breaks
 * this class's compile, not a call at run time; and each reader is typed by the model the generated
 * request of its operation names ({@code ConsumerOffsetsRequests.Request<A>}), so an operation that
 * answers another model breaks the call that pairs them.
 *
 * <p>The contract marks no field of the reads' answers required (the vendor's SDK marks none), but
 * a result cannot be built without them: a missing one is {@link Unreadable}, naming the field by
 * its JSON path. The generated models start their lists empty, so a missing array is caught on the
 * tree. Immutable and thread-safe.
 */
final class Answers {

    /** Why a 2xx body cannot be the result: the words after "with a body the contract does not allow:". */
    static final class Unreadable extends RuntimeException {
        Unreadable(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * Reads one kind of answer from its body's JSON tree.
     *
     * @param <A> the generated model of the answer, as the operation's request names it
     * @param <T> the client's result
     */
    @FunctionalInterface
    interface Reader<A, T> {

        /**
         * @param tree the body, a JSON object
         * @param model the class of the generated model to read it as
         * @param requestId the answer's {@code X-Request-Id}, or null
         */
        T read(JsonNode tree, Class<A> model, String requestId);
    }

    private final ObjectMapper mapper;

    Answers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Reader<ResetConsumeOffsetResp, ResetResult> reset() {
        return (tree, model, requestId) -> {
            requireArray(tree, "queues");
            ResetConsumeOffsetResp parsed = mapper.treeToValue(tree, model);
            List<QueueOffset> queues = new ArrayList<>(parsed.getQueues().size());
            for (int i = 0; i < parsed.getQueues().size(); i++) {
                ResetConsumeOffsetRespQueues queue = parsed.getQueues().get(i);
                if (queue == null
                        || queue.getBrokerName() == null
                        || queue.getQueueId() == null
                        || queue.getTimestampOffset() == null) {
                    throw new Unreadable("queues[" + i + "] lacks broker_name, queue_id or timestamp_offset");
                }
                queues.add(new QueueOffset(queue.getBrokerName(), queue.getQueueId(), queue.getTimestampOffset()));
            }
            return new ResetResult(queues, requestId);
        };
    }

    Reader<ShowConsumerListOrDetailsResp, GroupTopicsPage> groupTopics(int offset) {
        return (tree, model, requestId) -> {
            requireArray(tree, "topics");
            ShowConsumerListOrDetailsResp parsed = mapper.treeToValue(tree, model);
            List<String> topics = new ArrayList<>(parsed.getTopics().size());
            for (int i = 0; i < parsed.getTopics().size(); i++) {
                topics.add(required(parsed.getTopics().get(i), "topics[" + i + "]"));
            }
            return new GroupTopicsPage(topics, required(parsed.getTotal(), "total"), offset, requestId);
        };
    }

    Reader<ShowConsumerListOrDetailsResp, ConsumerProgress> groupProgress(String topic) {
        return (tree, model, requestId) -> {
            requireArray(tree, "brokers");
            ShowConsumerListOrDetailsResp parsed = mapper.treeToValue(tree, model);
            List<QueueProgress> queues = new ArrayList<>();
            for (int b = 0; b < parsed.getBrokers().size(); b++) {
                ConsumerProgressBroker broker = required(parsed.getBrokers().get(b), "brokers[" + b + "]");
                String at = "brokers[" + b + "]";
                String brokerName = required(broker.getBrokerName(), at + ".broker_name");
                requireArray(tree.path("brokers").path(b), at, "queues");
                for (int q = 0; q < broker.getQueues().size(); q++) {
                    String queueAt = at + ".queues[" + q + "]";
                    ConsumerProgressQueue queue = required(broker.getQueues().get(q), queueAt);
                    queues.add(new QueueProgress(
                            brokerName,
                            required(queue.getId(), queueAt + ".id"),
                            required(queue.getBrokerOffset(), queueAt + ".broker_offset"),
                            required(queue.getConsumerOffset(), queueAt + ".consumer_offset"),
                            required(queue.getLag(), queueAt + ".lag"),
                            required(queue.getLastMessageTime(), queueAt + ".last_message_time")));
                }
            }
            return new ConsumerProgress(
                    topic,
                    required(parsed.getLag(), "lag"),
                    required(parsed.getMaxOffset(), "max_offset"),
                    required(parsed.getConsumerOffset(), "consumer_offset"),
                    queues,
                    requestId);
        };
    }

    Reader<ShowTopicStatusResp, TopicStatus> topicStatus(String topic) {
        return (tree, model, requestId) -> {
            requireArray(tree, "brokers");
            ShowTopicStatusResp parsed = mapper.treeToValue(tree, model);
            List<QueueStatus> queues = new ArrayList<>();
            for (int b = 0; b < parsed.getBrokers().size(); b++) {
                TopicStatusBroker broker = required(parsed.getBrokers().get(b), "brokers[" + b + "]");
                String at = "brokers[" + b + "]";
                String brokerName = required(broker.getBrokerName(), at + ".broker_name");
                requireArray(tree.path("brokers").path(b), at, "queues");
                for (int q = 0; q < broker.getQueues().size(); q++) {
                    String queueAt = at + ".queues[" + q + "]";
                    TopicStatusQueue queue = required(broker.getQueues().get(q), queueAt);
                    queues.add(new QueueStatus(
                            brokerName,
                            required(queue.getId(), queueAt + ".id"),
                            required(queue.getMinOffset(), queueAt + ".min_offset"),
                            required(queue.getMaxOffset(), queueAt + ".max_offset"),
                            required(queue.getLastMessageTime(), queueAt + ".last_message_time")));
                }
            }
            return new TopicStatus(
                    topic,
                    required(parsed.getMinOffset(), "min_offset"),
                    required(parsed.getMaxOffset(), "max_offset"),
                    queues,
                    requestId);
        };
    }

    Reader<ShowConsumerConnectionsResp, ConsumersPage> consumers() {
        return (tree, model, requestId) -> {
            requireArray(tree, "clients");
            ShowConsumerConnectionsResp parsed = mapper.treeToValue(tree, model);
            List<ConsumerInfo> consumers = new ArrayList<>(parsed.getClients().size());
            for (int c = 0; c < parsed.getClients().size(); c++) {
                String at = "clients[" + c + "]";
                ConsumerClient client = required(parsed.getClients().get(c), at);
                List<Subscription> subscriptions = new ArrayList<>();
                // Without is_detail the server may leave subscriptions out (or null): none listed.
                List<ConsumerSubscription> listed =
                        client.getSubscriptions() == null ? List.of() : client.getSubscriptions();
                for (int s = 0; s < listed.size(); s++) {
                    String subscriptionAt = at + ".subscriptions[" + s + "]";
                    ConsumerSubscription subscription = required(listed.get(s), subscriptionAt);
                    subscriptions.add(new Subscription(
                            required(subscription.getTopic(), subscriptionAt + ".topic"),
                            subscription.getType(),
                            subscription.getExpression()));
                }
                consumers.add(new ConsumerInfo(
                        required(client.getClientId(), at + ".client_id"),
                        client.getClientAddr(),
                        client.getLanguage(),
                        client.getVersion(),
                        subscriptions));
            }
            return new ConsumersPage(
                    required(parsed.getGroupName(), "group_name"),
                    required(parsed.getOnline(), "online"),
                    required(parsed.getSubscriptionConsistency(), "subscription_consistency"),
                    required(parsed.getTotal(), "total"),
                    required(parsed.getNextOffset(), "next_offset"),
                    required(parsed.getPreviousOffset(), "previous_offset"),
                    consumers,
                    requestId);
        };
    }

    private static void requireArray(JsonNode tree, String field) {
        if (!tree.path(field).isArray()) {
            throw new Unreadable("it has no \"" + field + "\" array");
        }
    }

    private static void requireArray(JsonNode tree, String at, String field) {
        if (!tree.path(field).isArray()) {
            throw new Unreadable(at + " has no \"" + field + "\" array");
        }
    }

    private static <V> V required(V value, String path) {
        if (value == null) {
            throw new Unreadable(path + " is missing");
        }
        return value;
    }
}
