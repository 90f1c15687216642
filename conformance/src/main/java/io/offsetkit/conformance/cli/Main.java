package io.offsetkit.conformance.cli;

import io.offsetkit.api.OpenApiDocument;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.check.ContractFacts;
import io.offsetkit.conformance.fixture.ReferenceAdminFixture;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.KitHttp;
import io.offsetkit.conformance.http.RawRequest;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.report.ConsoleReport;
import io.offsetkit.conformance.report.ReportFiles;
import io.offsetkit.conformance.rules.Rule;
import io.offsetkit.conformance.run.ConformanceKit;
import io.offsetkit.conformance.run.KitConfig;
import io.offsetkit.conformance.run.KitReport;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The command line: parses the arguments, optionally launches the reference server, runs the kit,
 * prints the console report, writes the file reports, and exits with {@value #PASS} (every MUST rule
 * passes), {@value #FAIL} (one fails) or {@value #CANNOT_RUN} (bad arguments, unreachable target,
 * server that does not start) with a one-line reason.
 */
public final class Main {

    public static final int PASS = 0;
    public static final int FAIL = 1;
    public static final int CANNOT_RUN = 2;

    private Main() {}

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out, System.err);
        } catch (RuntimeException e) {
            // A fault of the kit itself is not a verdict on the target: say so, and exit 2, not 1.
            System.err.println("offsetkit-conformance: the kit failed unexpectedly: " + e);
            code = CANNOT_RUN;
        }
        System.exit(code);
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CliArguments arguments;
        try {
            arguments = CliArguments.parse(args);
        } catch (UsageException e) {
            err.println("offsetkit-conformance: " + e.getMessage());
            return CANNOT_RUN;
        }
        if (arguments.help()) {
            out.print(CliArguments.usage());
            return PASS;
        }
        if (arguments.launch() == null) {
            return runAgainst(
                    arguments, arguments.baseUrl(), credentials(arguments), arguments.fixture() != null, out, err);
        }
        out.println("Starting the reference server " + arguments.launch() + " ...");
        try (LaunchedServer server = LaunchedServer.start(arguments.launch())) {
            out.println("Reference server running at " + server.baseUrl() + " (pid " + server.pid()
                    + "), AK/SK authentication, fresh data directory");
            CliArguments launched = new CliArguments(
                    server.baseUrl(),
                    arguments.projectId(),
                    arguments.instanceId(),
                    arguments.group(),
                    arguments.topic(),
                    arguments.engine(),
                    null,
                    server.accessKey(),
                    server.secretKey(),
                    ReferenceAdminFixture.NAME,
                    arguments.reportDir(),
                    null,
                    true,
                    false);
            int code = runAgainst(
                    launched,
                    server.baseUrl(),
                    Credentials.akSk(server.accessKey(), server.secretKey()),
                    true,
                    out,
                    err);
            out.println("Stopping the reference server.");
            return code;
        } catch (LaunchedServer.LaunchException e) {
            err.println("offsetkit-conformance: cannot launch the reference server: " + e.getMessage());
            return CANNOT_RUN;
        }
    }

    private static int runAgainst(
            CliArguments arguments,
            URI baseUrl,
            Credentials credentials,
            boolean withFixture,
            PrintStream out,
            PrintStream err) {
        OpenApiDocument contract = OpenApiDocument.bundled();
        ContractFacts facts = new ContractFacts(contract);
        Target target = new Target(
                baseUrl,
                orDefault(arguments.projectId(), facts.projectId()),
                orDefault(arguments.instanceId(), facts.instanceId()),
                orDefault(arguments.group(), facts.group()),
                orDefault(arguments.topic(), facts.topic()),
                arguments.engine());
        String unreachable = unreachable(baseUrl);
        if (unreachable != null) {
            err.println("offsetkit-conformance: cannot reach " + baseUrl + ": " + unreachable);
            return CANNOT_RUN;
        }
        KitConfig config =
                KitConfig.of(target).withCredentials(credentials).withDocumentedData(arguments.documentedData());
        if (withFixture) {
            config = config.withFixture(
                    ReferenceAdminFixture.NAME,
                    new ReferenceAdminFixture(baseUrl, target.projectId(), target.instanceId()));
        }
        KitReport report = new ConformanceKit(config, contract).run();
        out.print(ConsoleReport.render(report));
        credentialsHint(report).ifPresent(out::println);
        if (arguments.reportDir() != null) {
            try {
                for (Path file : ReportFiles.write(report, arguments.reportDir())) {
                    out.println("Report written: " + file);
                }
            } catch (IOException e) {
                err.println("offsetkit-conformance: cannot write the reports into " + arguments.reportDir() + ": "
                        + e.getMessage());
                return CANNOT_RUN;
            }
        }
        return report.mustRulesPass() ? PASS : FAIL;
    }

    /**
     * When the documented request itself was refused with 401 or 403, most failures of the run are
     * that one refusal: say so first, with what to check.
     */
    static Optional<String> credentialsHint(KitReport report) {
        return report.results().stream()
                .filter(result -> result.rule() == Rule.EXAMPLE_NUMERIC)
                .flatMap(result -> result.exchanges().stream())
                .filter(exchange -> exchange.status() == 401 || exchange.status() == 403)
                .findFirst()
                .map(exchange -> "HINT: the target answered " + exchange.status()
                        + " to the documented request, so most rules could not see an answer: check the credentials ("
                        + CliArguments.TOKEN + ", or " + CliArguments.AK + " and " + CliArguments.SK
                        + ") and the project id.");
    }

    /** Why the base URL cannot be reached, or null when something answers there. */
    private static String unreachable(URI baseUrl) {
        Exchange probe = new KitHttp(baseUrl, Credentials.none(), Clock.systemUTC())
                .sendUnauthenticated(RawRequest.of("GET", "/v2/"));
        return probe.answered() ? null : probe.transportError();
    }

    private static Credentials credentials(CliArguments arguments) {
        if (arguments.token() != null) {
            return Credentials.token(arguments.token());
        }
        if (arguments.accessKey() != null) {
            return Credentials.akSk(arguments.accessKey(), arguments.secretKey());
        }
        return Credentials.none();
    }

    private static String orDefault(String value, String documented) {
        return value == null ? documented : value;
    }
}
