package io.offsetkit.server.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.error.SettingException;
import io.offsetkit.server.fixture.FixtureFile;
import io.offsetkit.server.rocketmq.RocketMqProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every setting read into its typed value from each source (command line, environment, YAML and
 * properties config files), the sources' precedence, the defaults, and the failures: each names the
 * key, the value (never a secret) and where it was given.
 */
class ServerSettingsTest {

    @TempDir
    Path dir;

    private static ServerSettings read(Map<String, String> commandLine, Map<String, String> environment, Path file) {
        return ServerSettings.from(SettingSources.of(commandLine, environment, file));
    }

    private static IllegalArgumentException failure(
            Map<String, String> commandLine, Map<String, String> environment, Path file) {
        IllegalArgumentException failure =
                catchThrowableOfType(IllegalArgumentException.class, () -> read(commandLine, environment, file));
        assertThat(failure)
                .as("settings %s, environment %s, file %s are refused", commandLine, environment, file)
                .isNotNull();
        return failure;
    }

    private static Map<String, String> with(Map<String, String> companions, String name, String value) {
        Map<String, String> settings = new LinkedHashMap<>(companions);
        settings.put(name, value);
        return settings;
    }

    // ---- every setting, from every source

    @ParameterizedTest
    @EnumSource(Setting.class)
    void everySettingIsReadFromTheCommandLine(Setting setting) {
        SettingSamples.Sample sample = SettingSamples.of(setting);

        ServerSettings settings = read(with(sample.companions(), sample.name(), sample.value()), Map.of(), null);

        assertThat(sample.read().apply(settings)).as(sample.toString()).isEqualTo(sample.expected());
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void everySettingIsReadFromItsEnvironmentVariable(Setting setting) {
        SettingSamples.Sample sample = SettingSamples.of(setting);

        ServerSettings settings =
                read(sample.companions(), Map.of(sample.variable(), sample.value(), "PATH", "/usr/bin"), null);

        assertThat(sample.read().apply(settings)).as(sample.variable()).isEqualTo(sample.expected());
    }

    static Stream<Arguments> everySettingInEveryFormat() {
        return Stream.of(Setting.values())
                .flatMap(
                        setting -> Stream.of(ConfigFiles.Format.values()).map(format -> Arguments.of(setting, format)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everySettingInEveryFormat")
    void everySettingIsReadFromAConfigFile(Setting setting, ConfigFiles.Format format) throws Exception {
        SettingSamples.Sample sample = SettingSamples.of(setting);
        Path file = format.write(dir, with(sample.companions(), sample.name(), sample.value()));

        ServerSettings settings = read(Map.of(), Map.of(), file);

        assertThat(sample.read().apply(settings)).as(sample + " in " + file).isEqualTo(sample.expected());
    }

    @Test
    void aVariableWithoutTheDashesOfTheNameIsReadToo() {
        ServerSettings settings = read(
                Map.of(),
                Map.of(
                        "OFFSETKIT_HTTP_MAXBODYSIZE", "2KB",
                        "SERVER_SHUTDOWNTIMEOUT", "3s",
                        "OFFSETKIT_ROCKETMQ_INSTANCES_0_NAMESERVER", "h:1",
                        "OFFSETKIT_ROCKETMQ_INSTANCES_0_ID", "c1",
                        "OFFSETKIT_BACKEND", "rocketmq"),
                null);

        assertThat(settings.maxBodyBytes()).isEqualTo(2048);
        assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.rocketmq().instances().get(0).nameServer()).isEqualTo("h:1");
    }

    @Test
    void everyFieldOfSeveralRocketMqInstancesIsReadFromTheEnvironment() {
        ServerSettings settings = read(
                Map.of(),
                Map.of(
                        "OFFSETKIT_BACKEND", "rocketmq",
                        "OFFSETKIT_ROCKETMQ_INSTANCES_0_ID", "c0",
                        "OFFSETKIT_ROCKETMQ_INSTANCES_0_NAME_SERVER", "h0:9876",
                        "OFFSETKIT_ROCKETMQ_INSTANCES_0_PROJECT_ID", "p0",
                        "OFFSETKIT_ROCKETMQ_INSTANCES_1_ID", "c1",
                        "OFFSETKIT_ROCKETMQ_INSTANCES_1_NAME_SERVER", "h1:9876",
                        "OFFSETKIT_ROCKETMQ_INSTANCES_1_ACCESS_KEY", "ak1",
                        "OFFSETKIT_ROCKETMQ_INSTANCES_1_SECRETKEY", "sk1"),
                null);

        assertThat(settings.rocketmq().instances())
                .containsExactly(
                        new RocketMqProperties.Instance("c0", "p0", "h0:9876", null, null),
                        new RocketMqProperties.Instance("c1", null, "h1:9876", "ak1", "sk1"));
    }

    // ---- precedence and defaults

    @Test
    void theCommandLineWinsOverTheEnvironmentWhichWinsOverTheFile() throws Exception {
        // GIVEN the port in all three sources, the shutdown timeout in two, the mode in the file only
        Path file = ConfigFiles.yaml(
                dir.resolve("offsetkit.yaml"),
                Map.of(
                        "server.port", "1111",
                        "server.shutdown-timeout", "11s",
                        "offsetkit.auth.mode", "aksk",
                        "offsetkit.auth.aksk", "AK:SK"));
        Map<String, String> environment = Map.of("SERVER_PORT", "2222", "SERVER_SHUTDOWN_TIMEOUT", "22s");
        Map<String, String> commandLine = Map.of("server.port", "3333");

        // WHEN they are read together
        ServerSettings settings = read(commandLine, environment, file);

        // THEN each setting comes from the first source that gives it
        assertThat(settings.port()).isEqualTo(3333);
        assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(22));
        assertThat(settings.auth().mode()).isEqualTo(AuthMode.AKSK);
        assertThat(read(Map.of(), environment, file).port()).isEqualTo(2222);
        assertThat(read(Map.of(), Map.of(), file).port()).isEqualTo(1111);
    }

    @Test
    void theEnvironmentCanNameTheConfigFileAndTheCommandLineWinsOverIt() throws Exception {
        Path fromEnvironment = ConfigFiles.yaml(dir.resolve("a.yaml"), Map.of("server.port", "1111"));
        Path fromCommandLine = ConfigFiles.yaml(dir.resolve("b.yaml"), Map.of("server.port", "2222"));
        Map<String, String> environment = Map.of(SettingSources.CONFIG_VARIABLE, fromEnvironment.toString());

        assertThat(read(Map.of(), environment, null).port()).isEqualTo(1111);
        assertThat(read(Map.of(), environment, fromCommandLine).port()).isEqualTo(2222);
    }

    @Test
    void settingsGivenNowhereTakeTheirDefaults() {
        ServerSettings defaults = ServerSettings.defaults();

        assertThat(defaults.address()).isEqualTo("127.0.0.1");
        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.backend()).isEqualTo(ServerSettings.Backend.EMBEDDED);
        assertThat(defaults.dataDir()).isEqualTo(Path.of("offsetkit-data"));
        assertThat(defaults.fixture()).isEqualTo(FixtureFile.DEFAULT);
        assertThat(defaults.auth().mode()).isEqualTo(AuthMode.NONE);
        assertThat(defaults.auth().tokens()).isEmpty();
        assertThat(defaults.auth().aksk()).isEmpty();
        assertThat(defaults.auth().clockSkew()).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.maxBodyBytes()).isEqualTo(64 * 1024);
        assertThat(defaults.adminToken()).isNull();
        assertThat(defaults.rocketmq()).isNull();
        assertThat(defaults.logLevels()).isEmpty();
        assertThat(read(Map.of(), Map.of("PATH", "/usr/bin", "HOME", "/root"), null))
                .isEqualTo(defaults);
    }

    @Test
    void theRocketMqBackendDefaultsItsRequestTimeout() {
        ServerSettings settings = read(
                Map.of(
                        "offsetkit.backend", "ROCKETMQ",
                        "offsetkit.rocketmq.instances[0].id", "c1",
                        "offsetkit.rocketmq.instances[0].name-server", "h:1"),
                Map.of(),
                null);

        assertThat(settings.rocketmq().requestTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    // ---- bad values

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiterString = " | ",
            value = {
                "server.port | http | it must be an integer from 0 to 65535",
                "server.port | 65536 | it must be an integer from 0 to 65535",
                "server.port | -1 | it must be an integer from 0 to 65535",
                "server.address | '  ' | it must be an address or host name",
                "server.shutdown-timeout | ten seconds | it must be a duration such as 500ms",
                "server.shutdown-timeout | 5 s | it must be a duration such as 500ms",
                "offsetkit.auth.clock-skew | 15 minutes | it must be a duration such as 500ms",
                "offsetkit.http.max-body-size | 64KiB | it must be a size such as 65536, 512B, 64KB or 1MB",
                "offsetkit.http.max-body-size | 1.5MB | it must be a size such as 65536, 512B, 64KB or 1MB",
                "offsetkit.http.max-body-size | 0 | it must be between 1B and 2GB",
                "offsetkit.http.max-body-size | 2GB | it must be between 1B and 2GB",
                "offsetkit.auth.mode | tokn | it must be one of none, token, aksk",
                "offsetkit.backend | embeded | it must be one of embedded, rocketmq",
                "logging.level.io.offsetkit | LOUD | it must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF",
            })
    void aBadValueFailsNamingTheKeyTheValueWhatIsAllowedAndTheCommandLine(String name, String value, String reason) {
        IllegalArgumentException failure = failure(Map.of(name, value), Map.of(), null);

        assertThat(failure)
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith(name + "=" + value + ": ")
                .hasMessageContaining(reason)
                .hasMessageEndingWith("(given by the command line)");
        assertThat(((SettingException) failure).key()).isEqualTo(name);
    }

    @Test
    void aBadValueFromTheEnvironmentNamesTheVariable() {
        assertThat(failure(Map.of(), Map.of("SERVER_PORT", "http"), null))
                .hasMessage("server.port=http: it must be an integer from 0 to 65535"
                        + " (given by the environment variable SERVER_PORT)");
        assertThat(failure(Map.of(), Map.of("LOGGING_LEVEL_ROOT", "LOUD"), null))
                .hasMessageStartingWith("logging.level.root=LOUD")
                .hasMessageEndingWith("(given by the environment variable LOGGING_LEVEL_ROOT)");
    }

    @Test
    void aBadValueFromAConfigFileNamesTheFile() throws Exception {
        Path file = ConfigFiles.yaml(dir.resolve("offsetkit.yaml"), Map.of("offsetkit.auth.clock-skew", "soon"));

        assertThat(failure(Map.of(), Map.of(), file))
                .hasMessageStartingWith("offsetkit.auth.clock-skew=soon: it must be a duration")
                .hasMessageEndingWith("(given by the config file " + file + ")");
    }

    @Test
    void aValueTheCommandLineOverridesIsNeverJudged() throws Exception {
        Path file = ConfigFiles.yaml(dir.resolve("offsetkit.yaml"), Map.of("server.port", "http"));

        assertThat(read(Map.of("server.port", "9090"), Map.of("SERVER_PORT", "nope"), file)
                        .port())
                .isEqualTo(9090);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " | ",
            value = {
                "server.prot | server.port",
                "offsetkit.auth.mdoe | offsetkit.auth.mode",
                "offsetkit.data_dir | offsetkit.data-dir",
                "offsetkit.http.max-body | offsetkit.http.max-body-size",
                "offsetkit.rocketmq.instances[0].nameserver | offsetkit.rocketmq.instances[0].name-server",
            })
    void anUnknownNameFailsNamingTheClosestKnownOne(String name, String closest) {
        assertThat(failure(Map.of(name, "x"), Map.of(), null))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith(name + "=x: no such setting")
                .hasMessageContaining("the command line")
                .hasMessageEndingWith("did you mean " + closest + "?");
    }

    @Test
    void anUnknownNameFarFromEveryKnownOneFailsWithoutAGuess() {
        assertThat(failure(Map.of("colour", "blue"), Map.of(), null))
                .hasMessageStartingWith("colour=blue: no such setting")
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void aGapInTheInstanceIndicesFailsNamingTheMissingOne() {
        IllegalArgumentException failure = failure(
                Map.of(
                        "offsetkit.backend", "rocketmq",
                        "offsetkit.rocketmq.instances[0].id", "c0",
                        "offsetkit.rocketmq.instances[0].name-server", "h:1",
                        "offsetkit.rocketmq.instances[2].id", "c2",
                        "offsetkit.rocketmq.instances[2].name-server", "h:2"),
                Map.of(),
                null);

        assertThat(failure)
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("offsetkit.rocketmq.instances[2]")
                .hasMessageContaining("numbered from 0 without a gap")
                .hasMessageContaining("instances[1] is missing");
    }

    @Test
    void aGapInTheInstanceIndicesSaysWhereTheInstanceWasGiven() {
        assertThat(failure(
                        Map.of(),
                        Map.of(
                                "OFFSETKIT_BACKEND", "rocketmq",
                                "OFFSETKIT_ROCKETMQ_INSTANCES_1_ID", "c1",
                                "OFFSETKIT_ROCKETMQ_INSTANCES_1_NAME_SERVER", "h:1"),
                        null))
                .hasMessageContaining("instances[0] is missing")
                .hasMessageContaining("the environment variable OFFSETKIT_ROCKETMQ_INSTANCES_1_");
        assertThat(failure(
                        Map.of(
                                "offsetkit.backend", "rocketmq",
                                "offsetkit.rocketmq.instances[0].id", "c0",
                                "offsetkit.rocketmq.instances[0].name-server", "no-port"),
                        Map.of(),
                        null))
                .hasMessageContaining("offsetkit.rocketmq.instances[0].name-server")
                .hasMessageContaining("'no-port'")
                .hasMessageContaining("the command line");
    }

    // ---- secrets

    @Test
    void aTokenInTwoListsStopsTheStartNamingTheListsNeverTheToken() {
        IllegalArgumentException failure = failure(
                Map.of(
                        "offsetkit.auth.mode", "token",
                        "offsetkit.auth.tokens", "shared-secret-token",
                        "offsetkit.auth.expired-tokens", "shared-secret-token"),
                Map.of(),
                null);

        assertThat(failure)
                .hasMessageStartingWith("offsetkit.auth.expired-tokens=(hidden)")
                .hasMessageContaining("also in offsetkit.auth.tokens")
                .hasMessageNotContaining("shared-secret-token");
    }

    @Test
    void aReadOnlyAccessKeyThatIsAlsoAcceptedStopsTheStart() {
        IllegalArgumentException failure = failure(
                Map.of(
                        "offsetkit.auth.mode", "aksk",
                        "offsetkit.auth.aksk", "AK1:first-secret",
                        "offsetkit.auth.read-only-aksk", "AK1:other-secret"),
                Map.of(),
                null);

        assertThat(failure)
                .hasMessageStartingWith("offsetkit.auth.read-only-aksk=(hidden)")
                .hasMessageContaining("also in offsetkit.auth.aksk")
                .hasMessageNotContaining("secret");
    }

    @Test
    void theRequireOnlineConsumerSettingIsTrueByDefaultAndRefusesWhatIsNotABoolean() {
        assertThat(ServerSettings.defaults().requireOnlineConsumer()).isTrue();

        IllegalArgumentException failure =
                failure(Map.of("offsetkit.reset.require-online-consumer", "nope"), Map.of(), null);

        assertThat(failure)
                .hasMessageStartingWith("offsetkit.reset.require-online-consumer=nope: it must be true or false")
                .hasMessageContaining("the command line");
    }

    @Test
    void aBadAkSkPairIsNamedByItsPositionNeverShown() {
        IllegalArgumentException failure = failure(
                Map.of("offsetkit.auth.mode", "aksk", "offsetkit.auth.aksk", "AK1:first-secret,second-secret-no-ak"),
                Map.of(),
                null);

        assertThat(failure)
                .hasMessageStartingWith("offsetkit.auth.aksk=(entry 2): each entry must be AK:SK")
                .hasMessageContaining("(given by the command line)")
                .hasMessageNotContaining("first-secret")
                .hasMessageNotContaining("second-secret");
    }

    @Test
    void aTokenModeWithoutTokensSaysWhichSettingIsMissing() {
        assertThat(failure(Map.of("offsetkit.auth.mode", "token"), Map.of(), null))
                .hasMessageStartingWith("offsetkit.auth.tokens=: offsetkit.auth.mode=token needs at least one token");
    }

    @Test
    void aBadModeNextToSecretsShowsNoneOfThem() {
        assertThat(failure(
                        Map.of(
                                "offsetkit.auth.mode", "tokenz",
                                "offsetkit.auth.tokens", "token-secret",
                                "offsetkit.auth.aksk", "AK:aksk-secret",
                                "offsetkit.admin.token", "admin-secret"),
                        Map.of(),
                        null))
                .hasMessageStartingWith("offsetkit.auth.mode=tokenz")
                .hasMessageNotContaining("token-secret")
                .hasMessageNotContaining("aksk-secret")
                .hasMessageNotContaining("admin-secret");
    }

    @Test
    void aRocketMqSecretKeyWithoutItsAccessKeyIsNotShown() {
        assertThat(failure(
                        Map.of(
                                "offsetkit.backend", "rocketmq",
                                "offsetkit.rocketmq.instances[0].id", "c0",
                                "offsetkit.rocketmq.instances[0].name-server", "h:1",
                                "offsetkit.rocketmq.instances[0].secret-key", "rocketmq-secret"),
                        Map.of(),
                        null))
                .hasMessageContaining("access-key and secret-key")
                .hasMessageNotContaining("rocketmq-secret");
    }

    @Test
    void aSecretIsShownAsItsLengthOnly() {
        for (String secret : List.of(
                "offsetkit.auth.tokens",
                "offsetkit.auth.aksk",
                "offsetkit.admin.token",
                "offsetkit.rocketmq.instances[3].secret-key")) {
            assertThat(ServerSettings.shown(secret, "s3cr3t")).isEqualTo("(hidden, 6 characters)");
        }
        assertThat(ServerSettings.shown("server.port", "8080")).isEqualTo("8080");
    }

    @Test
    void aMistypedSecretSettingDoesNotShowItsValue() throws Exception {
        assertThat(failure(Map.of("offsetkit.admin.tokn", "admin-secret"), Map.of(), null))
                .hasMessageContaining("did you mean offsetkit.admin.token?")
                .hasMessageNotContaining("admin-secret");
        Path file = ConfigFiles.yaml(dir.resolve("offsetkit.yaml"), Map.of("offsetkit.auth.token", "token-secret"));
        assertThat(failure(Map.of(), Map.of(), file))
                .hasMessageContaining("did you mean offsetkit.auth.tokens?")
                .hasMessageNotContaining("token-secret");
    }
}
