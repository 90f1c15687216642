package io.offsetkit.server.emulator;

import java.util.Locale;

/**
 * The reference server in an app's own tests: the same engine, request path and start as {@code java
 * -jar offsetkit-server.jar}, started in-process on a loopback port, with the embedded store in memory
 * (or in a directory), real answers, and offsets that can be read back.
 *
 * <pre>{@code
 * try (OffsetkitEmulator emulator = new OffsetkitEmulator(EmulatorOptions.options().auth(AuthMode.AKSK)).start()) {
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
 * told otherwise), then what {@link EmulatorOptions#withData} adds. {@link #reset()} brings it back to
 * exactly that state and empties the journal: in memory, by opening a fresh store over a copy of the
 * starting state's files (no fixture is read again); in a directory, by emptying it and writing the
 * fixture again.
 *
 * <p>Thread-safe. Every instance has its own port, store and journal, and nothing is static, so
 * emulators run side by side (parallel test classes). {@link #reset()} and {@link #close()} are for
 * between tests: a request in flight meanwhile may fail.
 */
public final class OffsetkitEmulator extends RunningEmulator implements AutoCloseable {

    /**
     * The system property that chooses the emulator's HTTP server explicitly, {@code jdk} or {@code jetty};
     * unset, the emulator takes the faster one this JVM can run without delay (see the emulator guide).
     * Read when an emulator is made, never set by it.
     */
    public static final String TRANSPORT_PROPERTY = "offsetkit.emulator.transport";

    private final EmulatorLifecycle lifecycle;

    /** An emulator with the default options ({@link EmulatorOptions#options()}), not started yet. */
    public OffsetkitEmulator() {
        this(EmulatorOptions.options());
    }

    /**
     * An emulator with these options, not started yet. The options are checked and the fixture read
     * here, once: each {@link #start()} uses them as they are; later changes to {@code options} do not
     * reach it.
     *
     * @throws IllegalArgumentException naming the option and its value when one is bad (a port out of
     *     range, a fixture that does not exist or is not a fixture, a file as data directory, empty
     *     credentials)
     */
    public OffsetkitEmulator(EmulatorOptions options) {
        super(options.checked());
        this.lifecycle =
                new EmulatorLifecycle(this.options, EmulatorTransport.forThisJvm(), this, store, journal, sharedFaults);
    }

    @Override
    EmulatorLifecycle lifecycle() {
        return lifecycle;
    }

    /**
     * Starts listening: the store is filled (fixture, then {@link EmulatorOptions#withData}) while the
     * HTTP server starts on loopback, side by side as {@code java -jar} starts them; it answers once
     * both are ready. An emulator that was closed starts again as a new one: the starting state (the
     * directory's, in a data directory), an empty journal, and with port 0 another free port.
     *
     * @return this emulator, started
     * @throws IllegalStateException when it runs already, or when it cannot start (the port is taken,
     *     the fixture is refused, the data directory is in use), naming why; what a {@link
     *     EmulatorOptions#withData} callback throws is thrown as it is. Either way nothing stays open: a
     *     data directory can be started on again.
     */
    public OffsetkitEmulator start() {
        lifecycle.start();
        return this;
    }

    /**
     * Brings the emulator back to the state it started with (the fixture and {@link
     * EmulatorOptions#withData}), empties the journal, and removes every fault ({@link #faults()}) with
     * its journal. The port, the ids and the credentials stay.
     *
     * <p>When the starting state cannot be written again in a data directory (a {@link
     * EmulatorOptions#withData} callback throws), what that throws is thrown, and the emulator is
     * stopped: its old store was closed to empty the directory, and nothing is left open.
     */
    public void reset() {
        lifecycle.reset();
    }

    /** Stops the HTTP server, then closes the store. Does nothing when it is not running. */
    @Override
    public void close() {
        lifecycle.close();
    }

    /** Whether it is listening. */
    public boolean isRunning() {
        return lifecycle.isRunning();
    }

    @Override
    public String toString() {
        return "offsetkit emulator " + (isRunning() ? "on " + baseUrl() : "(stopped)") + ", store "
                + (options.dataDirectory() == null ? "in memory" : "in " + options.dataDirectory()) + ", auth "
                + options.auth().name().toLowerCase(Locale.ROOT);
    }
}
