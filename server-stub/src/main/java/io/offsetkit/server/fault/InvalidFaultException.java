package io.offsetkit.server.fault;

/**
 * A fault that cannot be set: an unknown operation, kind or error code, a negative delay, a
 * probability outside 0 to 1, a field of another kind. The message names the field as the admin
 * API's JSON names it ({@code probability must be between 0 and 1, was 1.5}); nothing was set.
 */
public final class InvalidFaultException extends IllegalArgumentException {

    private final String field;

    InvalidFaultException(String field, String detail) {
        super(field + " " + detail);
        this.field = field;
    }

    /** The field at fault, as the admin API's JSON names it ({@code error_code}, {@code delay_ms}, ...). */
    public String field() {
        return field;
    }
}
