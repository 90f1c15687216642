package io.offsetkit.conformance.cli;

import io.offsetkit.api.OpenApiDocument;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.check.ContractFacts;
import io.offsetkit.conformance.fixture.ReferenceAdminFixture;
import io.offsetkit.conformance.fixture.RefusedCredentials;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.report.ConsoleReport;
import io.offsetkit.conformance.report.ReportFiles;
import io.offsetkit.conformance.rules.Rule;
import io.offsetkit.conformance.run.Baseline;
import io.offsetkit.conformance.run.ConformanceKit;
import io.offsetkit.conformance.run.KitConfig;
import io.offsetkit.conformance.run.KitReport;
import io.offsetkit.conformance.run.RuleSelection;
import io.offsetkit.conformance.run.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The command line: parses the arguments, optionally launches the reference server, runs the kit
 * (the selected rules, with the seed given or a new one), prints the console report, writes the file
 * reports and the baseline asked for, and exits with {@value #PASS} (every MUST rule passes, or fails
 * as the baseline expects), {@value #FAIL} (a MUST rule fails that the baseline does not expect),
 * {@value #CANNOT_RUN} (bad arguments, an unreadable baseline, an unreachable target, a server that
 * does not start) with a one-line reason, or {@value #KIT_ERROR} (the kit itself failed on some rule,
 * an {@code ERROR}: the verdict is incomplete, whatever the other rules say).
 */
public final class Main {

    public static final int PASS = 0;
    public static final int FAIL = 1;
    public static final int CANNOT_RUN = 2;
    /** The kit failed on some rule (an error of the kit, not the target's failure): apart from {@link #FAIL}. */
    public static final int KIT_ERROR = 3;

    private static final String NAME = "offsetkit-conformance: ";

    private Main() {}

    public static void main(String[] args) {
        OptionalInt relaunched = KitJvm.relaunch(args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.getAsInt());
        }
        int code;
        try {
            code = run(args, System.getenv(), System.out, System.err);
        } catch (RuntimeException e) {
            // A fault of the kit itself is not a verdict on the target: say so, and exit 3, not 1.
            System.err.println(NAME + "the kit failed unexpectedly: " + e);
            code = KIT_ERROR;
        }
        // The run is over, its output written: the HTTP clients' threads would hold the exit back.
        HttpClientThreads.stop(HttpClientThreads.selectors());
        System.exit(code);
    }

    /** Runs the command line without environment variables; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, Map.of(), out, err);
    }

    /** Runs the command line, secrets possibly coming from the environment given; returns the exit code. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        // The server named plainly starts while the command line is read (EarlyLaunch says why).
        try (EarlyLaunch early = EarlyLaunch.start(args)) {
            return run(args, environment, out, err, early);
        }
    }

    private static int run(
            String[] args, Map<String, String> environment, PrintStream out, PrintStream err, EarlyLaunch early) {
        CliArguments arguments;
        RuleSelection selection;
        Baseline baseline;
        try {
            arguments = CliArguments.parse(environment, args);
            if (arguments.help()) {
                out.print(CliArguments.usage());
                return PASS;
            }
            if (arguments.version()) {
                out.print(CliArguments.versionText());
                return PASS;
            }
            selection = selection(arguments);
            baseline = baseline(arguments);
        } catch (UsageException e) {
            err.println(NAME + e.getMessage());
            return CANNOT_RUN;
        }
        arguments.warnings().forEach(err::println);
        if (arguments.launch() == null) {
            Connection given = new Connection(
                    arguments.baseUrl(),
                    arguments.credentials(),
                    arguments.fixture() != null,
                    arguments.documentedData());
            return prepare(arguments, given, RefusedCredentials.none(), selection)
                    .against(baseline, () -> {}, out, err);
        }
        out.println("Starting the reference server " + arguments.launch() + " ...");
        Optional<LaunchedServer> startedEarly = early.take(arguments.launch());
        try (LaunchedServer server = startedEarly.isPresent()
                ? startedEarly.get()
                : LaunchedServer.launch(arguments.launch(), LaunchedServer.COMMAND_LINE_RUN)) {
            // The kit's own preparation (the contract read, its schemas, the HTTP clients) needs no
            // answer from the server: it runs while the server starts, not after.
            Connection launched = new Connection(
                    server.baseUrl(), Credentials.akSk(server.accessKey(), server.secretKey()), true, true);
            Run run = prepare(arguments, launched, server.refusedCredentials(), selection);
            server.awaitHealthy();
            out.println("Reference server running at " + server.baseUrl() + " (pid " + server.pid()
                    + "), AK/SK authentication, fresh data directory");
            // Once the rules and the fixture's clean-up are done, the server stops beside the reports.
            int code = run.against(baseline, server::beginStop, out, err);
            out.println("Stopping the reference server.");
            return code;
        } catch (LaunchedServer.LaunchException e) {
            err.println(NAME + "cannot launch the reference server: " + e.getMessage());
            return CANNOT_RUN;
        }
    }

    /**
     * Where the rules run and as whom: the target and credentials the command line gives, or the
     * reference server the kit launched, with its keys and its admin fixture.
     *
     * @param withFixture whether the exact-answer rules use the reference server's admin fixture
     * @param documentedData whether the target holds the documented example's data
     */
    private record Connection(URI baseUrl, Credentials credentials, boolean withFixture, boolean documentedData) {}

    /**
     * Everything a run needs that the target does not answer: read before the first request.
     *
     * @param refused the credentials a launched server holds only to refuse them, handed to its fixture;
     *     none for a server the kit did not start
     */
    private static Run prepare(
            CliArguments arguments, Connection connection, RefusedCredentials refused, RuleSelection selection) {
        OpenApiDocument contract = OpenApiDocument.bundled();
        ContractFacts facts = new ContractFacts(contract);
        URI baseUrl = connection.baseUrl();
        Target target = new Target(
                baseUrl,
                orDefault(arguments.projectId(), facts.projectId()),
                orDefault(arguments.instanceId(), facts.instanceId()),
                orDefault(arguments.group(), facts.group()),
                orDefault(arguments.topic(), facts.topic()),
                arguments.engine());
        KitConfig config = KitConfig.of(target)
                .withCredentials(connection.credentials())
                .withDocumentedData(connection.documentedData())
                .withSelection(selection);
        if (arguments.seed() != null) {
            config = config.withSeed(arguments.seed());
        }
        if (arguments.otherGroup() != null) {
            config = config.withOtherGroup(arguments.otherGroup());
        }
        ReferenceAdminFixture fixture = null;
        if (connection.withFixture()) {
            fixture = new ReferenceAdminFixture(baseUrl, target.projectId(), target.instanceId(), refused);
            config = config.withFixture(ReferenceAdminFixture.NAME, fixture);
        }
        return new Run(
                arguments, connection.credentials(), facts, target, new ConformanceKit(config, contract), fixture);
    }

    /**
     * One prepared run: the preflight, the rules, the reports.
     *
     * @param fixture the reference server's admin fixture, or null without one
     */
    private record Run(
            CliArguments arguments,
            Credentials credentials,
            ContractFacts facts,
            Target target,
            ConformanceKit kit,
            ReferenceAdminFixture fixture) {

        /** @param targetDone called once the run sends nothing more to the target, before the reports */
        int against(Baseline baseline, Runnable targetDone, PrintStream out, PrintStream err) {
            Optional<String> cannotRun = new Preflight(target, credentials, facts).problem();
            if (cannotRun.isPresent()) {
                err.println(NAME + cannotRun.get());
                return CANNOT_RUN;
            }
            return report(arguments, kit, fixture, baseline, targetDone, out, err);
        }
    }

    private static int report(
            CliArguments arguments,
            ConformanceKit kit,
            ReferenceAdminFixture fixture,
            Baseline baseline,
            Runnable targetDone,
            PrintStream out,
            PrintStream err) {
        KitReport report;
        String cleanUp;
        try {
            report = kit.run().withBaseline(baseline).withSkippedMustFailing(arguments.failOnSkippedMust());
        } finally {
            // What the fixture created goes, whatever the run's outcome: the kit leaves no data behind.
            cleanUp = fixture == null
                    ? null
                    : "Fixture: " + fixture.deleteCreated().describe();
            targetDone.run();
        }
        out.print(ConsoleReport.render(report));
        if (cleanUp != null) {
            out.println(cleanUp);
        }
        credentialsHint(report).ifPresent(out::println);
        if (arguments.reportDir() != null) {
            try {
                for (Path file : ReportFiles.write(report, arguments.reportDir())) {
                    out.println("Report written: " + file);
                }
            } catch (IOException e) {
                err.println(NAME + "cannot write the reports into --report-dir " + arguments.reportDir() + ": "
                        + FileErrors.describe(e));
                return CANNOT_RUN;
            }
        }
        if (arguments.ctrf() != null) {
            try {
                out.println("Report written: " + ReportFiles.writeCtrf(report, arguments.ctrf()));
            } catch (IOException e) {
                err.println(NAME + "cannot write --ctrf " + arguments.ctrf() + ": " + FileErrors.describe(e));
                return CANNOT_RUN;
            }
        }
        if (arguments.writeBaseline() != null) {
            try {
                Files.writeString(arguments.writeBaseline(), Baseline.textOf(report), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println(NAME + "cannot write --write-baseline " + arguments.writeBaseline() + ": "
                        + FileErrors.describe(e));
                return CANNOT_RUN;
            }
            long failing = report.count(Verdict.FAILED);
            out.println("Baseline written: " + arguments.writeBaseline() + " (" + failing
                    + (failing == 1 ? " failing rule)" : " failing rules)"));
        }
        if (report.hasErrors()) {
            return KIT_ERROR;
        }
        return report.passes() ? PASS : FAIL;
    }

    private static RuleSelection selection(CliArguments arguments) throws UsageException {
        try {
            return RuleSelection.of(arguments.include(), arguments.exclude());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--include/--exclude: " + e.getMessage());
        }
    }

    private static Baseline baseline(CliArguments arguments) throws UsageException {
        if (arguments.baseline() == null) {
            return Baseline.none();
        }
        try {
            return Baseline.read(arguments.baseline());
        } catch (IOException e) {
            throw new UsageException("cannot read --baseline " + arguments.baseline() + ": " + FileErrors.describe(e));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--baseline " + e.getMessage());
        }
    }

    /**
     * When the kit's own credentials were refused with 401 or 403 ({@link Rule#AUTH_KIT_CREDENTIALS}),
     * the rules that need them are blocked by that one refusal: say what to check.
     */
    static Optional<String> credentialsHint(KitReport report) {
        return report.results().stream()
                .filter(result -> result.rule() == Rule.AUTH_KIT_CREDENTIALS)
                .flatMap(result -> result.exchanges().stream())
                .filter(exchange -> exchange.status() == 401 || exchange.status() == 403)
                .findFirst()
                .map(exchange -> "HINT: the target answered " + exchange.status()
                        + " to the documented request, so the rules that need the kit's credentials are blocked: check"
                        + " the credentials (--token, or --ak and --sk) and the project id.");
    }

    private static String orDefault(String value, String documented) {
        return value == null ? documented : value;
    }
}
