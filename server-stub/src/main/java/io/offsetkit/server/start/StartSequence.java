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
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * The one start sequence of {@code java -jar} and of the emulator. It runs its parts side by side, as
 * a machine has at least two cores: what needs no setting (the logging, the transport's objects, the
 * metrics registry) from {@link #begin}, while the caller reads its settings; then, in {@link
 * #start}, the transport's listening beside the engine's start (the store opened and filled). A
 * request that reaches the transport before the engine is ready waits for it.
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
        CompletableFuture<Transport.Listening> listening =
                prepared.thenApplyAsync(transport -> listen(transport, settings), thread(threads + "-listen", daemon));
        Engine started = null;
        try {
            // Levels set while SLF4J still starts would go to its stand-in loggers, and be lost.
            joined(logging);
            ConsoleLogging.setLevels(settings.logLevels());
            started = engine.apply(joined(metrics));
            joined(prepared).serve(started.requestPath());
            return new Started(joined(listening), started);
        } catch (RuntimeException | Error failure) {
            listening.thenAccept(StartSequence::stopQuietly);
            if (started == null) {
                metrics.thenAccept(ServerMetrics::close);
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
