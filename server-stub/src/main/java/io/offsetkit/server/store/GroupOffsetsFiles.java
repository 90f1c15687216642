package io.offsetkit.server.store;

import io.offsetkit.server.backend.BackendUnavailableException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open {@link GroupOffsets} of every (instance, group, topic) used so far, each opened on first
 * use from {@link StoreLayout#offsetsFile}. There is exactly one object per file: its monitor ({@code
 * GroupOffsets.this}) is what serialises the resets of that group and topic, so two objects for one
 * file would let two resets interleave.
 *
 * <p>Thread-safe without a monitor of its own: the map is a {@link ConcurrentHashMap}, whose {@code
 * computeIfAbsent} opens each file once, atomically for its key, while other keys go on in parallel.
 */
final class GroupOffsetsFiles implements Closeable {

    private final StoreLayout layout;
    // By names, not by path: a reset finds its file without building the path (names map one to one
    // to files, see FileNames).
    private final Map<GroupTopic, GroupOffsets> open = new ConcurrentHashMap<>();

    GroupOffsetsFiles(StoreLayout layout) {
        this.layout = layout;
    }

    /**
     * The committed offsets of {@code group} on {@code topic}, opened (not created: the first commit
     * creates the file) on first use. The names are not checked: the caller found them in the catalog.
     *
     * @throws BackendUnavailableException when the file cannot be read, naming it
     */
    GroupOffsets of(String instanceId, String group, String topic) {
        GroupOffsets offsets = open.get(new GroupTopic(instanceId, group, topic));
        return offsets != null ? offsets : open(instanceId, group, topic);
    }

    /**
     * The durable offsets of {@code group} on {@code topic} now, without opening anything for a group
     * that never committed on the topic (a read of every topic of a group leaves no object behind for
     * the topics it never touched).
     *
     * @throws BackendUnavailableException when the file exists but cannot be read, naming it
     */
    GroupOffsets.Snapshot snapshot(String instanceId, String group, String topic) {
        GroupOffsets offsets = open.get(new GroupTopic(instanceId, group, topic));
        if (offsets == null) {
            if (!layout.storage().exists(layout.offsetsFile(instanceId, group, topic))) {
                return GroupOffsets.Snapshot.EMPTY;
            }
            offsets = open(instanceId, group, topic);
        }
        return offsets.snapshot();
    }

    private GroupOffsets open(String instanceId, String group, String topic) {
        Path file = layout.offsetsFile(instanceId, group, topic);
        try {
            return open.computeIfAbsent(new GroupTopic(instanceId, group, topic), key -> {
                try {
                    return GroupOffsets.open(layout.storage(), file);
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

    /**
     * Closes and forgets the offsets of a group on a topic, whose file the catalog has deleted: a
     * group or topic made again under the same name starts with no committed offset.
     */
    void forget(String instanceId, String group, String topic) throws IOException {
        GroupOffsets offsets = open.remove(new GroupTopic(instanceId, group, topic));
        if (offsets != null) {
            offsets.close();
        }
    }

    /**
     * The key of one offsets file. Its {@code equals} and {@code hashCode} are written out: a record's own
     * are linked through {@code java.lang.runtime.ObjectMethods} at their first call, tens of milliseconds
     * of a fresh JVM's first reset. Equal as the record would be.
     */
    private record GroupTopic(String instanceId, String group, String topic) {

        @Override
        public boolean equals(Object other) {
            return this == other
                    || other instanceof GroupTopic that
                            && instanceId.equals(that.instanceId)
                            && group.equals(that.group)
                            && topic.equals(that.topic);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * instanceId.hashCode() + group.hashCode()) + topic.hashCode();
        }
    }

    /** Closes every file opened so far. */
    @Override
    public void close() throws IOException {
        Closeables.closeAll(open.values());
    }
}
