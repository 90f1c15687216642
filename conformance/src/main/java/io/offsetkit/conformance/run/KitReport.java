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
 * @param skippedMustFails whether a MUST rule that did not run fails the run ({@code
 *     --fail-on-skipped-must}): a pass then means every MUST rule ran and passed
 */
public record KitReport(
        RunInfo info, List<RuleResult> results, Coverage coverage, Baseline baseline, boolean skippedMustFails) {

    public KitReport {
        results = List.copyOf(results);
        coverage = coverage == null ? Coverage.empty() : coverage;
        baseline = baseline == null ? Baseline.none() : baseline;
    }

    /** A report in which a MUST rule that did not run does not fail the run. */
    public KitReport(RunInfo info, List<RuleResult> results, Coverage coverage, Baseline baseline) {
        this(info, results, coverage, baseline, false);
    }

    /** The same results judged against a baseline of known failures. */
    public KitReport withBaseline(Baseline baseline) {
        return new KitReport(info, results, coverage, baseline, skippedMustFails);
    }

    /** The same results, a MUST rule that did not run failing the run or not. */
    public KitReport withSkippedMustFailing(boolean fails) {
        return new KitReport(info, results, coverage, baseline, fails);
    }

    /** The MUST rules that did not run (skipped for a missing capability, or not selected), in catalogue order. */
    public List<RuleResult> mustNotRun() {
        return results.stream()
                .filter(result -> result.rule().level() == Level.MUST && result.verdict() == Verdict.SKIPPED)
                .toList();
    }

    /** What a result means for the run, given the baseline. */
    public Outcome outcome(RuleResult result) {
        boolean known = baseline.contains(result.rule());
        return switch (result.verdict()) {
            case PASSED -> known ? Outcome.FIXED : Outcome.PASSED;
            case FAILED -> known ? Outcome.KNOWN_FAILURE : Outcome.FAILED;
            case SKIPPED -> Outcome.SKIPPED;
            case ERROR -> Outcome.ERROR;
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
     * Whether no MUST rule fails that the baseline does not expect to fail, the kit erred on no rule,
     * and, when {@link #skippedMustFails()}, every MUST rule ran: the command line's exit code 0.
     * Without a baseline, without errors and without that flag, the same as {@link #mustRulesPass()}.
     */
    public boolean passes() {
        return !newMustFailure()
                && !hasErrors()
                && !(skippedMustFails && !mustNotRun().isEmpty());
    }

    /**
     * Whether the kit failed on some rule ({@link Verdict#ERROR}): the run's verdict is incomplete, and
     * the command line exits with its own code, apart from a failure of the target.
     */
    public boolean hasErrors() {
        return count(Verdict.ERROR) > 0;
    }

    private boolean newMustFailure() {
        return withOutcome(Outcome.FAILED).stream()
                .anyMatch(result -> result.rule().level() == Level.MUST);
    }

    /**
     * One line: {@code 40 passed, 1 failed (1 MUST), 2 skipped, of 43 rules}; with a baseline, how many
     * of the failures it expects and how many of its rules pass now.
     */
    public String summary() {
        String line = count(Verdict.PASSED) + " passed, " + count(Verdict.FAILED) + " failed ("
                + count(Level.MUST, Verdict.FAILED) + " MUST), " + count(Verdict.SKIPPED) + " skipped, "
                + (hasErrors() ? NotRun.count(count(Verdict.ERROR), "error", "errors") + " of the kit, " : "")
                + "of " + results.size() + " rules";
        if (baseline.isEmpty()) {
            return line;
        }
        return line + "; baseline " + baseline.source() + ": "
                + NotRun.count(withOutcome(Outcome.KNOWN_FAILURE).size(), "known failure", "known failures") + ", "
                + withOutcome(Outcome.FAILED).size() + " new, "
                + withOutcome(Outcome.FIXED).size() + " fixed";
    }

    /**
     * The verdict of the whole run in one line, for the end of every report. It never claims more than
     * the run checked: when MUST rules did not run, it says how many and why ({@code every MUST rule
     * that ran passes; 20 MUST rules did not run: no credentials (4), no fixture (16)}); when the kit
     * failed on some rules ({@link Verdict#ERROR}), it says so first.
     */
    public String resultLine() {
        String verdict = targetVerdict();
        if (!hasErrors()) {
            return verdict;
        }
        List<RuleResult> errors = withOutcome(Outcome.ERROR);
        return "the kit failed on " + NotRun.count(errors.size(), "rule", "rules") + " (" + ids(errors)
                + "), so the verdict is incomplete; " + verdict;
    }

    private String targetVerdict() {
        List<RuleResult> newFailures = withOutcome(Outcome.FAILED);
        List<RuleResult> known = withOutcome(Outcome.KNOWN_FAILURE);
        List<RuleResult> notRun = mustNotRun();
        String didNotRun =
                NotRun.count(notRun.size(), "MUST rule", "MUST rules") + " did not run: " + NotRun.causes(notRun);
        if (newMustFailure()) {
            String fails = baseline.isEmpty()
                    ? "a MUST rule fails"
                    : "a MUST rule fails that the baseline does not expect: " + ids(newFailures);
            return notRun.isEmpty() ? fails : fails + "; " + didNotRun;
        }
        if (skippedMustFails && !notRun.isEmpty()) {
            return didNotRun + "; with --fail-on-skipped-must that fails the run";
        }
        String verdict;
        if (!known.isEmpty()) {
            verdict = "no new failure; " + known.size() + (known.size() == 1 ? " rule fails" : " rules fail")
                    + " as the baseline expects (" + ids(known) + ")";
        } else {
            verdict = notRun.isEmpty() ? "every MUST rule passes" : "every MUST rule that ran passes";
        }
        return notRun.isEmpty() ? verdict : verdict + "; " + didNotRun;
    }

    private static String ids(List<RuleResult> results) {
        return String.join(
                ", ", results.stream().map(result -> result.rule().id()).toList());
    }
}
