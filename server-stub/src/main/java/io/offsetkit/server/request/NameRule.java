package io.offsetkit.server.request;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.error.ErrorText;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Constraint;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The contract's constraint on one name or id (length and characters), checked with a message that
 * names the field, shows the value and says what is allowed. Fails with 400 {@code DMS.00400800}.
 *
 * <p>The contract's patterns are a character class repeated ({@code ^[%|a-zA-Z0-9_-]+$}): such a
 * pattern matches a value exactly when each of its characters is in the class, so a value of ASCII
 * characters is checked against a table of the 128 made once from the pattern itself, not by a regex
 * match per value (every request checks four or five names). Any other pattern, and any value with a
 * character beyond ASCII, is matched by the pattern as it is.
 */
public final class NameRule {

    /** Of each constraint checked so far: a rule is made once, not per request. */
    private static final Map<Constraint, NameRule> OF = new ConcurrentHashMap<>();

    /** {@code ^[...]+$}: a character class (no nested class, no escape) repeated once or more. */
    private static final Pattern REPEATED_CLASS = Pattern.compile("\\^?\\[[^\\[\\]\\\\]+\\]\\+\\$?");

    private final String field;
    private final int minLength;
    private final int maxLength;
    private final Pattern pattern;
    /** Whether each ASCII character is in the pattern's class; null when the pattern is not a class repeated. */
    private final boolean[] ascii;

    /**
     * @param field the name of the field as the contract spells it, e.g. {@code group}
     * @param minLength the fewest characters allowed
     * @param maxLength the most characters allowed
     * @param pattern the contract's pattern, a character class repeated (e.g. {@code ^[%|a-zA-Z0-9_-]+$})
     */
    public NameRule(String field, int minLength, int maxLength, Pattern pattern) {
        this.field = field;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.pattern = pattern;
        this.ascii = asciiTable(pattern);
    }

    /** The rule of a string constraint generated from the contract (one with a pattern); made once per constraint. */
    public static NameRule of(Constraint constraint) {
        NameRule rule = OF.get(constraint);
        return rule != null ? rule : OF.computeIfAbsent(constraint, NameRule::make);
    }

    private static NameRule make(Constraint constraint) {
        if (constraint.pattern() == null) {
            throw new IllegalArgumentException("the contract gives " + constraint.name() + " no pattern");
        }
        if (constraint.kind() != ConsumerOffsetsApi.Kind.STRING) {
            throw new IllegalArgumentException(constraint.name() + " is not a string but " + constraint.kind());
        }
        return new NameRule(
                constraint.name(), Math.max(1, constraint.minLength()), constraint.maxLength(), constraint.pattern());
    }

    /** The name of the field as the contract spells it. */
    public String field() {
        return field;
    }

    /** The fewest characters allowed. */
    public int minLength() {
        return minLength;
    }

    /** The most characters allowed. */
    public int maxLength() {
        return maxLength;
    }

    /** The contract's pattern. */
    public Pattern pattern() {
        return pattern;
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
        if (!matches(value)) {
            throw invalid(field + " " + ErrorText.quote(value) + " " + firstRefused(value) + "; " + allowed() + ".");
        }
    }

    /** What the contract allows, in words. */
    public String allowed() {
        return "it must be " + minLength + " to " + maxLength + " characters matching " + pattern.pattern();
    }

    /** Whether the pattern matches the whole value: by the table when it can tell, else by the pattern. */
    private boolean matches(String value) {
        if (ascii == null || value.isEmpty()) {
            return pattern.matcher(value).matches();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= ascii.length) {
                return pattern.matcher(value).matches();
            }
            if (!ascii[c]) {
                return false;
            }
        }
        return true;
    }

    /** The table of {@link #ascii}, or null when the pattern is not a character class repeated, without flags. */
    private static boolean[] asciiTable(Pattern pattern) {
        if (pattern.flags() != 0 || !REPEATED_CLASS.matcher(pattern.pattern()).matches()) {
            return null;
        }
        boolean[] table = new boolean[128];
        for (char c = 0; c < table.length; c++) {
            table[c] = pattern.matcher(String.valueOf(c)).matches();
        }
        return table;
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
