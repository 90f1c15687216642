package io.offsetkit.server.web;

/** A request that ends in a documented DMS error; {@link ErrorResponses} renders it. */
public class DmsException extends RuntimeException {

    private final DmsError error;

    /**
     * @param error the documented code and status
     * @param detail what exactly was wrong, in words a person can act on; appended to the vendor's message
     */
    public DmsException(DmsError error, String detail) {
        super(detail == null ? error.message() : error.message() + " " + detail);
        this.error = error;
    }

    public DmsError error() {
        return error;
    }
}
