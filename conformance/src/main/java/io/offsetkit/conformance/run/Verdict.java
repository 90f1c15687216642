package io.offsetkit.conformance.run;

/** The outcome of one rule. */
public enum Verdict {
    /** The rule was checked and holds. */
    PASSED,
    /** The rule was checked and does not hold. */
    FAILED,
    /** The rule could not be checked against this target (a missing capability); never a pass. */
    SKIPPED
}
