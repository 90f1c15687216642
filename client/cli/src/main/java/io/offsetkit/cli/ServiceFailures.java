package io.offsetkit.cli;

import io.offsetkit.client.OffsetkitApiException;
import io.offsetkit.client.OffsetkitConnectionException;
import io.offsetkit.client.OffsetkitException;
import io.offsetkit.client.OffsetkitTimeoutException;

/** How a failed call is named in outputs: its DMS error code and message, never a stack trace. */
final class ServiceFailures {

    /** The code of a failure that never got an answer: the connection failed. */
    static final String CONNECTION = "CONNECTION";

    /** The code of a failure that got no answer in time. */
    static final String TIMEOUT = "TIMEOUT";

    private ServiceFailures() {}

    /** The DMS {@code error_code}, else {@code HTTP <status>}, {@value #CONNECTION} or {@value #TIMEOUT}. */
    static String code(OffsetkitException failure) {
        if (failure instanceof OffsetkitApiException api) {
            return api.errorCode().orElse("HTTP " + api.httpStatus());
        }
        if (failure instanceof OffsetkitTimeoutException) {
            return TIMEOUT;
        }
        if (failure instanceof OffsetkitConnectionException) {
            return CONNECTION;
        }
        return failure.getClass().getSimpleName();
    }

    /** The DMS {@code error_msg}, else the client's message. */
    static String message(OffsetkitException failure) {
        if (failure instanceof OffsetkitApiException api && api.errorMsg().isPresent()) {
            return api.errorMsg().get();
        }
        return String.valueOf(failure.getMessage());
    }

    /** {@code DMS.10240405: The consumption group ...}. */
    static String describe(OffsetkitException failure) {
        return code(failure) + ": " + message(failure);
    }

    /** Whether the service answered with this HTTP status and DMS code. */
    static boolean is(OffsetkitException failure, int status, String code) {
        return failure instanceof OffsetkitApiException api && api.httpStatus() == status && api.hasErrorCode(code);
    }
}
