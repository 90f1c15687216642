package io.offsetkit.server.store;

import io.offsetkit.server.store.log.Storage;
import java.nio.file.Path;
import java.util.List;

/**
 * Where each file of the store lives in its data directory: the only class that knows the directory
 * structure. Every name is written with {@link FileNames}, so a name never escapes its directory and
 * two names that differ only in case never share a file.
 *
 * <pre>
 *   .lock                                           held while a process has the store open ({@link DataDirectoryLock})
 *   catalog.log                                     instances, brokers, topics, groups ({@link Catalog})
 *   queues/&lt;instance&gt;/&lt;topic&gt;/&lt;broker&gt;/&lt;queue id&gt;.log   message store timestamps ({@link QueueLog})
 *   offsets/&lt;instance&gt;/&lt;group&gt;/&lt;topic&gt;.log           a group's committed offsets ({@link GroupOffsets})
 * </pre>
 *
 * Every {@code .log} file is a {@link io.offsetkit.server.store.log.RecordLog}, kept in the layout's
 * {@link Storage} (on disk, or in memory for the emulator). Mapping a name to a path creates
 * nothing: the file's owner creates it when it first writes. Immutable.
 *
 * @param directory the data directory, absolute and normalised
 * @param storage where the files keep their bytes
 */
record StoreLayout(Path directory, Storage storage) {

    /** The layout of the data directory {@code directory} on disk, resolved against the working directory. */
    static StoreLayout of(Path directory) {
        return of(directory, Storage.disk());
    }

    /** The layout of the data directory {@code directory} in {@code storage}. */
    static StoreLayout of(Path directory, Storage storage) {
        return new StoreLayout(directory.toAbsolutePath().normalize(), storage);
    }

    /** Everything the store writes at the top of its directory: the files and the trees below them. */
    List<Path> ownEntries() {
        return List.of(catalogFile(), directory.resolve("queues"), directory.resolve("offsets"), lockFile());
    }

    Path lockFile() {
        return directory.resolve(".lock");
    }

    Path catalogFile() {
        return directory.resolve("catalog.log");
    }

    Path queueFile(String instanceId, String topic, String broker, int queueId) {
        return directory
                .resolve("queues")
                .resolve(FileNames.directory(instanceId))
                .resolve(FileNames.directory(topic))
                .resolve(FileNames.directory(broker))
                .resolve(queueId + ".log");
    }

    Path offsetsFile(String instanceId, String group, String topic) {
        return directory
                .resolve("offsets")
                .resolve(FileNames.directory(instanceId))
                .resolve(FileNames.directory(group))
                .resolve(FileNames.logFile(topic));
    }
}
