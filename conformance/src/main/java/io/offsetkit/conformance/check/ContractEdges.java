package io.offsetkit.conformance.check;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;

/**
 * Valid values at the edges of the contract's own constraints, generated from the schemas as a
 * coverage phase does (Schemathesis' "coverage" phase is the model): for a name, its shortest and
 * its longest, and one holding every character its pattern allows; for {@code timestamp}, the
 * bounds of its integer form and of its string form. Random parts come from the run's seed.
 */
final class ContractEdges {

    /**
     * 2100-01-01T00:00:00Z: after every message any target holds; the upper end of the seeded time
     * and the latest time of {@link KitContext#sweep()}.
     */
    static final long FAR_FUTURE = 4_102_444_800_000L;

    /**
     * A valid value and the edge it sits on.
     *
     * @param edge which edge, in a few words ({@code "longest (120)"})
     * @param value the value
     */
    record Edge(String edge, String value) {}

    /**
     * A string timestamp and the integer it means.
     *
     * @param edge which edge
     * @param text the string sent
     * @param value the same time as an integer
     */
    record StringTimestamp(String edge, String text, long value) {}

    private ContractEdges() {}

    /**
     * The edges of a name's string schema ({@code minLength}, {@code maxLength}, {@code pattern} of one
     * character class): the shortest, the longest, and the class's every character (in as many names
     * as {@code maxLength} needs), characters drawn from the seeded stream.
     */
    static List<Edge> names(JsonNode schema, SplittableRandom random) {
        PatternEdges.Atom atom =
                PatternEdges.parse(schema.path("pattern").asString()).singleAtom();
        int shortest = Math.max(schema.path("minLength").asInt(1), Math.max(1, atom.min()));
        int longest = Math.min(schema.path("maxLength").asInt(Integer.MAX_VALUE), atom.max());
        if (longest == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a name schema without maxLength has no longest edge: " + schema);
        }
        List<Edge> edges = new ArrayList<>();
        edges.add(new Edge("shortest (" + shortest + ")", drawn(atom.chars(), shortest, random)));
        edges.add(new Edge("longest (" + longest + ")", drawn(atom.chars(), longest, random)));
        String every = shuffled(atom.chars(), random);
        for (int start = 0; start < every.length(); start += longest) {
            edges.add(new Edge(
                    "every allowed character", every.substring(start, Math.min(every.length(), start + longest))));
        }
        return edges;
    }

    /**
     * A name of exactly the schema's {@code maxLength} that starts with {@code prefix}, then holds
     * every character the pattern allows, then is filled up with characters drawn from {@code fill}.
     */
    static String longestWithEveryCharacter(JsonNode schema, String prefix, String fill, SplittableRandom random) {
        PatternEdges.Atom atom =
                PatternEdges.parse(schema.path("pattern").asString()).singleAtom();
        int longest = Math.min(schema.path("maxLength").asInt(), atom.max());
        String name = prefix + shuffled(atom.chars(), random);
        if (name.length() > longest) {
            throw new IllegalArgumentException("'" + name + "' is longer than the schema's maxLength " + longest);
        }
        return name + drawn(fill, longest - name.length(), random);
    }

    /**
     * The JSON integer timestamps at the edges of the schema's integer branch: its {@code minimum}
     * (-1, "latest"), the two values above it (0 and 1), the largest value of its {@code format}
     * (int64), and one time between 1 and {@link #FAR_FUTURE} drawn from the seed.
     */
    static List<Long> timestampIntegers(JsonNode timestampSchema, SplittableRandom random) {
        JsonNode integer = branch(timestampSchema, "integer");
        long minimum = integer.path("minimum").asLong();
        long maximum = integer.path("format").asString().equals("int32") ? Integer.MAX_VALUE : Long.MAX_VALUE;
        List<Long> edges = new ArrayList<>(List.of(minimum, minimum + 1, minimum + 2, maximum));
        edges.add(random.nextLong(minimum + 3, FAR_FUTURE));
        return edges;
    }

    /**
     * The string timestamps at the edges of the schema's string branch: every literal alternative of
     * its pattern ({@code "-1"}), and of the digit class the shortest ({@code "0"}), the longest
     * written with leading zeros ({@code "000...01"}) and the largest that fits the integer branch's
     * int64 ({@code "9223372036854775807"}).
     */
    static List<StringTimestamp> timestampStrings(JsonNode timestampSchema) {
        PatternEdges pattern = PatternEdges.parse(
                branch(timestampSchema, "string").path("pattern").asString());
        List<StringTimestamp> edges = new ArrayList<>();
        for (List<PatternEdges.Atom> alternative : pattern.alternatives()) {
            if (alternative.stream()
                    .allMatch(atom ->
                            atom.min() == 1 && atom.max() == 1 && atom.chars().length() == 1)) {
                StringBuilder literal = new StringBuilder();
                alternative.forEach(atom -> literal.append(atom.chars()));
                edges.add(new StringTimestamp(
                        "the literal alternative", literal.toString(), Long.parseLong(literal.toString())));
                continue;
            }
            PatternEdges.Atom digits = alternative.get(0);
            if (alternative.size() != 1 || !digits.chars().equals("0123456789")) {
                throw new IllegalArgumentException(
                        "expected a literal or a run of digits [0-9]{m,n}; the pattern has " + alternative);
            }
            int shortest = Math.max(1, digits.min());
            edges.add(new StringTimestamp("the shortest digit string (" + shortest + ")", "0".repeat(shortest), 0));
            if (digits.max() != PatternEdges.UNBOUNDED) {
                edges.add(new StringTimestamp(
                        "the longest digit string (" + digits.max() + "), leading zeros",
                        "0".repeat(digits.max() - 1) + "1",
                        1));
            }
            String largest = String.valueOf(Long.MAX_VALUE);
            if (largest.length() <= digits.max()) {
                edges.add(new StringTimestamp("the int64 maximum", largest, Long.MAX_VALUE));
            }
        }
        return edges;
    }

    private static JsonNode branch(JsonNode oneOfSchema, String type) {
        for (JsonNode branch : oneOfSchema.path("oneOf")) {
            if (branch.path("type").asString().equals(type)) {
                return branch;
            }
        }
        throw new IllegalArgumentException(
                "the timestamp schema has no " + type + " branch in its oneOf: " + oneOfSchema);
    }

    private static String drawn(String chars, int length, SplittableRandom random) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(chars.charAt(random.nextInt(chars.length())));
        }
        return text.toString();
    }

    private static String shuffled(String chars, SplittableRandom random) {
        char[] order = chars.toCharArray();
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return new String(order);
    }
}
