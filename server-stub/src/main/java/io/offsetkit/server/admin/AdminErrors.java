package io.offsetkit.server.admin;

import io.offsetkit.server.backend.UnknownGroupException;
import io.offsetkit.server.backend.UnknownInstanceException;
import io.offsetkit.server.backend.UnknownTopicException;
import io.offsetkit.server.generated.model.Error;
import io.offsetkit.server.store.StoreConflictException;
import io.offsetkit.server.store.UnknownBrokerException;
import io.offsetkit.server.web.DmsError;
import io.offsetkit.server.web.ErrorResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What the store refuses on an admin route, as the contract's error body: unknown instance 404 {@code
 * DMS.00404022}, unknown group 404 {@code DMS.10240405}, unknown topic 400 {@code DMS.00400876}; an
 * unknown broker or queue, a conflict with what is stored (another project, {@code min_offset} on a
 * queue with messages) or a value out of range 400 {@code DMS.00400800}. Everything else goes to the
 * server's general error handling.
 */
@RestControllerAdvice(assignableTypes = AdminController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AdminErrors {

    @ExceptionHandler(UnknownInstanceException.class)
    ResponseEntity<Error> unknownInstance(UnknownInstanceException e) {
        return error(
                DmsError.INSTANCE_NOT_FOUND, e.getMessage() + " Create it with PUT /admin/instances/{instance_id}.");
    }

    @ExceptionHandler(UnknownGroupException.class)
    ResponseEntity<Error> unknownGroup(UnknownGroupException e) {
        return error(DmsError.GROUP_NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(UnknownTopicException.class)
    ResponseEntity<Error> unknownTopic(UnknownTopicException e) {
        return error(DmsError.TOPIC_NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({UnknownBrokerException.class, StoreConflictException.class, IllegalArgumentException.class})
    ResponseEntity<Error> refused(RuntimeException e) {
        return error(DmsError.INVALID_PARAMETER, e.getMessage() + ".");
    }

    private static ResponseEntity<Error> error(DmsError error, String detail) {
        return ErrorResponses.of(error, error.message() + " " + detail);
    }
}
