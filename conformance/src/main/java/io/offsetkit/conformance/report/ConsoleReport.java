package io.offsetkit.conformance.report;

import io.offsetkit.conformance.run.KitReport;
import io.offsetkit.conformance.run.NotRun;
import io.offsetkit.conformance.run.Outcome;
import io.offsetkit.conformance.run.RuleResult;
import io.offsetkit.conformance.run.RunInfo;
import io.offsetkit.conformance.run.Verdict;

/**
 * The report for a terminal: a header naming the contract, kit, target, time, seed and selection, a
 * table (rule, level, verdict, one-line reason), the summary, the coverage, then each new failure's
 * full message, the known failures apart, the fixed ones, and the result.
 */
public final class ConsoleReport {

    private static final int REASON_WIDTH = 110;

    private ConsoleReport() {}

    public static String render(KitReport report) {
        StringBuilder text = new StringBuilder();
        RunInfo info = report.info();
        text.append("offsetkit conformance kit ").append(info.kitVersion()).append('\n');
        text.append("Contract: ")
                .append(info.specTitle())
                .append(' ')
                .append(info.specVersion())
                .append(" (sha256 ")
                .append(info.specSha256())
                .append(")\n");
        text.append("Target:   ").append(info.target()).append('\n');
        text.append("Fixture:  ")
                .append(info.fixture())
                .append("; credentials: ")
                .append(info.credentials())
                .append('\n');
        text.append("Run:      ")
                .append(info.started())
                .append(" to ")
                .append(info.finished())
                .append('\n');
        text.append("Seed:     ")
                .append(info.seed())
                .append(" (--seed ")
                .append(info.seed())
                .append(" replays this run's generated values and names; created topics and groups get a new tag)\n");
        text.append("Rules:    ").append(info.selection()).append('\n');
        if (!report.baseline().isEmpty()) {
            text.append("Baseline: ")
                    .append(report.baseline().source())
                    .append(" (")
                    .append(NotRun.count(report.baseline().reasons().size(), "known failure", "known failures"))
                    .append(")\n");
        }
        text.append('\n');
        text.append(String.format("%-18s %-6s %-7s %s%n", "RULE", "LEVEL", "VERDICT", "REASON"));
        for (RuleResult result : LeftOut.listed(report)) {
            String reason = result.verdict() == Verdict.PASSED ? result.rule().statement() : result.reason();
            text.append(String.format(
                    "%-18s %-6s %-7s %s%n",
                    result.rule().id(), result.rule().level(), word(report.outcome(result)), cut(reason)));
        }
        String leftOut = LeftOut.rulesLine(report);
        if (!leftOut.isEmpty()) {
            text.append("... ").append(leftOut).append('\n');
        }
        text.append('\n').append(report.summary()).append("\n\n");
        text.append(CoverageText.render(report));
        for (RuleResult result : report.withOutcome(Outcome.FAILED)) {
            text.append("\n---- ")
                    .append(result.rule().id())
                    .append(" ----\n")
                    .append(result.message())
                    .append('\n');
        }
        for (RuleResult result : report.withOutcome(Outcome.ERROR)) {
            text.append("\n---- ")
                    .append(result.rule().id())
                    .append(" (ERROR: the kit failed, no verdict on the target) ----\n")
                    .append(result.message())
                    .append('\n');
        }
        for (RuleResult result : report.withOutcome(Outcome.KNOWN_FAILURE)) {
            text.append("\n---- ")
                    .append(result.rule().id())
                    .append(" (known failure, in the baseline: ")
                    .append(report.baseline().reason(result.rule()).orElse(""))
                    .append(") ----\n")
                    .append(result.message())
                    .append('\n');
        }
        for (RuleResult result : report.withOutcome(Outcome.FIXED)) {
            text.append("\nFIXED: ")
                    .append(result.rule().id())
                    .append(" passes now; remove it from the baseline ")
                    .append(report.baseline().source())
                    .append('\n');
        }
        text.append("\nRESULT: ").append(report.resultLine()).append('\n');
        return text.toString();
    }

    /**
     * The verdict column: {@code pass}, {@code FAIL}, {@code known}, {@code fixed}, {@code skip}, {@code
     * ERROR}.
     */
    static String word(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "pass";
            case FAILED -> "FAIL";
            case KNOWN_FAILURE -> "known";
            case FIXED -> "fixed";
            case SKIPPED -> "skip";
            case ERROR -> "ERROR";
        };
    }

    private static String cut(String line) {
        String single = line.replace('\n', ' ');
        return single.length() <= REASON_WIDTH ? single : single.substring(0, REASON_WIDTH - 3) + "...";
    }
}
