package io.offsetkit.conformance.run;

/**
 * The outcome of one rule. {@link #FAILED} is a verdict on the target; {@link #ERROR} is none: the kit
 * itself could not check the rule (an exception inside the kit, a fixture that broke, a bug), so the
 * rule was not judged and must not be read as the target's failure, nor as a pass.
 */
public enum Verdict {
    /** The rule was checked and holds. */
    PASSED,
    /** The rule was checked and does not hold: the target's failure. */
    FAILED,
    /**
     * The rule could not be checked against this target: a missing capability, or blocked by the
     * failure of a rule it needs (the reason says which); never a pass.
     */
    SKIPPED,
    /** The kit failed while checking the rule: no verdict on the target, never a pass. */
    ERROR
}
