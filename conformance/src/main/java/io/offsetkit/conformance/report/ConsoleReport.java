package io.offsetkit.conformance.report;

import io.offsetkit.conformance.run.KitReport;
import io.offsetkit.conformance.run.RuleResult;
import io.offsetkit.conformance.run.RunInfo;
import io.offsetkit.conformance.run.Verdict;

/**
 * The report for a terminal: a header naming the contract, kit, target and time, a table (rule,
 * level, verdict, one-line reason), the summary, then each failure's full message.
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
                .append("\n\n");
        text.append(String.format("%-18s %-6s %-7s %s%n", "RULE", "LEVEL", "VERDICT", "REASON"));
        for (RuleResult result : report.results()) {
            String reason = result.verdict() == Verdict.PASSED ? result.rule().statement() : result.reason();
            text.append(String.format(
                    "%-18s %-6s %-7s %s%n",
                    result.rule().id(), result.rule().level(), verdictWord(result.verdict()), cut(reason)));
        }
        text.append('\n').append(report.summary()).append('\n');
        for (RuleResult result : report.results()) {
            if (result.verdict() == Verdict.FAILED) {
                text.append("\n---- ")
                        .append(result.rule().id())
                        .append(" ----\n")
                        .append(result.message())
                        .append('\n');
            }
        }
        text.append('\n')
                .append(report.mustRulesPass() ? "RESULT: every MUST rule passes" : "RESULT: a MUST rule fails")
                .append('\n');
        return text.toString();
    }

    static String verdictWord(Verdict verdict) {
        return switch (verdict) {
            case PASSED -> "pass";
            case FAILED -> "FAIL";
            case SKIPPED -> "skip";
        };
    }

    private static String cut(String line) {
        String single = line.replace('\n', ' ');
        return single.length() <= REASON_WIDTH ? single : single.substring(0, REASON_WIDTH - 3) + "...";
    }
}
