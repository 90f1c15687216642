package io.offsetkit.server.emulator;

import io.offsetkit.server.auth.AuthSettings;
import io.offsetkit.server.fixture.FixtureSource;
import io.offsetkit.server.settings.ServerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The emulator's options as the engine's typed settings: built directly, never written out as
 * setting strings and parsed again, so a credential reaches the engine as it was given.
 */
final class EmulatorSettings {

    /** The address the emulator listens on: loopback only. */
    static final String ADDRESS = "127.0.0.1";

    /** How long a close waits for the requests in flight. */
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

    /**
     * The server's default largest body ({@code offsetkit.http.max-body-size=64KB}), for the emulator
     * has no option of its own: a constant, so that no setting is read (nor its readers loaded) at an
     * emulator's start. {@code EmulatorSettingsTest} keeps it equal to the server's default.
     */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** The server's default data directory: never opened by the emulator, which opens its own store. */
    static final Path DEFAULT_DATA_DIR = Path.of("offsetkit-data");

    /** One line per request would drown the test's own log; warnings and errors still show. */
    private static final Map<String, String> LOG_LEVELS = Map.of("io.offsetkit.server.access", "WARN");

    private EmulatorSettings() {}

    /** The engine's settings for these options. */
    static ServerSettings of(CheckedOptions options) {
        CheckedOptions.Refused refused = options.refused();
        AuthSettings auth = new AuthSettings(
                options.auth(),
                List.of(options.token()),
                List.of(options.accessKey() + ":" + options.secretKey()),
                null, // the default clock skew
                List.of(refused.expiredToken()),
                List.of(refused.otherProjectToken()),
                List.of(refused.readOnlyToken()),
                List.of(refused.readOnlyAccessKey() + ":" + refused.readOnlySecretKey()));
        Path dataDirectory = options.dataDirectory() == null ? DEFAULT_DATA_DIR : options.dataDirectory();
        return new ServerSettings(
                ADDRESS,
                options.port(),
                SHUTDOWN_TIMEOUT,
                ServerSettings.Backend.EMBEDDED,
                dataDirectory,
                FixtureSource.NONE, // the emulator fills its store itself
                auth,
                options.requireOnlineConsumer(),
                MAX_BODY_BYTES,
                null, // the admin API answers loopback clients only
                null,
                LOG_LEVELS);
    }
}
