package io.offsetkit.server.emulator;

import io.offsetkit.server.assembly.Engine;
import io.offsetkit.server.fault.Faults;
import io.offsetkit.server.ops.ServerMetrics;
import io.offsetkit.server.settings.ServerSettings;
import io.offsetkit.server.start.StartSequence;
import io.offsetkit.server.store.EmbeddedStore;
import io.offsetkit.server.transport.Transport;

/**
 * An emulator's start, reset and close: the server's own start sequence ({@link StartSequence}) over
 * the emulator's store ({@link EmulatorStore}), on the transport it is given. Thread-safe: each step
 * holds this object's lock.
 */
final class EmulatorLifecycle {

    private final ServerSettings settings;
    private final Transport transportKind;
    private final RunningEmulator emulator;
    private final EmulatorStore store;
    private final ResetJournal journal;
    private final Faults faults;
    private final boolean inMemory;

    private Transport.Listening transport; // null when stopped
    private Engine engine;

    EmulatorLifecycle(
            CheckedOptions options,
            Transport transport,
            RunningEmulator emulator,
            EmulatorStore store,
            ResetJournal journal,
            Faults faults) {
        this.settings = EmulatorSettings.of(options);
        this.transportKind = transport;
        this.emulator = emulator;
        this.store = store;
        this.journal = journal;
        this.faults = faults;
        this.inMemory = options.dataDirectory() == null;
    }

    /** See {@link OffsetkitEmulator#start()}. */
    synchronized void start() {
        if (transport != null) {
            throw new IllegalStateException("the emulator runs already, on " + baseUrl());
        }
        // A stopped emulator starts again as a new one would: its journal and its faults come from this start.
        journal.clear();
        faults.clear();
        StartSequence sequence = StartSequence.begin(transportKind, "offsetkit-emulator", true);
        StartSequence.Started started;
        try {
            // The store fills (the fixture read, its messages written) while the logging and the metrics start.
            started = sequence.start(settings, () -> store.open(emulator), this::engineOver);
        } catch (StartSequence.CannotListen e) {
            store.closed();
            throw new IllegalStateException("the emulator cannot start: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            store.closed();
            throw e;
        }
        transport = started.transport();
        engine = started.engine();
    }

    /** See {@link OffsetkitEmulator#reset()}. */
    synchronized void reset() {
        requireRunning();
        Engine previous = engine;
        if (!inMemory) {
            // The directory's lock is held by the store open now: that store closes first. When the
            // new one then fails, nothing is left to serve, and the emulator stops.
            engine = null;
            store.closed();
            try {
                closeOrThrow(previous);
                engine = engineOver(store.reopen(emulator), new ServerMetrics());
            } catch (RuntimeException | Error failure) {
                stopAfterFailedReset(failure);
                throw failure;
            }
            transport.serve(engine.requestPath());
        } else {
            Engine next = engineOver(store.reopen(emulator), new ServerMetrics());
            engine = next;
            transport.serve(next.requestPath());
            closeOrThrow(previous); // a request on its path finished there, or fails
        }
        journal.clear();
        faults.clear();
    }

    /** See {@link OffsetkitEmulator#close()}. */
    synchronized void close() {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (Exception e) {
            throw new IllegalStateException("the emulator's HTTP server did not stop: " + e.getMessage(), e);
        } finally {
            transport = null;
            Engine stopped = engine;
            engine = null;
            store.closed();
            closeOrThrow(stopped);
        }
    }

    synchronized boolean isRunning() {
        return transport != null;
    }

    synchronized String baseUrl() {
        requireRunning();
        return transport.baseUrl(EmulatorSettings.ADDRESS);
    }

    synchronized int port() {
        requireRunning();
        return transport.port();
    }

    /** The engine over a store just filled; the store is closed when the engine cannot be made. */
    private Engine engineOver(EmbeddedStore filled, ServerMetrics metrics) {
        try {
            return Engine.over(settings, filled, metrics, journal.observer(), faults);
        } catch (RuntimeException | Error e) {
            try {
                filled.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private void stopAfterFailedReset(Throwable failure) {
        try {
            transport.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        } finally {
            transport = null;
            engine = null;
            store.closed();
        }
    }

    private void requireRunning() {
        if (transport == null) {
            throw new IllegalStateException("the emulator is not running: start it first");
        }
    }

    private static void closeOrThrow(Engine closing) {
        if (closing == null) {
            return;
        }
        try {
            closing.close();
        } catch (Exception e) {
            throw new IllegalStateException("the emulator's store did not close: " + e.getMessage(), e);
        }
    }
}
