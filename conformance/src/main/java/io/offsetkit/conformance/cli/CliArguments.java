package io.offsetkit.conformance.cli;

import io.offsetkit.api.OpenApiDocument;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.rules.Closest;
import io.offsetkit.conformance.run.KitVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The kit's command line, as picocli declares and parses it: the options in the groups {@code --help}
 * shows them in, their values converted and checked by picocli ({@link ITypeConverter}s), the choices
 * that exclude one another or go together as picocli's argument groups ({@code --base-url} or {@code
 * --launch}, one of them required; {@code --token} or {@code --token-file}; {@code --sk} and {@code
 * --sk-file} need {@code --ak}), and what depends on the environment or on several groups checked after
 * the parse, as picocli's {@link ParameterException}s (a token or an AK/SK pair; {@code --sk} or {@code
 * --sk-file}; the group and topic to reset).
 * A wrong command line is a {@link UsageException} with one line naming the option (an unknown option
 * by its name only, never its value, and the closest known one).
 *
 * <p>Where the secrets come from: the token from {@code --token}, {@code --token-file} or {@value
 * #ENV_TOKEN}; the secret key from {@code --sk}, {@code --sk-file} or {@value #ENV_SK}, in that order.
 * The environment's are ambient: {@value #ENV_SK} is used only with {@code --ak}, {@value #ENV_TOKEN}
 * only without it. A secret given on the command line works, with a {@link #warnings() warning}.
 *
 * <p>Ids left out are null: the caller fills in the contract's documented ones.
 *
 * <p>The README's main job, {@code --launch JAR} and nothing else, is read without building picocli's
 * model ({@link #launchAlone}): the same arguments, without the CPU of picocli's classes.
 */
@Command(
        name = "offsetkit-conformance",
        mixinStandardHelpOptions = true,
        versionProvider = CliArguments.Version.class,
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
public final class CliArguments {

    /** The environment variable the secret key may come from. */
    public static final String ENV_SK = "OFFSETKIT_SK";

    /** The environment variable the IAM token may come from. */
    public static final String ENV_TOKEN = "OFFSETKIT_TOKEN";

    // Null when the command line was read without picocli (launchAlone): then neither help nor version.
    @Spec
    private CommandSpec spec;

    // Required and exclusive; null only after --help or --version, which picocli answers unchecked.
    @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nTarget, one of:%n", order = 1)
    private Where where;

    // The groups with validate = false only lay --help out. Each is initialised: picocli leaves a group
    // none of whose options is given as it is, so the accessors read an empty group, never null.

    @ArgGroup(validate = false, heading = "%nOn the target:%n", order = 2)
    private Ids ids = new Ids();

    // A token, from the command line or a file (exclusive); null when neither is given.
    @ArgGroup(
            exclusive = true,
            heading = "%nCredentials, a token (without credentials the authentication rules are skipped):%n",
            order = 3)
    private Token token;

    // Or an AK/SK pair: a secret key needs its access key (picocli's co-required group); null when
    // none of them is given. A token and an AK are refused together by resolve(): picocli's exclusive
    // group over these two nested groups reports some orders of the options only as "expected only one
    // match" of the whole group, which names no option.
    @ArgGroup(exclusive = false, heading = "%nor an access key and its secret key:%n", order = 4)
    private AkSk akSk;

    @ArgGroup(validate = false, heading = "%nFixture (without it the exact-answer rules are skipped):%n", order = 5)
    private FixtureOptions fixture = new FixtureOptions();

    @ArgGroup(validate = false, heading = "%nRule selection:%n", order = 6)
    private SelectionOptions selection = new SelectionOptions();

    @ArgGroup(validate = false, heading = "%nKnown failures:%n", order = 7)
    private BaselineOptions baseline = new BaselineOptions();

    @ArgGroup(validate = false, heading = "%nRun and reports:%n", order = 8)
    private RunOptions run = new RunOptions();

    private Credentials credentials = Credentials.none();
    private final List<String> warnings = new ArrayList<>();

    private CliArguments() {}

    /** Parses the arguments without an environment; ids left out stay null. */
    public static CliArguments parse(String... args) throws UsageException {
        return parse(Map.of(), args);
    }

    /**
     * Parses and checks the arguments; secrets may come from the environment given. Ids left out stay
     * null (the caller fills in the documented ones).
     */
    public static CliArguments parse(Map<String, String> environment, String... args) throws UsageException {
        Optional<Path> launchAlone = launchAlone(args);
        if (launchAlone.isPresent()) {
            // The README's main job: nothing to convert, group or check but the jar, so picocli's model
            // (its classes are loaded and verified anew in every JVM, a tenth of the kit's CPU) is not built.
            CliArguments arguments = new CliArguments();
            arguments.where = new Where();
            arguments.where.launch = launchAlone.get();
            arguments.resolve(environment);
            return arguments;
        }
        return parseWithPicocli(environment, args);
    }

    /**
     * The jar of a command line that is {@code --launch JAR} or {@code --launch=JAR} and nothing else,
     * named as the early launch takes it ({@link EarlyLaunch#plainJar}); else empty, and picocli reads
     * the command line. Such a command line gives the same arguments either way ({@code
     * CliArgumentsTest} holds the two side by side).
     */
    static Optional<Path> launchAlone(String[] args) {
        boolean launchOnly = (args.length == 2 && args[0].equals("--launch"))
                || (args.length == 1 && args[0].startsWith("--launch="));
        return launchOnly ? EarlyLaunch.plainJar(args) : Optional.empty();
    }

    /** Parses and checks the arguments with picocli, whatever their form. */
    static CliArguments parseWithPicocli(Map<String, String> environment, String... args) throws UsageException {
        CliArguments arguments = new CliArguments();
        CommandLine commandLine = new CommandLine(arguments);
        try {
            refuseRepeated(commandLine, args);
            commandLine.parseArgs(args);
            if (!arguments.help() && !arguments.version()) {
                arguments.resolve(environment);
            }
        } catch (CommandLine.UnmatchedArgumentException e) {
            // The name only: what follows '=' may be a secret given to a misspelt --sk.
            String unknown =
                    e.getUnmatched().isEmpty() ? "?" : e.getUnmatched().get(0).split("=", 2)[0];
            throw new UsageException("unknown option '" + unknown + "'; the closest is "
                    + closestOption(commandLine, unknown) + " (see --help)");
        } catch (ParameterException e) {
            // picocli starts the messages of its argument groups with "Error: "; ours names the kit instead.
            throw new UsageException(e.getMessage().replaceFirst("^Error: ", ""));
        }
        return arguments;
    }

    /** The text of {@code --help}, as picocli lays it out. */
    public static String usage() {
        StringWriter text = new StringWriter();
        new CommandLine(new CliArguments()).usage(new PrintWriter(text));
        return text.toString();
    }

    /** The text of {@code --version}. */
    public static String versionText() {
        return String.join(System.lineSeparator(), new Version().getVersion()) + System.lineSeparator();
    }

    /** {@code --help}: print the usage and stop. */
    public boolean help() {
        return spec != null && spec.commandLine().isUsageHelpRequested();
    }

    /** {@code --version}: print the version and stop. */
    public boolean version() {
        return spec != null && spec.commandLine().isVersionHelpRequested();
    }

    /** {@code --base-url}; null with {@code --launch}. */
    public URI baseUrl() {
        return where == null ? null : where.baseUrl;
    }

    /** {@code --launch}: a reference-server jar to start and test, or null. */
    public Path launch() {
        return where == null ? null : where.launch;
    }

    /** {@code --project-id}; null for the contract's documented one. */
    public String projectId() {
        return ids.projectId;
    }

    /** {@code --instance-id}; null for the documented one. */
    public String instanceId() {
        return ids.instanceId;
    }

    /** {@code --group}; null for the documented one. */
    public String group() {
        return ids.group;
    }

    /** {@code --topic}; null for the documented one. */
    public String topic() {
        return ids.topic;
    }

    /** {@code --engine}; null for {@code rocketmq}. */
    public String engine() {
        return ids.engine;
    }

    /** {@code --other-group}, or null. */
    public String otherGroup() {
        return ids.otherGroup;
    }

    /** {@code --documented-data}: the target holds the documented example's data. */
    public boolean documentedData() {
        return ids.documentedData;
    }

    /** The credentials the arguments and the environment give: a token, an AK/SK pair, or none. */
    public Credentials credentials() {
        return credentials;
    }

    /** {@code --fixture}, or null for none. */
    public String fixture() {
        return fixture.name;
    }

    /** {@code --include} patterns, as given. */
    public List<String> include() {
        return List.copyOf(selection.include);
    }

    /** {@code --exclude} patterns, as given. */
    public List<String> exclude() {
        return List.copyOf(selection.exclude);
    }

    /** {@code --baseline}, or null. */
    public Path baseline() {
        return baseline.file;
    }

    /** {@code --write-baseline}, or null. */
    public Path writeBaseline() {
        return baseline.writeTo;
    }

    /** {@code --seed}, or null for a new one. */
    public Long seed() {
        return run.seed;
    }

    /** {@code --fail-on-skipped-must}: a MUST rule that did not run fails the run. */
    public boolean failOnSkippedMust() {
        return run.failOnSkippedMust;
    }

    /** {@code --report-dir}, or null for the console report only. */
    public Path reportDir() {
        return run.reportDir;
    }

    /** {@code --ctrf}: a file for the CTRF report, or null. */
    public Path ctrf() {
        return run.ctrf;
    }

    /** What the user should know before the run (a secret on the command line). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * The checks that need several groups or the environment, and the credentials: against a server
     * the kit did not start, the group and topic to reset must be named; a token and an AK exclude each
     * other; the secret key of an AK given alone comes from the environment, and without an AK the
     * token may.
     */
    private void resolve(Map<String, String> environment) {
        if (where.baseUrl != null && !ids.documentedData && (ids.group == null || ids.topic == null)) {
            throw new ParameterException(spec.commandLine(), whatToReset());
        }
        if (token != null && akSk != null) {
            throw new ParameterException(spec.commandLine(), "give either --token or --ak and --sk, not both");
        }
        if (token != null) {
            credentials = Credentials.token(token.value != null ? token.value : token.fromFile);
            if (token.value != null) {
                warnings.add(commandLineSecret("--token", ENV_TOKEN, "--token-file"));
            }
        } else if (akSk != null) {
            credentials = Credentials.akSk(akSk.accessKey, secretKey(environment));
            if (akSk.secretKey != null) {
                warnings.add(commandLineSecret("--sk", ENV_SK, "--sk-file"));
            }
        } else {
            String fromEnvironment = blankToNull(environment.get(ENV_TOKEN));
            credentials = fromEnvironment == null ? Credentials.none() : Credentials.token(fromEnvironment);
        }
    }

    /**
     * The secret key from {@code --sk}, {@code --sk-file} or the environment. The two options are
     * checked here, not as an exclusive group nested in this one: picocli reports both given only as
     * "expected only one match" of the whole group.
     */
    private String secretKey(Map<String, String> environment) {
        if (akSk.secretKey != null && akSk.secretKeyFromFile != null) {
            throw new ParameterException(spec.commandLine(), "give --sk or --sk-file, not both");
        }
        String given = akSk.secretKey != null ? akSk.secretKey : akSk.secretKeyFromFile;
        String found = given != null ? given : blankToNull(environment.get(ENV_SK));
        if (found == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--ak and --sk go together; only --ak was given (the secret key may come from " + ENV_SK
                            + ", --sk-file or --sk)");
        }
        return found;
    }

    /**
     * Why the kit refuses to guess what to reset: against a server it did not start, the consumer
     * group it resets many times must be named, or the target declared to hold the documented example.
     */
    private String whatToReset() {
        boolean neither = ids.group == null && ids.topic == null;
        String missing = neither ? "--group and --topic are" : ids.group == null ? "--group is" : "--topic is";
        return "the kit resets a consumer group's offsets on the target, many times: name the group and its topic"
                + " with --group and --topic (a group whose offsets may be lost; " + missing + " missing), or give"
                + " --documented-data when the target holds the documented example (group_01 on topic_01)";
    }

    private static String commandLineSecret(String option, String variable, String file) {
        return "warning: " + option + " on the command line can be read by other users of this machine (ps, shell"
                + " history); prefer " + variable + " or " + file;
    }

    /**
     * Refuses a single-valued option given twice: in an argument group picocli would start a second
     * match of the group instead, and say so in a message that lists the whole group.
     */
    private static void refuseRepeated(CommandLine commandLine, String[] args) throws UsageException {
        for (OptionSpec option : commandLine.getCommandSpec().options()) {
            if (option.isMultiValue() || option.arity().max() == 0) {
                continue;
            }
            List<String> names = Arrays.asList(option.names());
            long given = Arrays.stream(args)
                    .filter(arg -> names.contains(arg.split("=", 2)[0]))
                    .count();
            if (given > 1) {
                throw new UsageException(option.longestName() + " is given twice");
            }
        }
    }

    private static String closestOption(CommandLine commandLine, String name) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : commandLine.getCommandSpec().options()) {
            names.add(option.longestName());
        }
        return Closest.to(name, names);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static final class Where {
        @Option(
                names = "--base-url",
                paramLabel = "URL",
                converter = OptionValues.BaseUrl.class,
                description = "the host's root the routes /v2/... hang from, e.g. http://localhost:8080 (no /v2)")
        private URI baseUrl;

        @Option(
                names = "--launch",
                paramLabel = "JAR",
                description = {
                    "start this offsetkit-server jar on a free port with a fresh data directory and AK/SK",
                    "authentication, run every rule against it with the reference-admin fixture, stop it"
                })
        private Path launch;
    }

    private static final class Ids {
        @Option(
                names = "--project-id",
                paramLabel = "P",
                converter = OptionValues.NonBlank.class,
                description = "an existing project (default: the contract's example, 77b6a44cba5143ab91d13ab9a8ff44fd)")
        private String projectId;

        @Option(
                names = "--instance-id",
                paramLabel = "I",
                converter = OptionValues.NonBlank.class,
                description = "an existing instance (default: the contract's example)")
        private String instanceId;

        @Option(
                names = "--group",
                paramLabel = "G",
                converter = OptionValues.NonBlank.class,
                description = {
                    "the consumer group the kit may reset, many times; with --base-url required, unless",
                    "--documented-data (then group_01)"
                })
        private String group;

        @Option(
                names = "--topic",
                paramLabel = "T",
                converter = OptionValues.NonBlank.class,
                description =
                        "a topic of that group; with --base-url required, unless --documented-data (then topic_01)")
        private String topic;

        @Option(
                names = "--engine",
                paramLabel = "E",
                converter = OptionValues.EngineName.class,
                description = "rocketmq (default) or reliability")
        private String engine;

        @Option(
                names = "--other-group",
                paramLabel = "G",
                converter = OptionValues.NonBlank.class,
                description = {
                    "a second existing group on the topic: the read-back rules reset it to -1 to show",
                    "that the first group is left untouched (without a fixture and without it, that rule is skipped)"
                })
        private String otherGroup;

        @Option(
                names = "--documented-data",
                description = {
                    "the target holds the documented example's data: group_01 on topic_01, which the kit then",
                    "resets unless --group and --topic name others (checks RESET-EXAMPLE-03)"
                })
        private boolean documentedData;
    }

    private static final class Token {
        @Option(
                names = "--token",
                paramLabel = "X",
                converter = OptionValues.NonBlank.class,
                description = "an IAM token, sent as X-Auth-Token (prefer OFFSETKIT_TOKEN)")
        private String value;

        @Option(
                names = "--token-file",
                paramLabel = "FILE",
                converter = OptionValues.SecretFile.class,
                description = "read the IAM token from FILE")
        private String fromFile;
    }

    /** An access key, and its secret key unless the environment gives it. */
    private static final class AkSk {
        @Option(
                names = "--ak",
                paramLabel = "A",
                required = true,
                converter = OptionValues.NonBlank.class,
                description = "an access key; every request is signed with SDK-HMAC-SHA256")
        private String accessKey;

        @Option(
                names = "--sk",
                paramLabel = "S",
                converter = OptionValues.NonBlank.class,
                description = "its secret key (prefer OFFSETKIT_SK or --sk-file)")
        private String secretKey;

        @Option(
                names = "--sk-file",
                paramLabel = "FILE",
                converter = OptionValues.SecretFile.class,
                description = "read the secret key from FILE")
        private String secretKeyFromFile;
    }

    private static final class FixtureOptions {
        @Option(
                names = "--fixture",
                paramLabel = "NAME",
                converter = OptionValues.FixtureName.class,
                description = {
                    "reference-admin: the offsetkit reference server's /admin API; the topics and groups it",
                    "creates (offsetkit_ck_*) are deleted at the end of the run"
                })
        private String name;
    }

    private static final class SelectionOptions {
        @Option(
                names = "--include",
                paramLabel = "PATTERN",
                split = ",",
                description = {
                    "check only the rules matching: a rule id (RESET-AUTH-01), a glob (RESET-AUTH-*),",
                    "a family (AUTH, EXACT, ...) or a level (MUST, SHOULD); comma-separated, repeatable"
                })
        private List<String> include = new ArrayList<>();

        @Option(
                names = "--exclude",
                paramLabel = "PATTERN",
                split = ",",
                description = "leave out the rules matching, as --include; the others are reported as skipped")
        private List<String> exclude = new ArrayList<>();
    }

    private static final class BaselineOptions {
        @Option(
                names = "--baseline",
                paramLabel = "FILE",
                converter = OptionValues.ExistingFile.class,
                description = {
                    "the rules expected to fail, one per line: id, then the reason. Only new failures",
                    "fail the run; a baselined rule that passes is reported as fixed"
                })
        private Path file;

        @Option(
                names = "--write-baseline",
                paramLabel = "FILE",
                description = "write this run's failures to FILE, as a baseline")
        private Path writeTo;
    }

    private static final class RunOptions {
        @Option(
                names = "--fail-on-skipped-must",
                description = {
                    "a strict verdict: a MUST rule that did not run (no credentials, no fixture, not selected,",
                    "...) fails the run (exit 1), so exit 0 means every MUST rule ran and passed"
                })
        private boolean failOnSkippedMust;

        @Option(
                names = "--seed",
                paramLabel = "N",
                description = "replay the random choices (names, generated values) of the run that printed seed N;"
                        + " the topics and groups created through the fixture get a fresh tag")
        private Long seed;

        @Option(
                names = "--report-dir",
                paramLabel = "D",
                description = "also write JSON, JUnit XML, HTML, Markdown and CTRF reports into D")
        private Path reportDir;

        @Option(
                names = "--ctrf",
                paramLabel = "FILE",
                description = "also write the report in the Common Test Report Format (CTRF JSON) to FILE")
        private Path ctrf;
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
