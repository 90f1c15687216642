package io.offsetkit.client;

import java.io.IOException;

/**
 * No answer came because the connection could not be made (refused, unknown host, TLS failure) or
 * broke before the response was read. The message says which in words ({@code connection refused:
 * nothing accepts connections at 127.0.0.1:8080}, {@code unknown host 'dms.example'}), since the
 * HTTP client's own exception may carry none; the cause is that {@link IOException}.
 */
public final class OffsetkitConnectionException extends OffsetkitException {

    OffsetkitConnectionException(String message, IOException cause, int attempt) {
        super(message, cause, attempt);
    }
}
