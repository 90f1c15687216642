package io.offsetkit.server.reset;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.error.ErrorText;

/**
 * The contract's rule for {@code timestamp}: milliseconds since the epoch as a JSON integer or as a
 * JSON string of decimal digits, {@code >= 0} or exactly {@code -1} ("latest"), within a signed 64-bit
 * integer. Anything else, including {@code 1.5}, {@code 1e3}, {@code 1.0}, {@code "1.5"},
 * {@code " 1"}, {@code "+1"}, {@code ""}, {@code -2} and {@code null}, fails with 400
 * {@code DMS.00400142}. Leading zeros in a string ({@code "007"}) are allowed, as the contract's
 * pattern allows them.
 */
public final class ResetTimestamps {

    /** The one negative value allowed: reset to each queue's latest (maximum) offset. */
    public static final long LATEST = -1;

    private static final String EXPECTED = "send milliseconds since the epoch as a JSON integer or a JSON string of"
            + " digits, or -1 for the latest offsets";

    private ResetTimestamps() {}

    /**
     * The value of a JSON number token, given as written.
     *
     * @param text the number exactly as written in the body
     * @param integral whether the token is an integer (no fraction, no exponent)
     */
    public static long ofNumber(String text, boolean integral) {
        if (!integral) {
            throw invalid("timestamp " + ErrorText.shown(text) + " is not a whole number of milliseconds");
        }
        return parse(text, "timestamp " + ErrorText.shown(text));
    }

    /** The value of a JSON string. */
    public static long ofString(String text) {
        String shown = "timestamp " + ErrorText.quote(text);
        if (text.isEmpty()) {
            throw invalid("timestamp is an empty string");
        }
        if (!text.matches("-?[0-9]+")) {
            throw invalid(shown + " is not a string of decimal digits");
        }
        return parse(text, shown);
    }

    /** The error for a body without {@code timestamp}. */
    public static DmsException missing() {
        return invalid("timestamp is missing");
    }

    /** The error for a timestamp of a JSON type that is neither a number nor a string. */
    public static DmsException wrongType(String what) {
        return invalid("timestamp is " + what + ", not a JSON integer or string");
    }

    private static long parse(String digits, String shown) {
        long value;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw invalid(shown + " does not fit a signed 64-bit integer");
        }
        if (value < LATEST) {
            throw invalid(shown + " is negative; the only negative value allowed is -1 (latest)");
        }
        return value;
    }

    private static DmsException invalid(String what) {
        return new DmsException(DmsError.INVALID_TIMESTAMP, what + ": " + EXPECTED + ".");
    }
}
