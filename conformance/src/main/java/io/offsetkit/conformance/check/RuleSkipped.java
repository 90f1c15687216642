package io.offsetkit.conformance.check;

/**
 * A rule could not be checked against this target, for the reason given (a missing capability, a
 * fixture that offers too little). A skipped rule is never counted as passed.
 */
public final class RuleSkipped extends RuntimeException {

    public RuleSkipped(String reason) {
        super(reason, null, false, false);
    }
}
