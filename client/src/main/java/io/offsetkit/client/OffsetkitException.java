package io.offsetkit.client;

/**
 * Why a call of {@link OffsetkitClient} failed. Unchecked. Exactly one of:
 *
 * <ul>
 *   <li>{@link OffsetkitApiException}: the server answered, with an error status (or with a
 *       success that does not match the contract);
 *   <li>{@link OffsetkitConnectionException}: no answer, because the connection could not be made
 *       or broke;
 *   <li>{@link OffsetkitTimeoutException}: no answer in time;
 *   <li>{@link OffsetkitInterruptedException}: the calling thread was interrupted while it waited.
 * </ul>
 *
 * When the call was retried, the exception is that of the last attempt and the earlier attempts'
 * exceptions are attached as suppressed exceptions.
 */
public abstract sealed class OffsetkitException extends RuntimeException
        permits OffsetkitApiException,
                OffsetkitConnectionException,
                OffsetkitTimeoutException,
                OffsetkitInterruptedException {

    private final int attempt;

    OffsetkitException(String message, Throwable cause, int attempt) {
        super(message, cause);
        this.attempt = attempt;
    }

    /** The attempt that failed this way, 1 for the first; above 1 when the call was retried. */
    public int attempt() {
        return attempt;
    }
}
