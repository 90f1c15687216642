package io.offsetkit.server.web;

import io.offsetkit.server.generated.model.Error;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders every {@link DmsException} as the contract's error body, {@code {error_code, error_msg}}. */
@RestControllerAdvice
public class ErrorResponses {

    /** The error response for a documented code with the given message. */
    public static ResponseEntity<Error> of(DmsError error, String message) {
        return ResponseEntity.status(error.status()).body(new Error(error.code(), message));
    }

    @ExceptionHandler(DmsException.class)
    ResponseEntity<Error> dms(DmsException e) {
        return of(e.error(), e.getMessage());
    }
}
