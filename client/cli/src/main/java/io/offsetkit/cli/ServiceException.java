package io.offsetkit.cli;

/**
 * The service could not be read or answered unexpectedly while planning (a connection refused,
 * credentials refused, a server error): the run stops before changing anything, with {@link
 * ExitCode#NOTHING_APPLIED} and this one-line message.
 */
final class ServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
