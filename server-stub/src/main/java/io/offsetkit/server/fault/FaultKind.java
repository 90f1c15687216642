package io.offsetkit.server.fault;

import java.util.Locale;

/**
 * What a fault does to a call it matches, in place of the healthy answer. Each has its name in the
 * admin API's JSON ({@link #jsonName()}).
 */
public enum FaultKind {
    /**
     * A documented error of the operation, by its code: the status and the body the contract documents
     * for that code ({@code error_code} and the vendor's {@code error_msg}). The backend is not called.
     */
    ERROR,
    /** The healthy answer, after a delay (fixed, or drawn uniformly within bounds). */
    DELAY,
    /** The connection is reset (TCP RST) before anything is answered. The backend is not called. */
    CONNECTION_RESET,
    /** The connection is closed without a byte of an answer. The backend is not called. */
    EMPTY_RESPONSE,
    /**
     * A complete HTTP answer with the operation's success status and {@code application/json}, whose
     * body is not JSON (a JSON object cut short). The backend is not called.
     */
    MALFORMED_BODY,
    /**
     * The reset applies on some brokers of the topic and fails on the others, answered as the server
     * answers a real partial reset: 500 {@code DMS.00500000}, the message naming the brokers that failed
     * and the offsets set on the others. For the reset operations only.
     */
    PARTIAL_RESET;

    /** The name in JSON: {@code error}, {@code delay}, {@code connection_reset}, ... */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a JSON name, or null when there is none of that name. */
    static FaultKind ofJsonName(String name) {
        for (FaultKind kind : values()) {
            if (kind.jsonName().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
