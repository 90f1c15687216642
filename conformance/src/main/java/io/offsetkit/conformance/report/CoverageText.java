package io.offsetkit.conformance.report;

import io.offsetkit.conformance.coverage.Coverage;
import io.offsetkit.conformance.coverage.CoverageItem;
import io.offsetkit.conformance.run.KitReport;
import java.util.List;
import java.util.Map;

/**
 * The coverage section as plain text, for the console and the JUnit XML report: one line per
 * dimension with how many of its items were exercised, then each item that was not, and why; the
 * items not exercised only because the selection left their rules out are one line at the end.
 */
public final class CoverageText {

    private CoverageText() {}

    /** The coverage of a report's run, its selection's left-out items in one line. */
    public static String render(KitReport report) {
        return render(report.coverage(), report.info().selection());
    }

    /**
     * The coverage, the items not exercised only because {@code selection} left their rules out in
     * one line.
     */
    public static String render(Coverage coverage, String selection) {
        StringBuilder text = new StringBuilder(
                "Coverage (exercised by this run, of what the contract and the official" + " clients define):\n");
        for (Map.Entry<String, List<CoverageItem>> dimension :
                coverage.byDimension().entrySet()) {
            text.append(String.format("  %-24s %s%n", dimension.getKey(), Coverage.count(dimension.getValue())));
            for (CoverageItem item : dimension.getValue()) {
                if (!item.exercised() && !LeftOut.onlyNotSelected(item)) {
                    text.append("    not ")
                            .append(item.name())
                            .append(": ")
                            .append(item.detail())
                            .append('\n');
                }
            }
        }
        String leftOut = LeftOut.coverageLine(coverage.items(), selection);
        if (!leftOut.isEmpty()) {
            text.append("  and ").append(leftOut).append('\n');
        }
        return text.toString();
    }
}
