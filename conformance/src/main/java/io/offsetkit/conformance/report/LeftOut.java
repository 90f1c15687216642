package io.offsetkit.conformance.report;

import io.offsetkit.conformance.coverage.CoverageItem;
import io.offsetkit.conformance.run.KitReport;
import io.offsetkit.conformance.run.NotRun;
import io.offsetkit.conformance.run.RuleResult;
import io.offsetkit.conformance.run.RuleSelection;
import io.offsetkit.conformance.run.Verdict;
import java.util.Arrays;
import java.util.List;

/**
 * What the rule selection left out, as the reports for people show it: the rules that ran are listed,
 * the rest is one line ({@code 48 rules not selected (--include AUTH)}), in the table and in the
 * coverage. The JSON and JUnit XML reports, for machines, keep a row per rule.
 */
final class LeftOut {

    private LeftOut() {}

    /** Whether the selection left the rule out. */
    static boolean notSelected(RuleResult result) {
        return result.verdict() == Verdict.SKIPPED && result.reason().startsWith(RuleSelection.NOT_SELECTED);
    }

    /** The results to list: every one the selection did not leave out. */
    static List<RuleResult> listed(KitReport report) {
        return report.results().stream().filter(result -> !notSelected(result)).toList();
    }

    /** The one line for the rules left out, or empty when the selection left none out. */
    static String rulesLine(KitReport report) {
        long count = report.results().stream().filter(LeftOut::notSelected).count();
        return count == 0
                ? ""
                : NotRun.count(count, "rule", "rules") + " not selected ("
                        + report.info().selection() + "); the JSON and JUnit XML reports list them";
    }

    /**
     * Whether a coverage item was not exercised only because the rules that would have were left out
     * by the selection: its detail is nothing but {@code ... skipped: not selected: ...} parts.
     */
    static boolean onlyNotSelected(CoverageItem item) {
        return !item.exercised()
                && Arrays.stream(item.detail().split("; "))
                        .allMatch(part -> part.contains(" skipped: " + RuleSelection.NOT_SELECTED));
    }

    /** The one line for the coverage items not exercised only because of the selection, or empty. */
    static String coverageLine(KitReport report) {
        return coverageLine(report.coverage().items(), report.info().selection());
    }

    static String coverageLine(List<CoverageItem> items, String selection) {
        long count = items.stream().filter(LeftOut::onlyNotSelected).count();
        return count == 0
                ? ""
                : NotRun.count(count, "item", "items") + " not exercised because the rules that would have were not"
                        + " selected (" + selection + ")";
    }
}
