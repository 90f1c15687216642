package io.offsetkit.server.request;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.error.ErrorText;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Constraint;
import java.util.regex.Pattern;

/**
 * The contract's constraint on one name or id (length and characters), checked with a message that
 * names the field, shows the value and says what is allowed. Fails with 400 {@code DMS.00400800}.
 *
 * @param field the name of the field as the contract spells it, e.g. {@code group}
 * @param minLength the fewest characters allowed
 * @param maxLength the most characters allowed
 * @param pattern the contract's pattern, a character class repeated (e.g. {@code ^[%|a-zA-Z0-9_-]+$})
 */
public record NameRule(String field, int minLength, int maxLength, Pattern pattern) {

    /** The rule of a string constraint generated from the contract (one with a pattern). */
    public static NameRule of(Constraint constraint) {
        if (constraint.pattern() == null) {
            throw new IllegalArgumentException("the contract gives " + constraint.name() + " no pattern");
        }
        if (constraint.kind() != ConsumerOffsetsApi.Kind.STRING) {
            throw new IllegalArgumentException(constraint.name() + " is not a string but " + constraint.kind());
        }
        return new NameRule(
                constraint.name(), Math.max(1, constraint.minLength()), constraint.maxLength(), constraint.pattern());
    }

    /**
     * Checks a value.
     *
     * @throws DmsException {@code DMS.00400800} when the value is missing, too short, too long or has a
     *     character the pattern does not allow
     */
    public void check(String value) {
        if (value == null) {
            throw invalid(field + " is missing.");
        }
        if (value.length() < minLength) {
            throw invalid(field + " is " + (value.isEmpty() ? "empty" : "too short") + "; " + allowed() + ".");
        }
        if (value.length() > maxLength) {
            throw invalid(field + " " + ErrorText.quote(value) + " is " + value.length() + " characters long; "
                    + allowed() + ".");
        }
        if (!pattern.matcher(value).matches()) {
            throw invalid(field + " " + ErrorText.quote(value) + " " + firstRefused(value) + "; " + allowed() + ".");
        }
    }

    /** What the contract allows, in words. */
    public String allowed() {
        return "it must be " + minLength + " to " + maxLength + " characters matching " + pattern.pattern();
    }

    private String firstRefused(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!pattern.matcher(String.valueOf(value.charAt(i))).matches()) {
                return "has the character '" + ErrorText.escape(value.charAt(i)) + "' at position " + (i + 1)
                        + ", which is not allowed";
            }
        }
        return "does not match";
    }

    private static DmsException invalid(String detail) {
        return new DmsException(DmsError.INVALID_PARAMETER, detail);
    }
}
