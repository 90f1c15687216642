package io.offsetkit.conformance.cli;

/** The command line is wrong; the message says which option and which value, in one line. */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message, null, false, false);
    }
}
