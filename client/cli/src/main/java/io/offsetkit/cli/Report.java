package io.offsetkit.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes what the command did in the chosen {@link Output}: a plan, the moves that stopped a saved
 * plan, or the outcomes of an execution. Outcomes always list what applied and what did not, by
 * name, never a bare "done".
 */
final class Report {

    private final Output output;
    private final PrintStream out;

    Report(Output output, PrintStream out) {
        this.output = output;
        this.out = out;
    }

    // ---------------------------------------------------------------- the plan

    void plan(Plan plan) {
        switch (output) {
            case json ->
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(plan));
            case csv -> planCsv(plan);
            case table -> planTable(plan);
        }
    }

    private void planTable(Plan plan) {
        out.println("Plan: reset to " + plan.strategy().describe() + " ("
                + plan.strategy().asked() + ")");
        out.println("Instance " + plan.instanceId() + " of project " + plan.projectId() + ", read at " + plan.madeAt()
                + ". Nothing was changed.");
        out.println();
        TextTable table = new TextTable("GROUP", "TOPIC", "QUEUE", "COMMITTED", "LAG", "TARGET", "CONSUMERS");
        long lag = 0;
        int queues = 0;
        for (Plan.Entry entry : plan.entries()) {
            for (Plan.Queue queue : entry.queues()) {
                table.row(
                        entry.group(),
                        entry.topic(),
                        queue.name(),
                        queue.committed(),
                        queue.lag(),
                        queue.target() == null ? "by time" : queue.target(),
                        entry.online() ? "online (" + entry.consumers() + ")" : "offline");
                lag += queue.lag() == null ? 0 : queue.lag();
                queues++;
            }
        }
        table.print(out);
        List<String> warnings = plan.entries().stream()
                .flatMap(entry -> entry.warnings().stream().map(warning -> entry.name() + ": " + warning))
                .toList();
        if (!warnings.isEmpty()) {
            out.println();
            out.println("Warnings:");
            warnings.forEach(warning -> out.println("  " + warning));
        }
        out.println();
        out.println(plan.groupCount() + " group(s), " + plan.entries().size() + " group-topic pair(s), " + queues
                + " queue(s), lag " + lag + " in all. TARGET 'by time': the service finds the offset from its"
                + " time index.");
        out.println("Apply with --execute, or save with --export FILE and apply later with --from-plan FILE"
                + " --execute.");
    }

    private void planCsv(Plan plan) {
        Csv.line(
                out,
                "group",
                "topic",
                "broker_name",
                "queue_id",
                "committed",
                "broker_offset",
                "lag",
                "target",
                "online",
                "consumers",
                "warnings");
        for (Plan.Entry entry : plan.entries()) {
            for (Plan.Queue queue : entry.queues()) {
                Csv.line(
                        out,
                        entry.group(),
                        entry.topic(),
                        queue.brokerName(),
                        queue.queueId(),
                        queue.committed(),
                        queue.brokerOffset(),
                        queue.lag(),
                        queue.target(),
                        entry.online(),
                        entry.consumers(),
                        String.join("; ", entry.warnings()));
            }
        }
    }

    // ---------------------------------------------------------------- the drift guard

    void moves(Plan plan, List<DriftGuard.Move> moves, long maxDrift) {
        switch (output) {
            case json ->
                out.println(Json.MAPPER
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(new MovesView(
                                "moved",
                                plan.madeAt().toString(),
                                maxDrift,
                                moves.stream().map(MoveView::of).toList())));
            case csv -> {
                Csv.line(out, "entry", "queue", "planned", "now", "drift");
                moves.forEach(
                        move -> Csv.line(out, move.entry(), move.queue(), move.planned(), move.now(), move.drift()));
            }
            case table -> {
                out.println("Nothing was changed: the committed offsets moved since the plan was read (at "
                        + plan.madeAt() + "), beyond --max-drift " + maxDrift + ":");
                out.println();
                TextTable table = new TextTable("GROUP/TOPIC", "QUEUE", "PLANNED", "NOW", "DRIFT");
                moves.forEach(move -> table.row(move.entry(), move.queue(), move.planned(), move.now(), move.drift()));
                table.print(out);
                out.println();
                out.println("Read a new plan, or allow that much drift with --max-drift N.");
            }
        }
    }

    // ---------------------------------------------------------------- the outcomes

    void outcomes(Plan plan, List<Outcome> outcomes) {
        switch (output) {
            case json ->
                out.println(Json.MAPPER
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(ExecutionView.of(plan, outcomes)));
            case csv -> outcomesCsv(outcomes);
            case table -> outcomesTable(plan, outcomes);
        }
    }

    private void outcomesTable(Plan plan, List<Outcome> outcomes) {
        out.println("Reset to " + plan.strategy().describe() + " ("
                + plan.strategy().asked() + ") on instance " + plan.instanceId() + ":");
        out.println();
        TextTable table = new TextTable("GROUP", "TOPIC", "QUEUE", "BEFORE", "AFTER", "RE-CONSUMED", "SKIPPED");
        for (Outcome outcome : outcomes) {
            for (Outcome.Change change : outcome.queues()) {
                table.row(
                        outcome.group(),
                        outcome.topic(),
                        change.name(),
                        change.before(),
                        change.after(),
                        change.reconsumed(),
                        change.skipped());
            }
        }
        table.print(out);
        List<String> warnings = plan.entries().stream()
                .flatMap(entry -> entry.warnings().stream().map(warning -> entry.name() + ": " + warning))
                .toList();
        if (!warnings.isEmpty()) {
            out.println();
            out.println("Warnings, read before the reset:");
            warnings.forEach(warning -> out.println("  " + warning));
        }
        out.println();
        out.println("Outcomes:");
        for (Outcome outcome : outcomes) {
            StringBuilder line = new StringBuilder("  " + outcome.name() + ": " + label(outcome.status()));
            if (outcome.errorCode() != null) {
                line.append(", ").append(outcome.errorCode());
            }
            if (outcome.message() != null) {
                line.append(": ").append(outcome.message());
            }
            out.println(line);
        }
        out.println();
        out.println(summary(outcomes));
        out.println(
                "In all: " + outcomes.stream().mapToLong(Outcome::reconsumed).sum()
                        + " message(s) to consume again, "
                        + outcomes.stream().mapToLong(Outcome::skipped).sum()
                        + " skipped.");
    }

    private void outcomesCsv(List<Outcome> outcomes) {
        Csv.line(
                out,
                "group",
                "topic",
                "outcome",
                "error_code",
                "message",
                "broker_name",
                "queue_id",
                "before",
                "after",
                "reconsumed",
                "skipped");
        for (Outcome outcome : outcomes) {
            for (Outcome.Change change : outcome.queues()) {
                Csv.line(
                        out,
                        outcome.group(),
                        outcome.topic(),
                        label(outcome.status()),
                        outcome.errorCode(),
                        outcome.message(),
                        change.brokerName(),
                        change.queueId(),
                        change.before(),
                        change.after(),
                        change.reconsumed(),
                        change.skipped());
            }
        }
    }

    /**
     * One sentence that names both sides: {@code Applied 2 of 3: a/t, b/t. Not applied: c/t
     * (refused).}
     */
    static String summary(List<Outcome> outcomes) {
        List<Outcome> applied = outcomes.stream()
                .filter(outcome -> outcome.status() == Outcome.Status.APPLIED)
                .toList();
        List<Outcome> not = outcomes.stream()
                .filter(outcome -> outcome.status() != Outcome.Status.APPLIED)
                .toList();
        StringBuilder text = new StringBuilder("Applied " + applied.size() + " of " + outcomes.size());
        if (!applied.isEmpty()) {
            text.append(": ").append(applied.stream().map(Outcome::name).collect(Collectors.joining(", ")));
        }
        text.append('.');
        if (!not.isEmpty()) {
            text.append(" Not applied: ")
                    .append(not.stream()
                            .map(outcome -> outcome.name() + " (" + label(outcome.status()) + ")")
                            .collect(Collectors.joining(", ")))
                    .append('.');
        }
        return text.toString();
    }

    static String label(Outcome.Status status) {
        return switch (status) {
            case APPLIED -> "applied";
            case REFUSED -> "refused";
            case PARTLY_APPLIED -> "partly applied by broker";
        };
    }

    // ---------------------------------------------------------------- JSON views

    record MovesView(String status, String planMadeAt, long maxDrift, List<MoveView> moves) {}

    record MoveView(String entry, String queue, Long planned, Long now, Long drift) {
        static MoveView of(DriftGuard.Move move) {
            return new MoveView(move.entry(), move.queue(), move.planned(), move.now(), move.drift());
        }
    }

    record ExecutionView(
            String instanceId,
            Strategy strategy,
            int applied,
            int refused,
            int partlyApplied,
            long reconsumed,
            long skipped,
            List<OutcomeView> outcomes) {

        static ExecutionView of(Plan plan, List<Outcome> outcomes) {
            return new ExecutionView(
                    plan.instanceId(),
                    plan.strategy(),
                    count(outcomes, Outcome.Status.APPLIED),
                    count(outcomes, Outcome.Status.REFUSED),
                    count(outcomes, Outcome.Status.PARTLY_APPLIED),
                    outcomes.stream().mapToLong(Outcome::reconsumed).sum(),
                    outcomes.stream().mapToLong(Outcome::skipped).sum(),
                    outcomes.stream().map(OutcomeView::of).toList());
        }

        private static int count(List<Outcome> outcomes, Outcome.Status status) {
            return (int) outcomes.stream().filter(o -> o.status() == status).count();
        }
    }

    record OutcomeView(
            String group,
            String topic,
            String outcome,
            String errorCode,
            String message,
            long reconsumed,
            long skipped,
            List<ChangeView> queues) {

        static OutcomeView of(Outcome outcome) {
            return new OutcomeView(
                    outcome.group(),
                    outcome.topic(),
                    outcome.status().name().toLowerCase(java.util.Locale.ROOT),
                    outcome.errorCode(),
                    outcome.message(),
                    outcome.reconsumed(),
                    outcome.skipped(),
                    outcome.queues().stream().map(ChangeView::of).toList());
        }
    }

    record ChangeView(
            String brokerName, int queueId, Long before, Long answered, Long after, long reconsumed, long skipped) {
        static ChangeView of(Outcome.Change change) {
            return new ChangeView(
                    change.brokerName(),
                    change.queueId(),
                    change.before(),
                    change.answered(),
                    change.after(),
                    change.reconsumed(),
                    change.skipped());
        }
    }
}
