package io.offsetkit.server.settings;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every setting of the server, by its documented name, with its default as shown to users and what
 * it does. The command line ({@code --name=value}), the environment and the config file all use these
 * names ({@link SettingSources}); {@link ServerSettings} reads them into typed values. Two families
 * take a part of the name as a parameter: {@link #ROCKETMQ_INSTANCE} and {@link #LOGGING_LEVEL}.
 */
public enum Setting {
    SERVER_ADDRESS(
            "server.address",
            "ADDRESS",
            "127.0.0.1",
            "The address to listen on: loopback by default; 0.0.0.0 for every interface."),
    SERVER_PORT("server.port", "PORT", "8080", "The HTTP port; 0 for any free port."),
    SERVER_SHUTDOWN_TIMEOUT(
            "server.shutdown-timeout",
            "DURATION",
            "30s",
            "How long a stop (SIGTERM) waits for the requests in flight to finish."),
    BACKEND("offsetkit.backend", "BACKEND", "embedded", "Which backend answers resets: embedded or rocketmq."),
    DATA_DIR(
            "offsetkit.data-dir",
            "DIR",
            "offsetkit-data",
            "Where the embedded store keeps its files (relative to the working directory)."),
    FIXTURE(
            "offsetkit.fixture",
            "LOCATION",
            "the bundled fixture",
            "What an empty data directory starts with: classpath:..., a file path (or file:...), or none."),
    AUTH_MODE("offsetkit.auth.mode", "MODE", "none", "How API calls are authenticated: none, token or aksk."),
    AUTH_TOKENS(
            "offsetkit.auth.tokens",
            "TOKEN[,TOKEN...]",
            "(none)",
            "Mode token: the accepted X-Auth-Token values, comma-separated."),
    AUTH_AKSK(
            "offsetkit.auth.aksk",
            "AK:SK[,AK:SK...]",
            "(none)",
            "Mode aksk: the accepted key pairs, each AK:SK, comma-separated."),
    AUTH_EXPIRED_TOKENS(
            "offsetkit.auth.expired-tokens",
            "TOKEN[,TOKEN...]",
            "(none)",
            "Modes token and aksk: X-Auth-Token values refused as expired (401 DMS.10240102)."),
    AUTH_OTHER_PROJECT_TOKENS(
            "offsetkit.auth.other-project-tokens",
            "TOKEN[,TOKEN...]",
            "(none)",
            "Modes token and aksk: X-Auth-Token values refused as another project's (401 DMS.10240104)."),
    AUTH_READ_ONLY_TOKENS(
            "offsetkit.auth.read-only-tokens",
            "TOKEN[,TOKEN...]",
            "(none)",
            "Mode token: X-Auth-Token values that may read but not reset (403 DMS.00403007 on a reset)."),
    AUTH_READ_ONLY_AKSK(
            "offsetkit.auth.read-only-aksk",
            "AK:SK[,AK:SK...]",
            "(none)",
            "Mode aksk: key pairs that may read but not reset (403 DMS.00403007 on a reset)."),
    AUTH_CLOCK_SKEW(
            "offsetkit.auth.clock-skew",
            "DURATION",
            "15m",
            "Mode aksk: how far X-Sdk-Date may be from the server's clock, either way."),
    RESET_REQUIRE_ONLINE_CONSUMER(
            "offsetkit.reset.require-online-consumer",
            "BOOLEAN",
            "true",
            "Whether a reset needs a consumer of the group online, as the service does (400 DMS.50050004"
                    + " otherwise); false resets any group, as a broker-side reset can."),
    HTTP_MAX_BODY_SIZE(
            "offsetkit.http.max-body-size",
            "SIZE",
            "64KB",
            "The largest request body accepted on the API's routes (B, KB, MB)."),
    ADMIN_TOKEN(
            "offsetkit.admin.token",
            "TOKEN",
            "(none)",
            "Opens the admin API to clients that send it in X-Admin-Token; without it, only loopback"
                    + " clients may call the admin API."),
    ROCKETMQ_REQUEST_TIMEOUT(
            "offsetkit.rocketmq.request-timeout",
            "DURATION",
            "3s",
            "RocketMQ backend: the longest wait for one answer of a name server or broker."),
    ROCKETMQ_INSTANCE(
            "offsetkit.rocketmq.instances[N].FIELD",
            "VALUE",
            "(none)",
            "RocketMQ backend: instance N (0, 1, ...), FIELD one of id, name-server, project-id, access-key,"
                    + " secret-key."),
    LOGGING_LEVEL(
            "logging.level.LOGGER",
            "LEVEL",
            "INFO",
            "The level of a logger (root for all): TRACE, DEBUG, INFO, WARN, ERROR or OFF; "
                    + "logging.level.io.offsetkit.server.access=WARN silences the access log.");

    /** The fields of one RocketMQ instance. */
    public static final java.util.List<String> ROCKETMQ_INSTANCE_FIELDS =
            java.util.List.of("id", "name-server", "project-id", "access-key", "secret-key");

    private static final Pattern INSTANCE_KEY = Pattern.compile(
            "offsetkit\\.rocketmq\\.instances\\[(\\d{1,4})]\\.(" + String.join("|", ROCKETMQ_INSTANCE_FIELDS) + ")");
    private static final Pattern LOGGER_KEY = Pattern.compile("logging\\.level\\.([A-Za-z0-9_$.-]+)");

    private final String key;
    private final String label;
    private final String defaultShown;
    private final String description;

    Setting(String key, String label, String defaultShown, String description) {
        this.key = key;
        this.label = label;
        this.defaultShown = defaultShown;
        this.description = description;
    }

    /** The documented name (for the two families, the pattern of their names). */
    public String key() {
        return key;
    }

    /** What the value is, for the help. */
    public String label() {
        return label;
    }

    /** The default, as shown to users. */
    public String defaultShown() {
        return defaultShown;
    }

    /** What the setting does. */
    public String description() {
        return description;
    }

    /** Whether this is one of the two families whose names carry a parameter. */
    public boolean isFamily() {
        return this == ROCKETMQ_INSTANCE || this == LOGGING_LEVEL;
    }

    /** The setting a name stands for, if it is one of the server's. */
    public static Optional<Setting> of(String name) {
        for (Setting setting : values()) {
            if (!setting.isFamily() && setting.key.equals(name)) {
                return Optional.of(setting);
            }
        }
        if (INSTANCE_KEY.matcher(name).matches()) {
            return Optional.of(ROCKETMQ_INSTANCE);
        }
        if (LOGGER_KEY.matcher(name).matches()) {
            return Optional.of(LOGGING_LEVEL);
        }
        return Optional.empty();
    }

    /** For a name of {@link #ROCKETMQ_INSTANCE}: the instance's index and the field; empty otherwise. */
    static Optional<InstanceField> instanceField(String name) {
        Matcher matcher = INSTANCE_KEY.matcher(name);
        return matcher.matches()
                ? Optional.of(new InstanceField(Integer.parseInt(matcher.group(1)), matcher.group(2)))
                : Optional.empty();
    }

    /** For a name of {@link #LOGGING_LEVEL}: the logger; empty otherwise. */
    static Optional<String> logger(String name) {
        Matcher matcher = LOGGER_KEY.matcher(name);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** One field of one RocketMQ instance. */
    record InstanceField(int index, String field) {}
}
