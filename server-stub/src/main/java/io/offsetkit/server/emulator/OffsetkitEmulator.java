package io.offsetkit.server.emulator;

import io.offsetkit.server.admin.AdminApi;
import io.offsetkit.server.assembly.Engine;
import io.offsetkit.server.fault.Faults;
import io.offsetkit.server.fixture.FixtureException;
import io.offsetkit.server.fixture.FixtureLoader;
import io.offsetkit.server.fixture.FixtureSource;
import io.offsetkit.server.fixture.FixtureSpec;
import io.offsetkit.server.ops.ConsoleLogging;
import io.offsetkit.server.ops.ServerMetrics;
import io.offsetkit.server.settings.ServerSettings;
import io.offsetkit.server.settings.SettingSources;
import io.offsetkit.server.store.EmbeddedStore;
import io.offsetkit.server.store.InstanceView;
import io.offsetkit.server.store.log.MemoryStorage;
import io.offsetkit.server.transport.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The reference server in an app's own tests: the same engine and the same request path as {@code
 * java -jar offsetkit-server.jar}, started in-process on a loopback port, with the embedded store in
 * memory (or in a directory), real answers, and offsets that can be read back.
 *
 * <pre>{@code
 * try (OffsetkitEmulator emulator = OffsetkitEmulator.builder().auth(EmulatorAuth.AKSK).start()) {
 *     emulator.instance().groups("billing").topic("orders", 2)
 *             .messages("broker-1", 0, Instant.parse("2026-01-01T10:00:00Z"));
 *     emulator.consumer("billing", "10.0.0.5@4711#1").subscribe("orders", "*"); // online
 *     // hand emulator.baseUrl(), projectId(), instanceId(), accessKey(), secretKey() to the code under test
 *     emulator.journal().resets("billing", "orders");          // what it sent, what it got
 *     emulator.instance().committedOffsets("billing", "orders"); // what the resets committed
 * }
 * }</pre>
 *
 * <p>State: the emulator starts with the fixture (the bundled one, the documented example, unless
 * told otherwise), then what {@link Builder#withData} adds. {@link #reset()} brings it back to
 * exactly that state and empties the journal: in memory, by opening a fresh store over a copy of the
 * starting state's files (no fixture is read again); in a directory, by emptying it and writing the
 * fixture again.
 *
 * <p>Thread-safe. Every instance has its own port, store and journal, and nothing is static, so
 * emulators run side by side (parallel test classes). {@link #reset()} and {@link #close()} are for
 * between tests: a request in flight meanwhile may fail.
 */
public final class OffsetkitEmulator implements AutoCloseable {

    /** The address the emulator listens on: loopback only. */
    static final String ADDRESS = "127.0.0.1";

    /** How long a close waits for the requests in flight. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

    /** What a store in memory calls its directory (it names the files; nothing is written there). */
    private static final Path MEMORY = Path.of("offsetkit-emulator-memory");

    private final EmulatorOptions options;
    private final ResetJournal journal = new ResetJournal();
    private final Faults faults = new Faults();
    private final EmulatorFaults emulatorFaults = new EmulatorFaults(faults);
    private final FixtureCalls calls = new FixtureCalls(() -> new AdminApi(currentStore()));

    // Guarded by this. The store is also read by fixture calls, which do not take the lock, hence volatile;
    // requests reach the store through the request path the HTTP server was handed, never through these.
    private ServerSettings settings;
    private MemoryStorage baseline; // the starting state's files, in memory mode
    private volatile EmbeddedStore store;
    private Engine engine;
    private Transport.Listening http;
    private String defaultInstanceId;
    private String defaultProjectId;

    private OffsetkitEmulator(EmulatorOptions options) {
        this.options = options;
    }

    /** A builder; {@link Builder#start()} starts an emulator with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening: the store is filled (fixture, then {@link Builder#withData}) while the HTTP
     * server starts on loopback, side by side as {@code java -jar} starts them (the logging, Jetty and
     * the metrics registry on threads of their own); it answers once both are ready. An emulator that
     * was closed starts again as a new one: the starting state (the directory's, in a data directory),
     * an empty journal, and with port 0 another free port; its options are not checked again.
     *
     * @throws IllegalStateException when it runs already, or when it cannot start (the port is taken,
     *     the fixture is refused, the data directory is in use), naming why; what a {@link
     *     Builder#withData} callback throws is thrown as it is. Either way nothing stays open: a data
     *     directory can be started on again.
     */
    public synchronized OffsetkitEmulator start() {
        if (http != null) {
            throw new IllegalStateException("the emulator runs already, on " + baseUrl());
        }
        // A stopped emulator starts again as a new one would: its journal and its instance come from this start.
        journal.clear();
        faults.clear();
        defaultInstanceId = null;
        defaultProjectId = null;
        // The logging first: what logs before it is set up would be held and replayed, with a warning.
        CompletableFuture<Void> logging =
                CompletableFuture.runAsync(LoggerFactory::getILoggerFactory, thread("offsetkit-emulator-logging"));
        Transport transport = EmulatorTransport.forThisJvm().transport();
        CompletableFuture<Transport.Pending> prepared =
                logging.thenApplyAsync(ready -> transport.prepare(), thread("offsetkit-emulator-http"));
        CompletableFuture<Transport.Listening> listening =
                prepared.thenApplyAsync(this::listen, thread("offsetkit-emulator-listen"));
        CompletableFuture<ServerMetrics> metrics =
                logging.thenApplyAsync(ready -> new ServerMetrics(), thread("offsetkit-emulator-metrics"));
        Engine started = null;
        try {
            settings = settings(options);
            EmbeddedStore filled = openFilled();
            started = Engine.over(settings, filled, joined(metrics), journal.observer(), faults);
            joined(logging);
            ConsoleLogging.setLevels(settings.logLevels());
            joined(prepared).serve(started.requestPath());
            http = joined(listening);
        } catch (Throwable failure) {
            // Whatever the start opened is closed: a store left open would keep its data directory locked.
            listening.thenAccept(OffsetkitEmulator::stopQuietly);
            if (started == null) {
                metrics.thenAccept(ServerMetrics::close);
            }
            abandon(started, store, failure);
            store = null;
            throw failure;
        }
        engine = started;
        return this;
    }

    /** The result of a start's task; its failure names why the emulator cannot start. */
    private static <T> T joined(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            throw new IllegalStateException(
                    "the emulator cannot start: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private Transport.Listening listen(Transport.Pending prepared) {
        try {
            return prepared.listen(ADDRESS, options.port(), SHUTDOWN_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * Brings the emulator back to the state it started with (the fixture and {@link
     * Builder#withData}), empties the journal, and removes every fault ({@link #faults()}) with its
     * journal. The port, the ids and the credentials stay.
     *
     * <p>When the starting state cannot be written again in a data directory (a {@link
     * Builder#withData} callback throws), what that throws is thrown, and the emulator is stopped: its
     * old store was closed to empty the directory, and nothing is left open.
     */
    public synchronized void reset() {
        requireRunning();
        if (options.dataDirectory() == null) {
            resetInMemory();
        } else {
            resetDirectory();
        }
        journal.clear();
        faults.clear();
    }

    /** A fresh store over a copy of the starting state's files; the old one closes once it is replaced. */
    private void resetInMemory() {
        EmbeddedStore fresh = open(baseline.copy());
        Engine next;
        try {
            next = Engine.over(settings, fresh, journal.observer(), faults);
        } catch (Throwable failure) {
            abandon(null, fresh, failure);
            throw failure;
        }
        Engine previous = engine;
        store = fresh;
        engine = next;
        http.serve(next.requestPath());
        closeOrThrow(previous);
    }

    /**
     * The directory emptied and filled again. Its lock is held by the store open now, so that store
     * closes first; when the new one then fails, nothing is left to serve, and the emulator stops.
     */
    private void resetDirectory() {
        Engine previous = engine;
        engine = null;
        store = null;
        Engine next = null;
        try {
            closeOrThrow(previous);
            EmbeddedStore filled = openFilledDirectory(true);
            next = Engine.over(settings, filled, journal.observer(), faults);
        } catch (Throwable failure) {
            abandon(next, store, failure);
            store = null;
            stopAfterFailedReset(failure);
            throw failure;
        }
        engine = next;
        http.serve(next.requestPath());
    }

    private void stopAfterFailedReset(Throwable failure) {
        try {
            http.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        } finally {
            http = null;
        }
    }

    /** Stops the HTTP server, then closes the store. Does nothing when it is not running. */
    @Override
    public synchronized void close() {
        if (http == null) {
            return;
        }
        try {
            http.close();
        } catch (Exception e) {
            throw new IllegalStateException("the emulator's HTTP server did not stop: " + e.getMessage(), e);
        } finally {
            http = null;
            Engine stopped = engine;
            engine = null;
            store = null;
            closeOrThrow(stopped);
        }
    }

    /** Whether it is listening. */
    public synchronized boolean isRunning() {
        return http != null;
    }

    /** {@code http://127.0.0.1:<port>}: the endpoint to give the SDK's builder or our client. */
    public synchronized String baseUrl() {
        requireRunning();
        return http.baseUrl(ADDRESS);
    }

    /** The port it listens on. */
    public synchronized int port() {
        requireRunning();
        return http.port();
    }

    /** The project id of the emulator's instance ({@link #instance()}). */
    public synchronized String projectId() {
        requireInstance();
        return defaultProjectId;
    }

    /** The id of the emulator's instance: the fixture's first, else the first one {@link Builder#withData} made. */
    public synchronized String instanceId() {
        requireInstance();
        return defaultInstanceId;
    }

    /** How calls are authenticated. */
    public EmulatorAuth auth() {
        return options.auth();
    }

    /** The AK the emulator accepts (in mode {@link EmulatorAuth#AKSK}; any signature passes in mode NONE). */
    public String accessKey() {
        return options.accessKey();
    }

    /** The SK of {@link #accessKey()}. */
    public String secretKey() {
        return options.secretKey();
    }

    /** The {@code X-Auth-Token} the emulator accepts in mode {@link EmulatorAuth#TOKEN}. */
    public String token() {
        return options.token();
    }

    /** The token refused as expired (401 {@code DMS.10240102}) in modes TOKEN and AKSK. */
    public String expiredToken() {
        return options.refused().expiredToken();
    }

    /** The token refused as another project's (401 {@code DMS.10240104}) in modes TOKEN and AKSK. */
    public String otherProjectToken() {
        return options.refused().otherProjectToken();
    }

    /** The token that may read but not reset (403 {@code DMS.00403007} on a reset) in mode TOKEN. */
    public String readOnlyToken() {
        return options.refused().readOnlyToken();
    }

    /** The AK that may read but not reset (403 {@code DMS.00403007} on a reset) in mode AKSK. */
    public String readOnlyAccessKey() {
        return options.refused().readOnlyAccessKey();
    }

    /** The SK of {@link #readOnlyAccessKey()}. */
    public String readOnlySecretKey() {
        return options.refused().readOnlySecretKey();
    }

    /** Whether a reset needs a consumer of the group online ({@link Builder#requireOnlineConsumer}). */
    public boolean requiresOnlineConsumer() {
        return options.requireOnlineConsumer();
    }

    /** The resets received since the start or the last {@link #reset()}. */
    public ResetJournal journal() {
        return journal;
    }

    /**
     * The faults on demand its calls get (documented errors, delays, connection resets, ...), set and
     * listed here or through the admin API's {@code /admin/faults}; none until set, and none after a
     * {@link #reset()}.
     */
    public EmulatorFaults faults() {
        return emulatorFaults;
    }

    /** The emulator's instance ({@link #instanceId()}), to put groups, topics and messages in. */
    public EmulatorInstance instance() {
        return instance(instanceId());
    }

    /**
     * An instance of the store.
     *
     * @throws EmulatorFixtureException when there is no such instance
     */
    public EmulatorInstance instance(String instanceId) {
        InstanceView view = calls.call(admin -> admin.instance(instanceId));
        return new EmulatorInstance(calls, view.instanceId(), view.projectId());
    }

    /**
     * Creates an instance in a project, with brokers, or adds brokers to it.
     *
     * @throws EmulatorFixtureException for a bad name, or an instance of another project
     */
    public EmulatorInstance putInstance(String instanceId, String projectId, String... brokers) {
        InstanceView view = calls.call(admin -> admin.putInstance(instanceId, projectId, List.of(brokers)));
        synchronized (this) {
            if (defaultInstanceId == null) {
                defaultInstanceId = view.instanceId();
                defaultProjectId = view.projectId();
            }
        }
        return new EmulatorInstance(calls, view.instanceId(), view.projectId());
    }

    /** A group's committed offsets on a topic of the emulator's instance; see {@link EmulatorInstance#committedOffsets}. */
    public List<CommittedOffset> committedOffsets(String group, String topic) {
        return instance().committedOffsets(group, topic);
    }

    /** A consumer of a group of the emulator's instance; see {@link EmulatorInstance#consumer}. */
    public EmulatorConsumer consumer(String group, String clientId) {
        return instance().consumer(group, clientId);
    }

    @Override
    public synchronized String toString() {
        return "offsetkit emulator " + (http == null ? "(stopped)" : "on " + http.baseUrl(ADDRESS)) + ", store "
                + (options.dataDirectory() == null ? "in memory" : "in " + options.dataDirectory()) + ", auth "
                + options.auth().name().toLowerCase(Locale.ROOT);
    }

    /** Opens the store and fills it: the fixture, then the data. */
    private EmbeddedStore openFilled() {
        if (options.dataDirectory() != null) {
            return openFilledDirectory(false);
        }
        MemoryStorage storage = new MemoryStorage();
        store = open(storage);
        fill(store);
        baseline = storage.copy();
        return store;
    }

    private EmbeddedStore openFilledDirectory(boolean empty) {
        Path directory = options.dataDirectory();
        if (empty) {
            deleteStoreFiles(directory);
        }
        try {
            store = EmbeddedStore.open(directory);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "dataDirectory(" + directory + "): the store cannot be opened: " + e.getMessage(), e);
        }
        if (store.isEmpty()) {
            try {
                fill(store);
            } catch (RuntimeException | Error e) {
                // A half-filled directory would be taken, at the next start, for a store to keep as it is.
                abandon(null, store, e);
                store = null;
                deleteStoreFilesQuietly(directory, e);
                throw e;
            }
        } else {
            rememberDefaultInstance(store);
        }
        return store;
    }

    private void fill(EmbeddedStore filled) {
        defaultInstanceId = null;
        defaultProjectId = null;
        FixtureSpec fixture = options.startingFixture();
        if (fixture != null) {
            try {
                FixtureLoader.apply(fixture, filled, options.fixtureLocation());
            } catch (FixtureException e) {
                throw new IllegalStateException("fixture(\"" + options.fixtureLocation() + "\"): " + e.getMessage(), e);
            }
            if (!fixture.instances().isEmpty()) {
                defaultInstanceId = fixture.instances().get(0).instanceId();
                defaultProjectId = fixture.instances().get(0).projectId();
            }
        }
        for (Consumer<OffsetkitEmulator> data : options.data()) {
            data.accept(this);
        }
        rememberDefaultInstance(filled);
    }

    private void rememberDefaultInstance(EmbeddedStore filled) {
        if (defaultInstanceId == null && !filled.instances().isEmpty()) {
            defaultInstanceId = filled.instances().get(0).instanceId();
            defaultProjectId = filled.instances().get(0).projectId();
        }
    }

    private static EmbeddedStore open(MemoryStorage storage) {
        try {
            return EmbeddedStore.open(MEMORY, storage);
        } catch (IOException e) {
            throw new UncheckedIOException("a store in memory cannot fail to open: " + e.getMessage(), e);
        }
    }

    private EmbeddedStore currentStore() {
        EmbeddedStore current = store;
        if (current == null) {
            throw new IllegalStateException("the emulator is not running: start it first");
        }
        return current;
    }

    private void requireRunning() {
        if (http == null) {
            throw new IllegalStateException("the emulator is not running: start it first");
        }
    }

    private void requireInstance() {
        if (store == null) {
            throw new IllegalStateException("the emulator is not running: start it first");
        }
        if (defaultInstanceId == null) {
            throw new IllegalStateException("the emulator holds no instance: give it a fixture, or make one with"
                    + " putInstance (in Builder.withData to keep it across resets)");
        }
    }

    /** The server's settings, by their documented names. */
    private static ServerSettings settings(EmulatorOptions options) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("server.address", ADDRESS);
        values.put("server.port", Integer.toString(options.port()));
        values.put("server.shutdown-timeout", SHUTDOWN_TIMEOUT.toMillis() + "ms");
        values.put("offsetkit.fixture", FixtureSource.NONE); // the emulator fills its store itself
        values.put("offsetkit.auth.mode", options.auth().name().toLowerCase(Locale.ROOT));
        values.put("offsetkit.auth.tokens", options.token());
        values.put("offsetkit.auth.aksk", options.accessKey() + ":" + options.secretKey());
        values.put("offsetkit.reset.require-online-consumer", Boolean.toString(options.requireOnlineConsumer()));
        EmulatorOptions.Refused refused = options.refused();
        values.put("offsetkit.auth.expired-tokens", refused.expiredToken());
        values.put("offsetkit.auth.other-project-tokens", refused.otherProjectToken());
        values.put("offsetkit.auth.read-only-tokens", refused.readOnlyToken());
        values.put("offsetkit.auth.read-only-aksk", refused.readOnlyAccessKey() + ":" + refused.readOnlySecretKey());
        // One line per request would drown the test's own log; warnings and errors still show.
        values.put("logging.level.io.offsetkit.server.access", "WARN");
        if (options.dataDirectory() != null) {
            values.put("offsetkit.data-dir", options.dataDirectory().toString());
        }
        return ServerSettings.from(SettingSources.of(values));
    }

    /** Deletes the store's own files in {@code directory}, and nothing else. */
    private static void deleteStoreFiles(Path directory) {
        try {
            EmbeddedStore.deleteFiles(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("the store's files in " + directory + " cannot be deleted", e);
        }
    }

    private static void deleteStoreFilesQuietly(Path directory, Throwable cause) {
        try {
            EmbeddedStore.deleteFiles(directory);
        } catch (IOException e) {
            cause.addSuppressed(e);
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

    private static void stopQuietly(Transport.Listening stopping) {
        try {
            stopping.close();
        } catch (Exception e) {
            // The start failed already; that failure is the one reported.
        }
    }

    /** Runs a start's task on a thread of its own, named for what it starts. */
    private static Executor thread(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        };
    }

    /**
     * Closes what a failed start or reset opened: the engine when there is one (it owns the store),
     * else the store; a failure to close is added to {@code failure}.
     */
    private static void abandon(Engine made, EmbeddedStore opened, Throwable failure) {
        try {
            if (made != null) {
                made.close();
            } else if (opened != null) {
                opened.close();
            }
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * How an emulator is made. Every option has a default: a free port, the store in memory, the
     * bundled fixture (the contract's documented example), no authentication. {@link #build()} checks
     * every option and names the one that is wrong with its value.
     */
    public static final class Builder {

        private int port;
        private Path dataDirectory;
        private String fixture = EmulatorOptions.defaultFixture();
        private final List<Consumer<OffsetkitEmulator>> data = new ArrayList<>();
        private EmulatorAuth auth = EmulatorAuth.NONE;
        private String accessKey = EmulatorOptions.DEFAULT_ACCESS_KEY;
        private String secretKey = EmulatorOptions.DEFAULT_SECRET_KEY;
        private String token = EmulatorOptions.DEFAULT_TOKEN;
        private boolean requireOnlineConsumer = true;
        private String expiredToken = EmulatorOptions.Refused.DEFAULTS.expiredToken();
        private String otherProjectToken = EmulatorOptions.Refused.DEFAULTS.otherProjectToken();
        private String readOnlyToken = EmulatorOptions.Refused.DEFAULTS.readOnlyToken();
        private String readOnlyAccessKey = EmulatorOptions.Refused.DEFAULTS.readOnlyAccessKey();
        private String readOnlySecretKey = EmulatorOptions.Refused.DEFAULTS.readOnlySecretKey();

        Builder() {}

        /** The port to listen on; 0 (the default) for a free one, which is what parallel tests need. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The store in memory (the default): nothing is written to disk, and a reset takes milliseconds. */
        public Builder inMemory() {
            this.dataDirectory = null;
            return this;
        }

        /**
         * The store's files in a directory (created if missing), forced to disk as the server's are. A
         * directory that holds a store starts as it is (the fixture is not applied); {@link
         * OffsetkitEmulator#reset()} deletes the store's files in it and writes the fixture again.
         */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = directory;
            return this;
        }

        /**
         * The fixture the store starts with: a file path (or {@code file:...}), {@code classpath:...},
         * or {@code none}; by default the bundled one, the contract's documented example. Format:
         * server-stub/README.md, "Fixture file".
         */
        public Builder fixture(String location) {
            this.fixture = location;
            return this;
        }

        /** The fixture file the store starts with. */
        public Builder fixture(Path file) {
            this.fixture = file == null ? null : file.toString();
            return this;
        }

        /** An empty store: no fixture ({@code fixture("none")}). */
        public Builder withoutFixture() {
            this.fixture = FixtureSource.NONE;
            return this;
        }

        /**
         * Data to add once the fixture is in, through the emulator's fixture API ({@link
         * OffsetkitEmulator#instance()}, {@link OffsetkitEmulator#putInstance}): part of the state the
         * emulator starts with, and comes back to at each reset. Called at the start, in the order
         * given, before the emulator listens.
         */
        public Builder withData(Consumer<OffsetkitEmulator> data) {
            if (data == null) {
                throw new IllegalArgumentException("withData(null): give what to add to the store");
            }
            this.data.add(data);
            return this;
        }

        /** How calls are authenticated; {@link EmulatorAuth#NONE} by default. */
        public Builder auth(EmulatorAuth auth) {
            this.auth = auth;
            return this;
        }

        /** The AK/SK pair the emulator accepts, instead of its own. */
        public Builder credentials(String accessKey, String secretKey) {
            this.accessKey = accessKey;
            this.secretKey = secretKey;
            return this;
        }

        /** The token the emulator accepts, instead of its own. */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /**
         * The token refused as expired (401 {@code DMS.10240102}), instead of the emulator's own; in modes
         * {@link EmulatorAuth#TOKEN} and {@link EmulatorAuth#AKSK}.
         */
        public Builder expiredToken(String token) {
            this.expiredToken = token;
            return this;
        }

        /**
         * The token refused as another project's (401 {@code DMS.10240104}), instead of the emulator's
         * own; in modes {@link EmulatorAuth#TOKEN} and {@link EmulatorAuth#AKSK}.
         */
        public Builder otherProjectToken(String token) {
            this.otherProjectToken = token;
            return this;
        }

        /**
         * The token that may read but not reset (403 {@code DMS.00403007} on a reset), instead of the
         * emulator's own; in mode {@link EmulatorAuth#TOKEN}.
         */
        public Builder readOnlyToken(String token) {
            this.readOnlyToken = token;
            return this;
        }

        /**
         * The AK/SK pair that may read but not reset (403 {@code DMS.00403007} on a reset), instead of
         * the emulator's own; in mode {@link EmulatorAuth#AKSK}.
         */
        public Builder readOnlyCredentials(String accessKey, String secretKey) {
            this.readOnlyAccessKey = accessKey;
            this.readOnlySecretKey = secretKey;
            return this;
        }

        /**
         * Whether a reset needs a consumer of the group online, as the service does: true by default, so
         * that an app that resets a group whose consumers it stopped gets {@code 400 DMS.50050004} here
         * as it would from the service. Declare consumers with {@link OffsetkitEmulator#consumer} (the
         * bundled fixture's groups have one online), or turn the check off with {@code false}: every
         * group can then be reset, as a broker-side reset can.
         */
        public Builder requireOnlineConsumer(boolean required) {
            this.requireOnlineConsumer = required;
            return this;
        }

        /**
         * An emulator with these options, not started yet. The options are checked and the fixture
         * read here, once: each {@link OffsetkitEmulator#start()} uses them as they are.
         *
         * @throws IllegalArgumentException naming the option and its value when one is bad (a port out
         *     of range, a fixture that does not exist or is not a fixture, a file as data directory,
         *     empty credentials)
         */
        public OffsetkitEmulator build() {
            return new OffsetkitEmulator(options());
        }

        /** Builds and starts an emulator. */
        public OffsetkitEmulator start() {
            return build().start();
        }

        /** The options, checked, with the fixture read. */
        private EmulatorOptions options() {
            return EmulatorOptions.checked(
                    port,
                    dataDirectory,
                    fixture,
                    data,
                    auth,
                    accessKey,
                    secretKey,
                    token,
                    requireOnlineConsumer,
                    new EmulatorOptions.Refused(
                            expiredToken, otherProjectToken, readOnlyToken, readOnlyAccessKey, readOnlySecretKey));
        }
    }
}
