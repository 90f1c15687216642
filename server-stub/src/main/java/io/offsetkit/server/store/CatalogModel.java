package io.offsetkit.server.store;

import io.offsetkit.server.backend.UnknownGroupException;
import io.offsetkit.server.backend.UnknownInstanceException;
import io.offsetkit.server.backend.UnknownTopicException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The catalog in memory: instances, each with its project, brokers, consumer groups (with their
 * declared consumers) and topics, and each topic's queues per broker as open {@link QueueLog}s. It is built only by {@link #apply}ing
 * {@link CatalogCommand}s: those replayed from the catalog file at open, then each one the {@link
 * Catalog} writes.
 *
 * <p>Invariants: the model grows, except that a topic or a group may be deleted (an instance keeps
 * its project and its brokers) and that a declaration replaces a group's consumers; a topic's
 * queues on a broker have ids {@code 0..n-1}, queue {@code i}'s log at {@link StoreLayout#queueFile};
 * applying a command the model already reflects changes nothing, so replaying a command twice is
 * harmless.
 *
 * <p>Deciding a change ({@code put...Command}) is separate from applying it, so that the catalog can
 * write the command to disk in between: what is in memory is never ahead of the file.
 *
 * <p>Not thread-safe, and it takes no monitor: its owner, the {@link Catalog}, calls it only while
 * holding the catalog's monitor ({@code Catalog.this}), which guards every field here and in {@code
 * Instance} and {@code Topic}. What it hands out are copies (views, lists of {@link TopicQueue}); the
 * queue logs in them are thread-safe on their own.
 */
final class CatalogModel {

    private final StoreLayout layout;
    private final Map<String, Instance> instances = new TreeMap<>(); // guarded by Catalog.this

    CatalogModel(StoreLayout layout) {
        this.layout = layout;
    }

    /**
     * Applies one command; a topic's new queues are opened here (reading their files, creating none).
     *
     * @throws UnknownInstanceException when a topic or group names an instance not applied before
     * @throws IOException when a queue's file cannot be read
     */
    void apply(CatalogCommand command) throws IOException {
        if (command instanceof CatalogCommand.PutInstance c) {
            instances
                    .computeIfAbsent(c.instanceId(), id -> new Instance(id, c.projectId()))
                    .brokers
                    .addAll(c.brokers());
        } else if (command instanceof CatalogCommand.PutTopic c) {
            Topic topic = instance(c.instanceId()).topics.computeIfAbsent(c.topic(), Topic::new);
            topic.queuesChanged();
            for (Map.Entry<String, Integer> entry : c.queues().entrySet()) {
                List<QueueLog> queues = topic.queues.computeIfAbsent(entry.getKey(), broker -> new ArrayList<>());
                while (queues.size() < entry.getValue()) {
                    queues.add(QueueLog.open(
                            layout.storage(),
                            layout.queueFile(c.instanceId(), c.topic(), entry.getKey(), queues.size())));
                }
            }
        } else if (command instanceof CatalogCommand.PutGroup c) {
            instance(c.instanceId()).groups.add(c.group());
        } else if (command instanceof CatalogCommand.PutConsumers c) {
            Map<String, GroupConsumer> consumers =
                    instance(c.instanceId()).consumers.computeIfAbsent(c.group(), group -> new TreeMap<>());
            if (c.replaceAll()) {
                consumers.clear();
            }
            c.consumers().forEach(consumer -> consumers.put(consumer.clientId(), consumer));
        } else if (command instanceof CatalogCommand.DeleteTopic c) {
            deleteTopic(instance(c.instanceId()), c.topic());
        } else if (command instanceof CatalogCommand.DeleteGroup c) {
            deleteGroup(instance(c.instanceId()), c.group());
        }
    }

    /**
     * Removes a topic: closes its queues and deletes their files, and every group's offsets file on
     * it. Files already gone (a replay after a crash mid-way) are fine: deleting is idempotent.
     */
    private void deleteTopic(Instance instance, String name) throws IOException {
        Topic topic = instance.topics.remove(name);
        if (topic != null) {
            for (Map.Entry<String, List<QueueLog>> broker : topic.queues.entrySet()) {
                Path queueFile = null;
                for (int id = 0; id < broker.getValue().size(); id++) {
                    broker.getValue().get(id).close();
                    queueFile = layout.queueFile(instance.id, name, broker.getKey(), id);
                    layout.storage().delete(queueFile);
                }
                if (queueFile != null) {
                    layout.storage().deleteDirectoryIfEmpty(queueFile.getParent()); // the broker's
                    layout.storage()
                            .deleteDirectoryIfEmpty(queueFile.getParent().getParent()); // the topic's
                }
            }
        }
        for (String group : instance.groups) {
            deleteOffsetsFile(instance.id, group, name);
        }
    }

    /** Deletes a group's offsets file on a topic, and the group's directory when it is left empty. */
    private void deleteOffsetsFile(String instanceId, String group, String topic) throws IOException {
        Path file = layout.offsetsFile(instanceId, group, topic);
        layout.storage().delete(file);
        layout.storage().deleteDirectoryIfEmpty(file.getParent());
    }

    /** Removes a group and deletes its offsets file on every topic; idempotent as {@link #deleteTopic}. */
    private void deleteGroup(Instance instance, String group) throws IOException {
        instance.groups.remove(group);
        instance.consumers.remove(group);
        for (String topic : instance.topics.keySet()) {
            deleteOffsetsFile(instance.id, group, topic);
        }
        // a group that never committed has no file, but may have an empty directory
        layout.storage()
                .deleteDirectoryIfEmpty(
                        layout.offsetsFile(instance.id, group, "t").getParent());
    }

    /**
     * The command that deletes a topic.
     *
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownTopicException when the instance has no such topic
     */
    CatalogCommand deleteTopicCommand(String instanceId, String topic) {
        topic(instance(instanceId), topic);
        return new CatalogCommand.DeleteTopic(instanceId, topic);
    }

    /**
     * The command that deletes a group.
     *
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownGroupException when the instance has no such group
     */
    CatalogCommand deleteGroupCommand(String instanceId, String group) {
        if (!instance(instanceId).groups.contains(group)) {
            throw new UnknownGroupException(group);
        }
        return new CatalogCommand.DeleteGroup(instanceId, group);
    }

    /** The groups of an instance, sorted. @throws UnknownInstanceException when there is no such instance */
    List<String> groups(String instanceId) {
        return List.copyOf(instance(instanceId).groups);
    }

    /** The topics of an instance, sorted. @throws UnknownInstanceException when there is no such instance */
    List<String> topics(String instanceId) {
        return List.copyOf(instance(instanceId).topics.keySet());
    }

    /**
     * The command that creates the instance or adds the missing brokers to it, or empty when it holds
     * them all already.
     *
     * @throws StoreConflictException when the instance exists in another project
     * @throws IllegalArgumentException when a name breaks {@link Names}
     */
    Optional<CatalogCommand> putInstanceCommand(String instanceId, String projectId, List<String> brokers) {
        Names.instanceId(instanceId);
        Names.projectId(projectId);
        brokers.forEach(Names::broker);
        Instance existing = instances.get(instanceId);
        if (existing != null && !existing.projectId.equals(projectId)) {
            throw new StoreConflictException("the instance '" + instanceId + "' belongs to project '"
                    + existing.projectId + "', not '" + projectId + "'");
        }
        if (existing != null && existing.brokers.containsAll(brokers)) {
            return Optional.empty();
        }
        return Optional.of(new CatalogCommand.PutInstance(instanceId, projectId, List.copyOf(brokers)));
    }

    /**
     * The command that creates the topic or grows its queues to at least {@code queues.get(b)} on
     * each broker {@code b} named, or empty when it has that many already.
     *
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownBrokerException when a broker is not one of the instance's
     * @throws IllegalArgumentException when the topic's name breaks {@link Names}, or a count is
     *     outside {@code 1..}{@value EmbeddedStore#MAX_QUEUES_PER_BROKER}
     */
    Optional<CatalogCommand> putTopicCommand(String instanceId, String topic, Map<String, Integer> queues) {
        Names.topic(topic);
        Instance instance = instance(instanceId);
        for (Map.Entry<String, Integer> entry : queues.entrySet()) {
            if (!instance.brokers.contains(entry.getKey())) {
                throw new UnknownBrokerException("the instance '" + instanceId + "' has no broker '" + entry.getKey()
                        + "'; its brokers are " + instance.brokers);
            }
            if (entry.getValue() < 1 || entry.getValue() > EmbeddedStore.MAX_QUEUES_PER_BROKER) {
                throw new IllegalArgumentException("a topic has 1 to " + EmbeddedStore.MAX_QUEUES_PER_BROKER
                        + " queues per broker; " + entry.getKey() + " was given " + entry.getValue());
            }
        }
        Topic existing = instance.topics.get(topic);
        boolean grows = existing == null
                || queues.entrySet().stream().anyMatch(e -> existing.queueCount(e.getKey()) < e.getValue());
        return grows
                ? Optional.of(new CatalogCommand.PutTopic(instanceId, topic, new TreeMap<>(queues)))
                : Optional.empty();
    }

    /**
     * The command that creates the group, or empty when it exists.
     *
     * @throws UnknownInstanceException when there is no such instance
     * @throws IllegalArgumentException when the group's name breaks {@link Names}
     */
    Optional<CatalogCommand> putGroupCommand(String instanceId, String group) {
        Names.group(group);
        return instance(instanceId).groups.contains(group)
                ? Optional.empty()
                : Optional.of(new CatalogCommand.PutGroup(instanceId, group));
    }

    /**
     * The command that declares a group's consumers ({@code replaceAll}: they become its only ones;
     * otherwise each is added, or replaces the one of its client id), or empty when the group has them
     * so already.
     *
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownGroupException when the instance has no such group
     * @throws IllegalArgumentException when a consumer breaks {@link Consumers}' rules, naming the field
     */
    Optional<CatalogCommand> putConsumersCommand(
            String instanceId, String group, List<GroupConsumer> consumers, boolean replaceAll) {
        Consumers.checkAll("consumers", consumers);
        Map<String, GroupConsumer> existing = groupConsumers(instance(instanceId), group);
        Map<String, GroupConsumer> after = new TreeMap<>(replaceAll ? Map.of() : existing);
        consumers.forEach(consumer -> after.put(consumer.clientId(), consumer));
        if (after.size() > Consumers.MAX_CONSUMERS_PER_GROUP) {
            throw new IllegalArgumentException("the group '" + group + "' would have " + after.size()
                    + " consumers; a group has at most " + Consumers.MAX_CONSUMERS_PER_GROUP);
        }
        return after.equals(existing)
                ? Optional.empty()
                : Optional.of(new CatalogCommand.PutConsumers(instanceId, group, replaceAll, List.copyOf(consumers)));
    }

    /**
     * The command that sets one declared consumer online or offline, or empty when it is so already.
     *
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownGroupException when the instance has no such group
     * @throws IllegalArgumentException when the group has no consumer of that client id
     */
    Optional<CatalogCommand> consumerOnlineCommand(String instanceId, String group, String clientId, boolean online) {
        GroupConsumer consumer = consumer(instanceId, group, clientId);
        return consumer.online() == online
                ? Optional.empty()
                : Optional.of(new CatalogCommand.PutConsumers(
                        instanceId, group, false, List.of(consumer.withOnline(online))));
    }

    /**
     * One declared consumer of a group.
     *
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownGroupException when the instance has no such group
     * @throws IllegalArgumentException when the group has no consumer of that client id
     */
    GroupConsumer consumer(String instanceId, String group, String clientId) {
        Map<String, GroupConsumer> consumers = groupConsumers(instance(instanceId), group);
        GroupConsumer consumer = consumers.get(clientId);
        if (consumer == null) {
            throw new IllegalArgumentException("the group '" + group + "' has no consumer '" + clientId
                    + "'; its consumers are " + consumers.keySet());
        }
        return consumer;
    }

    /**
     * Every consumer declared in a group, online or not, sorted by client id.
     *
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownGroupException when the instance has no such group
     */
    List<GroupConsumer> consumers(String instanceId, String group) {
        return List.copyOf(groupConsumers(instance(instanceId), group).values());
    }

    /**
     * Whether a consumer of the group is online, without copying its consumers (asked before every reset).
     *
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownGroupException when the instance has no such group
     */
    boolean hasOnlineConsumer(String instanceId, String group) {
        for (GroupConsumer consumer :
                groupConsumers(instance(instanceId), group).values()) {
            if (consumer.online()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The names of an instance's topics, sorted, once the group is known to exist.
     *
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownGroupException when the instance has no such group
     */
    List<String> topicNames(String instanceId, String group) {
        Instance instance = instance(instanceId);
        requireGroup(instance, group);
        return List.copyOf(instance.topics.keySet());
    }

    /**
     * Every queue of a topic, sorted by broker then queue id.
     *
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownTopicException when the instance has no such topic
     */
    List<TopicQueue> topicQueues(String instanceId, String topicName) {
        return topic(instance(instanceId), topicName).topicQueues();
    }

    boolean isEmpty() {
        return instances.isEmpty();
    }

    /** Every instance, sorted by id. */
    List<InstanceView> views() {
        List<InstanceView> views = new ArrayList<>();
        instances.values().forEach(instance -> views.add(instance.view()));
        return views;
    }

    /** @throws UnknownInstanceException when there is no such instance */
    InstanceView view(String instanceId) {
        return instance(instanceId).view();
    }

    /**
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownTopicException when the instance has no such topic
     */
    InstanceView.TopicView topicView(String instanceId, String topic) {
        return topic(instance(instanceId), topic).view();
    }

    /**
     * Checks that the instance exists in that project; an instance of another project is as unknown
     * as a missing one, so that a project learns nothing of the others.
     *
     * @throws UnknownInstanceException when there is no such instance in {@code projectId}
     */
    void checkInstanceInProject(String instanceId, String projectId) {
        Instance instance = instances.get(instanceId);
        if (instance == null || !instance.projectId.equals(projectId)) {
            throw new UnknownInstanceException(instanceId);
        }
    }

    /**
     * One queue of a topic.
     *
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownTopicException when the instance has no such topic
     * @throws UnknownBrokerException when the topic has no such queue on that broker
     */
    QueueLog queue(String instanceId, String topic, String broker, int queueId) {
        return topic(instance(instanceId), topic).queue(broker, queueId);
    }

    /**
     * Every queue of a topic, sorted by broker then queue id, as a group sees it: checked in the
     * order instance, group, topic.
     *
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownGroupException when the instance has no such group
     * @throws UnknownTopicException when the instance has no such topic
     */
    List<TopicQueue> queues(String instanceId, String group, String topicName) {
        Instance instance = instance(instanceId);
        requireGroup(instance, group);
        return topic(instance, topicName).topicQueues();
    }

    /** Every queue log of every topic (to close them, to count them). */
    List<QueueLog> queueLogs() {
        List<QueueLog> logs = new ArrayList<>();
        for (Instance instance : instances.values()) {
            for (Topic topic : instance.topics.values()) {
                topic.queues.values().forEach(logs::addAll);
            }
        }
        return logs;
    }

    private Instance instance(String instanceId) {
        Instance instance = instances.get(instanceId);
        if (instance == null) {
            throw new UnknownInstanceException(instanceId);
        }
        return instance;
    }

    private static void requireGroup(Instance instance, String group) {
        if (!instance.groups.contains(group)) {
            throw new UnknownGroupException(group);
        }
    }

    /** A group's consumers by client id, empty when none were declared; the map itself, not a copy. */
    private static Map<String, GroupConsumer> groupConsumers(Instance instance, String group) {
        requireGroup(instance, group);
        return instance.consumers.getOrDefault(group, new TreeMap<>());
    }

    private static Topic topic(Instance instance, String topicName) {
        Topic topic = instance.topics.get(topicName);
        if (topic == null) {
            throw new UnknownTopicException(topicName);
        }
        return topic;
    }

    /** Guarded by the catalog's monitor ({@code Catalog.this}), as the whole model is. */
    private static final class Instance {
        final String id;
        final String projectId;
        final TreeSet<String> brokers = new TreeSet<>();
        final TreeMap<String, Topic> topics = new TreeMap<>();
        final TreeSet<String> groups = new TreeSet<>();
        final TreeMap<String, TreeMap<String, GroupConsumer>> consumers = new TreeMap<>(); // group, client id

        Instance(String id, String projectId) {
            this.id = id;
            this.projectId = projectId;
        }

        InstanceView view() {
            List<InstanceView.TopicView> topicViews = new ArrayList<>();
            topics.values().forEach(topic -> topicViews.add(topic.view()));
            return new InstanceView(id, projectId, List.copyOf(brokers), topicViews, List.copyOf(groups));
        }
    }

    /**
     * Guarded by the catalog's monitor ({@code Catalog.this}), as the whole model is; the {@link
     * QueueLog}s it lists are thread-safe on their own.
     */
    private static final class Topic {
        final String name;
        final TreeMap<String, List<QueueLog>> queues = new TreeMap<>(); // per broker, by queue id
        private List<TopicQueue> topicQueues; // every queue, as last made; null once they change

        Topic(String name) {
            this.name = name;
        }

        int queueCount(String broker) {
            List<QueueLog> onBroker = queues.get(broker);
            return onBroker == null ? 0 : onBroker.size();
        }

        /**
         * Every queue, sorted by broker then queue id; unmodifiable. Made once per change of the
         * topic's queues (every reset asks for it).
         */
        List<TopicQueue> topicQueues() {
            List<TopicQueue> made = topicQueues;
            if (made == null) {
                List<TopicQueue> all = new ArrayList<>();
                queues.forEach((broker, logs) -> {
                    for (int id = 0; id < logs.size(); id++) {
                        all.add(new TopicQueue(broker, id, logs.get(id)));
                    }
                });
                made = List.copyOf(all);
                topicQueues = made;
            }
            return made;
        }

        /** The queues changed: {@link #topicQueues} is made again at its next call. */
        void queuesChanged() {
            topicQueues = null;
        }

        QueueLog queue(String broker, int queueId) {
            List<QueueLog> onBroker = queues.get(broker);
            if (onBroker == null || queueId < 0 || queueId >= onBroker.size()) {
                throw new UnknownBrokerException("the topic '" + name + "' has no queue " + queueId + " on broker '"
                        + broker + "'; its queues per broker are " + view().queues());
            }
            return onBroker.get(queueId);
        }

        InstanceView.TopicView view() {
            TreeMap<String, Integer> counts = new TreeMap<>();
            queues.forEach((broker, list) -> counts.put(broker, list.size()));
            return new InstanceView.TopicView(name, Collections.unmodifiableSortedMap(counts));
        }
    }
}
