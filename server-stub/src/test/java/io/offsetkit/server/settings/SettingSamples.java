package io.offsetkit.server.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * For every {@link Setting}, a value other than its default, written as a user would write it, with
 * the environment variable that gives it and what {@link ServerSettings} reads from it. The switch is
 * exhaustive: a new setting does not compile until it has its sample here, and so its tests.
 */
final class SettingSamples {

    private SettingSamples() {}

    /**
     * One setting's sample.
     *
     * @param name the setting's name (for a family, one name of it)
     * @param value the value, as text
     * @param variable the environment variable that gives the same setting
     * @param companions other settings the sample needs to be read (a backend's instances, a mode's tokens)
     * @param read what to read back from the settings
     * @param expected what it must be
     */
    record Sample(
            String name,
            String value,
            String variable,
            Map<String, String> companions,
            Function<ServerSettings, Object> read,
            Object expected) {

        @Override
        public String toString() {
            return name + "=" + value;
        }
    }

    private static final Map<String, String> ONE_CLUSTER = Map.of(
            "offsetkit.backend", "rocketmq",
            "offsetkit.rocketmq.instances[0].id", "cluster-1",
            "offsetkit.rocketmq.instances[0].name-server", "127.0.0.1:9876");

    static Sample of(Setting setting) {
        return switch (setting) {
            case SERVER_ADDRESS ->
                new Sample("server.address", "0.0.0.0", "SERVER_ADDRESS", Map.of(), ServerSettings::address, "0.0.0.0");
            case SERVER_PORT -> new Sample("server.port", "9090", "SERVER_PORT", Map.of(), ServerSettings::port, 9090);
            case SERVER_SHUTDOWN_TIMEOUT ->
                new Sample(
                        "server.shutdown-timeout",
                        "90s",
                        "SERVER_SHUTDOWN_TIMEOUT",
                        Map.of(),
                        ServerSettings::shutdownTimeout,
                        Duration.ofSeconds(90));
            case BACKEND ->
                new Sample(
                        "offsetkit.backend",
                        "rocketmq",
                        "OFFSETKIT_BACKEND",
                        Map.of(
                                "offsetkit.rocketmq.instances[0].id", "cluster-1",
                                "offsetkit.rocketmq.instances[0].name-server", "127.0.0.1:9876"),
                        ServerSettings::backend,
                        ServerSettings.Backend.ROCKETMQ);
            case DATA_DIR ->
                new Sample(
                        "offsetkit.data-dir",
                        "/var/lib/offsetkit",
                        "OFFSETKIT_DATA_DIR",
                        Map.of(),
                        ServerSettings::dataDir,
                        Path.of("/var/lib/offsetkit"));
            case FIXTURE ->
                new Sample("offsetkit.fixture", "none", "OFFSETKIT_FIXTURE", Map.of(), ServerSettings::fixture, "none");
            case AUTH_MODE ->
                new Sample(
                        "offsetkit.auth.mode",
                        "token",
                        "OFFSETKIT_AUTH_MODE",
                        Map.of("offsetkit.auth.tokens", "t1"),
                        s -> s.auth().mode().name(),
                        "TOKEN");
            case AUTH_TOKENS ->
                new Sample(
                        "offsetkit.auth.tokens",
                        "t1, t2",
                        "OFFSETKIT_AUTH_TOKENS",
                        Map.of(),
                        s -> s.auth().tokens(),
                        List.of("t1", "t2"));
            case AUTH_AKSK ->
                new Sample(
                        "offsetkit.auth.aksk",
                        "AK1:SK1,AK2:SK2",
                        "OFFSETKIT_AUTH_AKSK",
                        Map.of(),
                        s -> s.auth().secretKeys(),
                        Map.of("AK1", "SK1", "AK2", "SK2"));
            case AUTH_CLOCK_SKEW ->
                new Sample(
                        "offsetkit.auth.clock-skew",
                        "5m",
                        "OFFSETKIT_AUTH_CLOCK_SKEW",
                        Map.of(),
                        s -> s.auth().clockSkew(),
                        Duration.ofMinutes(5));
            case AUTH_EXPIRED_TOKENS ->
                new Sample(
                        "offsetkit.auth.expired-tokens",
                        "old-1, old-2",
                        "OFFSETKIT_AUTH_EXPIRED_TOKENS",
                        Map.of(),
                        s -> s.auth().expiredTokens(),
                        List.of("old-1", "old-2"));
            case AUTH_OTHER_PROJECT_TOKENS ->
                new Sample(
                        "offsetkit.auth.other-project-tokens",
                        "elsewhere-1",
                        "OFFSETKIT_AUTH_OTHER_PROJECT_TOKENS",
                        Map.of(),
                        s -> s.auth().otherProjectTokens(),
                        List.of("elsewhere-1"));
            case AUTH_READ_ONLY_TOKENS ->
                new Sample(
                        "offsetkit.auth.read-only-tokens",
                        "reader-1",
                        "OFFSETKIT_AUTH_READ_ONLY_TOKENS",
                        Map.of(),
                        s -> s.auth().readOnlyTokens(),
                        List.of("reader-1"));
            case AUTH_READ_ONLY_AKSK ->
                new Sample(
                        "offsetkit.auth.read-only-aksk",
                        "RAK1:RSK1",
                        "OFFSETKIT_AUTH_READ_ONLY_AKSK",
                        Map.of(),
                        s -> s.auth().readOnlyAccessKeys(),
                        java.util.Set.of("RAK1"));
            case RESET_REQUIRE_ONLINE_CONSUMER ->
                new Sample(
                        "offsetkit.reset.require-online-consumer",
                        "false",
                        "OFFSETKIT_RESET_REQUIRE_ONLINE_CONSUMER",
                        Map.of(),
                        ServerSettings::requireOnlineConsumer,
                        false);
            case HTTP_MAX_BODY_SIZE ->
                new Sample(
                        "offsetkit.http.max-body-size",
                        "1MB",
                        "OFFSETKIT_HTTP_MAX_BODY_SIZE",
                        Map.of(),
                        ServerSettings::maxBodyBytes,
                        1024 * 1024);
            case ADMIN_TOKEN ->
                new Sample(
                        "offsetkit.admin.token",
                        "admin-1",
                        "OFFSETKIT_ADMIN_TOKEN",
                        Map.of(),
                        ServerSettings::adminToken,
                        "admin-1");
            case ROCKETMQ_REQUEST_TIMEOUT ->
                new Sample(
                        "offsetkit.rocketmq.request-timeout",
                        "7s",
                        "OFFSETKIT_ROCKETMQ_REQUEST_TIMEOUT",
                        ONE_CLUSTER,
                        s -> s.rocketmq().requestTimeout(),
                        Duration.ofSeconds(7));
            case ROCKETMQ_INSTANCE ->
                new Sample(
                        "offsetkit.rocketmq.instances[0].name-server",
                        "10.0.0.1:9876;10.0.0.2:9876",
                        "OFFSETKIT_ROCKETMQ_INSTANCES_0_NAME_SERVER",
                        Map.of("offsetkit.backend", "rocketmq", "offsetkit.rocketmq.instances[0].id", "cluster-1"),
                        s -> s.rocketmq().instances().get(0).nameServer(),
                        "10.0.0.1:9876;10.0.0.2:9876");
            case LOGGING_LEVEL ->
                new Sample(
                        "logging.level.io.offsetkit.server.access",
                        "warn",
                        "LOGGING_LEVEL_IO_OFFSETKIT_SERVER_ACCESS",
                        Map.of(),
                        s -> s.logLevels().get("io.offsetkit.server.access"),
                        "WARN");
        };
    }
}
