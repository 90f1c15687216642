package io.offsetkit.conformance.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A regular expression of the simple shape the contract writes its patterns in, read into what its
 * edges are made of: {@code ^(-1|[0-9]{1,19})$} is two alternatives, the literal {@code -1} and the
 * class {@code [0-9]} repeated 1 to 19 times.
 *
 * <p>Understood: an optional {@code ^} and {@code $}; alternatives {@code a|b}, at the top or in
 * one group around the whole; in each, a sequence of atoms, each a literal character (escaped with
 * {@code \} if need be) or a character class {@code [...]} of characters and ranges, with an optional
 * quantifier {@code + * ? {n} {m,} {m,n}}. Anything else is refused with {@link
 * IllegalArgumentException} naming it, so that a contract whose patterns outgrow this reader fails
 * the kit's own tests instead of generating wrong edges.
 *
 * @param alternatives the alternatives, each a sequence of atoms
 */
record PatternEdges(List<List<Atom>> alternatives) {

    /** No upper bound on repetitions ({@code +}, {@code *}, {@code {m,}}). */
    static final int UNBOUNDED = Integer.MAX_VALUE;

    /**
     * One character class (a literal is a class of one) repeated {@code min} to {@code max} times.
     *
     * @param chars the characters the class allows, in the order the pattern lists them
     * @param min the fewest repetitions
     * @param max the most, or {@link #UNBOUNDED}
     */
    record Atom(String chars, int min, int max) {}

    PatternEdges {
        alternatives = alternatives.stream().map(List::copyOf).toList();
    }

    /** Reads a pattern, or says which part of it is beyond this reader. */
    static PatternEdges parse(String pattern) {
        String body = pattern;
        if (body.startsWith("^")) {
            body = body.substring(1);
        }
        if (body.endsWith("$") && !body.endsWith("\\$")) {
            body = body.substring(0, body.length() - 1);
        }
        if (body.startsWith("(") && body.endsWith(")") && closingParen(body) == body.length() - 1) {
            body = body.substring(1, body.length() - 1);
        }
        List<List<Atom>> alternatives = new ArrayList<>();
        for (String alternative : splitTopLevel(body, pattern)) {
            alternatives.add(atoms(alternative, pattern));
        }
        return new PatternEdges(alternatives);
    }

    /** The one atom of a pattern such as {@code ^[A-Za-z0-9_-]+$}, or a refusal naming the pattern. */
    Atom singleAtom() {
        if (alternatives.size() != 1 || alternatives.get(0).size() != 1) {
            throw new IllegalArgumentException(
                    "expected one character class with a quantifier, such as ^[a-z]+$; the pattern has "
                            + alternatives);
        }
        return alternatives.get(0).get(0);
    }

    private static int closingParen(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = text.indexOf(']', i + 1);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitTopLevel(String body, String pattern) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = body.indexOf(']', i + 1);
                if (i < 0) {
                    throw new IllegalArgumentException("unclosed [ in the pattern " + pattern);
                }
            } else if (c == '|') {
                parts.add(body.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(body.substring(start));
        return parts;
    }

    private static List<Atom> atoms(String alternative, String pattern) {
        List<Atom> atoms = new ArrayList<>();
        int i = 0;
        while (i < alternative.length()) {
            char c = alternative.charAt(i);
            String chars;
            if (c == '[') {
                int end = alternative.indexOf(']', i + 1);
                chars = characterClass(alternative.substring(i + 1, end), pattern);
                i = end + 1;
            } else if (c == '\\' && i + 1 < alternative.length()) {
                chars = String.valueOf(alternative.charAt(i + 1));
                i += 2;
            } else if ("()|.*+?{}^$".indexOf(c) >= 0) {
                throw new IllegalArgumentException(
                        "'" + c + "' at this place is beyond the kit's pattern reader, in " + pattern);
            } else {
                chars = String.valueOf(c);
                i++;
            }
            int min = 1;
            int max = 1;
            if (i < alternative.length()) {
                char quantifier = alternative.charAt(i);
                if (quantifier == '+' || quantifier == '*' || quantifier == '?') {
                    min = quantifier == '+' ? 1 : 0;
                    max = quantifier == '?' ? 1 : UNBOUNDED;
                    i++;
                } else if (quantifier == '{') {
                    int end = alternative.indexOf('}', i);
                    String[] bounds = alternative.substring(i + 1, end).split(",", -1);
                    min = Integer.parseInt(bounds[0].trim());
                    max = bounds.length == 1
                            ? min
                            : bounds[1].isBlank() ? UNBOUNDED : Integer.parseInt(bounds[1].trim());
                    i = end + 1;
                }
            }
            atoms.add(new Atom(chars, min, max));
        }
        return atoms;
    }

    private static String characterClass(String inside, String pattern) {
        if (inside.startsWith("^")) {
            throw new IllegalArgumentException("a negated class [^...] is beyond the kit's pattern reader: " + pattern);
        }
        Set<Character> chars = new LinkedHashSet<>();
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (c == '\\' && i + 1 < inside.length()) {
                chars.add(inside.charAt(++i));
            } else if (i + 2 < inside.length() && inside.charAt(i + 1) == '-') {
                for (char r = c; r <= inside.charAt(i + 2); r++) {
                    chars.add(r);
                }
                i += 2;
            } else {
                chars.add(c);
            }
        }
        StringBuilder text = new StringBuilder();
        chars.forEach(text::append);
        return text.toString();
    }
}
