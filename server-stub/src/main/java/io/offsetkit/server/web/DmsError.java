package io.offsetkit.server.web;

import org.springframework.http.HttpStatus;

/**
 * The documented DMS error codes this server answers with, each with its HTTP status and the
 * vendor's message. Handlers add detail to the message; the code and status stay as documented.
 */
public enum DmsError {
    REQUEST_BODY_EMPTY(HttpStatus.BAD_REQUEST, "DMS.00400004", "The request body is empty."),
    BODY_NOT_JSON(
            HttpStatus.BAD_REQUEST,
            "DMS.00400005",
            "The message body is not in JSON format or contains invalid characters."),
    INVALID_PARAMETER(
            HttpStatus.BAD_REQUEST, "DMS.00400800", "Invalid request parameter. Check the request parameter."),
    INVALID_TIMESTAMP(HttpStatus.BAD_REQUEST, "DMS.00400142", "Timestamp is invalid."),
    TOPIC_NOT_FOUND(HttpStatus.BAD_REQUEST, "DMS.00400876", "The topic does not exist."),
    INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "DMS.10240101", "Invalid token."),
    MISSING_TOKEN(HttpStatus.UNAUTHORIZED, "DMS.10240103", "Missing token."),
    AUTHORIZATION_DENIED(HttpStatus.FORBIDDEN, "DMS.00403007", "Authorization denied."),
    URL_NOT_FOUND(HttpStatus.NOT_FOUND, "DMS.00404001", "The requested URL does not exist."),
    INSTANCE_NOT_FOUND(HttpStatus.NOT_FOUND, "DMS.00404022", "This instance does not exist."),
    GROUP_NOT_FOUND(HttpStatus.NOT_FOUND, "DMS.10240405", "The consumption group ID is incorrect or not found."),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "DMS.00405001", "This request method is not allowed."),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "DMS.00500000", "Internal service error.");

    private final HttpStatus status;
    private final String code;
    private final String message;

    DmsError(HttpStatus status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The vendor's message for this code. */
    public String message() {
        return message;
    }
}
