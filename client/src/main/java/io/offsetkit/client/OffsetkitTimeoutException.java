package io.offsetkit.client;

import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * No answer came in time: either the connection was not made within the connect timeout, or the
 * response did not start within the read timeout. The cause is the HTTP client's {@link
 * HttpTimeoutException}.
 */
public final class OffsetkitTimeoutException extends OffsetkitException {

    OffsetkitTimeoutException(String message, HttpTimeoutException cause, int attempt) {
        super(message, cause, attempt);
    }

    /** True when the connect timeout expired, false when the read timeout did. */
    public boolean duringConnect() {
        return getCause() instanceof HttpConnectTimeoutException;
    }
}
