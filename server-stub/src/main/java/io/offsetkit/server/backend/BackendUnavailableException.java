package io.offsetkit.server.backend;

/**
 * The storage behind the backend failed or could not be reached (a disk error, a broker that does
 * not answer in time). The message says what failed, for the operator; partial failures name the
 * parts that failed.
 */
public class BackendUnavailableException extends OffsetBackendException {

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public BackendUnavailableException(String message) {
        super(message);
    }
}
