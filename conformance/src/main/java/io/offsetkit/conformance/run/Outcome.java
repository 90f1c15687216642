package io.offsetkit.conformance.run;

/**
 * What a rule's verdict means for the run, once a {@link Baseline} of known failures is applied.
 */
public enum Outcome {
    /** Checked and holds. */
    PASSED,
    /** Checked, does not hold, and is not in the baseline: a new failure. */
    FAILED,
    /** Checked, does not hold, as the baseline expects: reported, not fatal. */
    KNOWN_FAILURE,
    /** Checked and holds, though the baseline expects it to fail: remove it from the baseline. */
    FIXED,
    /** Not checked (a missing capability, blocked, not selected); never a pass. */
    SKIPPED,
    /** The kit failed while checking it, baseline or not: the run's verdict is incomplete. */
    ERROR
}
