package io.offsetkit.server.engine;

import io.offsetkit.server.backend.BackendUnavailableException;
import io.offsetkit.server.backend.GroupOfflineException;
import io.offsetkit.server.backend.NoConsumerOffsetsException;
import io.offsetkit.server.backend.PartialResetException;
import io.offsetkit.server.backend.UnknownGroupException;
import io.offsetkit.server.backend.UnknownInstanceException;
import io.offsetkit.server.backend.UnknownTopicException;
import io.offsetkit.server.call.Answer;
import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.error.ErrorBodies;
import io.offsetkit.server.error.ErrorText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where every failure of a request becomes its answer: the contract's error body
 * ({@link ErrorBodies}) with a documented DMS code and a message that names what was wrong. Bad input
 * arrives as a {@link DmsException} from the step that found it; the backend's refusals become their
 * documented 404 or 400 (a group with no consumer online, {@code DMS.50050004}); a backend that failed, and anything unexpected, is a 500, logged with the
 * request id, that never shows internals to the client.
 */
final class Failures {

    private static final Logger log = LoggerFactory.getLogger(Failures.class);

    private static final String RETRY = " Retry the request: a reset to the same time sets the same offsets.";

    private Failures() {}

    /** The answer to a request that failed with {@code failure}. */
    static Answer answer(RuntimeException failure, String requestId) {
        DmsException error = asDms(failure, requestId);
        Answer answer = Answer.json(error.error().status(), ErrorBodies.of(error));
        for (var header : error.headers().entrySet()) {
            answer = answer.withHeader(header.getKey(), header.getValue());
        }
        return answer;
    }

    private static DmsException asDms(RuntimeException failure, String requestId) {
        if (failure instanceof DmsException dms) {
            return dms;
        }
        if (failure instanceof UnknownInstanceException e) {
            return new DmsException(DmsError.INSTANCE_NOT_FOUND, e.getMessage());
        }
        if (failure instanceof UnknownGroupException e) {
            return new DmsException(DmsError.GROUP_NOT_FOUND, e.getMessage());
        }
        if (failure instanceof NoConsumerOffsetsException e) {
            // The message names the group and the topic; RocketMQ's consume stats refuse such a group too.
            return new DmsException(DmsError.GROUP_NOT_FOUND, e.getMessage());
        }
        if (failure instanceof UnknownTopicException e) {
            return new DmsException(DmsError.TOPIC_NOT_FOUND, e.getMessage());
        }
        if (failure instanceof GroupOfflineException e) {
            return new DmsException(DmsError.GROUP_OFFLINE, e.getMessage());
        }
        if (failure instanceof PartialResetException e) {
            log.error("request {}: the reset applied on some brokers only: {}", requestId, e.getMessage());
            return new DmsException(
                    DmsError.INTERNAL_ERROR,
                    "The reset applied on some brokers only: " + ErrorText.shown(e.getMessage(), 1000) + RETRY);
        }
        if (failure instanceof BackendUnavailableException e) {
            log.error("request {}: the offset backend failed", requestId, e);
            String reason = ErrorText.shown(String.valueOf(e.getMessage()), 300);
            return new DmsException(
                    DmsError.INTERNAL_ERROR,
                    "The offset backend could not complete the request: " + reason + (reason.endsWith(".") ? "" : ".")
                            + RETRY);
        }
        log.error("request {}: unexpected failure", requestId, failure);
        return new DmsException(
                DmsError.INTERNAL_ERROR,
                "The server failed unexpectedly; quote the X-Request-Id " + requestId + " when reporting it.");
    }
}
