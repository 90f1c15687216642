package io.offsetkit.conformance.run;

import io.offsetkit.conformance.check.RuleFailure;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.rules.Rule;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of one rule.
 *
 * @param rule the rule
 * @param verdict passed, failed, skipped or error
 * @param reason one line: why it failed, was skipped or could not be checked; empty when it passed
 * @param message the full failure message (rule, expectation, what came back, the exchanges), or for an
 *     error what went wrong in the kit; empty when it passed or was skipped
 * @param exchanges the exchanges that show the failure; empty unless failed
 * @param elapsed how long checking the rule took (shared probes count for the first rule that needs them)
 */
public record RuleResult(
        Rule rule, Verdict verdict, String reason, String message, List<Exchange> exchanges, Duration elapsed) {

    public RuleResult {
        exchanges = List.copyOf(exchanges);
    }

    static RuleResult passed(Rule rule, Duration elapsed) {
        return new RuleResult(rule, Verdict.PASSED, "", "", List.of(), elapsed);
    }

    static RuleResult failed(RuleFailure failure, Duration elapsed) {
        return new RuleResult(
                failure.rule(), Verdict.FAILED, failure.oneLine(), failure.getMessage(), failure.exchanges(), elapsed);
    }

    static RuleResult skipped(Rule rule, String reason, Duration elapsed) {
        return new RuleResult(rule, Verdict.SKIPPED, reason, "", List.of(), elapsed);
    }

    /** The kit failed while checking the rule: {@code reason} in one line, {@code message} in full. */
    static RuleResult error(Rule rule, String reason, String message, Duration elapsed) {
        return new RuleResult(rule, Verdict.ERROR, reason, message, List.of(), elapsed);
    }
}
