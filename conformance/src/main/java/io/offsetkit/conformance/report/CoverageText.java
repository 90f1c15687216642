package io.offsetkit.conformance.report;

import io.offsetkit.conformance.coverage.Coverage;
import io.offsetkit.conformance.coverage.CoverageItem;
import java.util.List;
import java.util.Map;

/**
 * The coverage section as plain text, for the console and the JUnit XML report: one line per
 * dimension with how many of its items were exercised, then each item that was not, and why.
 */
public final class CoverageText {

    private CoverageText() {}

    public static String render(Coverage coverage) {
        StringBuilder text = new StringBuilder(
                "Coverage (exercised by this run, of what the contract and the official" + " clients define):\n");
        for (Map.Entry<String, List<CoverageItem>> dimension :
                coverage.byDimension().entrySet()) {
            text.append(String.format("  %-24s %s%n", dimension.getKey(), Coverage.count(dimension.getValue())));
            for (CoverageItem item : dimension.getValue()) {
                if (!item.exercised()) {
                    text.append("    not ")
                            .append(item.name())
                            .append(": ")
                            .append(item.detail())
                            .append('\n');
                }
            }
        }
        return text.toString();
    }
}
