package io.offsetkit.server.emulator;

import io.offsetkit.server.store.GroupConsumer;
import io.offsetkit.server.store.InstanceView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of the emulator's store, to put brokers, groups (and their consumers) and topics in and
 * to read a group's committed offsets from. Each call goes to the store at once, with the admin API's checks: a bad
 * name, an unknown broker, a count out of range throws an {@link EmulatorFixtureException} from the
 * call itself. A handle stays valid across {@link OffsetkitEmulator#reset()} (it names the instance;
 * calls fail once a reset removed it).
 */
public final class EmulatorInstance {

    private final FixtureCalls calls;
    private final String instanceId;
    private final String projectId;

    EmulatorInstance(FixtureCalls calls, String instanceId, String projectId) {
        this.calls = calls;
        this.instanceId = instanceId;
        this.projectId = projectId;
    }

    /** The instance's id, as the API's path names it. */
    public String id() {
        return instanceId;
    }

    /** The project the instance belongs to. */
    public String projectId() {
        return projectId;
    }

    /** Its brokers now, sorted. */
    public List<String> brokers() {
        return view().brokers();
    }

    /** Adds brokers (names of 1 to 64 of {@code [A-Za-z0-9_.-]}). */
    public EmulatorInstance brokers(String... brokers) {
        calls.call(admin -> admin.putInstance(instanceId, projectId, List.of(brokers)));
        return this;
    }

    /** Creates consumer groups (RocketMQ names, at most 120 characters); an existing one stays as it is. */
    public EmulatorInstance groups(String... groups) {
        for (String group : groups) {
            calls.call(admin -> {
                admin.putGroup(instanceId, group);
                return null;
            });
        }
        return this;
    }

    /**
     * Creates a topic with {@code queuesPerBroker} queues on every broker of the instance (ids {@code
     * 0..n-1}), or grows it to that many.
     */
    public EmulatorTopic topic(String topic, int queuesPerBroker) {
        Map<String, Integer> queues = new LinkedHashMap<>();
        for (String broker : brokers()) {
            queues.put(broker, queuesPerBroker);
        }
        return topic(topic, queues);
    }

    /** Creates a topic with the given queue count per broker, or grows it to that many. */
    public EmulatorTopic topic(String topic, Map<String, Integer> queuesPerBroker) {
        calls.call(admin -> admin.putTopic(instanceId, topic, queuesPerBroker));
        return new EmulatorTopic(calls, instanceId, topic);
    }

    /**
     * A topic the instance has, to add messages to.
     *
     * @throws EmulatorFixtureException when it has no such topic
     */
    public EmulatorTopic topic(String topic) {
        calls.call(admin -> admin.topic(instanceId, topic));
        return new EmulatorTopic(calls, instanceId, topic);
    }

    /**
     * Declares a consumer of a group, online, with the defaults (address {@code 127.0.0.1:0}, language
     * {@code JAVA}, version {@code V5_3_1}, no subscription), or returns the one of that client id as it
     * is; its methods change it ({@link EmulatorConsumer#subscribe}, {@link EmulatorConsumer#offline},
     * ...). The group's online consumers are what {@code ShowConsumerConnections} lists.
     *
     * @param clientId 1 to 255 visible ASCII characters, unique in the group (RocketMQ's {@code
     *     ip@instanceName}, for example {@code 192.168.0.10@4711#1662652800000})
     * @throws EmulatorFixtureException when the group does not exist or the client id is not valid
     */
    public EmulatorConsumer consumer(String group, String clientId) {
        boolean declared = calls.call(admin -> admin.consumers(instanceId, group)).stream()
                .anyMatch(consumer -> consumer.clientId().equals(clientId));
        if (!declared) {
            calls.call(admin -> admin.putConsumer(
                    instanceId,
                    group,
                    new GroupConsumer(
                            clientId,
                            GroupConsumer.DEFAULT_CLIENT_ADDR,
                            GroupConsumer.DEFAULT_LANGUAGE,
                            GroupConsumer.DEFAULT_VERSION,
                            true,
                            List.of())));
        }
        return new EmulatorConsumer(calls, instanceId, group, clientId);
    }

    /**
     * Every consumer declared in a group, online or not, sorted by client id.
     *
     * @throws EmulatorFixtureException when the group does not exist
     */
    public List<GroupConsumer> consumers(String group) {
        return calls.call(admin -> admin.consumers(instanceId, group));
    }

    /**
     * Removes every consumer of a group: it is offline, with no consumer declared.
     *
     * @throws EmulatorFixtureException when the group does not exist
     */
    public EmulatorInstance withoutConsumers(String group) {
        calls.call(admin -> admin.putConsumers(instanceId, group, List.of()));
        return this;
    }

    /**
     * A group's committed offset on every queue of a topic, sorted by broker then queue id: what the
     * resets the emulator answered committed. The same snapshot of the store, and the same numbers, as
     * {@code ShowConsumerListOrDetails} answers (see {@link CommittedOffset}).
     *
     * @throws EmulatorFixtureException when the group or the topic does not exist
     */
    public List<CommittedOffset> committedOffsets(String group, String topic) {
        return calls.call(admin -> admin.offsets(instanceId, group, topic)).stream()
                .map(state -> new CommittedOffset(
                        state.brokerName(),
                        state.queueId(),
                        state.consumerOffset(),
                        state.minOffset(),
                        state.maxOffset(),
                        state.lastMessageTime()))
                .toList();
    }

    private InstanceView view() {
        return calls.call(admin -> admin.instance(instanceId));
    }

    @Override
    public String toString() {
        return "instance " + instanceId + " (project " + projectId + ")";
    }
}
