package io.offsetkit.conformance.cli;

import io.offsetkit.api.OpenApiDocument;
import io.offsetkit.conformance.run.KitVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/**
 * The command line's options as picocli declares them: names, value labels, descriptions and the
 * groups {@code --help} shows them in. Only declaration lives here; {@link CliArguments} turns the
 * parsed values into a checked run.
 */
@Command(
        name = "offsetkit-conformance",
        mixinStandardHelpOptions = true,
        versionProvider = CliOptions.Version.class,
        sortOptions = false,
        usageHelpWidth = 110,
        synopsisHeading = "Usage: ",
        customSynopsis = {
            "java -jar offsetkit-conformance.jar --base-url URL [options]",
            "       java -jar offsetkit-conformance.jar --launch <offsetkit-server.jar> [options]"
        },
        optionListHeading = "%n",
        description = {
            "",
            "Checks an implementation of the contract's four operations (the reset of a consumer group's offsets"
                    + " to a time, and the reads of the group's topics and progress, of a topic's status and of the"
                    + " group's consumers) against every rule of the offsetkit conformance kit, prints a report,"
                    + " and exits 0 when every MUST rule passes (or fails as the baseline expects), 1 when one"
                    + " fails, 2 when the kit cannot run, 3 when the kit itself failed on a rule (an ERROR: no"
                    + " verdict on the target)."
        },
        footer = {
            "",
            "Environment:",
            "  OFFSETKIT_SK          the secret key, when --ak is given and neither --sk-file nor --sk",
            "  OFFSETKIT_TOKEN       the IAM token, when neither --ak, --token-file nor --token is given",
            "",
            "Reports and logs mask the secret key and the token wherever they appear, when they are at",
            "least 6 characters long (a shorter one would match ordinary text, so use longer secrets); in",
            "request headers a token shows its first four characters and a signature its first eight.",
            "",
            "WHAT THE KIT CHANGES on the target: it resets the offsets of the group given by --group on the",
            "topic given by --topic, many times, and with --fixture it creates topics and groups named",
            "offsetkit_ck_* and deletes them at the end; it changes nothing else. Give a group whose offsets",
            "may be lost; --launch needs neither, its server starts on a fresh data directory."
        })
final class CliOptions {

    // Every group is initialised: picocli leaves a group none of whose options is given as it is,
    // so CliArguments reads an empty group, never null.

    @ArgGroup(validate = false, heading = "%nTarget:%n", order = 1)
    TargetOptions target = new TargetOptions();

    @ArgGroup(
            validate = false,
            heading = "%nCredentials (without them the authentication rules are skipped):%n",
            order = 2)
    CredentialOptions credentials = new CredentialOptions();

    @ArgGroup(validate = false, heading = "%nFixture (without it the exact-answer rules are skipped):%n", order = 3)
    FixtureOptions fixture = new FixtureOptions();

    @ArgGroup(validate = false, heading = "%nRule selection:%n", order = 4)
    SelectionOptions selection = new SelectionOptions();

    @ArgGroup(validate = false, heading = "%nKnown failures:%n", order = 5)
    BaselineOptions baseline = new BaselineOptions();

    @ArgGroup(validate = false, heading = "%nRun and reports:%n", order = 6)
    RunOptions run = new RunOptions();

    @ArgGroup(validate = false, heading = "%nReference server:%n", order = 7)
    LaunchOptions launch = new LaunchOptions();

    static final class TargetOptions {
        @Option(
                names = "--base-url",
                paramLabel = "URL",
                description = "the host's root the routes /v2/... hang from, e.g. http://localhost:8080 (no /v2)")
        String baseUrl;

        @Option(
                names = "--project-id",
                paramLabel = "P",
                description = "an existing project (default: the contract's example, 77b6a44cba5143ab91d13ab9a8ff44fd)")
        String projectId;

        @Option(
                names = "--instance-id",
                paramLabel = "I",
                description = "an existing instance (default: the contract's example)")
        String instanceId;

        @Option(
                names = "--group",
                paramLabel = "G",
                description = {
                    "the consumer group the kit may reset, many times; with --base-url required, unless",
                    "--documented-data (then group_01)"
                })
        String group;

        @Option(
                names = "--topic",
                paramLabel = "T",
                description =
                        "a topic of that group; with --base-url required, unless --documented-data (then topic_01)")
        String topic;

        @Option(names = "--engine", paramLabel = "E", description = "rocketmq (default) or reliability")
        String engine;

        @Option(
                names = "--other-group",
                paramLabel = "G",
                description = {
                    "a second existing group on the topic: the read-back rules reset it to -1 to show",
                    "that the first group is left untouched (without a fixture and without it, that rule is skipped)"
                })
        String otherGroup;

        @Option(
                names = "--documented-data",
                description = {
                    "the target holds the documented example's data: group_01 on topic_01, which the kit then",
                    "resets unless --group and --topic name others (checks RESET-EXAMPLE-03)"
                })
        boolean documentedData;
    }

    static final class CredentialOptions {
        @Option(
                names = "--token",
                paramLabel = "X",
                description = "an IAM token, sent as X-Auth-Token (prefer OFFSETKIT_TOKEN)")
        String token;

        @Option(names = "--token-file", paramLabel = "FILE", description = "read the IAM token from FILE")
        Path tokenFile;

        @Option(
                names = "--ak",
                paramLabel = "A",
                description = "an access key; every request is signed with SDK-HMAC-SHA256")
        String accessKey;

        @Option(names = "--sk", paramLabel = "S", description = "its secret key (prefer OFFSETKIT_SK or --sk-file)")
        String secretKey;

        @Option(names = "--sk-file", paramLabel = "FILE", description = "read the secret key from FILE")
        Path secretKeyFile;
    }

    static final class FixtureOptions {
        @Option(
                names = "--fixture",
                paramLabel = "NAME",
                description = {
                    "reference-admin: the offsetkit reference server's /admin API; the topics and groups it",
                    "creates (offsetkit_ck_*) are deleted at the end of the run"
                })
        String name;
    }

    static final class SelectionOptions {
        @Option(
                names = "--include",
                paramLabel = "PATTERN",
                split = ",",
                description = {
                    "check only the rules matching: a rule id (RESET-AUTH-01), a glob (RESET-AUTH-*),",
                    "a family (AUTH, EXACT, ...) or a level (MUST, SHOULD); comma-separated, repeatable"
                })
        List<String> include = new ArrayList<>();

        @Option(
                names = "--exclude",
                paramLabel = "PATTERN",
                split = ",",
                description = "leave out the rules matching, as --include; the others are reported as skipped")
        List<String> exclude = new ArrayList<>();
    }

    static final class BaselineOptions {
        @Option(
                names = "--baseline",
                paramLabel = "FILE",
                description = {
                    "the rules expected to fail, one per line: id, then the reason. Only new failures",
                    "fail the run; a baselined rule that passes is reported as fixed"
                })
        Path file;

        @Option(
                names = "--write-baseline",
                paramLabel = "FILE",
                description = "write this run's failures to FILE, as a baseline")
        Path writeTo;
    }

    static final class RunOptions {
        @Option(
                names = "--fail-on-skipped-must",
                description = {
                    "a strict verdict: a MUST rule that did not run (no credentials, no fixture, not selected,",
                    "...) fails the run (exit 1), so exit 0 means every MUST rule ran and passed"
                })
        boolean failOnSkippedMust;

        @Option(
                names = "--seed",
                paramLabel = "N",
                description = "replay the random choices (names, generated values) of the run that printed seed N;"
                        + " the topics and groups created through the fixture get a fresh tag")
        Long seed;

        @Option(
                names = "--report-dir",
                paramLabel = "D",
                description = "also write JSON, JUnit XML, HTML, Markdown and CTRF reports into D")
        Path reportDir;

        @Option(
                names = "--ctrf",
                paramLabel = "FILE",
                description = "also write the report in the Common Test Report Format (CTRF JSON) to FILE")
        Path ctrf;
    }

    static final class LaunchOptions {
        @Option(
                names = "--launch",
                paramLabel = "JAR",
                description = {
                    "start this offsetkit-server jar on a free port with a fresh data directory and AK/SK",
                    "authentication, run every rule against it with the reference-admin fixture, stop it"
                })
        Path jar;
    }

    /** {@code --version}: the kit's version and the contract it checks against. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            OpenApiDocument contract = OpenApiDocument.bundled();
            return new String[] {
                "offsetkit-conformance " + KitVersion.get(),
                "contract: " + contract.tree().path("info").path("title").asString("") + " " + contract.version()
                        + " (sha256 " + contract.sha256() + ")",
                "Java " + System.getProperty("java.version")
            };
        }
    }
}
