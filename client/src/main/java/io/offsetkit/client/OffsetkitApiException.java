package io.offsetkit.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The server answered with a status other than 2xx, or with a 2xx whose body is not the
 * contract's response. Carries what the server said: the HTTP status, the DMS {@code error_code}
 * and {@code error_msg} of the body when it has that shape, the {@code X-Request-Id} response
 * header, and the first characters of the body for any body.
 *
 * <p>The message is one line: {@code HTTP <status> <error_code>: <error_msg>} for a DMS error,
 * {@code HTTP <status> <what is wrong with the response>} otherwise, then {@code (X-Request-Id: <id>)}
 * ({@code none} when absent), so that a log line is enough to quote to support. Line breaks in what
 * the server sent become spaces in the message; {@link #errorMsg()} keeps them.
 */
public final class OffsetkitApiException extends OffsetkitException {

    private final int httpStatus;
    private final String errorCode;
    private final String errorMsg;
    private final String requestId;
    private final String bodyStart;
    private final Duration retryAfter;

    private OffsetkitApiException(Builder builder, String message) {
        super(message, builder.cause, builder.attempt);
        this.httpStatus = builder.httpStatus;
        this.errorCode = builder.errorCode;
        this.errorMsg = builder.errorMsg;
        this.requestId = builder.requestId;
        this.bodyStart = builder.bodyStart;
        this.retryAfter = builder.retryAfter;
    }

    /**
     * Starts the exception for one response: what every one has is given here, the rest is named on
     * the builder.
     *
     * @param httpStatus the response's status, three digits
     * @param attempt the attempt that got it, 1 for the first
     * @throws IllegalArgumentException when the status is not three digits or the attempt is below 1
     */
    static Builder builder(int httpStatus, int attempt) {
        return new Builder(httpStatus, attempt);
    }

    /** The HTTP status of the response. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The body's {@code error_code}, such as {@code DMS.00400876}; empty when the body has none. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /**
     * Whether the body's {@code error_code} is {@code code}: {@code e.hasErrorCode("DMS.10240405")}
     * in place of {@code e.errorCode().filter("DMS.10240405"::equals).isPresent()}. False when the
     * body has no error code.
     */
    public boolean hasErrorCode(String code) {
        return errorCode != null && errorCode.equals(code);
    }

    /** The body's {@code error_msg} as the server wrote it, line breaks included; empty when the body has none. */
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

    /**
     * Builds an {@link OffsetkitApiException} by naming each part, in place of a constructor whose
     * many nullable arguments of the same types were easy to swap. The message needs an {@link
     * #errorCode} or, for a response that is not a DMS error, a {@link #problem}. Not thread-safe;
     * one builder, one exception.
     */
    static final class Builder {

        private final int httpStatus;
        private final int attempt;
        private String errorCode;
        private String errorMsg;
        private String problem;
        private String requestId;
        private String bodyStart = "";
        private Duration retryAfter;
        private Throwable cause;

        private Builder(int httpStatus, int attempt) {
            if (httpStatus < 100 || httpStatus > 999) {
                throw new IllegalArgumentException("httpStatus must have three digits: " + httpStatus);
            }
            if (attempt < 1) {
                throw new IllegalArgumentException("attempt must be 1 or more: " + attempt);
            }
            this.httpStatus = httpStatus;
            this.attempt = attempt;
        }

        /** The body's {@code error_code}; with it, the message is the DMS error's. Null for none. */
        Builder errorCode(String errorCode) {
            this.errorCode = errorCode;
            return this;
        }

        /** The body's {@code error_msg}; null for none. */
        Builder errorMsg(String errorMsg) {
            this.errorMsg = errorMsg;
            return this;
        }

        /**
         * What is wrong with a response that carries no {@code error_code}, as the message's words
         * after the status: {@code "with an empty body"}. Ignored when there is an error code.
         */
        Builder problem(String problem) {
            this.problem = problem;
            return this;
        }

        /** The {@code X-Request-Id} response header; null when absent. */
        Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /** The first characters of the body; "" (the default) for none. */
        Builder bodyStart(String bodyStart) {
            this.bodyStart = Objects.requireNonNull(bodyStart, "bodyStart");
            return this;
        }

        /** The {@code Retry-After} the response asked for; null for none. */
        Builder retryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
            return this;
        }

        /** Why the body could not be read as the contract's; null for none. */
        Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        /**
         * @throws IllegalStateException when neither an error code nor a problem says what the
         *     message should
         */
        OffsetkitApiException build() {
            String what;
            if (errorCode != null) {
                what = errorCode + ": " + (errorMsg == null ? "(no error_msg)" : errorMsg);
            } else if (problem != null) {
                what = problem;
            } else {
                throw new IllegalStateException(
                        "an OffsetkitApiException for HTTP " + httpStatus + " needs an errorCode or a problem");
            }
            String id = requestId == null ? "none" : requestId;
            // One line whatever the server wrote: an error_msg may hold line breaks, and a log line
            // that ends early loses the request id to quote to support.
            String message = "HTTP " + httpStatus + " " + what + " (X-Request-Id: " + id + ")";
            return new OffsetkitApiException(this, message.replaceAll("\\s*\\R\\s*", " "));
        }
    }
}
