package io.offsetkit.conformance.run;

import io.offsetkit.conformance.rules.Level;
import java.util.List;

/**
 * The results of one run, in catalogue order, and what the run was about.
 *
 * @param info the contract, kit, target and time
 * @param results one result per rule of the catalogue
 */
public record KitReport(RunInfo info, List<RuleResult> results) {

    public KitReport {
        results = List.copyOf(results);
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

    /** Whether every MUST rule that was checked passed: the command line's exit code 0. */
    public boolean mustRulesPass() {
        return count(Level.MUST, Verdict.FAILED) == 0;
    }

    /** One line: {@code 40 passed, 1 failed (1 MUST), 2 skipped}. */
    public String summary() {
        return count(Verdict.PASSED) + " passed, " + count(Verdict.FAILED) + " failed ("
                + count(Level.MUST, Verdict.FAILED) + " MUST), " + count(Verdict.SKIPPED) + " skipped, of "
                + results.size() + " rules";
    }
}
