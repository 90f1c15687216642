package io.offsetkit.server.start;

import io.offsetkit.server.assembly.Engine;
import io.offsetkit.server.ops.ConsoleLogging;
import io.offsetkit.server.ops.ServerMetrics;
import io.offsetkit.server.settings.ServerSettings;
import io.offsetkit.server.transport.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * The one start sequence of {@code java -jar} and of the emulator. It runs its parts side by side, as
 * a machine has at least two cores: what needs no setting (the logging, the transport's objects, the
 * metrics registry) from {@link #begin}, while the caller reads its settings; then, in {@link
 * #start}, the transport's listening beside the engine's start (the store opened and filled: beside
 * the logging and the metrics too when the caller opens it as a backend of its own). A request that
 * reaches the transport before the engine is ready waits for it.
 *
 * <p>A failed start leaves nothing open: the transport stops, and the engine (which owns the store)
 * or the metrics close.
 */
public final class StartSequence {

    private final CompletableFuture<Void> logging;
    private final CompletableFuture<Transport.Pending> prepared;
    private final CompletableFuture<ServerMetrics> metrics;
    private final String threads;
    private final boolean daemon;

    private StartSequence(Transport transport, String threads, boolean daemon) {
        this.threads = threads;
        this.daemon = daemon;
        // The logging first: what logs before it is set up would be held and replayed, with a warning.
        logging = CompletableFuture.runAsync(LoggerFactory::getILoggerFactory, thread(threads + "-logging", daemon));
        prepared = logging.thenApplyAsync(ready -> transport.prepare(), thread(threads + "-http", daemon));
        metrics = logging.thenApplyAsync(ready -> new ServerMetrics(), thread(threads + "-metrics", daemon));
    }

    /**
     * Starts what needs no setting, on threads named {@code <threads>-...}; daemon threads when the
     * caller's process must not wait for them (an app's tests).
     */
    public static StartSequence begin(Transport transport, String threads, boolean daemon) {
        return new StartSequence(transport, threads, daemon);
    }

    /**
     * Starts the engine {@code engine} makes over the metrics, and the transport on the settings'
     * address and port, and hands the engine's path to the transport. The logging levels of the
     * settings are set first, so that what the start logs follows them.
     *
     * @param engine makes the engine: opens the backend (the store, filled) with these metrics
     * @throws RuntimeException what {@code engine} throws, as it is; a {@link CannotListen} naming the
     *     address and the port when the transport cannot listen. Nothing stays open.
     */
    public Started start(ServerSettings settings, Function<ServerMetrics, Engine> engine) {
        return start(settings, () -> null, (nothing, metrics) -> engine.apply(metrics));
    }

    /**
     * As {@link #start(ServerSettings, Function)}, with a backend opened first, on the caller's thread
     * while the logging and the metrics start on theirs: what needs neither (an emulator's store,
     * filled from its fixture) is then off the start's critical path. What it logs before the logging
     * is set up is held and replayed by SLF4J, as any early logger's. (The metrics registry itself
     * waits for the logging: Micrometer logs as it starts.)
     *
     * @param backend opens the backend (may return null); runs once, before {@code engine}
     * @param engine makes the engine over that backend and the metrics; when it throws, it has closed
     *     the backend (as the emulator's does with the store it was given)
     * @throws RuntimeException what {@code backend} or {@code engine} throws, as it is; a {@link
     *     CannotListen} when the transport cannot listen. Nothing stays open: a backend opened is
     *     closed when the start fails before {@code engine} was called.
     */
    public <B extends AutoCloseable> Started start(
            ServerSettings settings, Supplier<B> backend, BiFunction<B, ServerMetrics, Engine> engine) {
        CompletableFuture<Transport.Listening> listening =
                prepared.thenApplyAsync(transport -> listen(transport, settings), thread(threads + "-listen", daemon));
        B opened = null;
        boolean handedOver = false;
        Engine started = null;
        try {
            opened = backend.get();
            // Levels set while SLF4J still starts would go to its stand-in loggers, and be lost.
            joined(logging);
            ConsoleLogging.setLevels(settings.logLevels());
            ServerMetrics ready = joined(metrics);
            handedOver = true;
            started = engine.apply(opened, ready);
            joined(prepared).serve(started.requestPath());
            return new Started(joined(listening), started);
        } catch (RuntimeException | Error failure) {
            listening.thenAccept(StartSequence::stopQuietly);
            if (started == null) {
                metrics.thenAccept(ServerMetrics::close);
                if (opened != null && !handedOver) {
                    try {
                        opened.close();
                    } catch (Exception e) {
                        failure.addSuppressed(e);
                    }
                }
            } else {
                try {
                    started.close();
                } catch (Exception e) {
                    failure.addSuppressed(e);
                }
            }
            throw failure;
        }
    }

    /** A transport that listens, serving an engine. */
    public record Started(Transport.Listening transport, Engine engine) {}

    private static Transport.Listening listen(Transport.Pending prepared, ServerSettings settings) {
        try {
            return prepared.listen(settings.address(), settings.port(), settings.shutdownTimeout());
        } catch (IOException e) {
            throw new CannotListen(e);
        }
    }

    /** The transport cannot listen on the settings' address and port (taken, not this machine's). */
    public static final class CannotListen extends UncheckedIOException {

        private static final long serialVersionUID = 1L;

        CannotListen(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** A task's result; its failure thrown as it is, not wrapped. */
    private static <T> T joined(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void stopQuietly(AutoCloseable stopping) {
        try {
            stopping.close();
        } catch (Exception e) {
            // The start failed already; that failure is the one reported.
        }
    }

    /** Runs a task on a thread of its own, named for what it starts. */
    private static Executor thread(String name, boolean daemon) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(daemon);
            thread.start();
        };
    }
}
