package io.offsetkit.server.store;

import io.offsetkit.server.backend.BackendUnavailableException;
import io.offsetkit.server.backend.OffsetBackend;
import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.backend.UnknownGroupException;
import io.offsetkit.server.backend.UnknownInstanceException;
import io.offsetkit.server.backend.UnknownTopicException;
import io.offsetkit.server.store.log.Fsync;
import io.offsetkit.server.store.log.RecordLog;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded store: instances, their brokers, topics with queues, consumer groups and committed
 * offsets, all in one data directory, every change on disk before the call that made it returns.
 *
 * <p>Where each file lives in the data directory is {@link StoreLayout}'s to say; the {@link
 * DataDirectoryLock} keeps other processes out. Every file is a {@link RecordLog}: an append-only
 * file of CRC-checked records, forced to disk on each append, whose torn tail (a crash mid-append) is
 * dropped at open. So a crash at any instant leaves every queue's consumer offset at the value of the
 * last reset that returned, or of the reset in flight (which may have reached the disk before the
 * crash cut its answer), never a mix.
 *
 * <p>Concurrency: catalog changes serialise on the catalog; resets of the same group and topic
 * serialise (on their {@link GroupOffsets}); resets of different groups, and appends to different
 * queues, run in parallel. Only one process may open a data directory at a time.
 */
public final class EmbeddedStore implements OffsetBackend, Closeable {

    /** The most queues a topic may have on one broker. */
    public static final int MAX_QUEUES_PER_BROKER = 1024;

    private final StoreLayout layout;
    private final DataDirectoryLock lock;
    private final RecordLog catalogLog; // guarded by this
    private final Map<String, Instance> instances = new TreeMap<>(); // guarded by this
    private final Map<Path, GroupOffsets> groupOffsets = new ConcurrentHashMap<>();

    private EmbeddedStore(StoreLayout layout, DataDirectoryLock lock, RecordLog catalogLog) {
        this.layout = layout;
        this.lock = lock;
        this.catalogLog = catalogLog;
    }

    /**
     * Opens (or creates) the store in {@code directory}, replaying its catalog and its queues' message
     * logs, recovering any torn tail.
     *
     * @throws IOException when the directory cannot be read or written, holds a file of another
     *     format, or is open in another process
     */
    public static EmbeddedStore open(Path directory) throws IOException {
        StoreLayout layout = StoreLayout.of(directory);
        Fsync.createDirectories(layout.directory());
        DataDirectoryLock lock = DataDirectoryLock.acquire(layout);
        List<CatalogCommand> commands = new ArrayList<>();
        RecordLog catalogLog;
        try {
            catalogLog = RecordLog.open(layout.catalogFile(), payload -> commands.add(CatalogCommand.decode(payload)));
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        EmbeddedStore store = new EmbeddedStore(layout, lock, catalogLog);
        try {
            synchronized (store) {
                for (CatalogCommand command : commands) {
                    store.apply(command);
                }
            }
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /** Where the store lives. */
    public Path directory() {
        return layout.directory();
    }

    /** Whether the store holds no instance at all (a fresh data directory). */
    public synchronized boolean isEmpty() {
        return instances.isEmpty();
    }

    /**
     * Creates an instance, or adds brokers to an existing one.
     *
     * @throws StoreConflictException when the instance exists in another project
     * @throws IllegalArgumentException when a name breaks {@link Names}
     */
    public InstanceView putInstance(String instanceId, String projectId, List<String> brokers) {
        Names.instanceId(instanceId);
        Names.projectId(projectId);
        brokers.forEach(Names::broker);
        synchronized (this) {
            Instance existing = instances.get(instanceId);
            if (existing != null && !existing.projectId.equals(projectId)) {
                throw new StoreConflictException("the instance '" + instanceId + "' belongs to project '"
                        + existing.projectId + "', not '" + projectId + "'");
            }
            if (existing == null || !existing.brokers.containsAll(brokers)) {
                write(new CatalogCommand.PutInstance(instanceId, projectId, List.copyOf(brokers)));
            }
            return instances.get(instanceId).view();
        }
    }

    /**
     * Creates a topic, or adds queues to it: afterwards it has at least {@code queues.get(b)} queues
     * on each broker {@code b} named (ids {@code 0..n-1}); queues are never removed.
     *
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownBrokerException when a broker is not one of the instance's
     * @throws IllegalArgumentException when a count is outside {@code 1..}{@value #MAX_QUEUES_PER_BROKER}
     */
    public InstanceView.TopicView putTopic(String instanceId, String topic, Map<String, Integer> queues) {
        Names.topic(topic);
        synchronized (this) {
            Instance instance = instance(instanceId);
            for (Map.Entry<String, Integer> entry : queues.entrySet()) {
                if (!instance.brokers.contains(entry.getKey())) {
                    throw new UnknownBrokerException("the instance '" + instanceId + "' has no broker '"
                            + entry.getKey() + "'; its brokers are " + instance.brokers);
                }
                if (entry.getValue() < 1 || entry.getValue() > MAX_QUEUES_PER_BROKER) {
                    throw new IllegalArgumentException("a topic has 1 to " + MAX_QUEUES_PER_BROKER
                            + " queues per broker; " + entry.getKey() + " was given " + entry.getValue());
                }
            }
            Topic existing = instance.topics.get(topic);
            boolean grows = existing == null
                    || queues.entrySet().stream().anyMatch(e -> existing.queueCount(e.getKey()) < e.getValue());
            if (grows) {
                write(new CatalogCommand.PutTopic(instanceId, topic, new TreeMap<>(queues)));
            }
            return instance.topics.get(topic).view();
        }
    }

    /**
     * Creates a consumer group (nothing happens when it exists).
     *
     * @throws UnknownInstanceException when there is no such instance
     */
    public void putGroup(String instanceId, String group) {
        Names.group(group);
        synchronized (this) {
            if (!instance(instanceId).groups.contains(group)) {
                write(new CatalogCommand.PutGroup(instanceId, group));
            }
        }
    }

    /**
     * Appends messages with these store timestamps (any order; milliseconds, {@code >= 0}) to a
     * queue, durably, and returns the queue's range after them.
     *
     * @param minOffset the queue's first offset, as after retention; only while the queue is empty
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownTopicException when the instance has no such topic
     * @throws UnknownBrokerException when the topic has no such queue on that broker
     * @throws StoreConflictException when {@code minOffset} is given and the queue holds messages
     */
    public OffsetRange append(
            String instanceId,
            String topic,
            String broker,
            int queueId,
            long[] storeTimestamps,
            OptionalLong minOffset) {
        QueueLog queue;
        synchronized (this) {
            queue = topic(instance(instanceId), topic).queue(broker, queueId);
        }
        try {
            return queue.append(storeTimestamps, minOffset);
        } catch (IOException e) {
            throw new BackendUnavailableException("the messages could not be written: " + e.getMessage(), e);
        }
    }

    /**
     * Every queue of a topic, sorted by broker then queue id, with the group's committed offset.
     *
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownGroupException when the instance has no such group
     * @throws UnknownTopicException when the instance has no such topic
     */
    public List<QueueState> offsets(String instanceId, String group, String topic) {
        List<QueueRef> queues = queuesOf(instanceId, group, topic);
        GroupOffsets committed = groupOffsets(instanceId, group, topic);
        List<QueueState> states = new ArrayList<>(queues.size());
        for (QueueRef ref : queues) {
            OffsetRange range = ref.queue().range();
            states.add(new QueueState(
                    ref.broker(),
                    ref.queueId(),
                    committed.offset(ref.broker(), ref.queueId()),
                    range.minOffset(),
                    range.maxOffset()));
        }
        return states;
    }

    /** Every instance the store holds, sorted by id. */
    public synchronized List<InstanceView> instances() {
        List<InstanceView> views = new ArrayList<>();
        instances.values().forEach(instance -> views.add(instance.view()));
        return views;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The embedded store checks the instance (and that it is in {@code target.projectId()}), then
     * the group, then the topic. The lookup and the commit of one group and topic happen as one step
     * (other resets of the same group and topic wait); the offsets of every queue go to disk in one
     * record, forced before this method returns.
     */
    @Override
    public List<QueueOffset> resetByTime(ResetTarget target, long timestamp) {
        if (timestamp < -1) {
            throw new IllegalArgumentException("timestamp is >= 0 or -1 (latest), was " + timestamp);
        }
        synchronized (this) {
            Instance instance = instances.get(target.instanceId());
            if (instance == null || !instance.projectId.equals(target.projectId())) {
                throw new UnknownInstanceException(target.instanceId());
            }
        }
        List<QueueRef> queues = queuesOf(target.instanceId(), target.group(), target.topic());
        GroupOffsets committed = groupOffsets(target.instanceId(), target.group(), target.topic());
        List<QueueOffset> offsets = new ArrayList<>(queues.size());
        try {
            long ticket;
            synchronized (committed) { // lookup and write as one step
                for (QueueRef ref : queues) {
                    offsets.add(new QueueOffset(
                            ref.broker(), ref.queueId(), ref.queue().offsetForTime(timestamp)));
                }
                ticket = committed.write(offsets);
            }
            committed.awaitDurable(ticket); // outside the lock: concurrent resets share one fsync
        } catch (IOException e) {
            throw new BackendUnavailableException("the new offsets could not be written: " + e.getMessage(), e);
        }
        return Collections.unmodifiableList(offsets);
    }

    /** Closes every file and releases the data directory. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        synchronized (this) {
            List<Closeable> closeables = new ArrayList<>(groupOffsets.values());
            for (Instance instance : instances.values()) {
                for (Topic topic : instance.topics.values()) {
                    topic.queues.values().forEach(closeables::addAll);
                }
            }
            closeables.add(catalogLog);
            closeables.add(lock);
            for (Closeable closeable : closeables) {
                try {
                    closeable.close();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private List<QueueRef> queuesOf(String instanceId, String group, String topicName) {
        synchronized (this) {
            Instance instance = instance(instanceId);
            if (!instance.groups.contains(group)) {
                throw new UnknownGroupException(group);
            }
            Topic topic = topic(instance, topicName);
            List<QueueRef> refs = new ArrayList<>();
            topic.queues.forEach((broker, queues) -> {
                for (int id = 0; id < queues.size(); id++) {
                    refs.add(new QueueRef(broker, id, queues.get(id)));
                }
            });
            return refs;
        }
    }

    private GroupOffsets groupOffsets(String instanceId, String group, String topic) {
        Path file = layout.offsetsFile(instanceId, group, topic);
        try {
            return groupOffsets.computeIfAbsent(file, key -> {
                try {
                    return GroupOffsets.open(key);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw new BackendUnavailableException(
                    "the offsets file " + file + " could not be opened: "
                            + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    private Instance instance(String instanceId) {
        Instance instance = instances.get(instanceId);
        if (instance == null) {
            throw new UnknownInstanceException(instanceId);
        }
        return instance;
    }

    private static Topic topic(Instance instance, String topicName) {
        Topic topic = instance.topics.get(topicName);
        if (topic == null) {
            throw new UnknownTopicException(topicName);
        }
        return topic;
    }

    /** Writes a catalog command durably, then applies it. Caller holds this monitor. */
    private void write(CatalogCommand command) {
        try {
            catalogLog.append(CatalogCommand.encode(command));
            apply(command);
        } catch (IOException e) {
            throw new BackendUnavailableException("the catalog could not be written: " + e.getMessage(), e);
        }
    }

    private void apply(CatalogCommand command) throws IOException {
        if (command instanceof CatalogCommand.PutInstance c) {
            instances
                    .computeIfAbsent(c.instanceId(), id -> new Instance(id, c.projectId()))
                    .brokers
                    .addAll(c.brokers());
        } else if (command instanceof CatalogCommand.PutTopic c) {
            Instance instance = instance(c.instanceId());
            Topic topic = instance.topics.computeIfAbsent(c.topic(), Topic::new);
            for (Map.Entry<String, Integer> entry : c.queues().entrySet()) {
                List<QueueLog> queues = topic.queues.computeIfAbsent(entry.getKey(), broker -> new ArrayList<>());
                while (queues.size() < entry.getValue()) {
                    queues.add(
                            QueueLog.open(layout.queueFile(c.instanceId(), c.topic(), entry.getKey(), queues.size())));
                }
            }
        } else if (command instanceof CatalogCommand.PutGroup c) {
            instance(c.instanceId()).groups.add(c.group());
        }
    }

    private record QueueRef(String broker, int queueId, QueueLog queue) {}

    /** Guarded by the store's monitor. */
    private static final class Instance {
        final String id;
        final String projectId;
        final TreeSet<String> brokers = new TreeSet<>();
        final TreeMap<String, Topic> topics = new TreeMap<>();
        final TreeSet<String> groups = new TreeSet<>();

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

    /** Guarded by the store's monitor. */
    private static final class Topic {
        final String name;
        final TreeMap<String, List<QueueLog>> queues = new TreeMap<>();

        Topic(String name) {
            this.name = name;
        }

        int queueCount(String broker) {
            List<QueueLog> onBroker = queues.get(broker);
            return onBroker == null ? 0 : onBroker.size();
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
