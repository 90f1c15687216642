package io.offsetkit.server.emulator;

import io.offsetkit.server.fixture.BundledState;
import io.offsetkit.server.fixture.FixtureException;
import io.offsetkit.server.fixture.FixtureLoader;
import io.offsetkit.server.fixture.FixtureSpec;
import io.offsetkit.server.store.EmbeddedStore;
import io.offsetkit.server.store.FilledStore;
import io.offsetkit.server.store.InstanceView;
import io.offsetkit.server.store.log.MemoryStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The emulator's store and its starting state: opened and filled (the fixture, then the {@link
 * EmulatorOptions#withData} callbacks), and opened again in that state at a reset. In memory with the
 * bundled fixture and no data, the starting state is the one the build filled ({@link BundledState}),
 * opened with no fixture applied. In memory, the
 * starting state's files are kept, and a reset opens a store over a copy of them (no fixture is read
 * again); in a directory, a reset deletes the store's files and fills it again. Which instance is the
 * emulator's own ({@link RunningEmulator#instanceId()}) is remembered here.
 *
 * <p>The store of the moment is read by the fixture calls, which take no lock, hence volatile; the
 * rest is guarded by the emulator's lifecycle.
 */
final class EmulatorStore {

    private final CheckedOptions options;
    private MemoryStorage baseline; // the starting state's files, in memory mode
    private volatile EmbeddedStore current;
    private volatile Ids defaultInstance;

    EmulatorStore(CheckedOptions options) {
        this.options = options;
    }

    /**
     * A store in the starting state, made for a start: filled through {@code emulator}'s fixture API.
     *
     * @throws IllegalStateException when the data directory cannot be opened or the fixture is refused
     */
    EmbeddedStore open(RunningEmulator emulator) {
        defaultInstance = null;
        if (options.dataDirectory() == null
                && options.bundled()
                && options.data().isEmpty()) {
            MemoryStorage shipped = BundledState.shipped();
            if (shipped != null) {
                // The bundled fixture's store, filled by the build: nothing to apply (section 7.6).
                baseline = shipped;
                return guarded(() -> FilledStore.inMemory(shipped.copy(), this::remember));
            }
        }
        Consumer<EmbeddedStore> fill = store -> fill(store, emulator);
        if (options.dataDirectory() == null) {
            MemoryStorage storage = new MemoryStorage();
            EmbeddedStore store = guarded(() -> FilledStore.inMemory(storage, fill));
            baseline = storage.copy();
            return store;
        }
        return openDirectory(fill);
    }

    /**
     * A store in the starting state again, for a reset: over a copy of the starting state's files in
     * memory; in a directory (whose store the caller closed) by deleting the store's files and filling
     * it again.
     */
    EmbeddedStore reopen(RunningEmulator emulator) {
        if (options.dataDirectory() == null) {
            return guarded(() -> FilledStore.inMemory(baseline.copy(), store -> current = store));
        }
        try {
            EmbeddedStore.deleteFiles(options.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("the store's files in " + options.dataDirectory() + " cannot be deleted", e);
        }
        defaultInstance = null;
        return openDirectory(store -> fill(store, emulator));
    }

    /** The store of the moment. */
    EmbeddedStore current() {
        EmbeddedStore store = current;
        if (store == null) {
            throw new IllegalStateException("the emulator is not running: start it first");
        }
        return store;
    }

    /** Forgets the store, closed by its engine. */
    void closed() {
        current = null;
    }

    /** The ids of an instance. */
    record Ids(String instanceId, String projectId) {}

    /** The emulator's own instance, or null when the store holds none. */
    Ids defaultInstance() {
        return defaultInstance;
    }

    /** An instance put through the fixture API: the emulator's own when it has none yet. */
    synchronized void put(InstanceView instance) {
        if (defaultInstance == null) {
            defaultInstance = new Ids(instance.instanceId(), instance.projectId());
        }
    }

    private EmbeddedStore openDirectory(Consumer<EmbeddedStore> fill) {
        Path directory = options.dataDirectory();
        try {
            return guarded(() -> {
                try {
                    return FilledStore.open(directory, store -> {
                        if (store.isEmpty()) {
                            fill.accept(store);
                        } else {
                            current = store;
                            remember(store);
                        }
                    });
                } catch (IOException e) {
                    throw new IllegalStateException(
                            "dataDirectory(" + directory + "): the store cannot be opened: " + e.getMessage(), e);
                }
            });
        } catch (RuntimeException | Error e) {
            current = null;
            throw e;
        }
    }

    /** The fixture, then the data; the store is the current one meanwhile, as the fixture API needs. */
    private void fill(EmbeddedStore store, RunningEmulator emulator) {
        current = store;
        FixtureSpec fixture = options.startingFixture();
        if (fixture != null) {
            try {
                FixtureLoader.apply(fixture, store, options.fixtureLocation());
            } catch (FixtureException e) {
                throw new IllegalStateException("fixture(\"" + options.fixtureLocation() + "\"): " + e.getMessage(), e);
            }
            if (!fixture.instances().isEmpty()) {
                defaultInstance = new Ids(
                        fixture.instances().get(0).instanceId(),
                        fixture.instances().get(0).projectId());
            }
        }
        for (Consumer<RunningEmulator> data : options.data()) {
            data.accept(emulator);
        }
        remember(store);
    }

    private void remember(EmbeddedStore store) {
        if (defaultInstance == null && !store.instances().isEmpty()) {
            put(store.instances().get(0));
        }
    }

    /** Runs an opening; when it fails, no store is current. */
    private EmbeddedStore guarded(Supplier<EmbeddedStore> opening) {
        try {
            EmbeddedStore store = opening.get();
            current = store;
            return store;
        } catch (RuntimeException | Error e) {
            current = null;
            throw e;
        }
    }
}
