package io.offsetkit.api.compat;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The bounds a schema already puts on its values without stating them: the lengths a fully anchored
 * {@code pattern} allows, the range of an integer's {@code format}.
 *
 * <p>Why: stating such a bound (a {@code maxLength} the pattern already implied, the {@code
 * maximum} of {@code int64}) changes no value's validity, yet openapi-diff rates any bound added to a
 * request as narrowing it. Code generators keep a stated bound where they drop a pattern or a
 * format, so a document may state them; this class lets the gate see that nothing was narrowed.
 */
final class ImpliedBounds {

    /** A closed range of lengths; {@code max} is {@link Long#MAX_VALUE} when unbounded. */
    record Lengths(long min, long max) {

        Lengths intersect(Lengths other) {
            return new Lengths(Math.max(min, other.min), Math.min(max, other.max));
        }

        boolean within(Lengths outer) {
            return min >= outer.min && max <= outer.max;
        }
    }

    /** A closed range of integers; a null end is unbounded. */
    record Range(BigDecimal min, BigDecimal max) {

        Range intersect(Range other) {
            return new Range(larger(min, other.min), smaller(max, other.max));
        }

        boolean within(Range outer) {
            return (outer.min == null || (min != null && min.compareTo(outer.min) >= 0))
                    && (outer.max == null || (max != null && max.compareTo(outer.max) <= 0));
        }

        private static BigDecimal larger(BigDecimal a, BigDecimal b) {
            return a == null ? b : b == null ? a : a.max(b);
        }

        private static BigDecimal smaller(BigDecimal a, BigDecimal b) {
            return a == null ? b : b == null ? a : a.min(b);
        }
    }

    private static final Range INT32 =
            new Range(BigDecimal.valueOf(Integer.MIN_VALUE), BigDecimal.valueOf(Integer.MAX_VALUE));
    private static final Range INT64 =
            new Range(BigDecimal.valueOf(Long.MIN_VALUE), BigDecimal.valueOf(Long.MAX_VALUE));

    private ImpliedBounds() {}

    /**
     * The lengths a string valid against {@code schema} can have: its {@code minLength} and {@code
     * maxLength}, narrowed by what its {@code pattern} allows when the pattern is one this class can
     * measure (see {@link #patternLengths}).
     */
    static Lengths lengths(Schema<?> schema) {
        Lengths stated = new Lengths(
                schema.getMinLength() == null ? 0 : schema.getMinLength(),
                schema.getMaxLength() == null ? Long.MAX_VALUE : schema.getMaxLength());
        return schema.getPattern() == null
                ? stated
                : patternLengths(schema.getPattern()).map(stated::intersect).orElse(stated);
    }

    /**
     * The lengths of the strings a pattern matches, for a pattern anchored at both ends ({@code ^...$},
     * with no alternative outside a group) made of literals, escapes that match one character ({@code
     * \d}, {@code \.}), character classes, {@code .}, groups, alternatives and the quantifiers {@code
     * ?}, {@code *}, {@code +} and {@code {n,m}}. Anything else (a pattern not anchored at both ends
     * matches strings of any length; a look-around or a back-reference is not measured) gives empty.
     */
    static Optional<Lengths> patternLengths(String pattern) {
        if (pattern.length() < 2 || !pattern.startsWith("^") || !pattern.endsWith("$") || pattern.endsWith("\\$")) {
            return Optional.empty();
        }
        Parser parser = new Parser(pattern.substring(1, pattern.length() - 1));
        try {
            Lengths lengths = parser.sequence();
            if (parser.at < parser.text.length() || parser.alternativeAtTop) {
                return Optional.empty();
            }
            return Optional.of(lengths);
        } catch (IllegalArgumentException unmeasured) {
            return Optional.empty();
        }
    }

    /**
     * The integers valid against {@code schema}: its {@code minimum} and {@code maximum}, narrowed by the
     * range of its {@code format} ({@code int32}, {@code int64}); empty when the schema is not an
     * integer or has an exclusive bound (those are left to the library).
     */
    static Optional<Range> integers(Schema<?> schema) {
        if (!"integer".equals(schema.getType())
                || Boolean.TRUE.equals(schema.getExclusiveMinimum())
                || Boolean.TRUE.equals(schema.getExclusiveMaximum())) {
            return Optional.empty();
        }
        Range stated = new Range(schema.getMinimum(), schema.getMaximum());
        if ("int32".equals(schema.getFormat())) {
            return Optional.of(stated.intersect(INT32));
        }
        if ("int64".equals(schema.getFormat())) {
            return Optional.of(stated.intersect(INT64));
        }
        return Optional.of(stated);
    }

    /** A recursive-descent reader of the pattern syntax {@link #patternLengths} measures. */
    private static final class Parser {
        private final String text;
        private int at;
        private int depth;
        private boolean alternativeAtTop;

        Parser(String text) {
            this.text = text;
        }

        /** Alternatives separated by {@code |}, up to the end or a closing parenthesis. */
        Lengths sequence() {
            Lengths result = concatenation();
            while (at < text.length() && text.charAt(at) == '|') {
                if (depth == 0) {
                    alternativeAtTop = true; // ^a|b$ anchors each alternative at one end only
                }
                at++;
                Lengths other = concatenation();
                result = new Lengths(Math.min(result.min, other.min), Math.max(result.max, other.max));
            }
            return result;
        }

        private Lengths concatenation() {
            long min = 0;
            long max = 0;
            while (at < text.length() && text.charAt(at) != '|' && text.charAt(at) != ')') {
                Lengths atom = quantified(atom());
                min = add(min, atom.min);
                max = add(max, atom.max);
            }
            return new Lengths(min, max);
        }

        private Lengths atom() {
            char c = text.charAt(at);
            switch (c) {
                case '(' -> {
                    at++;
                    if (text.startsWith("?:", at)) {
                        at += 2;
                    } else if (at < text.length() && text.charAt(at) == '?') {
                        throw new IllegalArgumentException("look-around or named group");
                    }
                    depth++;
                    Lengths inside = sequence();
                    depth--;
                    expect(')');
                    return inside;
                }
                case '[' -> {
                    characterClass();
                    return new Lengths(1, 1);
                }
                case '\\' -> {
                    escape();
                    return new Lengths(1, 1);
                }
                case '^', '$', '*', '+', '?', '{', ')', '|' -> throw new IllegalArgumentException("unexpected " + c);
                default -> {
                    at += Character.charCount(text.codePointAt(at));
                    return new Lengths(1, 1);
                }
            }
        }

        private void characterClass() {
            at++; // [
            if (at < text.length() && text.charAt(at) == '^') {
                at++;
            }
            boolean first = true;
            while (at < text.length() && (text.charAt(at) != ']' || first)) {
                if (text.charAt(at) == '\\') {
                    escape();
                } else {
                    if (text.charAt(at) == '[') {
                        throw new IllegalArgumentException("nested class");
                    }
                    at++;
                }
                first = false;
            }
            expect(']');
        }

        private void escape() {
            at++; // backslash
            if (at >= text.length()) {
                throw new IllegalArgumentException("dangling escape");
            }
            char c = text.charAt(at);
            if (Character.isDigit(c) || c == 'b' || c == 'B' || c == 'k' || c == 'u' || c == 'x' || c == 'c') {
                throw new IllegalArgumentException("escape not measured: \\" + c);
            }
            at++;
        }

        private Lengths quantified(Lengths atom) {
            if (at >= text.length()) {
                return atom;
            }
            long low;
            long high;
            char c = text.charAt(at);
            if (c == '?') {
                low = 0;
                high = 1;
                at++;
            } else if (c == '*') {
                low = 0;
                high = Long.MAX_VALUE;
                at++;
            } else if (c == '+') {
                low = 1;
                high = Long.MAX_VALUE;
                at++;
            } else if (c == '{') {
                int close = text.indexOf('}', at);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed quantifier");
                }
                String[] bounds = text.substring(at + 1, close).split(",", -1);
                try {
                    low = Long.parseLong(bounds[0]);
                    high = bounds.length == 1 ? low : bounds[1].isEmpty() ? Long.MAX_VALUE : Long.parseLong(bounds[1]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("quantifier not measured", e);
                }
                if (bounds.length > 2) {
                    throw new IllegalArgumentException("quantifier not measured");
                }
                at = close + 1;
            } else {
                return atom;
            }
            if (at < text.length() && (text.charAt(at) == '?' || text.charAt(at) == '+')) {
                at++; // lazy or possessive: the same lengths
            }
            return new Lengths(multiply(atom.min, low), atom.max == 0 ? 0 : multiply(atom.max, high));
        }

        private void expect(char c) {
            if (at >= text.length() || text.charAt(at) != c) {
                throw new IllegalArgumentException("expected " + c);
            }
            at++;
        }

        private static long add(long a, long b) {
            return a == Long.MAX_VALUE || b == Long.MAX_VALUE ? Long.MAX_VALUE : Math.addExact(a, b);
        }

        private static long multiply(long a, long b) {
            if (a == 0 || b == 0) {
                return 0;
            }
            return a == Long.MAX_VALUE || b == Long.MAX_VALUE || a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
        }
    }
}
