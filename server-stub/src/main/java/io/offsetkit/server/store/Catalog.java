package io.offsetkit.server.store;

import io.offsetkit.server.backend.BackendUnavailableException;
import io.offsetkit.server.backend.GroupRef;
import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.backend.TopicRef;
import io.offsetkit.server.backend.UnknownGroupException;
import io.offsetkit.server.backend.UnknownInstanceException;
import io.offsetkit.server.backend.UnknownTopicException;
import io.offsetkit.server.store.log.RecordLog;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The durable catalog: which instances, brokers, topics (with their queues) and consumer groups (with
 * their declared consumers) the store holds. Each change is a {@link CatalogCommand} appended to {@link StoreLayout#catalogFile()}
 * and forced to disk before it is applied to the in-memory {@link CatalogModel}, so memory is never
 * ahead of the file; at open the file's commands are replayed in order (a torn last one is dropped by
 * the {@link RecordLog}). A change the catalog already holds writes nothing.
 *
 * <p>Thread-safe: every method holds this object's monitor ({@code Catalog.this}), which guards the
 * catalog file and the whole model, so catalog changes serialise on it, and a reader never sees a
 * change half applied. Catalog changes are rare (set-up, the admin API); the hot paths take the
 * monitor only to look their queues up, then append and reset on the {@link QueueLog}s without it.
 */
final class Catalog implements Closeable {

    private final RecordLog log; // guarded by this (Catalog.this)
    private final CatalogModel model; // guarded by this (Catalog.this), all of it

    private Catalog(RecordLog log, CatalogModel model) {
        this.log = log;
        this.model = model;
    }

    /**
     * Opens (or creates) the catalog of {@code layout}, replaying its commands and opening every
     * queue they declare.
     *
     * @throws IOException when the catalog or a queue's file cannot be read, or is of another format
     */
    static Catalog open(StoreLayout layout) throws IOException {
        List<CatalogCommand> commands = new ArrayList<>();
        RecordLog log = RecordLog.open(
                layout.storage(), layout.catalogFile(), payload -> commands.add(CatalogCommand.decode(payload)));
        Catalog catalog = new Catalog(log, new CatalogModel(layout));
        try {
            catalog.replay(commands); // after the read: opening a queue can throw IOException, a replay callback cannot
        } catch (IOException | RuntimeException e) {
            catalog.close();
            throw e;
        }
        return catalog;
    }

    private synchronized void replay(List<CatalogCommand> commands) throws IOException {
        for (CatalogCommand command : commands) {
            model.apply(command);
        }
    }

    /** See {@link EmbeddedStore#putInstance}. */
    synchronized InstanceView putInstance(String instanceId, String projectId, List<String> brokers) {
        model.putInstanceCommand(instanceId, projectId, brokers).ifPresent(this::write);
        return model.view(instanceId);
    }

    /** See {@link EmbeddedStore#putTopic}. */
    synchronized InstanceView.TopicView putTopic(String instanceId, String topic, Map<String, Integer> queues) {
        model.putTopicCommand(instanceId, topic, queues).ifPresent(this::write);
        return model.topicView(instanceId, topic);
    }

    /** See {@link EmbeddedStore#putGroup}. */
    synchronized void putGroup(String instanceId, String group) {
        model.putGroupCommand(instanceId, group).ifPresent(this::write);
    }

    /** See {@link EmbeddedStore#putConsumers}. */
    synchronized List<GroupConsumer> putConsumers(
            String instanceId, String group, List<GroupConsumer> consumers, boolean replaceAll) {
        model.putConsumersCommand(instanceId, group, consumers, replaceAll).ifPresent(this::write);
        return model.consumers(instanceId, group);
    }

    /** See {@link EmbeddedStore#setConsumerOnline}. */
    synchronized GroupConsumer setConsumerOnline(String instanceId, String group, String clientId, boolean online) {
        model.consumerOnlineCommand(instanceId, group, clientId, online).ifPresent(this::write);
        return model.consumer(instanceId, group, clientId);
    }

    /** Every consumer declared in a group; see {@link CatalogModel#consumers}. */
    synchronized List<GroupConsumer> consumers(String instanceId, String group) {
        return model.consumers(instanceId, group);
    }

    /**
     * Every consumer declared in a group, checked in the order instance (in its project), group.
     *
     * @throws UnknownInstanceException when the project has no such instance
     * @throws UnknownGroupException when the instance has no such group
     */
    synchronized List<GroupConsumer> consumers(GroupRef group) {
        model.checkInstanceInProject(group.instanceId(), group.projectId());
        return model.consumers(group.instanceId(), group.group());
    }

    /** Whether a consumer of the group is online, checked in the order of {@link #consumers(GroupRef)}. */
    synchronized boolean hasOnlineConsumer(GroupRef group) {
        model.checkInstanceInProject(group.instanceId(), group.projectId());
        return model.hasOnlineConsumer(group.instanceId(), group.group());
    }

    /**
     * The names of every topic of a group's instance, sorted, checked in the order instance (in its
     * project), group.
     *
     * @throws UnknownInstanceException when the project has no such instance
     * @throws UnknownGroupException when the instance has no such group
     */
    synchronized List<String> topicNames(GroupRef group) {
        model.checkInstanceInProject(group.instanceId(), group.projectId());
        return model.topicNames(group.instanceId(), group.group());
    }

    /**
     * Every queue of a topic, sorted by broker then queue id, checked in the order instance (in its
     * project), topic.
     *
     * @throws UnknownInstanceException when the project has no such instance
     * @throws UnknownTopicException when the instance has no such topic
     */
    synchronized List<TopicQueue> topicQueues(TopicRef topic) {
        model.checkInstanceInProject(topic.instanceId(), topic.projectId());
        return model.topicQueues(topic.instanceId(), topic.topic());
    }

    /**
     * Deletes a topic (see {@link EmbeddedStore#deleteTopic}) and returns the instance's groups, whose
     * offsets on it went with it.
     */
    synchronized List<String> deleteTopic(String instanceId, String topic) {
        List<String> groups = model.groups(instanceId);
        write(model.deleteTopicCommand(instanceId, topic));
        return groups;
    }

    /**
     * Deletes a group (see {@link EmbeddedStore#deleteGroup}) and returns the instance's topics, on
     * which its offsets went with it.
     */
    synchronized List<String> deleteGroup(String instanceId, String group) {
        List<String> topics = model.topics(instanceId);
        write(model.deleteGroupCommand(instanceId, group));
        return topics;
    }

    synchronized boolean isEmpty() {
        return model.isEmpty();
    }

    /** Every instance, sorted by id. */
    synchronized List<InstanceView> instances() {
        return model.views();
    }

    /** One instance; see {@link CatalogModel#view}. */
    synchronized InstanceView instance(String instanceId) {
        return model.view(instanceId);
    }

    /** One topic of an instance; see {@link CatalogModel#topicView}. */
    synchronized InstanceView.TopicView topic(String instanceId, String topic) {
        return model.topicView(instanceId, topic);
    }

    /** What the store holds: counts of the catalog, and the queues' messages and index memory. */
    synchronized StoreStats stats() {
        long messages = 0;
        long indexBytes = 0;
        List<QueueLog> queues = model.queueLogs();
        for (QueueLog queue : queues) {
            messages += queue.range().size();
            indexBytes += queue.indexMemoryBytes();
        }
        long topics = 0;
        long groups = 0;
        List<InstanceView> instances = model.views();
        for (InstanceView instance : instances) {
            topics += instance.topics().size();
            groups += instance.groups().size();
        }
        return new StoreStats(instances.size(), topics, groups, queues.size(), messages, indexBytes);
    }

    /** One queue's log; see {@link CatalogModel#queue}. */
    synchronized QueueLog queue(String instanceId, String topic, String broker, int queueId) {
        return model.queue(instanceId, topic, broker, queueId);
    }

    /** Every queue of a topic as a group sees it; see {@link CatalogModel#queues}. */
    synchronized List<TopicQueue> queues(String instanceId, String group, String topic) {
        return model.queues(instanceId, group, topic);
    }

    /**
     * The queues a reset of {@code target} covers, checked in the order instance (in its project),
     * group, topic.
     *
     * @throws UnknownInstanceException when the project has no such instance
     * @throws UnknownGroupException when the instance has no such group
     * @throws UnknownTopicException when the instance has no such topic
     */
    synchronized List<TopicQueue> queuesToReset(ResetTarget target) {
        model.checkInstanceInProject(target.instanceId(), target.projectId());
        return model.queues(target.instanceId(), target.group(), target.topic());
    }

    /** Closes every queue's log, then the catalog file. */
    @Override
    public synchronized void close() throws IOException {
        List<Closeable> closeables = new ArrayList<>(model.queueLogs());
        closeables.add(log);
        Closeables.closeAll(closeables);
    }

    /** Appends a command durably, then applies it. The caller holds {@code Catalog.this}. */
    private void write(CatalogCommand command) {
        try {
            log.append(CatalogCommand.encode(command));
            model.apply(command);
        } catch (IOException e) {
            throw new BackendUnavailableException("the catalog could not be written: " + e.getMessage(), e);
        }
    }
}
