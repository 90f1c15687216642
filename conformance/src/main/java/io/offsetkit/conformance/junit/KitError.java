package io.offsetkit.conformance.junit;

/**
 * The kit failed while checking a rule (an exception inside the kit, a fixture that broke): no verdict
 * on the target. Not an {@link AssertionError}, so that JUnit's reports count the test as an error,
 * apart from the target's failures.
 */
public final class KitError extends RuntimeException {

    KitError(String message) {
        super(message, null, false, false);
    }
}
