package io.offsetkit.client;

/**
 * The calling thread was interrupted while it waited for an answer or for a retry. The thread's
 * interrupt flag is set again before this is thrown.
 */
public final class OffsetkitInterruptedException extends OffsetkitException {

    OffsetkitInterruptedException(String message, InterruptedException cause, int attempt) {
        super(message, cause, attempt);
    }
}
