package io.offsetkit.conformance.report;

import io.offsetkit.conformance.run.KitReport;
import io.offsetkit.conformance.run.RuleResult;
import io.offsetkit.conformance.run.RunInfo;
import io.offsetkit.conformance.run.Verdict;

/**
 * The report as GitHub-flavoured Markdown, for CI job summaries: the header, a table of every rule,
 * then each failure's message in a collapsed block.
 */
public final class MarkdownReport {

    private MarkdownReport() {}

    public static String render(KitReport report) {
        RunInfo info = report.info();
        StringBuilder md = new StringBuilder();
        md.append("## offsetkit conformance: ")
                .append(report.mustRulesPass() ? "every MUST rule passes" : "a MUST rule fails")
                .append("\n\n");
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
        md.append("- ").append(report.summary()).append("\n\n");
        md.append("| Rule | Level | Verdict | Reason |\n| --- | --- | --- | --- |\n");
        for (RuleResult result : report.results()) {
            String reason = result.verdict() == Verdict.PASSED ? result.rule().statement() : result.reason();
            md.append("| ")
                    .append(result.rule().id())
                    .append(" | ")
                    .append(result.rule().level())
                    .append(" | ")
                    .append(symbol(result.verdict()))
                    .append(" | ")
                    .append(cell(reason))
                    .append(" |\n");
        }
        for (RuleResult result : report.results()) {
            if (result.verdict() == Verdict.FAILED) {
                md.append("\n<details><summary>")
                        .append(result.rule().id())
                        .append(": ")
                        .append(HtmlReport.escape(result.reason()))
                        .append("</summary>\n\n```text\n")
                        .append(result.message().replace("```", "'''"))
                        .append("\n```\n</details>\n");
            }
        }
        return md.toString();
    }

    private static String symbol(Verdict verdict) {
        return switch (verdict) {
            case PASSED -> "pass";
            case FAILED -> "**FAIL**";
            case SKIPPED -> "skip";
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
