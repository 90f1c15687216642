package io.offsetkit.conformance.coverage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run exercised of what the contract and the official clients define, and what it did not and
 * why: the coverage section of every report.
 *
 * @param items every item, grouped by dimension in the order they are reported
 */
public record Coverage(List<CoverageItem> items) {

    public Coverage {
        items = List.copyOf(items);
    }

    /** No item: for reports of runs that sent nothing. */
    public static Coverage empty() {
        return new Coverage(List.of());
    }

    /** The items by dimension, in report order. */
    public Map<String, List<CoverageItem>> byDimension() {
        Map<String, List<CoverageItem>> grouped = new LinkedHashMap<>();
        for (CoverageItem item : items) {
            grouped.computeIfAbsent(item.dimension(), key -> new java.util.ArrayList<>())
                    .add(item);
        }
        return grouped;
    }

    /** {@code 5 of 7} for a dimension's items. */
    public static String count(List<CoverageItem> items) {
        return items.stream().filter(CoverageItem::exercised).count() + " of " + items.size();
    }
}
