package io.offsetkit.server.error;

/**
 * The documented DMS error codes this server answers with, each with its HTTP status and the
 * vendor's message. Handlers add detail to the message; the code and status stay as documented.
 */
public enum DmsError {
    REQUEST_BODY_EMPTY(400, "DMS.00400004", "The request body is empty."),
    BODY_NOT_JSON(400, "DMS.00400005", "The message body is not in JSON format or contains invalid characters."),
    INVALID_PARAMETER(400, "DMS.00400800", "Invalid request parameter. Check the request parameter."),
    INVALID_TIMESTAMP(400, "DMS.00400142", "Timestamp is invalid."),
    PAGE_LIMIT_EXCEEDED(
            400, "DMS.10240042", "The number of records on each page for pagination query exceeds the upper limit."),
    PAGE_OFFSET_EXCEEDED(
            400, "DMS.10240043", "The number of skipped records for pagination query exceeds the upper limit."),
    TOPIC_NOT_FOUND(400, "DMS.00400876", "The topic does not exist."),
    GROUP_OFFLINE(400, "DMS.50050004", "The consumer group is offline."),
    INVALID_TOKEN(401, "DMS.10240101", "Invalid token."),
    EXPIRED_TOKEN(401, "DMS.10240102", "Expired token."),
    MISSING_TOKEN(401, "DMS.10240103", "Missing token."),
    PROJECT_MISMATCH(401, "DMS.10240104", "The project ID and token do not match."),
    AUTHORIZATION_DENIED(403, "DMS.00403007", "Authorization denied."),
    URL_NOT_FOUND(404, "DMS.00404001", "The requested URL does not exist."),
    INSTANCE_NOT_FOUND(404, "DMS.00404022", "This instance does not exist."),
    GROUP_NOT_FOUND(404, "DMS.10240405", "The consumption group ID is incorrect or not found."),
    METHOD_NOT_ALLOWED(405, "DMS.00405001", "This request method is not allowed."),
    INTERNAL_ERROR(500, "DMS.00500000", "Internal service error.");

    private final int status;
    private final String code;
    private final String message;

    DmsError(int status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The documented {@code error_code}. */
    public String code() {
        return code;
    }

    /** The vendor's message for this code. */
    public String message() {
        return message;
    }

    /** The code for a client error of the given status that no more specific code describes. */
    public static DmsError forClientStatus(int status) {
        return switch (status) {
            case 401 -> INVALID_TOKEN;
            case 403 -> AUTHORIZATION_DENIED;
            case 404 -> URL_NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            default -> status >= 500 ? INTERNAL_ERROR : INVALID_PARAMETER;
        };
    }
}
