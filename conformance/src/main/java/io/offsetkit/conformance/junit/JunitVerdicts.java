package io.offsetkit.conformance.junit;

import io.offsetkit.conformance.check.KitRandom;
import io.offsetkit.conformance.run.RuleResult;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * How a rule's result becomes a JUnit outcome, the same in both JUnit forms: a pass returns, a skip
 * aborts the test with the reason (reported as skipped, never passed), a failure fails it with the
 * kit's full message and the seed that replays the run, and an error of the kit throws a {@link
 * KitError}, which JUnit's reports count as an error, not a failure.
 */
final class JunitVerdicts {

    /** The system property that sets the seed of a JUnit run: {@code -Doffsetkit.seed=N} replays run N. */
    static final String SEED_PROPERTY = "offsetkit.seed";

    private JunitVerdicts() {}

    static void apply(RuleResult result, long seed) {
        switch (result.verdict()) {
            case PASSED -> {}
            case SKIPPED -> Assumptions.abort(result.rule().id() + " skipped: " + result.reason());
            case FAILED ->
                Assertions.fail(
                        result.message() + "\n\nSeed: " + seed + " (replay with -D" + SEED_PROPERTY + "=" + seed + ")");
            // not an assertion: JUnit's reports (surefire's <error>) tell it from the target's failure
            case ERROR -> throw new KitError(result.message() + "\n\nSeed: " + seed);
        }
    }

    /** The seed of a run: the system property when set, else a new one. */
    static long seed() {
        Long given = Long.getLong(SEED_PROPERTY);
        return given != null ? given : KitRandom.newSeed();
    }
}
