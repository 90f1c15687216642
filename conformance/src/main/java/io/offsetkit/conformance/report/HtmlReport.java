package io.offsetkit.conformance.report;

import io.offsetkit.conformance.coverage.CoverageItem;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.ExchangeText;
import io.offsetkit.conformance.rules.Family;
import io.offsetkit.conformance.run.KitReport;
import io.offsetkit.conformance.run.NotRun;
import io.offsetkit.conformance.run.Outcome;
import io.offsetkit.conformance.run.RuleResult;
import io.offsetkit.conformance.run.RunInfo;
import io.offsetkit.conformance.run.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * One self-contained HTML page (no script, no external resource): the header (with the seed, the
 * selection and the baseline), counts at a glance, a table per family with a coloured outcome per
 * rule and its source, the coverage, and for each failure, new ones first, then the known ones, the
 * expectation, the request sent and the response received.
 */
public final class HtmlReport {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;max-width:80em;color:#222}"
            + "table{border-collapse:collapse;width:100%;margin-bottom:1.5em}"
            + "td,th{border:1px solid #ccc;padding:.35em .6em;text-align:left;vertical-align:top}"
            + "th{background:#f3f3f3}.PASSED{background:#d9f2d9}.FAILED{background:#f8d0d0;font-weight:bold}"
            + ".SKIPPED{background:#eee;color:#666}.KNOWN_FAILURE{background:#fbe9c8}.FIXED{background:#cfe3fb}"
            + ".ERROR{background:#e8d0f8;font-weight:bold}"
            + ".no{color:#a33}pre{background:#f7f7f7;border:1px solid #ddd;padding:.8em;"
            + "white-space:pre-wrap;word-break:break-all}.counts span{display:inline-block;padding:.4em .8em;"
            + "margin-right:.5em;border-radius:.3em}.NONE{background:#f3f3f3}small{color:#666}";

    private HtmlReport() {}

    public static String render(KitReport report) {
        RunInfo info = report.info();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>offsetkit conformance report</title><style>")
                .append(STYLE)
                .append("</style></head><body>\n");
        // The same result line as the console and the Markdown report, baseline included.
        html.append("<h1>offsetkit conformance report: ")
                .append(escape(report.resultLine()))
                .append("</h1>\n<p>Contract <b>")
                .append(escape(info.specTitle()))
                .append(' ')
                .append(escape(info.specVersion()))
                .append("</b> <small>sha256 ")
                .append(escape(info.specSha256()))
                .append("</small><br>Kit ")
                .append(escape(info.kitVersion()))
                .append("<br>Target ")
                .append(escape(info.target()))
                .append("<br>Fixture ")
                .append(escape(info.fixture()))
                .append("; credentials ")
                .append(escape(info.credentials()))
                .append("<br>Run ")
                .append(info.started())
                .append(" to ")
                .append(info.finished())
                .append("<br>Seed ")
                .append(info.seed())
                .append(" <small>(--seed ")
                .append(info.seed())
                .append(
                        " replays this run's generated values and names; created topics and groups get a new tag)</small><br>Rules ")
                .append(escape(info.selection()))
                .append("<br>Baseline ")
                .append(escape(report.baseline().source()))
                .append("</p>\n");
        counts(html, report);
        List<RuleResult> listed = LeftOut.listed(report);
        for (Family family : Family.values()) {
            if (listed.stream().noneMatch(result -> result.rule().family() == family)) {
                continue; // the selection left the whole family out: the line below says so
            }
            html.append("<h2>")
                    .append(escape(family.title()))
                    .append("</h2>\n<table><tr><th>Rule</th><th>Level</th>")
                    .append("<th>Verdict</th><th>Statement</th><th>Reason</th></tr>\n");
            for (RuleResult result : listed) {
                if (result.rule().family() != family) {
                    continue;
                }
                String id = result.rule().id();
                Outcome outcome = report.outcome(result);
                html.append("<tr><td>")
                        .append(
                                result.verdict() == Verdict.FAILED || result.verdict() == Verdict.ERROR
                                        ? "<a href=\"#" + id + "\">" + id + "</a>"
                                        : id)
                        .append("</td><td>")
                        .append(result.rule().level())
                        .append("</td><td class=\"")
                        .append(outcome)
                        .append("\">")
                        .append(outcome.name().replace('_', ' '))
                        .append("</td><td>")
                        .append(escape(result.rule().statement()))
                        .append("<br><small>")
                        .append(escape(result.rule().source().toString()))
                        .append("</small>")
                        .append("</td><td>")
                        .append(escape(result.reason()))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        String leftOut = LeftOut.rulesLine(report);
        if (!leftOut.isEmpty()) {
            html.append("<p>").append(escape(leftOut)).append("</p>\n");
        }
        html.append("<h2>Coverage</h2>\n<table><tr><th>What</th><th>Item</th><th>Exercised</th><th>Detail</th></tr>\n");
        for (CoverageItem item : report.coverage().items()) {
            if (LeftOut.onlyNotSelected(item)) {
                continue;
            }
            html.append("<tr><td>")
                    .append(escape(item.dimension()))
                    .append("</td><td>")
                    .append(escape(item.name()))
                    .append("</td><td class=\"")
                    .append(item.exercised() ? "PASSED\">yes" : "SKIPPED\">no")
                    .append("</td><td>")
                    .append(escape(item.detail()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        String coverageLeftOut = LeftOut.coverageLine(report);
        if (!coverageLeftOut.isEmpty()) {
            html.append("<p>And ").append(escape(coverageLeftOut)).append(".</p>\n");
        }
        List<RuleResult> failures = new ArrayList<>(report.withOutcome(Outcome.FAILED));
        failures.addAll(report.withOutcome(Outcome.ERROR));
        failures.addAll(report.withOutcome(Outcome.KNOWN_FAILURE));
        for (RuleResult result : failures) {
            boolean known = report.outcome(result) == Outcome.KNOWN_FAILURE;
            boolean error = report.outcome(result) == Outcome.ERROR;
            html.append("<h2 id=\"")
                    .append(result.rule().id())
                    .append("\">")
                    .append(
                            known
                                    ? "Known failure (baseline: "
                                            + escape(report.baseline()
                                                    .reason(result.rule())
                                                    .orElse("")) + "): "
                                    : error ? "Error of the kit (no verdict on the target): " : "")
                    .append(escape(result.rule().label()))
                    .append(": ")
                    .append(escape(result.rule().statement()))
                    .append("</h2>\n<pre>")
                    .append(escape(result.message()))
                    .append("</pre>\n");
            for (Exchange exchange : result.exchanges()) {
                html.append("<h3>")
                        .append(escape(exchange.requestLine()))
                        .append(" &rarr; ")
                        .append(escape(exchange.statusLine()))
                        .append("</h3>\n<p>Request sent:</p><pre>")
                        .append(escape(ExchangeText.request(exchange)))
                        .append("</pre><p>Response received:</p><pre>")
                        .append(escape(ExchangeText.response(exchange)))
                        .append("</pre>\n");
            }
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    /**
     * The counts at a glance. Only new failures are red: a run whose failures the baseline expects
     * shows them as known failures, apart; a badge of nothing (no known failure, nothing fixed) is
     * left out.
     */
    private static void counts(StringBuilder html, KitReport report) {
        List<String> badges = new ArrayList<>();
        badges.add(badge("PASSED", NotRun.count(report.count(Verdict.PASSED), "passed", "passed")));
        long newFailures = report.withOutcome(Outcome.FAILED).size();
        String failed = report.baseline().isEmpty()
                ? NotRun.count(newFailures, "failed", "failed")
                : NotRun.count(newFailures, "new failure", "new failures");
        badges.add(badge(newFailures > 0 ? "FAILED" : "NONE", failed));
        if (!report.baseline().isEmpty()) {
            long known = report.withOutcome(Outcome.KNOWN_FAILURE).size();
            badges.add(badge(
                    known > 0 ? "KNOWN_FAILURE" : "NONE", NotRun.count(known, "known failure", "known failures")));
        }
        long fixed = report.withOutcome(Outcome.FIXED).size();
        if (fixed > 0) {
            badges.add(badge("FIXED", fixed + " fixed"));
        }
        badges.add(badge("SKIPPED", report.count(Verdict.SKIPPED) + " skipped"));
        if (report.hasErrors()) {
            badges.add(badge("ERROR", NotRun.count(report.count(Verdict.ERROR), "error", "errors") + " of the kit"));
        }
        html.append("<p class=\"counts\">").append(String.join("", badges)).append("</p>\n");
    }

    private static String badge(String style, String text) {
        return "<span class=\"" + style + "\">" + escape(text) + "</span>";
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
