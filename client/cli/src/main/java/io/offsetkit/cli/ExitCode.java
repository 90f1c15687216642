package io.offsetkit.cli;

import java.util.List;

/** The command's exit codes, one per kind of end. */
final class ExitCode {

    /** A plan was shown, or every reset applied. */
    static final int OK = 0;

    /** Nothing changed: every reset refused, the plan's offsets moved, or the service could not be read. */
    static final int NOTHING_APPLIED = 1;

    /** Bad input, named on one line; nothing changed. */
    static final int BAD_INPUT = 2;

    /** Some resets applied and some did not (refused, or partly applied by the brokers). */
    static final int SOME_APPLIED = 3;

    private ExitCode() {}

    /** The exit code of an execution: 0 all applied, 1 all refused (nothing changed), 3 otherwise. */
    static int of(List<Outcome> outcomes) {
        if (outcomes.stream().allMatch(outcome -> outcome.status() == Outcome.Status.APPLIED)) {
            return OK;
        }
        if (outcomes.stream().allMatch(outcome -> outcome.status() == Outcome.Status.REFUSED)) {
            return NOTHING_APPLIED;
        }
        return SOME_APPLIED;
    }
}
