package io.offsetkit.server.emulator;

import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.fixture.FixtureFile;
import io.offsetkit.server.fixture.FixtureSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * How an emulator is made, written once for both of its forms: {@code new
 * OffsetkitEmulator(options)} and the JUnit extension's {@code
 * OffsetkitEmulatorExtension.newInstance().options(options)}, as WireMock's server and extension take
 * one {@code options()}.
 *
 * <pre>{@code
 * EmulatorOptions options = EmulatorOptions.options().auth(AuthMode.AKSK).requireOnlineConsumer(false);
 * }</pre>
 *
 * Every option has a default: a free port, the store in memory, the bundled fixture (the contract's
 * documented example), no authentication, a reset refused when the group has no consumer online. The
 * values are checked when an emulator is made from them, each bad one named with its value. Not
 * thread-safe: fill it, then hand it over; the emulator keeps a checked copy.
 */
public final class EmulatorOptions {

    private int port;
    private Path dataDirectory;
    private String fixture = FixtureFile.DEFAULT;
    private final List<Consumer<RunningEmulator>> data = new ArrayList<>();
    private AuthMode auth = AuthMode.NONE;
    private String accessKey = CheckedOptions.DEFAULT_ACCESS_KEY;
    private String secretKey = CheckedOptions.DEFAULT_SECRET_KEY;
    private String token = CheckedOptions.DEFAULT_TOKEN;
    private boolean requireOnlineConsumer = true;
    private String expiredToken = CheckedOptions.Refused.DEFAULTS.expiredToken();
    private String otherProjectToken = CheckedOptions.Refused.DEFAULTS.otherProjectToken();
    private String readOnlyToken = CheckedOptions.Refused.DEFAULTS.readOnlyToken();
    private String readOnlyAccessKey = CheckedOptions.Refused.DEFAULTS.readOnlyAccessKey();
    private String readOnlySecretKey = CheckedOptions.Refused.DEFAULTS.readOnlySecretKey();

    private EmulatorOptions() {}

    /** The defaults, to change. */
    public static EmulatorOptions options() {
        return new EmulatorOptions();
    }

    /** The port to listen on; 0 (the default) for a free one, which is what parallel tests need. */
    public EmulatorOptions port(int port) {
        this.port = port;
        return this;
    }

    /** The store in memory (the default): nothing is written to disk, and a reset takes milliseconds. */
    public EmulatorOptions inMemory() {
        this.dataDirectory = null;
        return this;
    }

    /**
     * The store's files in a directory (created if missing), forced to disk as the server's are. A
     * directory that holds a store starts as it is (the fixture is not applied); {@link
     * OffsetkitEmulator#reset()} deletes the store's files in it and writes the fixture again.
     */
    public EmulatorOptions dataDirectory(Path directory) {
        this.dataDirectory = directory;
        return this;
    }

    /**
     * The fixture the store starts with: a file path (or {@code file:...}), {@code classpath:...},
     * or {@code none}; by default the bundled one, the contract's documented example. Format:
     * server-stub/README.md, "Fixture file".
     */
    public EmulatorOptions fixture(String location) {
        this.fixture = location;
        return this;
    }

    /** The fixture file the store starts with. */
    public EmulatorOptions fixture(Path file) {
        this.fixture = file == null ? null : file.toString();
        return this;
    }

    /** An empty store: no fixture ({@code fixture("none")}). */
    public EmulatorOptions withoutFixture() {
        this.fixture = FixtureSource.NONE;
        return this;
    }

    /**
     * Data to add once the fixture is in, through the emulator's fixture API ({@link
     * RunningEmulator#instance()}, {@link RunningEmulator#putInstance}): part of the state the emulator
     * starts with, and comes back to at each reset. Called at the start, in the order given, before
     * the emulator listens.
     */
    public EmulatorOptions withData(Consumer<RunningEmulator> data) {
        if (data == null) {
            throw new IllegalArgumentException("withData(null): give what to add to the store");
        }
        this.data.add(data);
        return this;
    }

    /** How calls are authenticated, as the server's {@code offsetkit.auth.mode}; {@link AuthMode#NONE} by default. */
    public EmulatorOptions auth(AuthMode auth) {
        this.auth = auth;
        return this;
    }

    /** The AK/SK pair the emulator accepts, instead of its own. */
    public EmulatorOptions credentials(String accessKey, String secretKey) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        return this;
    }

    /** The token the emulator accepts, instead of its own. */
    public EmulatorOptions token(String token) {
        this.token = token;
        return this;
    }

    /**
     * The token refused as expired (401 {@code DMS.10240102}), instead of the emulator's own; in modes
     * {@link AuthMode#TOKEN} and {@link AuthMode#AKSK}.
     */
    public EmulatorOptions expiredToken(String token) {
        this.expiredToken = token;
        return this;
    }

    /**
     * The token refused as another project's (401 {@code DMS.10240104}), instead of the emulator's
     * own; in modes {@link AuthMode#TOKEN} and {@link AuthMode#AKSK}.
     */
    public EmulatorOptions otherProjectToken(String token) {
        this.otherProjectToken = token;
        return this;
    }

    /**
     * The token that may read but not reset (403 {@code DMS.00403007} on a reset), instead of the
     * emulator's own; in mode {@link AuthMode#TOKEN}.
     */
    public EmulatorOptions readOnlyToken(String token) {
        this.readOnlyToken = token;
        return this;
    }

    /**
     * The AK/SK pair that may read but not reset (403 {@code DMS.00403007} on a reset), instead of the
     * emulator's own; in mode {@link AuthMode#AKSK}.
     */
    public EmulatorOptions readOnlyCredentials(String accessKey, String secretKey) {
        this.readOnlyAccessKey = accessKey;
        this.readOnlySecretKey = secretKey;
        return this;
    }

    /**
     * Whether a reset needs a consumer of the group online, as the service does: true by default, so
     * that an app that resets a group whose consumers it stopped gets {@code 400 DMS.50050004} here
     * as it would from the service. Declare consumers with {@link RunningEmulator#consumer} (the
     * bundled fixture's groups have one online), or turn the check off with {@code false}: every
     * group can then be reset, as a broker-side reset can.
     */
    public EmulatorOptions requireOnlineConsumer(boolean required) {
        this.requireOnlineConsumer = required;
        return this;
    }

    /**
     * The options, checked, with the fixture read.
     *
     * @throws IllegalArgumentException naming the option and its value when one is bad
     */
    CheckedOptions checked() {
        return CheckedOptions.checked(
                port,
                dataDirectory,
                fixture,
                data,
                auth,
                accessKey,
                secretKey,
                token,
                requireOnlineConsumer,
                new CheckedOptions.Refused(
                        expiredToken, otherProjectToken, readOnlyToken, readOnlyAccessKey, readOnlySecretKey));
    }
}
