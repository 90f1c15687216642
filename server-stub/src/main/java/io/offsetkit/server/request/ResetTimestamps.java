package io.offsetkit.server.request;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.error.ErrorText;
import java.util.regex.Pattern;

/**
 * The contract's rule for {@code timestamp}: milliseconds since the epoch as a JSON integer or as a
 * JSON string of decimal digits, {@code >= 0} or exactly {@code -1} ("latest"), within a signed 64-bit
 * integer. Anything else, including {@code 1.5}, {@code 1e3}, {@code 1.0}, {@code "1.5"},
 * {@code " 1"}, {@code "+1"}, {@code ""}, {@code -2} and {@code null}, fails with 400
 * {@code DMS.00400142}. A string follows the contract's pattern, {@code ^(-1|[0-9]{1,19})$}: leading
 * zeros are allowed ({@code "007"}), but no more than 19 digits, and {@code "-0"} or {@code "-01"}
 * are refused.
 */
public final class ResetTimestamps {

    /** The one negative value allowed: reset to each queue's latest (maximum) offset. */
    public static final long LATEST = -1;

    /** What a string must look like before its value is checked. */
    private static final Pattern SIGNED_DIGITS = Pattern.compile("-?[0-9]+");

    /** The contract's pattern for a string, {@code ^(-1|[0-9]{1,19})$}, allows no more digits. */
    private static final int MAX_DIGITS = 19;

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
        return parse(text, false);
    }

    /** The value of a JSON string. */
    public static long ofString(String text) {
        if (text.isEmpty()) {
            throw invalid("timestamp is an empty string");
        }
        if (!SIGNED_DIGITS.matcher(text).matches()) {
            throw invalid(shown(text, true) + " is not a string of decimal digits");
        }
        if (text.charAt(0) == '-') {
            long value = parse(text, true); // -2 and below are refused as negative
            if (!text.equals("-1")) {
                throw invalid(shown(text, true) + " is signed, and the one signed value allowed is \"-1\" exactly");
            }
            return value;
        }
        if (text.length() > MAX_DIGITS) {
            throw invalid(shown(text, true) + " has more than " + MAX_DIGITS + " digits");
        }
        return parse(text, true);
    }

    /** The error for a body without {@code timestamp}. */
    public static DmsException missing() {
        return invalid("timestamp is missing");
    }

    /** The error for a timestamp of a JSON type that is neither a number nor a string. */
    public static DmsException wrongType(String what) {
        return invalid("timestamp is " + what + ", not a JSON integer or string");
    }

    /** @param quoted whether the value came as a JSON string (and is shown in quotes in a refusal) */
    private static long parse(String digits, boolean quoted) {
        long value;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw invalid(shown(digits, quoted) + " does not fit a signed 64-bit integer");
        }
        if (value < LATEST) {
            throw invalid(shown(digits, quoted) + " is negative; the only negative value allowed is -1 (latest)");
        }
        return value;
    }

    /** The value as a refusal shows it: made only when one is, not for every timestamp read. */
    private static String shown(String text, boolean quoted) {
        return "timestamp " + (quoted ? ErrorText.quote(text) : ErrorText.shown(text));
    }

    private static DmsException invalid(String what) {
        return new DmsException(DmsError.INVALID_TIMESTAMP, what + ": " + EXPECTED + ".");
    }
}
