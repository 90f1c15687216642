package io.offsetkit.conformance.rules;

/**
 * Something a rule needs from the implementer beyond a base URL and ids. A rule whose capability is
 * missing is skipped with {@link #missingReason()}, never passed.
 */
public enum Capability {
    /** Credentials were given (a token or an AK/SK pair), so the target is expected to authenticate. */
    CREDENTIALS("no credentials were given, so the target is taken not to authenticate"),
    /** An AK/SK pair was given, so the kit can sign requests itself. */
    AKSK_CREDENTIALS("no AK/SK pair was given, so the kit cannot sign a request the target could verify (a"
            + " signature with a made-up key would be refused for the unknown key, not for the signature)"),
    /** A fixture can create topics, groups and messages with chosen store timestamps. */
    FIXTURE("no fixture was given, so the kit cannot create data with known timestamps"),
    /**
     * The kit chooses the store timestamps (an emulator's fixture), so it can lay out a clock that
     * steps back; a real broker stamps messages with its own clock.
     */
    CHOSEN_STORE_TIMESTAMPS(
            "the target's brokers stamp store times themselves, and a broker's clock cannot be made to step back"),
    /** The fixture can create topics on two brokers or more. */
    SEVERAL_BROKERS("the fixture offers fewer than two brokers"),
    /** The fixture can start an empty queue at an offset other than 0, as after retention. */
    FIRST_OFFSET(
            "the fixture cannot start a queue at an offset other than 0 (on a real broker a new queue starts at 0)"),
    /**
     * The kit can read back the offsets a group has committed: through the contract's own read of a
     * group's progress when the target implements it (black-box), else through the fixture.
     */
    COMMITTED_OFFSETS("the target does not implement the contract's read of a group's progress"
            + " (showConsumerListOrDetails with topic), and no fixture reads back committed offsets"),
    /** The target holds the documented example's data (broker-1, queue 0, offset 0 at the documented time). */
    DOCUMENTED_DATA("the target is not declared to hold the documented example's data"),
    /** The fixture can create a group with no consumer online. */
    OFFLINE_GROUP("no fixture that can create a group with no consumer online was given, so the kit cannot take a group"
            + " offline"),
    /** The fixture has credentials that authenticate but may not reset. */
    READ_ONLY_CREDENTIALS(
            "no fixture offers credentials that authenticate but may not reset; the kit is given one set of"
                    + " credentials"),
    /** The fixture has a token the target knows as expired. */
    EXPIRED_TOKEN("no fixture offers an expired token, and the kit cannot make one"),
    /** The fixture has a token of another project. */
    OTHER_PROJECT_TOKEN("no fixture offers a token of another project; the kit is given the target's own"),
    /** The fixture can make the target's next reset of a group on a topic fail (faults on demand). */
    INTERNAL_ERROR("no fixture that can make the target fail on purpose was given (Fixture.induceInternalError),"
            + " so the kit cannot provoke an internal error");

    private final String missingReason;

    Capability(String missingReason) {
        this.missingReason = missingReason;
    }

    /** Why a rule needing this capability is skipped when it is missing. */
    public String missingReason() {
        return missingReason;
    }
}
