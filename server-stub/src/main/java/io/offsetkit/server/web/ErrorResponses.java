package io.offsetkit.server.web;

import io.offsetkit.server.backend.BackendUnavailableException;
import io.offsetkit.server.backend.PartialResetException;
import io.offsetkit.server.backend.UnknownGroupException;
import io.offsetkit.server.backend.UnknownInstanceException;
import io.offsetkit.server.backend.UnknownTopicException;
import io.offsetkit.server.generated.model.Error;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where every failure of a request handled by Spring MVC becomes the contract's error
 * body, {@code {error_code, error_msg}}, with a documented DMS code and a message that names what was
 * wrong. Nothing a client sends reaches the 500 mapping; it is kept for the server's own faults, is
 * logged with the request id, and never shows internals to the client.
 *
 * <p>Every response sets its {@code Content-Type} itself, so that an error is written whatever the
 * request's {@code Accept} says.
 */
@RestControllerAdvice
public class ErrorResponses {

    /** Where the routes are listed, for messages about unknown routes. */
    static final String ROUTES_HINT = "The API's routes are POST /v2/{engine}/{project_id}/instances/{instance_id}"
            + "/groups/{group}/reset-message-offset and POST /v2/{project_id}/rocketmq/instances/{instance_id}"
            + "/groups/{group}/reset-message-offset; see /openapi.yaml.";

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    /** The error response for a documented code with the given message. */
    public static ResponseEntity<Error> of(DmsError error, String message) {
        return ResponseEntity.status(error.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Error(error.code(), message));
    }

    private static ResponseEntity<Error> of(DmsException e) {
        return of(e.error(), e.getMessage());
    }

    private static ResponseEntity<Error> of(DmsError error, String detail, boolean withDetail) {
        return of(new DmsException(error, withDetail ? detail : null));
    }

    @ExceptionHandler(DmsException.class)
    ResponseEntity<Error> dms(DmsException e) {
        return of(e);
    }

    // ---- the backend's answers

    @ExceptionHandler(UnknownInstanceException.class)
    ResponseEntity<Error> unknownInstance(UnknownInstanceException e) {
        return of(DmsError.INSTANCE_NOT_FOUND, e.getMessage(), true);
    }

    @ExceptionHandler(UnknownGroupException.class)
    ResponseEntity<Error> unknownGroup(UnknownGroupException e) {
        return of(DmsError.GROUP_NOT_FOUND, e.getMessage(), true);
    }

    @ExceptionHandler(UnknownTopicException.class)
    ResponseEntity<Error> unknownTopic(UnknownTopicException e) {
        return of(DmsError.TOPIC_NOT_FOUND, e.getMessage(), true);
    }

    @ExceptionHandler(PartialResetException.class)
    ResponseEntity<Error> partialReset(PartialResetException e, HttpServletRequest request) {
        log.error("request {}: the reset applied on some brokers only: {}", requestId(request), e.getMessage());
        return of(
                DmsError.INTERNAL_ERROR,
                "The reset applied on some brokers only: " + ErrorText.shown(e.getMessage(), 1000)
                        + " Retry the request: a reset to the same time sets the same offsets.",
                true);
    }

    @ExceptionHandler(BackendUnavailableException.class)
    ResponseEntity<Error> backendUnavailable(BackendUnavailableException e, HttpServletRequest request) {
        log.error("request {}: the offset backend failed", requestId(request), e);
        String reason = ErrorText.shown(String.valueOf(e.getMessage()), 300);
        return of(
                DmsError.INTERNAL_ERROR,
                "The offset backend could not complete the reset: " + reason + (reason.endsWith(".") ? "" : ".")
                        + " Retry the request: a reset to the same time sets the same offsets.",
                true);
    }

    // ---- the HTTP layer

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Error> notReadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (e.getCause() instanceof DmsException dms) {
            return of(dms);
        }
        byte[] body = CachedBodyRequest.bodyOf(request);
        if (body == null ? request.getContentLengthLong() <= 0 : body.length == 0) {
            return of(
                    DmsError.REQUEST_BODY_EMPTY,
                    "Send a JSON object such as {\"topic\":\"topic_01\",\"timestamp\":1662652800000}.",
                    true);
        }
        return of(
                DmsError.BODY_NOT_JSON,
                "The body could not be read: "
                        + ErrorText.shown(
                                String.valueOf(e.getMostSpecificCause().getMessage()), 200) + ".",
                true);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Error> mediaTypeNotSupported(HttpMediaTypeNotSupportedException e) {
        String sent = e.getContentType() == null
                ? "The request has no Content-Type"
                : "Content-Type " + ErrorText.quote(e.getContentType().toString()) + " is not supported";
        return of(DmsError.BODY_NOT_JSON, sent + "; send the body as application/json.", true);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Error> mediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return of(
                DmsError.INVALID_PARAMETER,
                "Accept " + ErrorText.quote(request.getHeader(HttpHeaders.ACCEPT))
                        + " does not allow application/json, the only type this API answers in.",
                true);
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Error> noRoute(Exception e, HttpServletRequest request) {
        return of(DmsError.URL_NOT_FOUND, noRouteDetail(request.getMethod(), request.getRequestURI()), true);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Error> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        DmsException dms = new DmsException(
                DmsError.METHOD_NOT_ALLOWED,
                ErrorText.shown(request.getMethod()) + " is not allowed on "
                        + ErrorText.shown(request.getRequestURI(), 200)
                        + "; allowed: "
                        + (e.getSupportedMethods() == null ? "none" : String.join(", ", e.getSupportedMethods()))
                        + ".");
        return ResponseEntity.status(dms.error().status())
                .headers(headers)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Error(dms.error().code(), dms.getMessage()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Error> tooLarge(MaxUploadSizeExceededException e) {
        return of(
                DmsError.INVALID_PARAMETER,
                "The request body is too large (" + e.getMaxUploadSize() + " bytes at most).",
                true);
    }

    // ---- anything else

    /**
     * Spring's other 4xx exceptions (a missing header, a type mismatch) by their status; anything
     * else is the server's fault: logged with the request id, answered with 500 {@code DMS.00500000}
     * and no internals.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Error> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            return of(
                    forClientStatus(response.getStatusCode()),
                    ErrorText.shown(String.valueOf(e.getMessage()), 200),
                    true);
        }
        log.error(
                "request {}: unexpected failure of {} {}",
                requestId(request),
                request.getMethod(),
                request.getRequestURI(),
                e);
        return of(
                DmsError.INTERNAL_ERROR,
                "The server failed unexpectedly; quote the X-Request-Id " + requestId(request) + " when reporting it.",
                true);
    }

    /** The documented code for a client error of the given status. */
    static DmsError forClientStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> DmsError.URL_NOT_FOUND;
            case 405 -> DmsError.METHOD_NOT_ALLOWED;
            default -> DmsError.INVALID_PARAMETER;
        };
    }

    /** The message for a request that matches no route. */
    static String noRouteDetail(String method, String rawPath) {
        return "There is no route " + ErrorText.shown(method) + " " + ErrorText.shown(rawPath, 200) + ". "
                + ROUTES_HINT;
    }

    private static String requestId(HttpServletRequest request) {
        return String.valueOf(request.getAttribute(RequestIdFilter.ATTRIBUTE));
    }
}
