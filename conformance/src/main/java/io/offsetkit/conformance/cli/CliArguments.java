package io.offsetkit.conformance.cli;

import io.offsetkit.client.auth.Credentials;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The command line, parsed by picocli from {@link CliOptions} and checked: every value the run
 * needs, the secrets resolved from the options, files or environment. A wrong command line is a
 * {@link UsageException} with one line naming the option and the value (an unknown option by its
 * name only, never its value, and the closest known one).
 *
 * <p>Where the secrets come from: the token from {@value #TOKEN}, {@value #TOKEN_FILE} or {@value
 * #ENV_TOKEN}; the secret key from {@value #SK}, {@value #SK_FILE} or {@value #ENV_SK}, in that order.
 * The environment's are ambient: {@value #ENV_SK} is used only with {@value #AK}, {@value #ENV_TOKEN}
 * only without it. A secret given on the command line works, with a {@link #warnings() warning}.
 *
 * @param baseUrl {@value #BASE_URL}; required unless {@value #LAUNCH}
 * @param projectId {@value #PROJECT_ID}; null for the contract's documented one
 * @param instanceId {@value #INSTANCE_ID}; null for the documented one
 * @param group {@value #GROUP}; null for the documented one
 * @param topic {@value #TOPIC}; null for the documented one
 * @param engine {@value #ENGINE}; null for {@code rocketmq}
 * @param token the IAM token, from wherever it came, or null
 * @param accessKey {@value #AK}, or null
 * @param secretKey the secret key, from wherever it came, or null
 * @param fixture {@value #FIXTURE}, or null for none
 * @param reportDir {@value #REPORT_DIR}, or null for the console report only
 * @param launch {@value #LAUNCH}: a reference-server jar to start and test, or null
 * @param documentedData {@value #DOCUMENTED_DATA}: the target holds the documented example's data
 * @param help {@value #HELP}: print the usage and stop
 * @param include {@value #INCLUDE} patterns, as given
 * @param exclude {@value #EXCLUDE} patterns, as given
 * @param baseline {@value #BASELINE}, or null
 * @param writeBaseline {@value #WRITE_BASELINE}, or null
 * @param seed {@value #SEED}, or null for a new one
 * @param version {@value #VERSION}: print the version and stop
 * @param failOnSkippedMust {@value #FAIL_ON_SKIPPED_MUST}: a MUST rule that did not run fails the run
 * @param warnings what the user should know before the run (a secret on the command line)
 * @param otherGroup {@value #OTHER_GROUP}, or null
 * @param ctrf {@value #CTRF}: a file for the CTRF report, or null
 */
public record CliArguments(
        URI baseUrl,
        String projectId,
        String instanceId,
        String group,
        String topic,
        String engine,
        String token,
        String accessKey,
        String secretKey,
        String fixture,
        Path reportDir,
        Path launch,
        boolean documentedData,
        boolean help,
        List<String> include,
        List<String> exclude,
        Path baseline,
        Path writeBaseline,
        Long seed,
        boolean version,
        boolean failOnSkippedMust,
        List<String> warnings,
        String otherGroup,
        Path ctrf) {

    public static final String BASE_URL = "--base-url";
    public static final String PROJECT_ID = "--project-id";
    public static final String INSTANCE_ID = "--instance-id";
    public static final String GROUP = "--group";
    public static final String TOPIC = "--topic";
    public static final String ENGINE = "--engine";
    public static final String TOKEN = "--token";
    public static final String TOKEN_FILE = "--token-file";
    public static final String AK = "--ak";
    public static final String SK = "--sk";
    public static final String SK_FILE = "--sk-file";
    public static final String FIXTURE = "--fixture";
    public static final String REPORT_DIR = "--report-dir";
    public static final String CTRF = "--ctrf";
    public static final String OTHER_GROUP = "--other-group";
    public static final String LAUNCH = "--launch";
    public static final String DOCUMENTED_DATA = "--documented-data";
    public static final String INCLUDE = "--include";
    public static final String EXCLUDE = "--exclude";
    public static final String BASELINE = "--baseline";
    public static final String WRITE_BASELINE = "--write-baseline";
    public static final String SEED = "--seed";
    public static final String HELP = "--help";
    public static final String VERSION = "--version";
    public static final String FAIL_ON_SKIPPED_MUST = "--fail-on-skipped-must";

    /** The environment variable the secret key may come from. */
    public static final String ENV_SK = "OFFSETKIT_SK";

    /** The environment variable the IAM token may come from. */
    public static final String ENV_TOKEN = "OFFSETKIT_TOKEN";

    public CliArguments {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        warnings = List.copyOf(warnings);
    }

    /** Parses the arguments without an environment; ids left out stay null. */
    public static CliArguments parse(String... args) throws UsageException {
        return parse(Map.of(), args);
    }

    /**
     * Parses and checks the arguments; secrets may come from the environment given. Ids left out stay
     * null (the caller fills in the documented ones).
     */
    public static CliArguments parse(Map<String, String> environment, String... args) throws UsageException {
        CliOptions options = new CliOptions();
        CommandLine commandLine = new CommandLine(options);
        CommandLine.ParseResult parsed;
        refuseRepeated(commandLine, args);
        try {
            parsed = commandLine.parseArgs(args);
        } catch (CommandLine.UnmatchedArgumentException e) {
            // The name only: what follows '=' may be a secret given to a misspelt --sk.
            String unknown = e.getUnmatched().isEmpty()
                    ? "?"
                    : optionNameOf(e.getUnmatched().get(0));
            throw new UsageException("unknown option '" + unknown + "'; the closest is "
                    + closestOption(commandLine, unknown) + " (see --help)");
        } catch (CommandLine.MissingParameterException e) {
            throw new UsageException(optionName(e) + " needs a value");
        } catch (CommandLine.OverwrittenOptionException e) {
            String name = e.getOverwritten() instanceof OptionSpec option ? option.longestName() : "an option";
            throw new UsageException(name + " is given twice");
        } catch (ParameterException e) {
            throw new UsageException(e.getMessage());
        }
        boolean help = parsed.isUsageHelpRequested();
        boolean version = parsed.isVersionHelpRequested();
        CliOptions.TargetOptions target = options.target;
        CliOptions.CredentialOptions secrets = options.credentials;
        CliOptions.SelectionOptions selection = options.selection;
        CliOptions.BaselineOptions baseline = options.baseline;
        CliOptions.RunOptions run = options.run;
        List<String> warnings = new ArrayList<>();
        String token = null;
        String secretKey = null;
        String accessKey = nonBlank(AK, secrets.accessKey);
        if (!help && !version) {
            token = resolveToken(secrets, accessKey, environment, warnings);
            secretKey = resolveSecretKey(secrets, accessKey, environment, warnings);
        }
        CliArguments arguments = new CliArguments(
                uri(nonBlank(BASE_URL, target.baseUrl)),
                nonBlank(PROJECT_ID, target.projectId),
                nonBlank(INSTANCE_ID, target.instanceId),
                nonBlank(GROUP, target.group),
                nonBlank(TOPIC, target.topic),
                nonBlank(ENGINE, target.engine),
                token,
                accessKey,
                secretKey,
                nonBlank(FIXTURE, options.fixture.name),
                run.reportDir,
                options.launch.jar,
                target.documentedData,
                help,
                selection.include,
                selection.exclude,
                baseline.file,
                baseline.writeTo,
                run.seed,
                version,
                run.failOnSkippedMust,
                warnings,
                nonBlank(OTHER_GROUP, target.otherGroup),
                run.ctrf);
        if (!help && !version) {
            arguments.validate();
        }
        return arguments;
    }

    /** The credentials the arguments give: a token, an AK/SK pair, or none. */
    public Credentials credentials() {
        if (token != null) {
            return Credentials.token(token);
        }
        if (accessKey != null) {
            return Credentials.akSk(accessKey, secretKey);
        }
        return Credentials.none();
    }

    /** The same arguments against another base URL, with other credentials and fixture (a launched server). */
    CliArguments against(URI url, String ak, String sk, String fixtureName, boolean holdsDocumentedData) {
        return new CliArguments(
                url,
                projectId,
                instanceId,
                group,
                topic,
                engine,
                null,
                ak,
                sk,
                fixtureName,
                reportDir,
                null,
                holdsDocumentedData,
                false,
                include,
                exclude,
                baseline,
                writeBaseline,
                seed,
                false,
                failOnSkippedMust,
                warnings,
                otherGroup,
                ctrf);
    }

    /** The text of {@value #HELP}, as picocli lays it out from {@link CliOptions}. */
    public static String usage() {
        StringWriter text = new StringWriter();
        new CommandLine(new CliOptions()).usage(new PrintWriter(text));
        return text.toString();
    }

    /** The text of {@value #VERSION}. */
    public static String versionText() {
        return String.join(System.lineSeparator(), new CliOptions.Version().getVersion()) + System.lineSeparator();
    }

    private void validate() throws UsageException {
        if (launch == null && baseUrl == null) {
            throw new UsageException(BASE_URL + " is required (or " + LAUNCH + " <reference-server jar>); see --help");
        }
        if (launch != null && baseUrl != null) {
            throw new UsageException(LAUNCH + " starts its own server; do not give " + BASE_URL + " with it");
        }
        if (launch == null && !documentedData && (group == null || topic == null)) {
            throw new UsageException(whatToReset());
        }
        if (engine != null && !engine.equals("rocketmq") && !engine.equals("reliability")) {
            throw new UsageException(ENGINE + " must be rocketmq or reliability; was '" + engine + "'");
        }
        if (fixture != null && !fixture.equals("reference-admin")) {
            // The RocketMQ fixture is left out of the runnable jar (RocketMQ's client would take it
            // from 4.5 MB to 32 MB): say where it is.
            throw new UsageException(
                    FIXTURE + " knows only 'reference-admin'; was '" + fixture
                            + "' (the fixture over a RocketMQ cluster runs from the JUnit base class, see conformance/README.md)");
        }
        if (baseline != null && !Files.isRegularFile(baseline)) {
            throw new UsageException(BASELINE + " " + baseline + " is not a file");
        }
    }

    /**
     * Why the kit refuses to guess what to reset: against a server it did not start, the consumer
     * group it resets many times must be named, or the target declared to hold the documented example.
     */
    private String whatToReset() {
        String missing = group == null && topic == null ? GROUP + " and " + TOPIC : group == null ? GROUP : TOPIC;
        return "the kit resets a consumer group's offsets on the target, many times: name the group and its topic"
                + " with " + GROUP + " and " + TOPIC + " (a group whose offsets may be lost; " + missing
                + (group == null && topic == null ? " are" : " is") + " missing), or give " + DOCUMENTED_DATA
                + " when the target holds the documented example (group_01 on topic_01)";
    }

    private static String resolveToken(
            CliOptions.CredentialOptions secrets,
            String accessKey,
            Map<String, String> environment,
            List<String> warnings)
            throws UsageException {
        if (secrets.token != null && secrets.tokenFile != null) {
            throw new UsageException("give " + TOKEN + " or " + TOKEN_FILE + ", not both");
        }
        String token = secrets.token != null ? nonBlank(TOKEN, secrets.token) : read(TOKEN_FILE, secrets.tokenFile);
        if (token != null && accessKey != null) {
            throw new UsageException("give either " + TOKEN + " or " + AK + " and " + SK + ", not both");
        }
        if (secrets.token != null) {
            warnings.add(commandLineSecret(TOKEN, ENV_TOKEN, TOKEN_FILE));
        }
        if (token == null && accessKey == null) {
            token = blankToNull(environment.get(ENV_TOKEN));
        }
        return token;
    }

    private static String resolveSecretKey(
            CliOptions.CredentialOptions secrets,
            String accessKey,
            Map<String, String> environment,
            List<String> warnings)
            throws UsageException {
        if (secrets.secretKey != null && secrets.secretKeyFile != null) {
            throw new UsageException("give " + SK + " or " + SK_FILE + ", not both");
        }
        String secretKey =
                secrets.secretKey != null ? nonBlank(SK, secrets.secretKey) : read(SK_FILE, secrets.secretKeyFile);
        if (secretKey != null && accessKey == null) {
            throw new UsageException(AK + " and " + SK + " go together; only the secret key was given");
        }
        if (secrets.secretKey != null) {
            warnings.add(commandLineSecret(SK, ENV_SK, SK_FILE));
        }
        if (secretKey == null && accessKey != null) {
            secretKey = blankToNull(environment.get(ENV_SK));
            if (secretKey == null) {
                throw new UsageException(AK + " and " + SK + " go together; only " + AK + " was given (the secret key"
                        + " may come from " + ENV_SK + ", " + SK_FILE + " or " + SK + ")");
            }
        }
        return secretKey;
    }

    private static String commandLineSecret(String option, String variable, String file) {
        return "warning: " + option + " on the command line can be read by other users of this machine (ps, shell"
                + " history); prefer " + variable + " or " + file;
    }

    private static String read(String option, Path file) throws UsageException {
        if (file == null) {
            return null;
        }
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new UsageException(option + " " + file + " is empty");
            }
            return value;
        } catch (IOException e) {
            throw new UsageException("cannot read " + option + " " + file + ": " + FileErrors.describe(e));
        }
    }

    /**
     * Refuses a single-valued option given twice: in an option group picocli would start a second
     * group instead of saying so.
     */
    private static void refuseRepeated(CommandLine commandLine, String[] args) throws UsageException {
        for (OptionSpec option : commandLine.getCommandSpec().options()) {
            if (option.isMultiValue() || option.arity().max() == 0) {
                continue;
            }
            long given = Arrays.stream(args)
                    .filter(arg -> Arrays.asList(option.names()).contains(arg.split("=", 2)[0]))
                    .count();
            if (given > 1) {
                throw new UsageException(option.longestName() + " is given twice");
            }
        }
    }

    /** An argument's option name: {@code --sk} of {@code --sk=value}. */
    private static String optionNameOf(String argument) {
        int equals = argument.indexOf('=');
        return equals < 0 ? argument : argument.substring(0, equals);
    }

    private static String closestOption(CommandLine commandLine, String name) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : commandLine.getCommandSpec().options()) {
            names.add(option.longestName());
        }
        return io.offsetkit.conformance.rules.Closest.to(name, names);
    }

    private static String optionName(CommandLine.MissingParameterException e) {
        return e.getMissing().stream()
                .filter(OptionSpec.class::isInstance)
                .map(arg -> ((OptionSpec) arg).longestName())
                .findFirst()
                .orElse("an option");
    }

    private static String nonBlank(String option, String value) throws UsageException {
        if (value != null && value.isBlank()) {
            throw new UsageException(option + " needs a non-blank value");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static URI uri(String text) throws UsageException {
        if (text == null) {
            return null;
        }
        if (!text.contains("://")) {
            throw new UsageException(BASE_URL + " '" + text + "' has no scheme: add http:// (" + BASE_URL + " http://"
                    + text + ") or https://");
        }
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null
                    || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new UsageException(BASE_URL
                        + " must be an absolute http(s) URL such as http://localhost:8080; was '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException(BASE_URL + " is not a URL: '" + text + "' (" + e.getReason() + ")");
        }
    }
}
