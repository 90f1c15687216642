package io.offsetkit.conformance.report;

import io.offsetkit.conformance.coverage.Coverage;
import io.offsetkit.conformance.coverage.CoverageItem;
import io.offsetkit.conformance.run.KitReport;
import io.offsetkit.conformance.run.Outcome;
import io.offsetkit.conformance.run.RuleResult;
import io.offsetkit.conformance.run.RunInfo;
import io.offsetkit.conformance.run.Verdict;
import java.util.List;

/**
 * The report as GitHub-flavoured Markdown, for CI job summaries: the header (with the seed, the
 * selection and the baseline), a table of every rule, the coverage, then each new failure's message
 * in a collapsed block, the known failures apart, and the fixed ones.
 */
public final class MarkdownReport {

    private MarkdownReport() {}

    public static String render(KitReport report) {
        RunInfo info = report.info();
        StringBuilder md = new StringBuilder();
        md.append("## offsetkit conformance: ").append(report.resultLine()).append("\n\n");
        md.append("- Contract: ")
                .append(info.specTitle())
                .append(' ')
                .append(info.specVersion())
                .append(", sha256 `")
                .append(info.specSha256())
                .append("`\n");
        md.append("- Kit: ").append(info.kitVersion()).append('\n');
        md.append("- Target: ").append(cell(info.target())).append('\n');
        md.append("- Fixture: ")
                .append(info.fixture())
                .append("; credentials: ")
                .append(info.credentials())
                .append('\n');
        md.append("- Run: ")
                .append(info.started())
                .append(" to ")
                .append(info.finished())
                .append('\n');
        md.append("- Seed: ")
                .append(info.seed())
                .append(" (`--seed ")
                .append(info.seed())
                .append("` replays this run's generated values and names; created topics and groups get a new tag)\n");
        md.append("- Rules: ").append(cell(info.selection())).append('\n');
        md.append("- Baseline: ").append(cell(report.baseline().source())).append('\n');
        md.append("- ").append(report.summary()).append("\n\n");
        md.append("| Rule | Level | Verdict | Reason |\n| --- | --- | --- | --- |\n");
        for (RuleResult result : LeftOut.listed(report)) {
            String reason = result.verdict() == Verdict.PASSED ? result.rule().statement() : result.reason();
            md.append("| ")
                    .append(result.rule().id())
                    .append(" | ")
                    .append(result.rule().level())
                    .append(" | ")
                    .append(symbol(report.outcome(result)))
                    .append(" | ")
                    .append(cell(reason))
                    .append(" |\n");
        }
        String leftOut = LeftOut.rulesLine(report);
        if (!leftOut.isEmpty()) {
            md.append("\n").append(cell(leftOut)).append('\n');
        }
        md.append("\n### Coverage\n\n| What | Exercised | Not exercised, and why |\n| --- | --- | --- |\n");
        report.coverage().byDimension().forEach((dimension, items) -> {
            StringBuilder missing = new StringBuilder();
            for (CoverageItem item : items) {
                if (!item.exercised() && !LeftOut.onlyNotSelected(item)) {
                    missing.append(missing.isEmpty() ? "" : "<br>").append(cell(item.name() + ": " + item.detail()));
                }
            }
            md.append("| ")
                    .append(dimension)
                    .append(" | ")
                    .append(Coverage.count(items))
                    .append(" | ")
                    .append(missing.isEmpty() ? "" : missing)
                    .append(" |\n");
        });
        String coverageLeftOut = LeftOut.coverageLine(report);
        if (!coverageLeftOut.isEmpty()) {
            md.append("\nAnd ").append(cell(coverageLeftOut)).append(".\n");
        }
        failures(md, report, Outcome.FAILED, "New failures");
        failures(md, report, Outcome.ERROR, "Errors of the kit (no verdict on the target)");
        failures(md, report, Outcome.KNOWN_FAILURE, "Known failures (in the baseline)");
        List<RuleResult> fixed = report.withOutcome(Outcome.FIXED);
        if (!fixed.isEmpty()) {
            md.append("\n### Fixed\n\n");
            for (RuleResult result : fixed) {
                md.append("- ")
                        .append(result.rule().id())
                        .append(" passes now: remove it from the baseline ")
                        .append(cell(report.baseline().source()))
                        .append('\n');
            }
        }
        return md.toString();
    }

    private static void failures(StringBuilder md, KitReport report, Outcome outcome, String heading) {
        List<RuleResult> results = report.withOutcome(outcome);
        if (results.isEmpty()) {
            return;
        }
        md.append("\n### ").append(heading).append('\n');
        for (RuleResult result : results) {
            md.append("\n<details><summary>")
                    .append(result.rule().id())
                    .append(": ")
                    .append(HtmlReport.escape(report.baseline()
                                    .reason(result.rule())
                                    .map(reason -> "(baseline: " + reason + ") ")
                                    .orElse("")
                            + result.reason()))
                    .append("</summary>\n\n```text\n")
                    .append(result.message().replace("```", "'''"))
                    .append("\n```\n</details>\n");
        }
    }

    private static String symbol(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "pass";
            case FAILED -> "**FAIL**";
            case KNOWN_FAILURE -> "known";
            case FIXED -> "fixed";
            case SKIPPED -> "skip";
            case ERROR -> "**ERROR**";
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
