package io.offsetkit.server.request;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.error.ErrorText;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Constraint;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Kind;
import java.util.regex.Pattern;

/**
 * Turns the text of one path or query parameter into its typed value, checked against the constraint
 * the contract generates for it, with a message that names the parameter and shows the value:
 *
 * <ul>
 *   <li>a string: its enumeration, or its length and characters ({@link NameRule}); 400 {@code
 *       DMS.00400800};
 *   <li>an integer: decimal digits with an optional {@code -}, nothing else (no {@code +}, no space, no
 *       fraction, not empty), then the contract's minimum (400 {@code DMS.00400800}) and maximum. Above
 *       the maximum is the paging's own error where the contract documents one: {@code limit} 400 {@code
 *       DMS.10240042}, {@code offset} (beyond a 32-bit integer) 400 {@code DMS.10240043}; any other
 *       parameter 400 {@code DMS.00400800};
 *   <li>a boolean: {@code true} or {@code false} exactly; 400 {@code DMS.00400800}.
 * </ul>
 */
final class ParameterRules {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+");

    private ParameterRules() {}

    /** A string parameter, checked. */
    static String string(Constraint constraint, String text) {
        if (!constraint.allowedValues().isEmpty()) {
            if (text == null || !constraint.allowedValues().contains(text)) {
                throw invalid(constraint.name() + " " + ErrorText.quote(text) + " is not supported; it must be one of "
                        + constraint.allowedValues() + ".");
            }
            return text;
        }
        if (constraint.pattern() == null) {
            if (text == null || text.length() < constraint.minLength() || text.length() > constraint.maxLength()) {
                throw invalid(constraint.name() + " " + ErrorText.quote(text) + " must be " + constraint.minLength()
                        + " to " + constraint.maxLength() + " characters long.");
            }
            return text;
        }
        NameRule.of(constraint).check(text);
        return text;
    }

    /** An integer parameter, checked against the contract's range. */
    static long integer(Constraint constraint, String text) {
        String shown = constraint.name() + " " + ErrorText.quote(text);
        if (text.isEmpty()) {
            throw invalid(constraint.name() + " is empty; " + range(constraint) + ".");
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw invalid(shown + " is not a decimal integer; " + range(constraint) + ".");
        }
        boolean negative = text.charAt(0) == '-';
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            // More digits than a long holds: beyond any maximum (or below any minimum) of the contract.
            value = negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (constraint.minimum() != null && value < constraint.minimum()) {
            throw invalid(shown + " is " + (negative ? "negative" : "below " + constraint.minimum()) + "; "
                    + range(constraint) + ".");
        }
        if (constraint.maximum() != null && value > constraint.maximum()) {
            throw new DmsException(
                    aboveMaximum(constraint.name()),
                    shown + " is above " + constraint.maximum() + "; " + range(constraint) + ".");
        }
        if (constraint.kind() == Kind.INT32 && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            throw new DmsException(
                    aboveMaximum(constraint.name()),
                    shown + " does not fit a 32-bit integer; " + range(constraint) + ".");
        }
        return value;
    }

    /** A boolean parameter: {@code true} or {@code false}, nothing else. */
    static boolean bool(Constraint constraint, String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw invalid(constraint.name() + " " + ErrorText.quote(text)
                        + " is not a boolean; it must be true or false.");
        };
    }

    /** The code of a value above the contract's maximum: the paging's own codes for limit and offset. */
    private static DmsError aboveMaximum(String name) {
        return switch (name) {
            case "limit" -> DmsError.PAGE_LIMIT_EXCEEDED;
            case "offset" -> DmsError.PAGE_OFFSET_EXCEEDED;
            default -> DmsError.INVALID_PARAMETER;
        };
    }

    private static String range(Constraint constraint) {
        Long min = constraint.minimum();
        Long max = constraint.maximum();
        if (min != null && max != null) {
            return "it must be a decimal integer from " + min + " to " + max;
        }
        if (min != null) {
            return "it must be a decimal integer of at least " + min;
        }
        if (max != null) {
            return "it must be a decimal integer of at most " + max;
        }
        return "it must be a decimal integer";
    }

    private static DmsException invalid(String detail) {
        return new DmsException(DmsError.INVALID_PARAMETER, detail);
    }
}
