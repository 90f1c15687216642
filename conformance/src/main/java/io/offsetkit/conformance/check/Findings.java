package io.offsetkit.conformance.check;

import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.rules.Rule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a check found wrong, collected line by line with the exchanges that show it, so that a
 * failure lists every problem at once rather than the first only.
 */
final class Findings {

    /** Longest list of problems shown; the rest are counted. */
    private static final int MAX_LINES = 12;

    private final Rule rule;
    private final List<String> lines = new ArrayList<>();
    private final Set<Exchange> exchanges = new LinkedHashSet<>();

    Findings(Rule rule) {
        this.rule = rule;
    }

    /** Records one problem, shown by the given exchange (null when none shows it). */
    Findings add(String problem, Exchange shownBy) {
        lines.add(problem);
        if (shownBy != null) {
            exchanges.add(shownBy);
        }
        return this;
    }

    /** Adds an exchange that helps show the problems, without a problem of its own. */
    Findings show(Exchange exchange) {
        exchanges.add(exchange);
        return this;
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Throws a {@link RuleFailure} when anything was found. */
    void throwIfAny(String expected) {
        if (lines.isEmpty()) {
            return;
        }
        StringBuilder actual = new StringBuilder();
        actual.append(lines.size() == 1 ? lines.get(0) : lines.size() + " problems, the first: " + lines.get(0));
        if (lines.size() > 1) {
            for (int i = 0; i < Math.min(lines.size(), MAX_LINES); i++) {
                actual.append("\n- ").append(lines.get(i));
            }
            if (lines.size() > MAX_LINES) {
                actual.append("\n- ... and ").append(lines.size() - MAX_LINES).append(" more");
            }
        }
        throw new RuleFailure(rule, expected, actual.toString(), List.copyOf(exchanges));
    }

    /** Fails at once with one problem. */
    static RuleFailure fail(Rule rule, String expected, String actual, Exchange... shownBy) {
        return new RuleFailure(rule, expected, actual, List.of(shownBy));
    }
}
