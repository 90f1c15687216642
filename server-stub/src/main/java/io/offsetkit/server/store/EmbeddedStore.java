package io.offsetkit.server.store;

import io.offsetkit.server.backend.BackendUnavailableException;
import io.offsetkit.server.backend.ConsumerConnection;
import io.offsetkit.server.backend.GroupRef;
import io.offsetkit.server.backend.NoConsumerOffsetsException;
import io.offsetkit.server.backend.OffsetBackend;
import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.backend.QueueProgress;
import io.offsetkit.server.backend.QueueStatus;
import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.backend.TopicRef;
import io.offsetkit.server.backend.UnknownGroupException;
import io.offsetkit.server.backend.UnknownInstanceException;
import io.offsetkit.server.backend.UnknownTopicException;
import io.offsetkit.server.store.log.Storage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The embedded store: instances, their brokers, topics with queues, consumer groups with their declared
 * consumers, and committed offsets, all in one data directory ({@link StoreLayout}), every change on disk before the call that
 * made it returns.
 *
 * <p>A facade over the parts that do the work: the {@link DataDirectoryLock} keeps other processes
 * out; the {@link Catalog} holds instances, brokers, topics and groups (its {@link CatalogModel} in
 * memory); each queue's messages are a {@link QueueLog}; each group's committed offsets on a topic are
 * a {@link GroupOffsets}, found in {@link GroupOffsetsFiles}; a reset is a {@link TopicReset}.
 *
 * <p>Every file is a {@link io.offsetkit.server.store.log.RecordLog}: an append-only file of
 * CRC-checked records, forced to disk on each append, whose torn tail (a crash mid-append) is dropped
 * at open. So a crash at any instant leaves every queue's consumer offset at the value of the last
 * reset that returned, or of the reset in flight (which may have reached the disk before the crash
 * cut its answer), never a mix.
 *
 * <p>Reads ({@link #groupTopics}, {@link #groupProgress}, {@link #topicStatus}, {@link #consumers}) change
 * nothing and write nothing; they take the same monitors as the changes, each for a moment and none
 * inside another.
 *
 * <p>Concurrency (this class takes no monitor of its own): catalog changes serialise on the catalog's
 * monitor ({@code Catalog.this}); resets of the same group and topic serialise on their {@link
 * GroupOffsets} ({@code GroupOffsets.this}); appends to one queue serialise on its {@code appendLock};
 * resets of different groups, and appends to different queues, run in parallel. Only one process may
 * open a data directory at a time.
 *
 * <p>Monitors nest only in these orders, so no two threads can wait for each other: {@code
 * Catalog.this} before a queue's {@code appendLock} (closing); {@code GroupOffsets.this} before
 * {@code QueueLog.this} (a reset's lookups, {@link #commitOffsets}' range checks); {@code appendLock} before {@code QueueLog.this} (an
 * append); {@code Catalog.this} before {@code QueueLog.this} ({@link #stats}); a {@link
 * GroupOffsets}'s {@code durability} with no other.
 */
public final class EmbeddedStore implements OffsetBackend, Closeable {

    /** The most queues a topic may have on one broker. */
    public static final int MAX_QUEUES_PER_BROKER = 1024;

    private final StoreLayout layout;
    private final DataDirectoryLock lock;
    private final Catalog catalog;
    private final GroupOffsetsFiles groupOffsets;

    private EmbeddedStore(StoreLayout layout, DataDirectoryLock lock, Catalog catalog) {
        this.layout = layout;
        this.lock = lock;
        this.catalog = catalog;
        this.groupOffsets = new GroupOffsetsFiles(layout);
    }

    /**
     * Opens (or creates) the store in {@code directory}, replaying its catalog and its queues' message
     * logs, recovering any torn tail.
     *
     * @throws IOException when the directory cannot be read or written, holds a file of another
     *     format, or is open in another process
     */
    public static EmbeddedStore open(Path directory) throws IOException {
        return open(directory, Storage.disk());
    }

    /**
     * Deletes a closed store's own files and directories on disk in {@code directory} (its catalog,
     * its queues, its offsets, its lock file), and nothing else the directory holds: what a start
     * that could not fill a fresh store leaves, so that the next start finds it empty again.
     *
     * @throws IOException when one cannot be deleted
     */
    public static void deleteFiles(Path directory) throws IOException {
        for (Path entry : StoreLayout.of(directory).ownEntries()) {
            if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            List<Path> deepestFirst;
            try (Stream<Path> tree = Files.walk(entry)) {
                deepestFirst = tree.sorted(Comparator.reverseOrder()).toList();
            }
            for (Path path : deepestFirst) {
                Files.delete(path);
            }
        }
    }

    /**
     * Opens (or creates) the store in {@code directory} of {@code storage}: on disk as {@link
     * #open(Path)} does, or in memory ({@link io.offsetkit.server.store.log.MemoryStorage}), where the
     * directory only names the files.
     *
     * @throws IOException when the store cannot be read, holds a file of another format, or is open
     *     already
     */
    public static EmbeddedStore open(Path directory, Storage storage) throws IOException {
        StoreLayout layout = StoreLayout.of(directory, storage);
        storage.createDirectories(layout.directory());
        DataDirectoryLock lock = DataDirectoryLock.acquire(layout);
        try {
            return new EmbeddedStore(layout, lock, Catalog.open(layout));
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Where the store lives. */
    public Path directory() {
        return layout.directory();
    }

    /** Whether the store holds no instance at all (a fresh data directory). */
    public boolean isEmpty() {
        return catalog.isEmpty();
    }

    /**
     * Creates an instance, or adds brokers to an existing one.
     *
     * @throws StoreConflictException when the instance exists in another project
     * @throws IllegalArgumentException when a name breaks {@link Names}
     */
    public InstanceView putInstance(String instanceId, String projectId, List<String> brokers) {
        return catalog.putInstance(instanceId, projectId, brokers);
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
        return catalog.putTopic(instanceId, topic, queues);
    }

    /**
     * Creates a consumer group (nothing happens when it exists).
     *
     * @throws UnknownInstanceException when there is no such instance
     */
    public void putGroup(String instanceId, String group) {
        catalog.putGroup(instanceId, group);
    }

    /**
     * Deletes a topic with its queues' messages and every group's committed offsets on it, durably
     * (a restart does not bring it back). Meant for the clean-up of what a test created: a reset of
     * that topic in flight at the same moment may fail or be lost.
     *
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownTopicException when the instance has no such topic
     */
    public void deleteTopic(String instanceId, String topic) {
        for (String group : catalog.deleteTopic(instanceId, topic)) {
            forget(instanceId, group, topic);
        }
    }

    /**
     * Deletes a consumer group with its committed offsets on every topic, durably. Meant for the
     * clean-up of what a test created, as {@link #deleteTopic}.
     *
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownGroupException when the instance has no such group
     */
    public void deleteGroup(String instanceId, String group) {
        for (String topic : catalog.deleteGroup(instanceId, group)) {
            forget(instanceId, group, topic);
        }
    }

    private void forget(String instanceId, String group, String topic) {
        try {
            groupOffsets.forget(instanceId, group, topic);
        } catch (IOException e) {
            throw new BackendUnavailableException("the offsets file could not be closed: " + e.getMessage(), e);
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
        QueueLog queue = catalog.queue(instanceId, topic, broker, queueId);
        try {
            return queue.append(storeTimestamps, minOffset); // without the catalog's monitor
        } catch (IOException e) {
            throw new BackendUnavailableException("the messages could not be written: " + e.getMessage(), e);
        }
    }

    /**
     * Declares a group's consumers: with {@code replaceAll} they become its only ones (an empty list
     * declares none); otherwise each is added, or replaces the consumer of its client id. Durable, as
     * the rest of the catalog.
     *
     * @return every consumer of the group now, sorted by client id
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownGroupException when the instance has no such group
     * @throws IllegalArgumentException when a consumer breaks {@link Consumers}' rules, naming the field
     */
    public List<GroupConsumer> putConsumers(
            String instanceId, String group, List<GroupConsumer> consumers, boolean replaceAll) {
        return catalog.putConsumers(instanceId, group, consumers, replaceAll);
    }

    /**
     * Sets one declared consumer of a group online (connected) or offline.
     *
     * @return the consumer now
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownGroupException when the instance has no such group
     * @throws IllegalArgumentException when the group has no consumer of that client id
     */
    public GroupConsumer setConsumerOnline(String instanceId, String group, String clientId, boolean online) {
        return catalog.setConsumerOnline(instanceId, group, clientId, online);
    }

    /**
     * Every consumer declared in a group, online or not, sorted by client id.
     *
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownGroupException when the instance has no such group
     */
    public List<GroupConsumer> declaredConsumers(String instanceId, String group) {
        return catalog.consumers(instanceId, group);
    }

    /**
     * Commits offsets of a group on some queues of a topic, as a consumer's commit would (not by time,
     * as a reset does): durable before it returns, serialised with the resets of that group and topic,
     * all of them in one record. Queues not named keep their offsets.
     *
     * @param offsets one per queue named, each within the queue's {@code [min offset, max offset]}
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownGroupException when the instance has no such group
     * @throws UnknownTopicException when the instance has no such topic
     * @throws UnknownBrokerException when the topic has no such queue
     * @throws IllegalArgumentException when an offset is outside its queue's range, or a queue is named
     *     twice
     */
    public void commitOffsets(String instanceId, String group, String topic, List<QueueOffset> offsets) {
        List<TopicQueue> queues = catalog.queues(instanceId, group, topic);
        Map<String, QueueOffset> named = new HashMap<>();
        for (QueueOffset offset : offsets) {
            if (named.put(offset.brokerName() + "/" + offset.queueId(), offset) != null) {
                throw new IllegalArgumentException(
                        "the queue " + offset.queueId() + " of broker '" + offset.brokerName() + "' is given twice");
            }
            catalog.queue(instanceId, topic, offset.brokerName(), offset.queueId()); // it exists
        }
        GroupOffsets committed = groupOffsets.of(instanceId, group, topic);
        List<QueueOffset> sorted =
                offsets.stream().sorted(QueueOffset.RESPONSE_ORDER).toList();
        try {
            long ticket;
            synchronized (committed) { // GroupOffsets.this: the range checks and the write as one step
                for (TopicQueue queue : queues) {
                    QueueOffset offset = named.get(queue.broker() + "/" + queue.queueId());
                    OffsetRange range = queue.log().range();
                    if (offset != null
                            && (offset.offset() < range.minOffset() || offset.offset() > range.maxOffset())) {
                        throw new IllegalArgumentException("the offset " + offset.offset() + " of queue "
                                + queue.queueId() + " of broker '" + queue.broker() + "' is outside its range ["
                                + range.minOffset() + ", " + range.maxOffset() + "]");
                    }
                }
                ticket = committed.write(sorted);
            }
            committed.awaitDurable(ticket);
        } catch (IOException e) {
            throw new BackendUnavailableException("the offsets could not be written: " + e.getMessage(), e);
        }
    }

    /**
     * Every queue of a topic, sorted by broker then queue id, with the group's committed offset and the
     * queue's offsets and last message time: the one computation behind {@link #groupProgress}, the
     * admin API's offsets and the emulator's {@code committedOffsets}. Consistent as {@link
     * #groupProgress} says.
     *
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownGroupException when the instance has no such group
     * @throws UnknownTopicException when the instance has no such topic
     */
    public List<QueueState> offsets(String instanceId, String group, String topic) {
        return states(catalog.queues(instanceId, group, topic), instanceId, group, topic);
    }

    /**
     * The offsets first, then each queue's state: a queue's max offset only grows, so it is never below
     * an offset committed before it was read (no negative lag), and the offsets are one snapshot, so
     * they hold each reset whole or not at all.
     */
    private List<QueueState> states(List<TopicQueue> queues, String instanceId, String group, String topic) {
        GroupOffsets.Snapshot committed = groupOffsets.snapshot(instanceId, group, topic);
        List<QueueState> states = new ArrayList<>(queues.size());
        for (TopicQueue queue : queues) {
            QueueLog.Status status = queue.log().status();
            states.add(new QueueState(
                    queue.broker(),
                    queue.queueId(),
                    committed.offset(queue.broker(), queue.queueId()),
                    status.minOffset(),
                    status.maxOffset(),
                    status.lastStoreTimestamp()));
        }
        return states;
    }

    /**
     * What the store holds now. Takes the catalog's monitor and each queue's for a moment: for a
     * metrics scrape, not for every request.
     */
    public StoreStats stats() {
        return catalog.stats();
    }

    /** Every instance the store holds, sorted by id. */
    public List<InstanceView> instances() {
        return catalog.instances();
    }

    /**
     * One instance as the store holds it now.
     *
     * @throws UnknownInstanceException when there is no such instance
     */
    public InstanceView instance(String instanceId) {
        return catalog.instance(instanceId);
    }

    /**
     * One topic of an instance as the store holds it now.
     *
     * @throws UnknownInstanceException when there is no such instance
     * @throws UnknownTopicException when the instance has no such topic
     */
    public InstanceView.TopicView topic(String instanceId, String topic) {
        return catalog.topic(instanceId, topic);
    }

    /**
     * {@link #resetByTime} on the queues of some brokers only, the others left as they are: what a
     * reset that failed on some brokers leaves (the emulator's partial-reset fault). Checks as {@link
     * #resetByTime} does, in the same order.
     *
     * @param onBroker whether the reset applies on a broker, by its name
     * @return the new offsets of the queues it applied on, sorted by broker name then queue id
     */
    public List<QueueOffset> resetByTimeOnBrokers(ResetTarget target, long timestamp, Predicate<String> onBroker) {
        if (timestamp < -1) {
            throw new IllegalArgumentException("timestamp is >= 0 or -1 (latest), was " + timestamp);
        }
        List<TopicQueue> queues = catalog.queuesToReset(target).stream()
                .filter(queue -> onBroker.test(queue.broker()))
                .toList();
        GroupOffsets committed = groupOffsets.of(target.instanceId(), target.group(), target.topic());
        try {
            return new TopicReset(queues, committed).toTime(timestamp);
        } catch (IOException e) {
            throw new BackendUnavailableException("the new offsets could not be written: " + e.getMessage(), e);
        }
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
        try {
            return reset(target, timestamp).toTime(timestamp);
        } catch (IOException e) {
            throw notWritten(e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>The embedded store looks up and writes the new offsets before it returns, as {@link
     * #resetByTime} does, and leaves the fsync to the group commit: the stage completes once an fsync
     * has covered this reset's record, on the thread that forced the file (this one, when no other was
     * forcing it), never before. Concurrent resets of one group and topic share that fsync.
     */
    @Override
    public CompletionStage<List<QueueOffset>> resetByTimeAsync(ResetTarget target, long timestamp) {
        try {
            return reset(target, timestamp).toTimeWhenDurable(timestamp).exceptionally(failure -> {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                throw cause instanceof IOException e ? notWritten(e) : new CompletionException(cause);
            });
        } catch (IOException e) {
            return CompletableFuture.failedFuture(notWritten(e));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The reset of the target's group and topic, its instance, group and topic checked. */
    private TopicReset reset(ResetTarget target, long timestamp) {
        if (timestamp < -1) {
            throw new IllegalArgumentException("timestamp is >= 0 or -1 (latest), was " + timestamp);
        }
        List<TopicQueue> queues = catalog.queuesToReset(target);
        return new TopicReset(queues, groupOffsets.of(target.instanceId(), target.group(), target.topic()));
    }

    private static BackendUnavailableException notWritten(IOException e) {
        return new BackendUnavailableException("the new offsets could not be written: " + e.getMessage(), e);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The embedded store checks the instance (in its project), then the group. A topic is listed
     * when the group's durable offsets on it name at least one queue. Changes nothing: a topic whose
     * offsets file does not exist is not opened.
     */
    @Override
    public List<String> groupTopics(GroupRef group) {
        List<String> topics = new ArrayList<>();
        for (String topic : catalog.topicNames(group)) {
            if (!groupOffsets.snapshot(group.instanceId(), group.group(), topic).isEmpty()) {
                topics.add(topic);
            }
        }
        return topics;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The embedded store checks the instance (in its project), then the group, then the topic, as
     * {@link #resetByTime} does. What a read sees while resets run: the group's offsets on the topic are
     * one snapshot of its durable commits, so every reset is in it on all its queues or on none (a reset
     * whose fsync has not finished is not in it yet); each queue's broker offset and last message time
     * are read together, after the offsets, so the broker offset is never below the committed one; an
     * append running meanwhile may be seen on some queues and not yet on others. Changes nothing.
     */
    @Override
    public List<QueueProgress> groupProgress(ResetTarget target) {
        List<QueueState> states =
                states(catalog.queuesToReset(target), target.instanceId(), target.group(), target.topic());
        if (states.stream().allMatch(state -> state.consumerOffset() == null)) {
            throw new NoConsumerOffsetsException(target.group(), target.topic());
        }
        List<QueueProgress> progress = new ArrayList<>(states.size());
        for (QueueState state : states) {
            progress.add(new QueueProgress(
                    state.brokerName(),
                    state.queueId(),
                    state.maxOffset(),
                    state.consumerOffset() == null ? state.minOffset() : state.consumerOffset(),
                    state.lastMessageTime()));
        }
        return progress;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The embedded store checks the instance (in its project), then the topic. Each queue's offsets
     * and last message time are read together; an append running meanwhile may be seen on some queues
     * and not yet on others. Changes nothing.
     */
    @Override
    public List<QueueStatus> topicStatus(TopicRef topic) {
        List<TopicQueue> queues = catalog.topicQueues(topic);
        List<QueueStatus> statuses = new ArrayList<>(queues.size());
        for (TopicQueue queue : queues) {
            QueueLog.Status status = queue.log().status();
            statuses.add(new QueueStatus(
                    queue.broker(),
                    queue.queueId(),
                    status.minOffset(),
                    status.maxOffset(),
                    status.lastStoreTimestamp()));
        }
        return statuses;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The embedded store checks the instance (in its project), then the group, and lists the
     * group's declared consumers that are online, from one state of the catalog. Changes nothing.
     */
    @Override
    public List<ConsumerConnection> consumers(GroupRef group) {
        return catalog.consumers(group).stream()
                .filter(GroupConsumer::online)
                .map(GroupConsumer::connection)
                .toList();
    }

    /** {@link #consumers}' answer, not empty, without making the list: asked before every reset. */
    @Override
    public boolean hasOnlineConsumer(GroupRef group) {
        return catalog.hasOnlineConsumer(group);
    }

    /** Closes every file and releases the data directory. */
    @Override
    public void close() throws IOException {
        Closeables.closeAll(List.of(groupOffsets, catalog, lock));
    }
}
