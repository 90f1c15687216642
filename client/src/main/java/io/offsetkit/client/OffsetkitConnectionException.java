package io.offsetkit.client;

import java.io.IOException;

/**
 * No answer came because the connection could not be made (refused, unknown host, TLS failure) or
 * broke before the response was read. The cause is the {@link IOException} of the HTTP client.
 */
public final class OffsetkitConnectionException extends OffsetkitException {

    OffsetkitConnectionException(String message, IOException cause, int attempt) {
        super(message, cause, attempt);
    }
}
