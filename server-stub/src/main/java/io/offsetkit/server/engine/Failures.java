package io.offsetkit.server.engine;

import io.offsetkit.server.backend.OffsetBackendException;
import io.offsetkit.server.backend.PartialResetException;
import io.offsetkit.server.call.Answer;
import io.offsetkit.server.error.BackendRefusals;
import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.error.ErrorBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error writer: where every failure of a request becomes its answer, the contract's error
 * body ({@link ErrorBodies}) with a documented DMS code and a message that names what was wrong. Bad
 * input arrives as a {@link DmsException} from the step that found it; the backend's refusals become
 * their documented errors by the one mapping ({@link BackendRefusals}); a backend that failed, and
 * anything unexpected, is a 500, logged with the request id, that never shows internals to the client.
 * A request the HTTP server refused before the path saw it ({@link #refusal}) gets the same body.
 */
final class Failures {

    private static final Logger log = LoggerFactory.getLogger(Failures.class);

    private Failures() {}

    /** The answer to a request that failed with {@code failure}. */
    static Answer answer(RuntimeException failure, String requestId) {
        return answer(asDms(failure, requestId));
    }

    /**
     * The answer to a call of the contract's operations that failed with {@code failure}: its bytes, and
     * the documented error they were written from.
     */
    static Answered answered(RuntimeException failure, String requestId) {
        DmsException error = asDms(failure, requestId);
        return answered(error, error.error().status());
    }

    /**
     * The answer to a request the HTTP server refused itself (a request line or header that is not
     * HTTP, headers too large, a request that arrived while the server stops), with the documented code
     * for its status.
     *
     * @param reason what the HTTP server said, or null
     */
    static Answer refusal(int status, String reason) {
        DmsError error = DmsError.forClientStatus(status);
        return answer(new DmsException(error, detail(status, reason)), status);
    }

    /** What the client can do about a refusal of the HTTP server with this status. */
    static String detail(int status, String reason) {
        String why = reason == null ? "" : " (" + reason + ")";
        if (status == 503) {
            return "The server is stopping and takes no new request" + why + "; send it again to a running server.";
        }
        if (status >= 500) {
            return "The HTTP layer failed with status " + status + why + "; quote the X-Request-Id when reporting it.";
        }
        return "The request was refused by the HTTP layer with status " + status + why
                + ": check that the request line and headers are well-formed and within their size limits.";
    }

    private static Answer answer(DmsException error) {
        return answer(error, error.error().status());
    }

    private static Answer answer(DmsException error, int status) {
        return answered(error, status).answer();
    }

    /** The error's body, written from the same code and message the typed answer carries. */
    private static Answered answered(DmsException error, int status) {
        TypedAnswer.DocumentedError typed =
                new TypedAnswer.DocumentedError(status, error.error().code(), error.getMessage());
        Answer answer = Answer.json(status, ErrorBodies.of(typed.errorCode(), typed.errorMsg()));
        for (var header : error.headers().entrySet()) {
            answer = answer.withHeader(header.getKey(), header.getValue());
        }
        return new Answered(answer, typed);
    }

    private static DmsException asDms(RuntimeException failure, String requestId) {
        if (failure instanceof DmsException dms) {
            return dms;
        }
        if (failure instanceof OffsetBackendException backend) {
            DmsException dms = BackendRefusals.dms(backend);
            if (backend instanceof PartialResetException) {
                log.error("request {}: the reset applied on some brokers only: {}", requestId, backend.getMessage());
            } else if (dms.error() == DmsError.INTERNAL_ERROR) {
                log.error("request {}: the offset backend failed", requestId, backend);
            }
            return dms;
        }
        log.error("request {}: unexpected failure", requestId, failure);
        return new DmsException(
                DmsError.INTERNAL_ERROR,
                "The server failed unexpectedly; quote the X-Request-Id " + requestId + " when reporting it.");
    }
}
