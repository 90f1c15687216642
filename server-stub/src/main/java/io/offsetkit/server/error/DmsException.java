package io.offsetkit.server.error;

import java.util.Map;

/**
 * A request that ends in a documented DMS error. The request path answers it with the contract's
 * error body ({@link ErrorBodies}); its message is the {@code error_msg}.
 */
public class DmsException extends RuntimeException {

    private final DmsError error;
    private final Map<String, String> headers;

    /**
     * @param error the documented code and status
     * @param detail what exactly was wrong, in words a person can act on; appended to the vendor's
     *     message, or null for the vendor's message alone
     */
    public DmsException(DmsError error, String detail) {
        this(error, detail, Map.of());
    }

    /**
     * @param headers response headers the error needs (such as {@code Allow} on a 405)
     */
    public DmsException(DmsError error, String detail, Map<String, String> headers) {
        // Thrown for bad input on the request path: the stack trace would be filled for nothing.
        super(detail == null ? error.message() : error.message() + " " + detail, null, false, false);
        this.error = error;
        this.headers = Map.copyOf(headers);
    }

    /** The documented code and status. */
    public DmsError error() {
        return error;
    }

    /** Headers the error response carries besides the usual ones. */
    public Map<String, String> headers() {
        return headers;
    }
}
