package io.offsetkit.server.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.offsetkit.server.backend.ConsumerConnection;
import io.offsetkit.server.backend.OffsetBackendException;
import io.offsetkit.server.error.BackendRefusals;
import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.error.ErrorText;
import io.offsetkit.server.fault.Faults;
import io.offsetkit.server.store.Consumers;
import io.offsetkit.server.store.EmbeddedStore;
import io.offsetkit.server.store.GroupConsumer;
import io.offsetkit.server.store.InstanceView;
import io.offsetkit.server.store.Names;
import io.offsetkit.server.store.OffsetRange;
import io.offsetkit.server.store.QueueState;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The emulator's control plane over the embedded store, outside the contract's paths: create
 * instances, topics and groups, append message store timestamps to a queue, read a group's offsets
 * back, delete a topic or a group again, declare a group's consumers and set them online or offline
 * (its document: {@code admin-openapi.yaml}). Every input is checked, with the store's own name
 * rules; every failure is a {@link DmsException} with the documented DMS codes: unknown instance 404
 * {@code DMS.00404022}, unknown group 404 {@code DMS.10240405}, unknown topic 400 {@code DMS.00400876},
 * an empty body 400 {@code DMS.00400004}, a body that is not JSON 400 {@code DMS.00400005}, anything
 * else refused (a bad name or field, an unknown broker or queue, another project, {@code min_offset} on
 * a queue with messages) 400 {@code DMS.00400800}. Who may call it is the request path's concern
 * ({@link AdminAccess}).
 *
 * <p>Each operation is also a typed method ({@link #putInstance}, {@link #putTopic}, {@link
 * #putGroup}, {@link #appendMessages}, {@link #offsets}, {@link #putConsumers}, {@link #consumers},
 * {@link #setConsumerOnline}): the HTTP route reads its JSON and calls it,
 * and the emulator's fixture calls it directly, so both refuse the same input with the same words.
 */
public final class AdminApi {

    /** Every admin route starts with this. */
    public static final String PREFIX = "/admin";

    /** Where the admin API's OpenAPI document is served. */
    public static final String OPENAPI = PREFIX + "/openapi.yaml";

    /** The most store timestamps one append request may carry. */
    public static final int MAX_TIMESTAMPS_PER_REQUEST = 100_000;

    /** The largest admin request body, in bytes (100,000 timestamps of 20 digits fit). */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    /** The admin API's operations, each with its route. */
    public enum Operation {
        PUT_INSTANCE("PUT", PREFIX + "/instances/{instance_id}"),
        PUT_TOPIC("PUT", PREFIX + "/instances/{instance_id}/topics/{topic}"),
        PUT_GROUP("PUT", PREFIX + "/instances/{instance_id}/groups/{group}"),
        APPEND_MESSAGES(
                "POST", PREFIX + "/instances/{instance_id}/topics/{topic}/brokers/{broker}/queues/{queue_id}/messages"),
        OFFSETS("GET", PREFIX + "/instances/{instance_id}/groups/{group}/offsets"),
        DELETE_TOPIC("DELETE", PREFIX + "/instances/{instance_id}/topics/{topic}"),
        DELETE_GROUP("DELETE", PREFIX + "/instances/{instance_id}/groups/{group}"),
        PUT_CONSUMERS("PUT", PREFIX + "/instances/{instance_id}/groups/{group}/consumers"),
        CONSUMERS("GET", PREFIX + "/instances/{instance_id}/groups/{group}/consumers"),
        PUT_CONSUMER_ONLINE("PUT", PREFIX + "/instances/{instance_id}/groups/{group}/consumers/{client_id}/online"),
        ADD_FAULT("POST", PREFIX + "/faults"),
        FAULTS("GET", PREFIX + "/faults"),
        DELETE_FAULTS("DELETE", PREFIX + "/faults"),
        DELETE_FAULT("DELETE", PREFIX + "/faults/{fault_id}"),
        FAULT_JOURNAL("GET", PREFIX + "/faults/journal");

        private final String method;
        private final String pathTemplate;

        Operation(String method, String pathTemplate) {
            this.method = method;
            this.pathTemplate = pathTemplate;
        }

        /** The HTTP method. */
        public String method() {
            return method;
        }

        /** The route, with its path parameters in braces. */
        public String pathTemplate() {
            return pathTemplate;
        }
    }

    private final EmbeddedStore store;
    private final FaultRequests faults;

    /** The admin API over a store, with faults of its own (the emulator's fixture calls use no fault). */
    public AdminApi(EmbeddedStore store) {
        this(store, new Faults());
    }

    /** The admin API over a store and the faults on demand of the server's request path. */
    public AdminApi(EmbeddedStore store, Faults faults) {
        this.store = store;
        this.faults = new FaultRequests(faults);
    }

    /**
     * Performs one operation.
     *
     * @param path the decoded path parameters
     * @param query the decoded query parameters
     * @param body the request body, at most {@link #MAX_BODY_BYTES}, declared as JSON (the request path
     *     applies the limit and the media-type rule, as for the contract's operations)
     * @return the answer's JSON body (status 200)
     * @throws DmsException with the documented code when the input or the store refuses
     */
    public byte[] perform(Operation operation, Map<String, String> path, Map<String, String> query, byte[] body) {
        return AdminJson.mapper()
                .writeValueAsBytes(
                        switch (operation) {
                            case PUT_INSTANCE -> putInstance(path, body);
                            case PUT_TOPIC -> putTopic(path, body);
                            case PUT_GROUP -> putGroup(path, body);
                            case APPEND_MESSAGES -> appendMessages(path, body);
                            case OFFSETS -> offsets(path, query);
                            case DELETE_TOPIC -> deleteTopic(path, body);
                            case DELETE_GROUP -> deleteGroup(path, body);
                            case PUT_CONSUMERS -> putConsumers(path, body);
                            case CONSUMERS -> consumers(path, body);
                            case PUT_CONSUMER_ONLINE -> putConsumerOnline(path, body);
                            case ADD_FAULT -> faults.add(body);
                            case FAULTS -> faults.list(body);
                            case DELETE_FAULTS -> faults.removeAll(body);
                            case DELETE_FAULT -> faults.remove(path, body);
                            case FAULT_JOURNAL -> faults.journal(body);
                        });
    }

    /**
     * Creates an instance, or adds brokers to it ({@code PUT /admin/instances/{instance_id}}).
     *
     * @throws DmsException 400 {@code DMS.00400800} for a bad name, or an instance of another project
     */
    public InstanceView putInstance(String instanceId, String projectId, List<String> brokers) {
        checked(Names::instanceId, instanceId);
        checked(Names::projectId, projectId);
        brokers.forEach(broker -> checked(Names::broker, broker));
        return mapped(() -> store.putInstance(instanceId, projectId, brokers));
    }

    /**
     * Creates a topic, or adds queues to it ({@code PUT /admin/instances/{instance_id}/topics/{topic}}).
     *
     * @param queues queue count per broker, each 1 to {@value EmbeddedStore#MAX_QUEUES_PER_BROKER}
     * @throws DmsException 404 {@code DMS.00404022} for an unknown instance; 400 {@code DMS.00400800}
     *     for a bad name or count, or a broker the instance does not have
     */
    public InstanceView.TopicView putTopic(String instanceId, String topic, Map<String, Integer> queues) {
        checked(Names::instanceId, instanceId);
        checked(Names::topic, topic);
        if (queues.isEmpty()) {
            throw AdminJson.invalid("queues must name at least one broker");
        }
        queues.forEach((broker, count) -> {
            checked(Names::broker, broker);
            String name = "queues." + ErrorText.shown(broker);
            if (count == null || count < 1 || count > EmbeddedStore.MAX_QUEUES_PER_BROKER) {
                throw AdminJson.invalid(
                        name + " must be between 1 and " + EmbeddedStore.MAX_QUEUES_PER_BROKER + ", was " + count);
            }
        });
        return mapped(() -> store.putTopic(instanceId, topic, queues));
    }

    /**
     * Creates a consumer group ({@code PUT /admin/instances/{instance_id}/groups/{group}}).
     *
     * @throws DmsException 404 {@code DMS.00404022} for an unknown instance; 400 {@code DMS.00400800}
     *     for a bad name
     */
    public void putGroup(String instanceId, String group) {
        checked(Names::instanceId, instanceId);
        checked(Names::group, group);
        mapped(() -> {
            store.putGroup(instanceId, group);
            return null;
        });
    }

    /**
     * Appends messages with these store timestamps to a queue ({@code POST
     * /admin/instances/{instance_id}/topics/{topic}/brokers/{broker}/queues/{queue_id}/messages}).
     *
     * @param storeTimestamps milliseconds since the epoch, each {@code >= 0}, in offset order
     * @param minOffset the queue's first offset, only while it is empty; or null
     * @return the queue's offsets after the append
     * @throws DmsException 404 {@code DMS.00404022} for an unknown instance; 400 {@code DMS.00400876}
     *     for an unknown topic; 400 {@code DMS.00400800} for a bad name, queue id or time, a queue the
     *     broker does not have, or a min offset on a queue with messages
     */
    public OffsetRange appendMessages(
            String instanceId, String topic, String broker, int queueId, long[] storeTimestamps, Long minOffset) {
        checked(Names::instanceId, instanceId);
        checked(Names::topic, topic);
        checked(Names::broker, broker);
        if (queueId < 0 || queueId >= EmbeddedStore.MAX_QUEUES_PER_BROKER) {
            throw invalidQueueId(Integer.toString(queueId));
        }
        for (int i = 0; i < storeTimestamps.length; i++) {
            AdminJson.requireNonNegative("store_timestamps[" + i + "]", storeTimestamps[i]);
        }
        if (minOffset != null) {
            AdminJson.requireNonNegative("min_offset", minOffset);
        }
        return mapped(() -> store.append(
                instanceId,
                topic,
                broker,
                queueId,
                storeTimestamps,
                minOffset == null ? OptionalLong.empty() : OptionalLong.of(minOffset)));
    }

    /**
     * A group's committed offset on every queue of a topic ({@code GET
     * /admin/instances/{instance_id}/groups/{group}/offsets?topic=}).
     *
     * @throws DmsException 404 {@code DMS.00404022} or {@code DMS.10240405} for an unknown instance or
     *     group, 400 {@code DMS.00400876} for an unknown topic, 400 {@code DMS.00400800} for a bad name
     */
    public List<QueueState> offsets(String instanceId, String group, String topic) {
        checked(Names::instanceId, instanceId);
        checked(Names::group, group);
        checked(Names::topic, topic);
        return mapped(() -> store.offsets(instanceId, group, topic));
    }

    /**
     * Declares a group's consumers, replacing those it had ({@code PUT
     * /admin/instances/{instance_id}/groups/{group}/consumers}); an empty list declares none.
     *
     * @return every consumer of the group now, sorted by client id
     * @throws DmsException 404 {@code DMS.00404022} or {@code DMS.10240405} for an unknown instance or
     *     group; 400 {@code DMS.00400800} for a bad name, or a consumer that breaks {@link Consumers}'
     *     rules, naming the field
     */
    public List<GroupConsumer> putConsumers(String instanceId, String group, List<GroupConsumer> consumers) {
        checked(Names::instanceId, instanceId);
        checked(Names::group, group);
        return mapped(() -> store.putConsumers(instanceId, group, consumers, true));
    }

    /**
     * Declares one consumer of a group: added, or replacing the one of its client id; the others stay
     * (no route of its own: the emulator's fixture calls it).
     *
     * @return every consumer of the group now, sorted by client id
     * @throws DmsException as {@link #putConsumers}
     */
    public List<GroupConsumer> putConsumer(String instanceId, String group, GroupConsumer consumer) {
        checked(Names::instanceId, instanceId);
        checked(Names::group, group);
        return mapped(() -> store.putConsumers(instanceId, group, List.of(consumer), false));
    }

    /**
     * Sets one consumer of a group online or offline ({@code PUT
     * /admin/instances/{instance_id}/groups/{group}/consumers/{client_id}/online}).
     *
     * @return the consumer now
     * @throws DmsException 404 {@code DMS.00404022} or {@code DMS.10240405} for an unknown instance or
     *     group; 400 {@code DMS.00400800} for a bad name, or a client id the group has no consumer of
     */
    public GroupConsumer setConsumerOnline(String instanceId, String group, String clientId, boolean online) {
        checked(Names::instanceId, instanceId);
        checked(Names::group, group);
        checked(value -> Consumers.clientId("client_id", value), clientId);
        return mapped(() -> store.setConsumerOnline(instanceId, group, clientId, online));
    }

    /**
     * Every consumer declared in a group, online or not, sorted by client id ({@code GET
     * /admin/instances/{instance_id}/groups/{group}/consumers}).
     *
     * @throws DmsException 404 {@code DMS.00404022} or {@code DMS.10240405} for an unknown instance or
     *     group; 400 {@code DMS.00400800} for a bad name
     */
    public List<GroupConsumer> consumers(String instanceId, String group) {
        checked(Names::instanceId, instanceId);
        checked(Names::group, group);
        return mapped(() -> store.declaredConsumers(instanceId, group));
    }

    /**
     * An instance as the store holds it now (no route of its own: the emulator's fixture reads it).
     *
     * @throws DmsException 404 {@code DMS.00404022} for an unknown instance; 400 {@code DMS.00400800}
     *     for a bad name
     */
    public InstanceView instance(String instanceId) {
        checked(Names::instanceId, instanceId);
        return mapped(() -> store.instance(instanceId));
    }

    /**
     * A topic of an instance as the store holds it now (no route of its own: the emulator's fixture
     * reads it).
     *
     * @throws DmsException 404 {@code DMS.00404022} for an unknown instance, 400 {@code DMS.00400876}
     *     for an unknown topic
     */
    public InstanceView.TopicView topic(String instanceId, String topic) {
        checked(Names::topic, topic);
        checked(Names::instanceId, instanceId);
        return mapped(() -> store.topic(instanceId, topic));
    }

    /**
     * Deletes a topic with its messages and every group's offsets on it ({@code DELETE
     * /admin/instances/{instance_id}/topics/{topic}}): what a test created goes when it is done.
     *
     * @throws DmsException 404 {@code DMS.00404022} for an unknown instance; 400 {@code DMS.00400876}
     *     for an unknown topic; 400 {@code DMS.00400800} for a bad name
     */
    public void deleteTopic(String instanceId, String topic) {
        checked(Names::instanceId, instanceId);
        checked(Names::topic, topic);
        mapped(() -> {
            store.deleteTopic(instanceId, topic);
            return null;
        });
    }

    /**
     * Deletes a consumer group with its offsets on every topic ({@code DELETE
     * /admin/instances/{instance_id}/groups/{group}}).
     *
     * @throws DmsException 404 {@code DMS.00404022} or {@code DMS.10240405} for an unknown instance or
     *     group; 400 {@code DMS.00400800} for a bad name
     */
    public void deleteGroup(String instanceId, String group) {
        checked(Names::instanceId, instanceId);
        checked(Names::group, group);
        mapped(() -> {
            store.deleteGroup(instanceId, group);
            return null;
        });
    }

    /**
     * Runs a change of the store, turning its refusals into the documented errors: the backend's by the
     * one mapping the request path also uses ({@link BackendRefusals}), so the emulator's typed calls get
     * the same codes and words as the HTTP API; a value the store refuses is the caller's to mend.
     */
    private static <T> T mapped(Supplier<T> change) {
        try {
            return change.get();
        } catch (OffsetBackendException e) {
            throw BackendRefusals.dms(e);
        } catch (IllegalArgumentException e) {
            throw new DmsException(DmsError.INVALID_PARAMETER, e.getMessage() + ".");
        }
    }

    private InstanceResponse putInstance(Map<String, String> path, byte[] body) {
        String instanceId = checked(Names::instanceId, path.get("instance_id"));
        AdminJson json = AdminJson.parse(body, false, Set.of("project_id", "brokers"));
        InstanceView view = putInstance(instanceId, json.string("project_id"), json.strings("brokers"));
        return new InstanceResponse(view.instanceId(), view.projectId(), view.brokers());
    }

    private TopicResponse putTopic(Map<String, String> path, byte[] body) {
        String instanceId = checked(Names::instanceId, path.get("instance_id"));
        String topic = checked(Names::topic, path.get("topic"));
        AdminJson json = AdminJson.parse(body, false, Set.of("queues"));
        InstanceView.TopicView view = putTopic(instanceId, topic, json.intMap("queues"));
        return new TopicResponse(view.topic(), view.queues());
    }

    private GroupResponse putGroup(Map<String, String> path, byte[] body) {
        String instanceId = checked(Names::instanceId, path.get("instance_id"));
        String group = checked(Names::group, path.get("group"));
        AdminJson.parse(body, true, Set.of());
        putGroup(instanceId, group);
        return new GroupResponse(group);
    }

    private RangeResponse appendMessages(Map<String, String> path, byte[] body) {
        String instanceId = checked(Names::instanceId, path.get("instance_id"));
        String topic = checked(Names::topic, path.get("topic"));
        String broker = checked(Names::broker, path.get("broker"));
        int queue = queueId(path.get("queue_id"));
        AdminJson json = AdminJson.parse(body, false, Set.of("store_timestamps", "min_offset"));
        long[] timestamps = json.longs("store_timestamps", MAX_TIMESTAMPS_PER_REQUEST);
        OffsetRange range =
                appendMessages(instanceId, topic, broker, queue, timestamps, json.optionalLong("min_offset"));
        return new RangeResponse(range.minOffset(), range.maxOffset());
    }

    private OffsetsResponse offsets(Map<String, String> path, Map<String, String> query) {
        String instanceId = checked(Names::instanceId, path.get("instance_id"));
        String group = checked(Names::group, path.get("group"));
        String topic = query.get("topic");
        if (topic == null) {
            throw AdminJson.invalid("the query parameter topic is required");
        }
        List<QueueResponse> queues = offsets(instanceId, group, topic).stream()
                .map(QueueResponse::of)
                .toList();
        return new OffsetsResponse(queues);
    }

    private DeletedResponse deleteTopic(Map<String, String> path, byte[] body) {
        String instanceId = checked(Names::instanceId, path.get("instance_id"));
        String topic = checked(Names::topic, path.get("topic"));
        AdminJson.parse(body, true, Set.of());
        deleteTopic(instanceId, topic);
        return new DeletedResponse(topic);
    }

    private DeletedResponse deleteGroup(Map<String, String> path, byte[] body) {
        String instanceId = checked(Names::instanceId, path.get("instance_id"));
        String group = checked(Names::group, path.get("group"));
        AdminJson.parse(body, true, Set.of());
        deleteGroup(instanceId, group);
        return new DeletedResponse(group);
    }

    private ConsumersResponse putConsumers(Map<String, String> path, byte[] body) {
        String instanceId = checked(Names::instanceId, path.get("instance_id"));
        String group = checked(Names::group, path.get("group"));
        AdminJson json = AdminJson.parse(body, false, Set.of("consumers"));
        List<GroupConsumer> consumers =
                json.objects("consumers", true, Consumers.MAX_CONSUMERS_PER_GROUP, CONSUMER_FIELDS).stream()
                        .map(AdminApi::consumer)
                        .toList();
        return ConsumersResponse.of(group, putConsumers(instanceId, group, consumers));
    }

    private ConsumersResponse consumers(Map<String, String> path, byte[] body) {
        String instanceId = checked(Names::instanceId, path.get("instance_id"));
        String group = checked(Names::group, path.get("group"));
        AdminJson.parse(body, true, Set.of());
        return ConsumersResponse.of(group, consumers(instanceId, group));
    }

    private ConsumerResponse putConsumerOnline(Map<String, String> path, byte[] body) {
        String instanceId = checked(Names::instanceId, path.get("instance_id"));
        String group = checked(Names::group, path.get("group"));
        String clientId = checked(value -> Consumers.clientId("client_id", value), path.get("client_id"));
        boolean online = AdminJson.parse(body, false, Set.of("online")).bool("online");
        return ConsumerResponse.of(setConsumerOnline(instanceId, group, clientId, online));
    }

    /** One consumer of a request body; the fields left out take the store's defaults ({@link GroupConsumer}). */
    private static GroupConsumer consumer(AdminJson json) {
        List<ConsumerConnection.Subscription> subscriptions =
                json.objects("subscriptions", false, Consumers.MAX_SUBSCRIPTIONS, SUBSCRIPTION_FIELDS).stream()
                        .map(subscription -> new ConsumerConnection.Subscription(
                                subscription.string("topic"),
                                orDefault(subscription.optionalString("type"), GroupConsumer.DEFAULT_TYPE),
                                orDefault(subscription.optionalString("expression"), GroupConsumer.DEFAULT_EXPRESSION)))
                        .toList();
        Boolean online = json.optionalBool("online");
        return new GroupConsumer(
                json.string("client_id"),
                orDefault(json.optionalString("client_addr"), GroupConsumer.DEFAULT_CLIENT_ADDR),
                orDefault(json.optionalString("language"), GroupConsumer.DEFAULT_LANGUAGE),
                orDefault(json.optionalString("version"), GroupConsumer.DEFAULT_VERSION),
                online == null || online,
                subscriptions);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String checked(UnaryOperator<String> rule, String value) {
        try {
            return rule.apply(value);
        } catch (IllegalArgumentException e) {
            throw AdminJson.invalid(e.getMessage());
        }
    }

    private static int queueId(String text) {
        if (text == null || !text.matches("[0-9]{1,4}")) {
            throw invalidQueueId(text);
        }
        return Integer.parseInt(text);
    }

    private static DmsException invalidQueueId(String text) {
        return AdminJson.invalid("queue_id " + ErrorText.quote(text) + " must be an integer from 0 to "
                + (EmbeddedStore.MAX_QUEUES_PER_BROKER - 1));
    }

    private static final Set<String> CONSUMER_FIELDS =
            Set.of("client_id", "client_addr", "language", "version", "online", "subscriptions");
    private static final Set<String> SUBSCRIPTION_FIELDS = Set.of("topic", "type", "expression");

    record ConsumersResponse(
            @JsonProperty("group") String group,
            @JsonProperty("consumers") List<ConsumerResponse> consumers) {

        static ConsumersResponse of(String group, List<GroupConsumer> consumers) {
            return new ConsumersResponse(
                    group, consumers.stream().map(ConsumerResponse::of).toList());
        }
    }

    record ConsumerResponse(
            @JsonProperty("client_id") String clientId,
            @JsonProperty("client_addr") String clientAddr,
            @JsonProperty("language") String language,
            @JsonProperty("version") String version,
            @JsonProperty("online") boolean online,
            @JsonProperty("subscriptions") List<SubscriptionResponse> subscriptions) {

        static ConsumerResponse of(GroupConsumer consumer) {
            return new ConsumerResponse(
                    consumer.clientId(),
                    consumer.clientAddr(),
                    consumer.language(),
                    consumer.version(),
                    consumer.online(),
                    consumer.subscriptions().stream()
                            .map(s -> new SubscriptionResponse(s.topic(), s.type(), s.expression()))
                            .toList());
        }
    }

    record SubscriptionResponse(
            @JsonProperty("topic") String topic,
            @JsonProperty("type") String type,
            @JsonProperty("expression") String expression) {}

    record InstanceResponse(
            @JsonProperty("instance_id") String instanceId,
            @JsonProperty("project_id") String projectId,
            @JsonProperty("brokers") List<String> brokers) {}

    record TopicResponse(
            @JsonProperty("topic") String topic,
            @JsonProperty("queues") SortedMap<String, Integer> queues) {}

    record GroupResponse(@JsonProperty("group") String group) {}

    record DeletedResponse(@JsonProperty("deleted") String deleted) {}

    record RangeResponse(
            @JsonProperty("min_offset") long minOffset,
            @JsonProperty("max_offset") long maxOffset) {}

    record OffsetsResponse(@JsonProperty("queues") List<QueueResponse> queues) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record QueueResponse(
            @JsonProperty("broker_name") String brokerName,
            @JsonProperty("queue_id") int queueId,
            @JsonProperty("consumer_offset") Long consumerOffset,
            @JsonProperty("min_offset") long minOffset,
            @JsonProperty("max_offset") long maxOffset) {

        static QueueResponse of(QueueState state) {
            return new QueueResponse(
                    state.brokerName(), state.queueId(), state.consumerOffset(), state.minOffset(), state.maxOffset());
        }
    }
}
