package io.offsetkit.server.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.ParameterException;

/** The command line: every setting an option of its documented name, the two families, help and version. */
class ServerCommandTest {

    private static final ServerCommand COMMAND = new ServerCommand("1.2.3-test");

    private static String help() {
        ServerCommand.Parsed parsed = COMMAND.parse("--help");
        assertThat(parsed).isInstanceOf(ServerCommand.HelpRequested.class);
        return ((ServerCommand.HelpRequested) parsed).text();
    }

    /**
     * The text without white space: the help wraps its lines at its width, between words and after
     * dots within names, so texts are compared without it.
     */
    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static Map<String, String> settings(String... args) {
        ServerCommand.Parsed parsed = COMMAND.parse(args);
        assertThat(parsed).isInstanceOf(ServerCommand.Start.class);
        return ((ServerCommand.Start) parsed).settings();
    }

    /** Every setting but the two families, which the help lists as patterns (tested below). */
    static Stream<Setting> settingsOfTheirOwn() {
        return Arrays.stream(Setting.values()).filter(setting -> !setting.isFamily());
    }

    @ParameterizedTest
    @MethodSource("settingsOfTheirOwn")
    void theHelpListsEverySettingWithItsDescriptionAndDefault(Setting setting) {
        String help = squeezed(help());

        // in the list of options, after the synopsis: the option, then its description and default (then
        // the next option or section)
        String option = "--" + setting.key() + "=" + setting.label();
        assertThat(help).contains(option);
        String after = help.substring(help.lastIndexOf(option) + option.length());
        int next = after.indexOf("--");
        String described = next < 0 ? after : after.substring(0, next);
        assertThat(described)
                .as("the help of %s", setting.key())
                .startsWith(squeezed(setting.description() + " Default: " + setting.defaultShown() + "."));
    }

    @Test
    void theHelpListsTheTwoFamiliesTheConfigFileAndTheVersion() {
        assertThat(squeezed(help()))
                .contains(squeezed(
                        "--offsetkit.rocketmq.instances[N].FIELD=VALUE " + Setting.ROCKETMQ_INSTANCE.description()))
                .contains(squeezed(
                        "--logging.level.LOGGER=LEVEL " + Setting.LOGGING_LEVEL.description() + " Default: INFO."))
                .contains("--config=FILE")
                .contains("--version")
                .contains("--help");
        assertThat(COMMAND.usage()).isEqualTo(help());
    }

    @Test
    void versionPrintsTheServersVersion() {
        assertThat(COMMAND.parse("--version"))
                .isEqualTo(new ServerCommand.VersionRequested("offsetkit-server 1.2.3-test"));
        assertThat(COMMAND.parse("-V")).isInstanceOf(ServerCommand.VersionRequested.class);
    }

    @Test
    void aSettingIsGivenAsNameEqualsValueOrAsNameThenValue() {
        assertThat(settings("--server.port=9090", "--offsetkit.auth.mode", "token"))
                .containsExactly(Map.entry("server.port", "9090"), Map.entry("offsetkit.auth.mode", "token"));
    }

    @Test
    void aValueMayHoldEqualsSignsAndCommas() {
        assertThat(settings("--offsetkit.auth.tokens=a=1,b==2"))
                .containsExactly(Map.entry("offsetkit.auth.tokens", "a=1,b==2"));
    }

    @Test
    void settingsOfOneSectionOfTheHelpGoTogether() {
        assertThat(settings("--server.port=1", "--server.address=0.0.0.0", "--server.shutdown-timeout=5s"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "server.port", "1",
                        "server.address", "0.0.0.0",
                        "server.shutdown-timeout", "5s"));
    }

    @Test
    void theLastOfASettingGivenTwiceWins() {
        assertThat(settings("--server.port=1", "--server.port=2")).containsExactly(Map.entry("server.port", "2"));
    }

    @Test
    void theFamiliesTakeTheirValueAfterASpaceAsTheOtherSettingsDo() {
        // GIVEN the families written --name value
        Map<String, String> settings = settings(
                "--offsetkit.rocketmq.instances[0].id", "x", "--logging.level.io.offsetkit.server.access", "WARN");

        // THEN each takes the argument after it
        assertThat(settings)
                .containsEntry("offsetkit.rocketmq.instances[0].id", "x")
                .containsEntry("logging.level.io.offsetkit.server.access", "WARN")
                .hasSize(2);
    }

    @Test
    void aFamilyNameFollowedByAnotherOptionIsAMissingValueNotThatOptionAsItsValue() {
        // GIVEN a family's name, then another setting instead of its value
        // WHEN the command line is read, THEN it says the value is missing (as picocli says for the others)
        assertThatThrownBy(() -> COMMAND.parse("--logging.level.root", "--logging.level.io.offsetkit=DEBUG"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("Missing required parameter for option '--logging.level.root'");
    }

    @Test
    void aFamilyNameLastWithoutAValueIsAMissingValueNotAnUnknownOption() {
        // GIVEN a family's name as the last argument, with no value after it
        // WHEN the command line is read, THEN it says the value is missing
        assertThatThrownBy(() -> COMMAND.parse("--logging.level.io.offsetkit.server.access"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("Missing required parameter for option '--logging.level.io.offsetkit.server.access'");
    }

    @Test
    void theFamiliesAreTakenByTheirNames() {
        assertThat(settings(
                        "--offsetkit.rocketmq.instances[0].id=x",
                        "--offsetkit.rocketmq.instances[1].name-server=h:1;h:2",
                        "--logging.level.x=WARN",
                        "--logging.level.io.offsetkit.server.access=ERROR"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "offsetkit.rocketmq.instances[0].id", "x",
                        "offsetkit.rocketmq.instances[1].name-server", "h:1;h:2",
                        "logging.level.x", "WARN",
                        "logging.level.io.offsetkit.server.access", "ERROR"));
    }

    @Test
    void theConfigFileIsNamedByItsOption() {
        ServerCommand.Start start =
                (ServerCommand.Start) COMMAND.parse("--config=conf/offsetkit.yaml", "--server.port=1");

        assertThat(start.configFile()).isEqualTo(Path.of("conf/offsetkit.yaml"));
        assertThat(start.settings()).containsExactly(Map.entry("server.port", "1"));
        assertThat(((ServerCommand.Start) COMMAND.parse()).configFile()).isNull();
    }

    @Test
    void noArgumentIsNoSetting() {
        assertThat(settings()).isEmpty();
    }

    @Test
    void anUnknownOptionFailsNamingTheClosestKnownOne() {
        assertThatThrownBy(() -> COMMAND.parse("--server.prot=9090"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("Unknown option: '--server.prot'; did you mean --server.port?");
        assertThatThrownBy(() -> COMMAND.parse("--offsetkit.auth.mdoe", "token"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'--offsetkit.auth.mdoe'")
                .hasMessageContaining("did you mean --offsetkit.auth.mode?");
        assertThatThrownBy(() -> COMMAND.parse("--offsetkit.rocketmq.instances[0].nameserver=h:1"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("did you mean --offsetkit.rocketmq.instances[0].name-server?");
    }

    @Test
    void anUnknownOptionFarFromEveryKnownOneFailsWithoutAGuess() {
        assertThatThrownBy(() -> COMMAND.parse("--colour=blue"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("Unknown option: '--colour'");
    }

    @Test
    void anArgumentThatIsNoOptionFails() {
        assertThatThrownBy(() -> COMMAND.parse("serve"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'serve'");
    }

    @Test
    void anOptionWithoutItsValueFails() {
        assertThatThrownBy(() -> COMMAND.parse("--server.port"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--server.port");
    }

    /** Command lines of known settings written {@code --NAME=VALUE}: read without picocli. */
    static Stream<List<String>> plainCommandLines() {
        return Stream.of(
                List.of(),
                List.of("--server.port=9090"),
                // the kit's launch, in its order
                List.of(
                        "--server.port=41234",
                        "--server.address=127.0.0.1",
                        "--offsetkit.data-dir=store",
                        "--offsetkit.auth.mode=aksk",
                        "--offsetkit.auth.aksk=AK:SK",
                        "--offsetkit.auth.read-only-aksk=RO:SK",
                        "--offsetkit.auth.expired-tokens=t1",
                        "--offsetkit.auth.other-project-tokens=t2"),
                // out of the settings' order, one given twice, a value with '=' and an empty one
                List.of("--offsetkit.auth.tokens=a=1,b==2", "--server.port=1", "--server.address=", "--server.port=2"),
                List.of(
                        "--logging.level.x=WARN",
                        "--config=conf/offsetkit.yaml",
                        "--offsetkit.rocketmq.instances[1].name-server=h:1;h:2",
                        "--server.port=1",
                        "--logging.level.x=ERROR",
                        "--offsetkit.rocketmq.instances[0].id=x"));
    }

    @ParameterizedTest
    @MethodSource("plainCommandLines")
    void knownSettingsWrittenNameEqualsValueAreReadWithoutPicocliToTheSameStart(List<String> args) {
        // GIVEN a command line of known settings, each --NAME=VALUE
        String[] arguments = args.toArray(String[]::new);

        // WHEN it is read without picocli
        Optional<ServerCommand.Start> plain = ServerCommand.plainStart(arguments);

        // THEN it is read, to the very start picocli reads, the settings in the same order
        assertThat(plain).isPresent();
        ServerCommand.Start picocli = (ServerCommand.Start) COMMAND.parseWithPicocli(arguments);
        assertThat(plain.get().settings()).containsExactlyEntriesOf(picocli.settings());
        assertThat(plain.get().configFile()).isEqualTo(picocli.configFile());
    }

    @ParameterizedTest
    @MethodSource("commandLinesForPicocli")
    void anyOtherCommandLineIsLeftToPicocli(List<String> args) {
        // GIVEN help, version, a name then its value, an unknown or misspelt name, no option, an argument file
        // WHEN it is read without picocli, THEN it is not: picocli reads it, with its messages
        assertThat(ServerCommand.plainStart(args.toArray(String[]::new))).isEmpty();
    }

    static Stream<List<String>> commandLinesForPicocli() {
        return Stream.of(
                List.of("--help"),
                List.of("--server.port=1", "--version"),
                List.of("--server.port", "9090"),
                List.of("--server.port=1", "--server.prot=2"),
                List.of("--offsetkit.rocketmq.instances[0].nameserver=h:1"),
                List.of("--colour=blue"),
                List.of("serve"),
                List.of("@args.txt"),
                List.of("--", "--server.port=1"),
                List.of("--=1"));
    }
}
