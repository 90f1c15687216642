package io.offsetkit.client;

import java.time.Duration;
import java.util.Optional;

/**
 * The server answered with a status other than 2xx, or with a 2xx whose body is not the
 * contract's response. Carries what the server said: the HTTP status, the DMS {@code error_code}
 * and {@code error_msg} of the body when it has that shape, the {@code X-Request-Id} response
 * header, and the first characters of the body for any body.
 */
public final class OffsetkitApiException extends OffsetkitException {

    private final int httpStatus;
    private final String errorCode;
    private final String errorMsg;
    private final String requestId;
    private final String bodyStart;
    private final Duration retryAfter;

    OffsetkitApiException(
            String message,
            int httpStatus,
            String errorCode,
            String errorMsg,
            String requestId,
            String bodyStart,
            Duration retryAfter,
            Throwable cause,
            int attempt) {
        super(message, cause, attempt);
        this.retryAfter = retryAfter;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.errorMsg = errorMsg;
        this.requestId = requestId;
        this.bodyStart = bodyStart;
    }

    /** The HTTP status of the response. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The body's {@code error_code}, such as {@code DMS.00400876}; empty when the body has none. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** The body's {@code error_msg}; empty when the body has none. */
    public Optional<String> errorMsg() {
        return Optional.ofNullable(errorMsg);
    }

    /** The {@code X-Request-Id} response header, to quote to support; empty when absent. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The {@code Retry-After} response header, when it was a number of seconds; empty otherwise. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The first characters of the response body (at most {@value ResponseReader#BODY_START_CHARS}); "" for none. */
    public String bodyStart() {
        return bodyStart;
    }
}
