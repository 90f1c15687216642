package io.offsetkit.server.settings;

import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.auth.AuthSettings;
import io.offsetkit.server.error.SettingException;
import io.offsetkit.server.fixture.FixtureFile;
import io.offsetkit.server.fixture.FixtureSource;
import io.offsetkit.server.rocketmq.RocketMqProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every setting of the server, typed, with its default where none was given ({@link Setting} lists
 * them with their documented names).
 *
 * @param address the address to listen on ({@code server.address})
 * @param port the port, 0 for any free one ({@code server.port})
 * @param shutdownTimeout how long a stop waits for the requests in flight ({@code server.shutdown-timeout})
 * @param backend which backend answers resets ({@code offsetkit.backend})
 * @param dataDir the embedded store's directory ({@code offsetkit.data-dir})
 * @param fixture what an empty store starts with: a location, or {@link FixtureSource#NONE} ({@code
 *     offsetkit.fixture})
 * @param auth how API calls are authenticated ({@code offsetkit.auth.*})
 * @param requireOnlineConsumer whether a reset needs a consumer of the group online, as the service
 *     does ({@code offsetkit.reset.require-online-consumer}, default true)
 * @param maxBodyBytes the largest body of an API call ({@code offsetkit.http.max-body-size})
 * @param adminToken the token that opens the admin API to every client, or null: loopback only
 *     ({@code offsetkit.admin.token})
 * @param rocketmq the RocketMQ backend's clusters, or null when the backend is the embedded store
 * @param logLevels logger name to level ({@code logging.level.*})
 */
public record ServerSettings(
        String address,
        int port,
        Duration shutdownTimeout,
        Backend backend,
        Path dataDir,
        String fixture,
        AuthSettings auth,
        boolean requireOnlineConsumer,
        int maxBodyBytes,
        String adminToken,
        RocketMqProperties rocketmq,
        Map<String, String> logLevels) {

    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    /** Which backend answers resets ({@code offsetkit.backend}). */
    public enum Backend {
        /** The embedded, time-indexed store (default). */
        EMBEDDED,
        /** A real Apache RocketMQ cluster per instance. */
        ROCKETMQ
    }

    public ServerSettings {
        logLevels = Map.copyOf(logLevels);
        if (backend == Backend.ROCKETMQ && rocketmq == null) {
            throw new SettingException("offsetkit.backend", "rocketmq", "the RocketMQ backend needs its instances");
        }
    }

    /** The defaults, as {@code java -jar} with no setting has them. */
    public static ServerSettings defaults() {
        return from(SettingSources.of(Map.of()));
    }

    /**
     * Reads every setting from its sources.
     *
     * @throws IllegalArgumentException (a {@link SettingException} where one setting is at fault) naming
     *     the key, the value and where it was given, when a value cannot be used
     */
    public static ServerSettings from(SettingSources sources) {
        for (String name : sources.names()) {
            SettingNames.requireKnown(name, sources.get(name).orElse(""), "in " + sources.origin(name));
        }
        Reader read = new Reader(sources);
        return read.settings();
    }

    /** How a value is shown in a message: secrets never are. */
    static String shown(String name, String value) {
        boolean secret = name.equals(Setting.AUTH_TOKENS.key())
                || name.equals(Setting.AUTH_AKSK.key())
                || name.equals(Setting.AUTH_EXPIRED_TOKENS.key())
                || name.equals(Setting.AUTH_OTHER_PROJECT_TOKENS.key())
                || name.equals(Setting.AUTH_READ_ONLY_TOKENS.key())
                || name.equals(Setting.AUTH_READ_ONLY_AKSK.key())
                || name.equals(Setting.ADMIN_TOKEN.key())
                || name.endsWith(".secret-key")
                || name.endsWith(".access-key");
        return secret ? "(hidden, " + value.length() + " characters)" : value;
    }

    /** Reads the typed values, adding to each failure where the value came from. */
    private record Reader(SettingSources sources) {

        ServerSettings settings() {
            String address = text(Setting.SERVER_ADDRESS);
            if (address.isBlank()) {
                throw invalid(Setting.SERVER_ADDRESS, address, "it must be an address or host name");
            }
            int port = value(Setting.SERVER_PORT, text -> Values.integer(key(Setting.SERVER_PORT), text, 0, 65535));
            Duration shutdownTimeout = value(
                    Setting.SERVER_SHUTDOWN_TIMEOUT,
                    text -> Values.duration(key(Setting.SERVER_SHUTDOWN_TIMEOUT), text));
            Backend backend = value(Setting.BACKEND, text -> Values.oneOf(key(Setting.BACKEND), text, Backend.class));
            Path dataDir = Path.of(text(Setting.DATA_DIR));
            String fixture = sources.get(Setting.FIXTURE.key())
                    .map(String::strip)
                    .filter(text -> !text.isEmpty())
                    .orElse(FixtureFile.DEFAULT);
            AuthSettings auth = value(
                    Setting.AUTH_MODE,
                    text -> new AuthSettings(
                            Values.oneOf(key(Setting.AUTH_MODE), text, AuthMode.class),
                            list(Setting.AUTH_TOKENS),
                            list(Setting.AUTH_AKSK),
                            sources.get(Setting.AUTH_CLOCK_SKEW.key())
                                    .map(skew -> value(
                                            Setting.AUTH_CLOCK_SKEW,
                                            given -> Values.duration(key(Setting.AUTH_CLOCK_SKEW), given)))
                                    .orElse(null),
                            list(Setting.AUTH_EXPIRED_TOKENS),
                            list(Setting.AUTH_OTHER_PROJECT_TOKENS),
                            list(Setting.AUTH_READ_ONLY_TOKENS),
                            list(Setting.AUTH_READ_ONLY_AKSK)));
            boolean requireOnlineConsumer = value(
                    Setting.RESET_REQUIRE_ONLINE_CONSUMER,
                    text -> Values.bool(key(Setting.RESET_REQUIRE_ONLINE_CONSUMER), text));
            long maxBody =
                    value(Setting.HTTP_MAX_BODY_SIZE, text -> Values.size(key(Setting.HTTP_MAX_BODY_SIZE), text));
            if (maxBody < 1 || maxBody > Integer.MAX_VALUE - 1) {
                throw invalid(
                        Setting.HTTP_MAX_BODY_SIZE, text(Setting.HTTP_MAX_BODY_SIZE), "it must be between 1B and 2GB");
            }
            String adminToken = sources.get(Setting.ADMIN_TOKEN.key())
                    .map(String::strip)
                    .filter(token -> !token.isEmpty())
                    .orElse(null);
            RocketMqProperties rocketmq = backend == Backend.ROCKETMQ ? rocketmq() : null;
            return new ServerSettings(
                    address.strip(),
                    port,
                    shutdownTimeout,
                    backend,
                    dataDir,
                    fixture,
                    auth,
                    requireOnlineConsumer,
                    (int) maxBody,
                    adminToken,
                    rocketmq,
                    logLevels());
        }

        private RocketMqProperties rocketmq() {
            Map<Integer, Map<String, String>> byIndex = new TreeMap<>();
            for (String name : sources.names()) {
                Setting.instanceField(name)
                        .ifPresent(field -> byIndex.computeIfAbsent(field.index(), index -> new LinkedHashMap<>())
                                .put(field.field(), sources.get(name).orElseThrow()));
            }
            List<RocketMqProperties.Instance> instances = new ArrayList<>();
            int expected = 0;
            for (Map.Entry<Integer, Map<String, String>> entry : byIndex.entrySet()) {
                if (entry.getKey() != expected) {
                    String key = "offsetkit.rocketmq.instances[" + entry.getKey() + "]";
                    throw new SettingException(
                                    key,
                                    "...",
                                    "the instances are numbered from 0 without a gap; instances[" + expected
                                            + "] is missing")
                            .withOrigin(origins(key));
                }
                Map<String, String> fields = entry.getValue();
                instances.add(new RocketMqProperties.Instance(
                        fields.get("id"),
                        fields.get("project-id"),
                        fields.get("name-server"),
                        fields.get("access-key"),
                        fields.get("secret-key")));
                expected++;
            }
            Duration timeout = sources.get(Setting.ROCKETMQ_REQUEST_TIMEOUT.key())
                    .map(text -> value(
                            Setting.ROCKETMQ_REQUEST_TIMEOUT,
                            given -> Values.duration(key(Setting.ROCKETMQ_REQUEST_TIMEOUT), given)))
                    .orElse(null);
            try {
                return new RocketMqProperties(instances, timeout);
            } catch (SettingException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                // RocketMqProperties names the setting; say where the instances were given.
                throw new SettingException("offsetkit.rocketmq", e.getMessage())
                        .withOrigin(origins("offsetkit.rocketmq."));
            }
        }

        /** Where the settings starting with {@code prefix} were given, each source once. */
        private String origins(String prefix) {
            return String.join(
                    " and ",
                    sources.names().stream()
                            .filter(name -> name.startsWith(prefix))
                            .map(sources::origin)
                            .distinct()
                            .toList());
        }

        private Map<String, String> logLevels() {
            Map<String, String> levels = new LinkedHashMap<>();
            for (String name : sources.names()) {
                Setting.logger(name).ifPresent(logger -> {
                    String level = sources.get(name).orElseThrow().strip().toUpperCase(Locale.ROOT);
                    if (!LEVELS.contains(level)) {
                        throw new SettingException(
                                        name,
                                        sources.get(name).orElseThrow(),
                                        "it must be one of" + " TRACE, DEBUG, INFO, WARN, ERROR, OFF")
                                .withOrigin(sources.origin(name));
                    }
                    levels.put(logger, level);
                });
            }
            return levels;
        }

        private String text(Setting setting) {
            return sources.get(setting.key()).orElse(setting.defaultShown());
        }

        private List<String> list(Setting setting) {
            return sources.get(setting.key()).map(Values::list).orElse(List.of());
        }

        private <T> T value(Setting setting, java.util.function.Function<String, T> parse) {
            try {
                return parse.apply(text(setting));
            } catch (SettingException e) {
                throw e.withOrigin(sources.origin(e.key()));
            }
        }

        private SettingException invalid(Setting setting, String value, String reason) {
            return new SettingException(setting.key(), value, reason).withOrigin(sources.origin(setting.key()));
        }

        private static String key(Setting setting) {
            return setting.key();
        }
    }
}
