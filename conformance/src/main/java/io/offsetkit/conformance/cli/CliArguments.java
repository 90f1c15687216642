package io.offsetkit.conformance.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line, parsed: {@code --name value} options (or {@code --name=value}), and the flags
 * {@value #HELP} and {@value #DOCUMENTED_DATA}. Every option may appear once; an unknown option, a
 * missing value or a value given twice is a {@link UsageException} naming the option.
 *
 * @param baseUrl {@value #BASE_URL}; required unless {@value #LAUNCH}
 * @param projectId {@value #PROJECT_ID}; default the contract's documented one
 * @param instanceId {@value #INSTANCE_ID}; default the documented one
 * @param group {@value #GROUP}; default the documented one
 * @param topic {@value #TOPIC}; default the documented one
 * @param engine {@value #ENGINE}; default {@code rocketmq}
 * @param token {@value #TOKEN}, or null
 * @param accessKey {@value #AK}, or null
 * @param secretKey {@value #SK}, or null
 * @param fixture {@value #FIXTURE}, or null for none
 * @param reportDir {@value #REPORT_DIR}, or null for the console report only
 * @param launch {@value #LAUNCH}: a reference-server jar to start and test, or null
 * @param documentedData {@value #DOCUMENTED_DATA}: the target holds the documented example's data
 * @param help {@value #HELP}
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
        boolean help) {

    public static final String BASE_URL = "--base-url";
    public static final String PROJECT_ID = "--project-id";
    public static final String INSTANCE_ID = "--instance-id";
    public static final String GROUP = "--group";
    public static final String TOPIC = "--topic";
    public static final String ENGINE = "--engine";
    public static final String TOKEN = "--token";
    public static final String AK = "--ak";
    public static final String SK = "--sk";
    public static final String FIXTURE = "--fixture";
    public static final String REPORT_DIR = "--report-dir";
    public static final String LAUNCH = "--launch";
    public static final String DOCUMENTED_DATA = "--documented-data";
    public static final String HELP = "--help";

    private static final List<String> WITH_VALUE = List.of(
            BASE_URL, PROJECT_ID, INSTANCE_ID, GROUP, TOPIC, ENGINE, TOKEN, AK, SK, FIXTURE, REPORT_DIR, LAUNCH);
    private static final List<String> FLAGS = List.of(DOCUMENTED_DATA, HELP, "-h");

    /** Parses the arguments; ids left out stay null (the caller fills in the documented ones). */
    public static CliArguments parse(String... args) throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (FLAGS.contains(name)) {
                if (value != null) {
                    throw new UsageException(name + " takes no value; was given '" + value + "'");
                }
                flags.add(name.equals("-h") ? HELP : name);
                continue;
            }
            if (!WITH_VALUE.contains(name)) {
                throw new UsageException("unknown option '" + arg + "'; see --help");
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            }
            if (value.isBlank()) {
                throw new UsageException(name + " needs a non-blank value");
            }
            if (values.put(name, value) != null) {
                throw new UsageException(name + " is given twice");
            }
        }
        boolean help = flags.contains(HELP);
        CliArguments parsed = new CliArguments(
                uri(values.get(BASE_URL)),
                values.get(PROJECT_ID),
                values.get(INSTANCE_ID),
                values.get(GROUP),
                values.get(TOPIC),
                values.get(ENGINE),
                values.get(TOKEN),
                values.get(AK),
                values.get(SK),
                values.get(FIXTURE),
                values.containsKey(REPORT_DIR) ? Path.of(values.get(REPORT_DIR)) : null,
                values.containsKey(LAUNCH) ? Path.of(values.get(LAUNCH)) : null,
                flags.contains(DOCUMENTED_DATA),
                help);
        if (!help) {
            parsed.validate();
        }
        return parsed;
    }

    private void validate() throws UsageException {
        if (launch == null && baseUrl == null) {
            throw new UsageException(BASE_URL + " is required (or " + LAUNCH + " <reference-server jar>); see --help");
        }
        if (launch != null && baseUrl != null) {
            throw new UsageException(LAUNCH + " starts its own server; do not give " + BASE_URL + " with it");
        }
        if (token != null && (accessKey != null || secretKey != null)) {
            throw new UsageException("give either " + TOKEN + " or " + AK + " and " + SK + ", not both");
        }
        if ((accessKey == null) != (secretKey == null)) {
            throw new UsageException(
                    AK + " and " + SK + " go together; only " + (accessKey == null ? SK : AK) + " was given");
        }
        if (engine != null && !engine.equals("rocketmq") && !engine.equals("reliability")) {
            throw new UsageException(ENGINE + " must be rocketmq or reliability; was '" + engine + "'");
        }
        if (fixture != null && !fixture.equals("reference-admin")) {
            // The RocketMQ fixture is left out of the runnable jar (RocketMQ's client would take it
            // from 4.5 MB to 32 MB): say where it is.
            throw new UsageException(FIXTURE + " knows only 'reference-admin'; was '" + fixture
                    + "' (the fixture over a RocketMQ cluster runs from the JUnit base class, see the README)");
        }
    }

    private static URI uri(String text) throws UsageException {
        if (text == null) {
            return null;
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

    /** The text of {@value #HELP}. */
    public static String usage() {
        return """
                Usage: java -jar offsetkit-conformance.jar --base-url URL [options]
                       java -jar offsetkit-conformance.jar --launch <offsetkit-server.jar> [--report-dir D]

                Checks an implementation of POST /v2/{engine}/{project_id}/instances/{instance_id}/groups/{group}/reset-message-offset
                against every rule of the offsetkit conformance kit, prints a report, and exits
                  0 when every MUST rule passes, 1 when one fails, 2 when the kit cannot run.

                Target:
                  --base-url URL        where the API's routes live, e.g. http://localhost:8080
                  --project-id P        an existing project      (default: the contract's example, 77b6a44cba5143ab91d13ab9a8ff44fd)
                  --instance-id I       an existing instance      (default: the contract's example)
                  --group G             an existing consumer group (default: group_01)
                  --topic T             an existing topic         (default: topic_01)
                  --engine E            rocketmq (default) or reliability
                  --documented-data     the target holds the documented example's data (checks RESET-EXAMPLE-03)

                Credentials (without them the authentication rules are skipped):
                  --token X             an IAM token, sent as X-Auth-Token
                  --ak A --sk S         an AK/SK pair; every request is signed with SDK-HMAC-SHA256

                Fixture (without it the exact-answer rules are skipped):
                  --fixture reference-admin   the offsetkit reference server's /admin API

                Reports:
                  --report-dir D        also write JSON, JUnit XML, HTML and Markdown reports into D

                Reference server:
                  --launch JAR          start this offsetkit-server jar on a free port with a fresh data
                                        directory and AK/SK authentication, run every rule against it with
                                        the reference-admin fixture, print the report, stop it

                WARNING: the kit resets the given group on the given topic many times. Use a group whose
                offsets may be lost. The exact-answer rules create their own topic and group (names starting
                with offsetkit_ck_) through the fixture and never touch yours.
                """;
    }
}
