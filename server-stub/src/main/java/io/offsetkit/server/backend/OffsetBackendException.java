package io.offsetkit.server.backend;

/** A reset the backend could not perform; the subclasses say why. */
public abstract class OffsetBackendException extends RuntimeException {

    protected OffsetBackendException(String message) {
        super(message);
    }

    protected OffsetBackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
