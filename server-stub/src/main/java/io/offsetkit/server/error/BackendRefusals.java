package io.offsetkit.server.error;

import io.offsetkit.server.backend.GroupOfflineException;
import io.offsetkit.server.backend.NoConsumerOffsetsException;
import io.offsetkit.server.backend.OffsetBackendException;
import io.offsetkit.server.backend.PartialResetException;
import io.offsetkit.server.backend.RefusedChangeException;
import io.offsetkit.server.backend.UnknownGroupException;
import io.offsetkit.server.backend.UnknownInstanceException;
import io.offsetkit.server.backend.UnknownTopicException;

/**
 * The one mapping from a backend's exceptions to the documented DMS errors, for the request path's
 * error writer and for the admin API's typed calls (which the emulator makes without HTTP): an unknown
 * instance, group or topic is its 404 (a group without consumer offsets on the topic too, as RocketMQ's
 * consume stats refuse it); a group with no consumer online 400 {@code DMS.50050004}; a change that
 * contradicts the data 400 {@code DMS.00400800}; a backend that failed, wholly or on some brokers, 500
 * with the reason and the advice to retry (a reset to the same time sets the same offsets).
 */
public final class BackendRefusals {

    private static final String RETRY = " Retry the request: a reset to the same time sets the same offsets.";

    private BackendRefusals() {}

    /** The documented error for {@code failure}. */
    public static DmsException dms(OffsetBackendException failure) {
        if (failure instanceof UnknownInstanceException e) {
            return new DmsException(DmsError.INSTANCE_NOT_FOUND, e.getMessage());
        }
        if (failure instanceof UnknownGroupException || failure instanceof NoConsumerOffsetsException) {
            return new DmsException(DmsError.GROUP_NOT_FOUND, failure.getMessage());
        }
        if (failure instanceof UnknownTopicException e) {
            return new DmsException(DmsError.TOPIC_NOT_FOUND, e.getMessage());
        }
        if (failure instanceof GroupOfflineException e) {
            return new DmsException(DmsError.GROUP_OFFLINE, e.getMessage());
        }
        if (failure instanceof RefusedChangeException e) {
            return new DmsException(DmsError.INVALID_PARAMETER, e.getMessage() + ".");
        }
        if (failure instanceof PartialResetException e) {
            return new DmsException(
                    DmsError.INTERNAL_ERROR,
                    "The reset applied on some brokers only: " + ErrorText.shown(e.getMessage(), 1000) + RETRY);
        }
        String reason = ErrorText.shown(String.valueOf(failure.getMessage()), 300);
        return new DmsException(
                DmsError.INTERNAL_ERROR,
                "The offset backend could not complete the request: " + reason + (reason.endsWith(".") ? "" : ".")
                        + RETRY);
    }
}
