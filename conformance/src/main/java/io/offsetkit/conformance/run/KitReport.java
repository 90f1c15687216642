package io.offsetkit.conformance.run;

import io.offsetkit.conformance.coverage.Coverage;
import io.offsetkit.conformance.rules.Level;
import java.util.List;

/**
 * The results of one run, in catalogue order, what the run was about, what it exercised, and the
 * baseline of known failures it is judged against.
 *
 * @param info the contract, kit, target, time, seed and selection
 * @param results one result per rule of the catalogue
 * @param coverage what the run exercised and what not, and why
 * @param baseline the known failures; {@link Baseline#none()} for none
 */
public record KitReport(RunInfo info, List<RuleResult> results, Coverage coverage, Baseline baseline) {

    public KitReport {
        results = List.copyOf(results);
        coverage = coverage == null ? Coverage.empty() : coverage;
        baseline = baseline == null ? Baseline.none() : baseline;
    }

    /** The same results judged against a baseline of known failures. */
    public KitReport withBaseline(Baseline baseline) {
        return new KitReport(info, results, coverage, baseline);
    }

    /** What a result means for the run, given the baseline. */
    public Outcome outcome(RuleResult result) {
        boolean known = baseline.contains(result.rule());
        return switch (result.verdict()) {
            case PASSED -> known ? Outcome.FIXED : Outcome.PASSED;
            case FAILED -> known ? Outcome.KNOWN_FAILURE : Outcome.FAILED;
            case SKIPPED -> Outcome.SKIPPED;
        };
    }

    /** The results with an outcome, in catalogue order. */
    public List<RuleResult> withOutcome(Outcome outcome) {
        return results.stream().filter(result -> outcome(result) == outcome).toList();
    }

    /** How many rules got the verdict. */
    public long count(Verdict verdict) {
        return results.stream().filter(result -> result.verdict() == verdict).count();
    }

    /** How many rules of a level got the verdict. */
    public long count(Level level, Verdict verdict) {
        return results.stream()
                .filter(result -> result.rule().level() == level && result.verdict() == verdict)
                .count();
    }

    /** Whether every MUST rule that was checked passed, baseline or not. */
    public boolean mustRulesPass() {
        return count(Level.MUST, Verdict.FAILED) == 0;
    }

    /**
     * Whether no MUST rule fails that the baseline does not expect to fail: the command line's exit
     * code 0. Without a baseline, the same as {@link #mustRulesPass()}.
     */
    public boolean passes() {
        return withOutcome(Outcome.FAILED).stream()
                .noneMatch(result -> result.rule().level() == Level.MUST);
    }

    /**
     * One line: {@code 40 passed, 1 failed (1 MUST), 2 skipped, of 43 rules}; with a baseline, how many
     * of the failures it expects and how many of its rules pass now.
     */
    public String summary() {
        String line = count(Verdict.PASSED) + " passed, " + count(Verdict.FAILED) + " failed ("
                + count(Level.MUST, Verdict.FAILED) + " MUST), " + count(Verdict.SKIPPED) + " skipped, of "
                + results.size() + " rules";
        if (baseline.isEmpty()) {
            return line;
        }
        return line + "; baseline " + baseline.source() + ": "
                + withOutcome(Outcome.KNOWN_FAILURE).size()
                + " known failures, " + withOutcome(Outcome.FAILED).size() + " new, "
                + withOutcome(Outcome.FIXED).size() + " fixed";
    }

    /** The verdict of the whole run in one line, for the end of every report. */
    public String resultLine() {
        List<RuleResult> newFailures = withOutcome(Outcome.FAILED);
        List<RuleResult> known = withOutcome(Outcome.KNOWN_FAILURE);
        if (!passes()) {
            return baseline.isEmpty()
                    ? "a MUST rule fails"
                    : "a MUST rule fails that the baseline does not expect: " + ids(newFailures);
        }
        if (!known.isEmpty()) {
            return "no new failure; " + known.size() + (known.size() == 1 ? " rule fails" : " rules fail")
                    + " as the baseline expects (" + ids(known) + ")";
        }
        return "every MUST rule passes";
    }

    private static String ids(List<RuleResult> results) {
        return String.join(
                ", ", results.stream().map(result -> result.rule().id()).toList());
    }
}
