package io.offsetkit.cli;

import io.offsetkit.client.OffsetkitClient;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code offsetkit reset}: a plan by default, changing nothing; {@code --execute} to apply it, with
 * the offsets read back; {@code --export} and {@code --from-plan} to review a plan before applying
 * it, guarded against offsets that moved in between.
 */
@Command(
        name = "reset",
        mixinStandardHelpOptions = true,
        versionProvider = OffsetkitCli.Version.class,
        sortOptions = false,
        // Wide enough for the examples to stay one line each, whatever the terminal.
        usageHelpWidth = 120,
        description = {
            "Resets consumer groups' offsets to a point in time. Shows a plan and changes nothing unless"
                    + " --execute is given. Scope: --group (repeatable) with --topic (repeatable) or --all-topics."
                    + " Strategy, exactly one: --to-datetime, --by-duration, --to-timestamp, --to-earliest,"
                    + " --to-latest.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  Replay billing's orders since 10:00 Beijing time (first the plan, then apply it):",
            "    offsetkit reset $CONN --group billing --topic orders --to-datetime 2026-03-01T10:00:00+08:00",
            "    offsetkit reset $CONN --group billing --topic orders --to-datetime 2026-03-01T10:00:00+08:00"
                    + " --execute",
            "  Replay the last 30 minutes of every topic of two groups:",
            "    offsetkit reset $CONN --group billing --group audit --all-topics --by-duration PT30M --execute",
            "  Skip the backlog: move to the latest offsets:",
            "    offsetkit reset $CONN --group billing --topic orders --to-latest --execute",
            "  Save a plan for review, then apply it only if no offset moved since:",
            "    offsetkit reset $CONN --group billing --topic orders --to-earliest --export plan.json",
            "    offsetkit reset $CONN --from-plan plan.json --execute",
            "  JSON for a script:",
            "    offsetkit reset $CONN --group billing --topic orders --to-latest --execute --output json",
            "",
            "  where $CONN is --endpoint URL --project-id ID --instance-id ID, and the credentials are in OFFSETKIT_AK",
            "  and OFFSETKIT_SK, or OFFSETKIT_TOKEN (or in --credentials-file FILE).",
            "",
            "Exit codes: 0 a plan was shown, or every reset applied; 1 nothing applied (refused, the plan's"
                    + " offsets moved, or the service could not be read); 2 bad input, nothing changed;"
                    + " 3 some applied and some not."
        })
final class ResetCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--group", paramLabel = "GROUP", description = "A consumer group; repeat for several.")
    List<String> groups = new ArrayList<>();

    @Option(names = "--topic", paramLabel = "TOPIC", description = "A topic; repeat for several.")
    List<String> topics = new ArrayList<>();

    @Option(names = "--all-topics", description = "Every topic each group has committed offsets on.")
    boolean allTopics;

    @Mixin
    StrategyOptions strategy;

    @Option(names = "--execute", description = "Apply the reset; without it, only the plan is shown.")
    boolean execute;

    @Option(names = "--export", paramLabel = "FILE", description = "Write the plan to FILE (JSON), to apply later.")
    Path export;

    @Option(
            names = "--from-plan",
            paramLabel = "FILE",
            description = "Apply the plan in FILE (with --execute), only if no committed offset moved since.")
    Path fromPlan;

    @Option(
            names = "--max-drift",
            paramLabel = "N",
            defaultValue = "0",
            description =
                    "With --from-plan: how many messages a committed offset may have moved (default: ${DEFAULT-VALUE}).")
    long maxDrift;

    @Option(
            names = "--output",
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    Output output;

    @Option(
            names = "--parallelism",
            paramLabel = "N",
            defaultValue = "8",
            description = "How many requests at once, 1 to " + MAX_PARALLELISM + " (default: ${DEFAULT-VALUE}).")
    int parallelism;

    static final int MAX_PARALLELISM = 32;

    private final Map<String, String> environment;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    ResetCommand(Map<String, String> environment, Clock clock, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        checkModes();
        Strategy resolved = fromPlan == null ? strategy.resolve(clock) : null;
        Scope scope = fromPlan == null ? scope() : null;
        OffsetkitClient client = connection.client(environment);
        Report report = new Report(output, out);
        try (Parallel parallel = new Parallel(parallelism, err)) {
            Planner planner = new Planner(client, connection.projectId, connection.instanceId, parallel, clock);
            Executor executor = new Executor(client, connection.instanceId, parallel);
            if (fromPlan != null) {
                Plan plan = PlanFile.read(fromPlan, connection.projectId, connection.instanceId);
                List<Plan.Entry> now = planner.reread(plan.entries(), plan.strategy());
                List<DriftGuard.Move> moves = DriftGuard.moves(plan.entries(), now, maxDrift);
                if (!moves.isEmpty()) {
                    report.moves(plan, moves, maxDrift);
                    return ExitCode.NOTHING_APPLIED;
                }
                return applied(report, plan, executor.execute(now, plan.strategy()));
            }
            Plan plan = planner.plan(scope, resolved);
            if (export != null) {
                PlanFile.write(plan, export);
            }
            if (!execute) {
                report.plan(plan);
                if (export != null) {
                    err.println("The plan is in " + export + "; apply it with --from-plan " + export + " --execute.");
                }
                return ExitCode.OK;
            }
            return applied(report, plan, executor.execute(plan.entries(), plan.strategy()));
        }
    }

    private int applied(Report report, Plan plan, List<Outcome> outcomes) {
        report.outcomes(plan, outcomes);
        return ExitCode.of(outcomes);
    }

    /** The combinations of options that do not make one run, refused before anything is read. */
    private void checkModes() {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new BadInputException("--parallelism", parallelism + " is not 1 to " + MAX_PARALLELISM);
        }
        if (maxDrift < 0) {
            throw new BadInputException("--max-drift", maxDrift + " is negative; give how many messages, 0 or more");
        }
        if (fromPlan != null) {
            if (!execute) {
                throw new BadInputException("--from-plan", "applies a saved plan: add --execute");
            }
            if (!groups.isEmpty() || !topics.isEmpty() || allTopics) {
                throw new BadInputException(
                        !groups.isEmpty() ? "--group" : !topics.isEmpty() ? "--topic" : "--all-topics",
                        "a saved plan carries its own groups and topics; give them only without --from-plan");
            }
            if (strategy.anyGiven()) {
                throw new BadInputException(
                        "--from-plan", "a saved plan carries its own strategy; give none with --from-plan");
            }
            if (export != null) {
                throw new BadInputException("--export", "goes without --from-plan (the plan is saved already)");
            }
        } else if (maxDrift != 0) {
            throw new BadInputException("--max-drift", "guards a saved plan: it goes with --from-plan");
        }
    }

    private Scope scope() {
        if (groups.isEmpty()) {
            throw new BadInputException("--group", "name at least one group");
        }
        for (String group : groups) {
            if (group.isBlank()) {
                throw new BadInputException("--group", "a group name must not be blank");
            }
        }
        for (String topic : topics) {
            if (topic.isBlank()) {
                throw new BadInputException("--topic", "a topic name must not be blank");
            }
        }
        if (allTopics && !topics.isEmpty()) {
            throw new BadInputException("--all-topics", "give either --topic or --all-topics, not both");
        }
        if (!allTopics && topics.isEmpty()) {
            throw new BadInputException("--topic", "name at least one topic, or give --all-topics");
        }
        return new Scope(groups, topics, allTopics);
    }
}
