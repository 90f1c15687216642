package io.offsetkit.server.store;

import io.offsetkit.server.store.log.MemoryStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * An embedded store opened and filled in one step, for {@code java -jar} and the emulator alike: the
 * one place that cleans up after a fill that fails. Such a store is closed, and when it was empty when
 * opened in a directory, what the fill wrote is deleted: the next start, its data mended, would
 * otherwise take the half-filled directory for a store to keep as it is, and skip the fill.
 */
public final class FilledStore {

    /** What a store in memory calls its directory (it names the files; nothing is written there). */
    private static final Path MEMORY = Path.of("offsetkit-memory-store");

    private FilledStore() {}

    /**
     * Opens the store in {@code directory} (created if missing) and hands it to {@code fill}, which
     * sees whether it is empty ({@link EmbeddedStore#isEmpty()}) and decides what to write.
     *
     * @throws IOException when the store cannot be opened (the directory in use, not writable, of
     *     another format); nothing is left open
     * @throws RuntimeException what {@code fill} throws, after the clean-up above
     */
    public static EmbeddedStore open(Path directory, Consumer<EmbeddedStore> fill) throws IOException {
        EmbeddedStore store = EmbeddedStore.open(directory);
        filled(store, fill, directory);
        return store;
    }

    /**
     * Opens a store over {@code storage}, files in memory, and hands it to {@code fill}.
     *
     * @throws RuntimeException what {@code fill} throws, after the store is closed
     */
    public static EmbeddedStore inMemory(MemoryStorage storage, Consumer<EmbeddedStore> fill) {
        EmbeddedStore store;
        try {
            store = EmbeddedStore.open(MEMORY, storage);
        } catch (IOException e) {
            throw new IllegalStateException("a store in memory cannot fail to open: " + e.getMessage(), e);
        }
        filled(store, fill, null);
        return store;
    }

    /**
     * Writes the files of a store in memory (one that {@link #inMemory} opened over {@code storage}) as
     * one image, which {@link #readImage} reads back: a store opened over it starts in the same state.
     */
    public static void writeImage(MemoryStorage storage, OutputStream out) throws IOException {
        storage.writeImage(MEMORY, out);
    }

    /**
     * The files of a store in memory, read from an image {@link #writeImage} wrote, for {@link #inMemory}.
     *
     * @throws IOException when {@code in} cannot be read or holds no such image
     */
    public static MemoryStorage readImage(InputStream in) throws IOException {
        return MemoryStorage.readImage(MEMORY, in);
    }

    private static void filled(EmbeddedStore store, Consumer<EmbeddedStore> fill, Path directory) {
        boolean fresh = store.isEmpty();
        try {
            fill.accept(store);
        } catch (RuntimeException | Error e) {
            try {
                store.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            if (fresh && directory != null) {
                try {
                    EmbeddedStore.deleteFiles(directory);
                } catch (IOException deleting) {
                    e.addSuppressed(deleting);
                }
            }
            throw e;
        }
    }
}
