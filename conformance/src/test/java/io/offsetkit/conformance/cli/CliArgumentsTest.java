package io.offsetkit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.client.auth.Credentials;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The kit's command line as picocli parses it: values, converters, argument groups and the checks after. */
class CliArgumentsTest {

    @Test
    void readsEveryOptionInBothSpellings() throws Exception {
        CliArguments arguments = CliArguments.parse(
                "--base-url=http://gw:8080/dms",
                "--project-id",
                "p",
                "--instance-id",
                "i",
                "--group=g",
                "--topic",
                "t",
                "--engine",
                "reliability",
                "--token",
                "x",
                "--fixture",
                "reference-admin",
                "--report-dir",
                "out",
                "--documented-data");

        assertThat(arguments.baseUrl()).isEqualTo(URI.create("http://gw:8080/dms"));
        assertThat(arguments.projectId()).isEqualTo("p");
        assertThat(arguments.group()).isEqualTo("g");
        assertThat(arguments.engine()).isEqualTo("reliability");
        assertThat(arguments.credentials()).isEqualTo(Credentials.token("x"));
        assertThat(arguments.reportDir()).isEqualTo(Path.of("out"));
        assertThat(arguments.documentedData()).isTrue();
        assertThat(arguments.launch()).isNull();
    }

    @Test
    void readsTheLaunchAloneAsPicocliDoesWithoutPicocli() throws Exception {
        for (Map<String, String> environment : List.of(
                Map.<String, String>of(), Map.of(CliArguments.ENV_TOKEN, " from-env ", CliArguments.ENV_SK, "s"))) {
            for (String[] args : List.of(
                    new String[] {"--launch", "server.jar"},
                    new String[] {"--launch=target/offsetkit-server.jar"},
                    new String[] {"--launch", "dir with spaces/server.jar"})) {
                // GIVEN the README's command line, read without picocli and with it
                assertThat(CliArguments.launchAlone(args)).isPresent();
                CliArguments plain = CliArguments.parse(environment, args);
                CliArguments picocli = CliArguments.parseWithPicocli(environment, args);

                // THEN every value is the same
                assertThat(accessors(plain)).isEqualTo(accessors(picocli));
                assertThat(plain.launch()).isEqualTo(Path.of(args.length == 2 ? args[1] : args[0].substring(9)));
                assertThat(plain.credentials())
                        .isEqualTo(environment.isEmpty() ? Credentials.none() : Credentials.token("from-env"));
            }
        }
    }

    @Test
    void leavesEveryOtherFormOfTheLaunchToPicocli() {
        // GIVEN command lines that name more than the jar, or a jar picocli would not take as it is
        for (String[] args : List.of(
                new String[] {"--launch", "server.jar", "--seed", "1"},
                new String[] {"--seed", "1", "--launch", "server.jar"},
                new String[] {"--launch", "--help"},
                new String[] {"--launch", "@args.txt"},
                new String[] {"--launch="},
                new String[] {"--launch", ""},
                new String[] {"--launch"},
                new String[] {"--launchx=server.jar"},
                new String[] {"--launch", "bad\0path"})) {
            // THEN the plain reading declines them
            assertThat(CliArguments.launchAlone(args))
                    .as(String.join(" ", args))
                    .isEmpty();
        }
    }

    /** Every accessor's value, by name, to hold two readings of one command line side by side. */
    private static Map<String, Object> accessors(CliArguments arguments) throws Exception {
        Map<String, Object> values = new java.util.TreeMap<>();
        for (java.lang.reflect.Method method : CliArguments.class.getDeclaredMethods()) {
            if (java.lang.reflect.Modifier.isPublic(method.getModifiers())
                    && !java.lang.reflect.Modifier.isStatic(method.getModifiers())
                    && method.getParameterCount() == 0) {
                values.put(method.getName(), method.invoke(arguments));
            }
        }
        assertThat(values).containsKeys("launch", "credentials", "seed", "include", "help", "version", "warnings");
        return values;
    }

    @Test
    void leavesIdsUnsetForTheDocumentedDefaults() throws Exception {
        CliArguments arguments = CliArguments.parse("--launch", "server.jar");

        assertThat(arguments.launch()).isEqualTo(Path.of("server.jar"));
        assertThat(arguments.projectId()).isNull();
        assertThat(arguments.baseUrl()).isNull();
    }

    @Test
    void groupsWithNoneOfTheirOptionsGivenReadAsEmpty() throws Exception {
        // GIVEN command lines that leave out every option of most groups (help: of all of them)
        // WHEN they are parsed
        CliArguments launchOnly = CliArguments.parse("--launch", "server.jar");
        CliArguments urlOnly = CliArguments.parse("--base-url", "http://x", "--documented-data");
        CliArguments help = CliArguments.parse("--help");

        // THEN each group left out reads as empty
        assertThat(launchOnly.credentials()).isEqualTo(Credentials.none());
        assertThat(launchOnly.fixture()).isNull();
        assertThat(launchOnly.include()).isEmpty();
        assertThat(launchOnly.exclude()).isEmpty();
        assertThat(launchOnly.baseline()).isNull();
        assertThat(launchOnly.writeBaseline()).isNull();
        assertThat(launchOnly.seed()).isNull();
        assertThat(launchOnly.reportDir()).isNull();
        assertThat(launchOnly.documentedData()).isFalse();
        assertThat(urlOnly.launch()).isNull();
        assertThat(urlOnly.baseUrl()).isEqualTo(URI.create("http://x"));
        assertThat(help.help()).isTrue();
        assertThat(help.baseUrl()).isNull();
        assertThat(help.launch()).isNull();
    }

    @Test
    void refusesWhatCannotRunNamingTheOptionAndValue() {
        // GIVEN / WHEN values picocli's converters refuse, THEN one line names the option and the value
        assertThatThrownBy(() -> CliArguments.parse("--base-url", "ftp://x"))
                .hasMessage("Invalid value for option '--base-url': must be an absolute http(s) URL such as"
                        + " http://localhost:8080; was 'ftp://x'");
        assertThatThrownBy(() -> CliArguments.parse("--base-url", "http://x", "--documented-data", "--engine", "kafka"))
                .hasMessage("Invalid value for option '--engine': must be rocketmq or reliability; was 'kafka'");
        assertThatThrownBy(() -> CliArguments.parse("--base-url", "http://x", "--documented-data", "--group", " "))
                .hasMessage("Invalid value for option '--group': needs a non-blank value");
        assertThatThrownBy(() -> CliArguments.parse("--base-url", "http://x", "--documented-data", "--fixture", "mine"))
                .hasMessageStartingWith(
                        "Invalid value for option '--fixture': the kit knows only 'reference-admin';" + " was 'mine'");
        assertThatThrownBy(() -> CliArguments.parse(
                        "--base-url", "http://x", "--documented-data", "--fixture", "rocketmq:127.0.0.1:9876"))
                .hasMessageContaining("RocketMQ cluster runs from the JUnit base class");
        assertThatThrownBy(() -> CliArguments.parse("--base-url", "http://x", "--documented-data", "--seed", "x"))
                .hasMessage("Invalid value for option '--seed': 'x' is not a long");

        // AND an option without its value, or given twice, is named
        assertThatThrownBy(() -> CliArguments.parse("--base-url", "http://x", "--documented-data", "--topic"))
                .hasMessage("Missing required parameter for option '--topic' (T)");
        assertThatThrownBy(() -> CliArguments.parse(
                        "--base-url", "http://x", "--documented-data", "--group", "a", "--group", "b"))
                .hasMessage("--group is given twice");
        assertThatThrownBy(() -> CliArguments.parse("--launch", "a.jar", "--launch=b.jar"))
                .hasMessage("--launch is given twice");

        // AND an unknown option is named with the closest known one
        assertThatThrownBy(() -> CliArguments.parse("--verbose")).hasMessageContaining("unknown option '--verbose'");
        assertThatThrownBy(() -> CliArguments.parse("--bse-url", "http://x"))
                .hasMessage("unknown option '--bse-url'; the closest is --base-url (see --help)");
        assertThatThrownBy(() -> CliArguments.parse("--base-url", "http://x", "--documented-data", "--sk-fil=k"))
                .hasMessageContaining("the closest is --sk-file");
    }

    @Test
    void theTargetIsEitherABaseUrlOrALaunchedServer() {
        // GIVEN / WHEN neither, THEN picocli's exclusive group asks for one of them
        assertThatThrownBy(() -> CliArguments.parse())
                .isInstanceOf(UsageException.class)
                .hasMessage("Missing required argument (specify one of these): (--base-url=URL | --launch=JAR)");
        assertThatThrownBy(() -> CliArguments.parse("--group", "g", "--topic", "t"))
                .hasMessage("Missing required argument (specify one of these): (--base-url=URL | --launch=JAR)");

        // AND both are refused, naming them
        assertThatThrownBy(() -> CliArguments.parse("--launch", "s.jar", "--base-url", "http://x", "--documented-data"))
                .hasMessage("--base-url=URL, --launch=JAR are mutually exclusive (specify only one)");

        // AND --help and --version need neither
        assertThatCode(() -> CliArguments.parse("--help")).doesNotThrowAnyException();
        assertThatCode(() -> CliArguments.parse("--version")).doesNotThrowAnyException();
    }

    @Test
    void credentialsAreATokenOrAnAkSkPairNotBoth(@TempDir Path directory) throws Exception {
        Path token = Files.writeString(directory.resolve("token"), "token-from-file\n");
        Path sk = Files.writeString(directory.resolve("sk"), "sk-from-file\n");

        // GIVEN / WHEN the token twice over (picocli's exclusive group), THEN both options are named
        assertThatThrownBy(() -> CliArguments.parse(
                        "--base-url",
                        "http://x",
                        "--documented-data",
                        "--token",
                        "t",
                        "--token-file",
                        token.toString()))
                .hasMessage("--token=X, --token-file=FILE are mutually exclusive (specify only one)");

        // AND a secret key without its access key (picocli's co-required group) names the missing one
        assertThatThrownBy(() -> CliArguments.parse("--base-url", "http://x", "--documented-data", "--sk", "s"))
                .hasMessage("Missing required argument(s): --ak=A");
        assertThatThrownBy(() ->
                        CliArguments.parse("--base-url", "http://x", "--documented-data", "--sk-file", sk.toString()))
                .hasMessage("Missing required argument(s): --ak=A");

        // AND a token with an AK, in either order, or the secret key twice over, are refused in one line
        assertThatThrownBy(() -> CliArguments.parse(
                        "--base-url", "http://x", "--documented-data", "--token", "t", "--ak", "a", "--sk", "s"))
                .hasMessage("give either --token or --ak and --sk, not both");
        assertThatThrownBy(() -> CliArguments.parse(
                        "--base-url", "http://x", "--documented-data", "--ak", "a", "--sk", "s", "--token", "t"))
                .hasMessage("give either --token or --ak and --sk, not both");
        assertThatThrownBy(() -> CliArguments.parse(
                        "--base-url",
                        "http://x",
                        "--documented-data",
                        "--ak",
                        "a",
                        "--sk",
                        "s",
                        "--sk-file",
                        sk.toString()))
                .hasMessage("give --sk or --sk-file, not both");
    }

    @Test
    void aMisspeltOptionIsNamedWithoutItsValue() {
        // GIVEN a secret key given to a misspelt --sk, in the one-argument form
        // WHEN it is parsed
        // THEN the message names the option and the closest one, and never shows the value
        assertThatThrownBy(() -> CliArguments.parse(
                        "--base-url", "http://x", "--documented-data", "--ak", "A", "--sK=supersecret123"))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown option '--sK'; the closest is --sk (see --help)");
    }

    @Test
    void includeAndExcludeAreRepeatableAndCommaSeparated() throws Exception {
        CliArguments arguments = CliArguments.parse(
                "--base-url",
                "http://x",
                "--documented-data",
                "--include",
                "AUTH,RESET-EXACT-1*",
                "--include=MUST",
                "--exclude",
                "RESET-AUTH-04");

        assertThat(arguments.include()).containsExactly("AUTH", "RESET-EXACT-1*", "MUST");
        assertThat(arguments.exclude()).containsExactly("RESET-AUTH-04");
    }

    @Test
    void theSecretKeyAndTheTokenComeFromTheEnvironment() throws Exception {
        // GIVEN the secrets in the environment, not on the command line
        Map<String, String> environment = Map.of(CliArguments.ENV_SK, "sk-from-env", CliArguments.ENV_TOKEN, "t0ken");

        // WHEN only the AK is given, the SK comes from OFFSETKIT_SK and the ambient token is not used
        CliArguments akSk =
                CliArguments.parse(environment, "--base-url", "http://x", "--documented-data", "--ak", "AK1");
        assertThat(akSk.credentials()).isEqualTo(Credentials.akSk("AK1", "sk-from-env"));
        assertThat(akSk.warnings()).isEmpty();

        // AND without an AK, the token comes from OFFSETKIT_TOKEN
        CliArguments token = CliArguments.parse(environment, "--base-url", "http://x", "--documented-data");
        assertThat(token.credentials()).isEqualTo(Credentials.token("t0ken"));
    }

    @Test
    void theSecretKeyAndTheTokenComeFromFiles(@TempDir Path directory) throws Exception {
        Path sk = Files.writeString(directory.resolve("sk"), "sk-from-file\n");
        Path token = Files.writeString(directory.resolve("token"), "token-from-file\n");

        assertThat(CliArguments.parse(
                                Map.of(CliArguments.ENV_SK, "ignored"),
                                "--base-url",
                                "http://x",
                                "--documented-data",
                                "--ak",
                                "A",
                                "--sk-file",
                                sk.toString())
                        .credentials())
                .isEqualTo(Credentials.akSk("A", "sk-from-file"));
        assertThat(CliArguments.parse("--base-url", "http://x", "--documented-data", "--token-file", token.toString())
                        .credentials())
                .isEqualTo(Credentials.token("token-from-file"));
        assertThatThrownBy(() -> CliArguments.parse(
                        "--base-url", "http://x", "--documented-data", "--ak", "A", "--sk-file", "no/such/file"))
                .hasMessage(
                        "Invalid value for option '--sk-file': cannot read no/such/file: no such file or directory");
        Path empty = Files.writeString(directory.resolve("empty"), " \n");
        assertThatThrownBy(() -> CliArguments.parse(
                        "--base-url", "http://x", "--documented-data", "--token-file", empty.toString()))
                .hasMessage("Invalid value for option '--token-file': " + empty + " is empty");
    }

    @Test
    void aSecretOnTheCommandLineWorksWithAWarning() throws Exception {
        CliArguments arguments =
                CliArguments.parse("--base-url", "http://x", "--documented-data", "--ak", "A", "--sk", "S3CRET");

        assertThat(arguments.credentials()).isEqualTo(Credentials.akSk("A", "S3CRET"));
        assertThat(arguments.warnings())
                .singleElement()
                .asString()
                .contains("--sk on the command line can be read by other users", "OFFSETKIT_SK", "--sk-file");
    }

    @Test
    void anAkWithoutAnySecretKeyNamesWhereTheSecretKeyMayComeFrom() {
        assertThatThrownBy(() -> CliArguments.parse("--base-url", "http://x", "--documented-data", "--ak", "A"))
                .hasMessageContaining("--ak and --sk go together; only --ak was given")
                .hasMessageContaining("OFFSETKIT_SK");
    }

    @Test
    void againstABaseUrlTheGroupAndTopicToResetMustBeNamed() throws Exception {
        // GIVEN / WHEN a base URL without --group, --topic or --documented-data
        // THEN the kit refuses to guess which group it may reset, and says which options to give
        assertThatThrownBy(() -> CliArguments.parse("--base-url", "http://x"))
                .isInstanceOf(UsageException.class)
                .hasMessage("the kit resets a consumer group's offsets on the target, many times: name the group and"
                        + " its topic with --group and --topic (a group whose offsets may be lost; --group and --topic"
                        + " are missing), or give --documented-data when the target holds the documented example"
                        + " (group_01 on topic_01)");
        assertThatThrownBy(() -> CliArguments.parse("--base-url", "http://x", "--group", "g"))
                .hasMessageContaining("--topic is missing");

        // AND with both named, or the documented data declared, or a launched server, it runs
        assertThat(CliArguments.parse("--base-url", "http://x", "--group", "g", "--topic", "t")
                        .group())
                .isEqualTo("g");
        assertThat(CliArguments.parse("--base-url", "http://x", "--documented-data")
                        .documentedData())
                .isTrue();
        assertThat(CliArguments.parse("--launch", "server.jar").group()).isNull();
    }

    @Test
    void aBaseUrlWithoutASchemeIsToldToAddHttp() {
        assertThatThrownBy(() -> CliArguments.parse("--base-url", "127.0.0.1:19001", "--documented-data"))
                .hasMessage("Invalid value for option '--base-url': '127.0.0.1:19001' has no scheme: add http://"
                        + " (http://127.0.0.1:19001) or https://");
    }

    @Test
    void failOnSkippedMustIsOffUnlessGiven() throws Exception {
        assertThat(CliArguments.parse("--launch", "s.jar").failOnSkippedMust()).isFalse();
        assertThat(CliArguments.parse("--launch", "s.jar", "--fail-on-skipped-must")
                        .failOnSkippedMust())
                .isTrue();
    }

    @Test
    void everyOptionTheCommandLinesMessagesNameIsOneOfItsOptions() throws Exception {
        // GIVEN the options picocli reads from the command line's class
        Set<String> options = new CommandLine(CliArguments.class)
                .getCommandSpec().options().stream()
                        .flatMap(option -> Arrays.stream(option.names()))
                        .collect(Collectors.toSet());
        assertThat(options).contains("--base-url", "--launch", "--sk-file");

        // WHEN the sources that write the command line's messages are read (they name the options as text)
        for (String file : List.of("CliArguments.java", "Main.java", "Preflight.java")) {
            String source = Files.readString(Path.of("src/main/java/io/offsetkit/conformance/cli", file));
            Matcher name = Pattern.compile("--[a-z][a-z-]*[a-z]").matcher(source);

            // THEN every option name they write is one the command line has
            while (name.find()) {
                assertThat(options).as("%s names %s", file, name.group()).contains(name.group());
            }
        }
    }
}
