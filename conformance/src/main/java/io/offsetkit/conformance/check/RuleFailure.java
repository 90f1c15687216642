package io.offsetkit.conformance.check;

import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.ExchangeText;
import io.offsetkit.conformance.rules.Rule;
import java.util.List;

/**
 * A rule does not hold: what was expected, what came back, and the exchanges that show it. The
 * message is several lines, in the style of WireMock's and AssertJ's: the rule, its source, the
 * expectation, what was found, then each request sent and response received.
 */
public final class RuleFailure extends RuntimeException {

    private final Rule rule;
    private final String expected;
    private final String actual;
    private final transient List<Exchange> exchanges;

    /**
     * @param rule the rule that does not hold
     * @param expected what the rule expected, in words
     * @param actual what came back instead, in words; its first line is the report's one-line reason
     * @param exchanges the exchanges that show it, most telling first (at most three are shown)
     */
    public RuleFailure(Rule rule, String expected, String actual, List<Exchange> exchanges) {
        super(format(rule, expected, actual, exchanges), null, false, false);
        this.rule = rule;
        this.expected = expected;
        this.actual = actual;
        this.exchanges = List.copyOf(exchanges);
    }

    public Rule rule() {
        return rule;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }

    public List<Exchange> exchanges() {
        return exchanges;
    }

    /** The first line of {@link #actual()}: the report's one-line reason. */
    public String oneLine() {
        int newline = actual.indexOf('\n');
        return newline < 0 ? actual : actual.substring(0, newline);
    }

    private static String format(Rule rule, String expected, String actual, List<Exchange> exchanges) {
        StringBuilder text = new StringBuilder();
        text.append(rule.label())
                .append(" failed: ")
                .append(rule.statement())
                .append('\n')
                .append("Source: ")
                .append(rule.source())
                .append("\n\n")
                .append("Expected:\n  ")
                .append(expected.replace("\n", "\n  "))
                .append("\nBut:\n  ")
                .append(actual.replace("\n", "\n  "))
                .append('\n');
        int shown = 0;
        for (Exchange exchange : exchanges) {
            if (shown == 3) {
                text.append("\n(").append(exchanges.size() - 3).append(" more exchanges not shown)\n");
                break;
            }
            text.append('\n').append(ExchangeText.both(exchange));
            shown++;
        }
        text.append("\nWhat it means: ").append(rule.failureMeans());
        return text.toString();
    }
}
