package io.offsetkit.conformance.rules;

/**
 * How binding a rule is, in the sense of RFC 2119. The command line exits with 1 only when a
 * {@link #MUST} rule fails; a failed {@link #SHOULD} rule is reported but does not fail the run.
 */
public enum Level {
    /** An absolute requirement of the documentation or the contract. */
    MUST,
    /** A recommendation: an implementation may deviate, knowing the cost for its clients. */
    SHOULD
}
