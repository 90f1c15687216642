package io.offsetkit.server.assembly;

import io.offsetkit.server.admin.AdminAccess;
import io.offsetkit.server.admin.AdminApi;
import io.offsetkit.server.auth.RequestAuthenticator;
import io.offsetkit.server.backend.OffsetBackend;
import io.offsetkit.server.engine.OperationObserver;
import io.offsetkit.server.engine.RequestPath;
import io.offsetkit.server.fault.Faults;
import io.offsetkit.server.fixture.FixtureSource;
import io.offsetkit.server.operations.ConsumerOffsetsHandler;
import io.offsetkit.server.operations.OnlineConsumerCheck;
import io.offsetkit.server.ops.AccessLog;
import io.offsetkit.server.ops.Health;
import io.offsetkit.server.ops.MeteredBackend;
import io.offsetkit.server.ops.Pages;
import io.offsetkit.server.ops.RequestIds;
import io.offsetkit.server.ops.ServerMetrics;
import io.offsetkit.server.ops.StartupBanner;
import io.offsetkit.server.ops.StoreGauges;
import io.offsetkit.server.rocketmq.RocketMqOffsetBackend;
import io.offsetkit.server.settings.ServerSettings;
import io.offsetkit.server.store.DataDirectoryInUseException;
import io.offsetkit.server.store.EmbeddedStore;
import io.offsetkit.server.store.FilledStore;
import io.offsetkit.server.store.InstanceView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The server without its HTTP server: the backend its settings choose (the embedded store, seeded
 * from the fixture, or the RocketMQ clusters), the contract's handler over it, the admin API, the
 * metrics, and the {@link RequestPath} that serves every request. Any HTTP server that turns its
 * requests into {@link Call}s serves it; {@link #close()} releases the backend.
 */
public final class Engine implements AutoCloseable {

    private final ServerSettings settings;
    private final OffsetBackend backend;
    private final EmbeddedStore store;
    private final AutoCloseable backendResources;
    private final AdminAccess adminAccess;
    private final ServerMetrics metrics;
    private final RequestPath requestPath;
    private final Faults faults;

    private Engine(
            ServerSettings settings,
            OffsetBackend backend,
            EmbeddedStore store,
            AutoCloseable backendResources,
            ServerMetrics metrics,
            OperationObserver observer,
            Faults faults,
            OnlineConsumerCheck.Remedy remedy) {
        this.settings = settings;
        this.faults = faults;
        this.store = store;
        this.backendResources = backendResources;
        this.adminAccess = new AdminAccess(settings.adminToken());
        this.metrics = metrics;
        String backendName = settings.backend().name().toLowerCase(Locale.ROOT);
        this.backend = new MeteredBackend(backend, backendName, metrics);
        if (store != null) {
            StoreGauges.register(metrics, store);
        } else if (settings.rocketmq() != null) {
            metrics.gauge(
                    "offsetkit.rocketmq.instances",
                    "RocketMQ instances the backend serves",
                    settings.rocketmq(),
                    rocketmq -> rocketmq.instances().size());
        }
        this.requestPath = new RequestPath(
                new ConsumerOffsetsHandler(
                        this.backend,
                        settings.requireOnlineConsumer()
                                ? OnlineConsumerCheck.required(remedy)
                                : OnlineConsumerCheck.off()),
                RequestAuthenticator.of(settings.auth(), Clock.systemUTC()),
                settings.maxBodyBytes(),
                store == null ? null : new AdminApi(store, faults),
                adminAccess,
                new Pages(),
                new Health(backendName),
                new RequestIds(),
                AccessLog.of(settings.logLevels()),
                metrics,
                observer,
                faults,
                store);
        requestPath.prime();
    }

    /**
     * Opens the backend of the settings: the embedded store in its data directory (seeded from the
     * fixture when it is empty), or the RocketMQ backend (which contacts no cluster before the first
     * reset, so that it starts while a cluster is down).
     *
     * @throws UncheckedIOException when the data directory cannot be opened (in use by another
     *     process, not writable, of another format)
     * @throws io.offsetkit.server.fixture.FixtureException when the fixture cannot be applied
     */
    public static Engine start(ServerSettings settings) {
        return start(settings, new ServerMetrics());
    }

    /**
     * Opens the backend of the settings, with metrics made beforehand (the registry needs no setting:
     * {@code java -jar} makes it while the command line is read).
     *
     * @see #start(ServerSettings)
     */
    public static Engine start(ServerSettings settings, ServerMetrics metrics) {
        if (settings.backend() == ServerSettings.Backend.ROCKETMQ) {
            RocketMqOffsetBackend rocketmq = new RocketMqOffsetBackend(settings.rocketmq());
            return new Engine(
                    settings,
                    rocketmq,
                    null,
                    rocketmq,
                    metrics,
                    OperationObserver.NONE,
                    new Faults(),
                    OnlineConsumerCheck.Remedy.ROCKETMQ_SERVER);
        }
        EmbeddedStore store;
        try {
            store = FilledStore.open(settings.dataDir(), opened -> FixtureSource.seed(opened, settings.fixture()));
        } catch (DataDirectoryInUseException e) {
            // Two servers on the default directory is the usual case: say how to give this one another.
            throw new UncheckedIOException(
                    "offsetkit.data-dir=" + settings.dataDir() + ": the store cannot be opened: " + e.getMessage()
                            + " (another offsetkit server?); stop it, or give this server a directory of its own:"
                            + " --offsetkit.data-dir=DIR (or OFFSETKIT_DATA_DIR=DIR)",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "offsetkit.data-dir=" + settings.dataDir() + ": the store cannot be opened: " + e.getMessage(), e);
        }
        return new Engine(
                settings,
                store,
                store,
                store,
                metrics,
                OperationObserver.NONE,
                new Faults(),
                OnlineConsumerCheck.Remedy.EMBEDDED_SERVER);
    }

    /**
     * The engine over an embedded store the caller opened and filled (the emulator's, in memory or
     * in a directory), in place of the one the settings name ({@code offsetkit.data-dir} and {@code
     * offsetkit.fixture} are not read); every other setting applies as in {@link #start}. Every call
     * of the contract's operations is told to {@code observer} as its answer leaves the request path.
     * The engine owns the store from now on: {@link #close()} closes it.
     *
     * @throws IllegalArgumentException when the settings name another backend than the embedded store
     */
    public static Engine over(ServerSettings settings, EmbeddedStore store, OperationObserver observer) {
        return over(settings, store, new ServerMetrics(), observer, new Faults());
    }

    /**
     * {@link #over(ServerSettings, EmbeddedStore, OperationObserver)} with the faults on demand its
     * calls may get: the emulator keeps one {@link Faults} across the engines its resets make.
     */
    public static Engine over(ServerSettings settings, EmbeddedStore store, OperationObserver observer, Faults faults) {
        return over(settings, store, new ServerMetrics(), observer, faults);
    }

    /**
     * {@link #over(ServerSettings, EmbeddedStore, OperationObserver)} with metrics made beforehand (on
     * another thread while the store fills, as {@code java -jar} does).
     */
    public static Engine over(
            ServerSettings settings, EmbeddedStore store, ServerMetrics metrics, OperationObserver observer) {
        return over(settings, store, metrics, observer, new Faults());
    }

    /** {@link #over(ServerSettings, EmbeddedStore, ServerMetrics, OperationObserver)} with these faults on demand. */
    public static Engine over(
            ServerSettings settings,
            EmbeddedStore store,
            ServerMetrics metrics,
            OperationObserver observer,
            Faults faults) {
        if (settings.backend() != ServerSettings.Backend.EMBEDDED) {
            throw new IllegalArgumentException(
                    "offsetkit.backend=" + settings.backend().name().toLowerCase(Locale.ROOT)
                            + ": an engine over an embedded store needs offsetkit.backend=embedded");
        }
        // The emulator's engine: a refused reset says how to declare a consumer with the emulator's API.
        return new Engine(
                settings, store, store, store, metrics, observer, faults, OnlineConsumerCheck.Remedy.EMULATOR);
    }

    /** The path that serves every request. */
    public RequestPath requestPath() {
        return requestPath;
    }

    /** The backend that answers the contract's operations (measured). */
    public OffsetBackend backend() {
        return backend;
    }

    /** The faults on demand its calls may get (set through the admin API, or the emulator's). */
    public Faults faults() {
        return faults;
    }

    /** The embedded store, or null on the RocketMQ backend. */
    public EmbeddedStore store() {
        return store;
    }

    /** The metrics. */
    public ServerMetrics metrics() {
        return metrics;
    }

    /** What the server says once it listens at {@code baseUrl}. */
    public List<String> banner(String baseUrl) {
        if (store == null) {
            return StartupBanner.rocketmq(baseUrl, settings.auth().mode(), settings.rocketmq());
        }
        List<InstanceView> instances = store.instances();
        return StartupBanner.embedded(baseUrl, settings.auth().mode(), adminAccess.loopbackOnly(), instances);
    }

    /** Releases the backend (the store's files, the RocketMQ clients) and the metrics. */
    @Override
    public void close() throws Exception {
        try {
            backendResources.close();
        } finally {
            metrics.close();
        }
    }
}
