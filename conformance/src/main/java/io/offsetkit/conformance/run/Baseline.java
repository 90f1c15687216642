package io.offsetkit.conformance.run;

import io.offsetkit.conformance.rules.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rules an implementation is known to fail, each with the reason (Schemathesis' {@code
 * --baseline} is the model): a run in which only these fail still passes, says so, and shows them
 * apart from new failures; one of them that passes again is reported as fixed.
 *
 * <p>The file is UTF-8 text, one rule per line: its id, white space, the reason. Lines starting with
 * {@code #} and blank lines are ignored. A reason is required, so that a baseline says why each
 * failure is accepted:
 *
 * <pre>
 * # offsetkit conformance baseline
 * RESET-DOMAIN-09  the older route is not served yet (GW-1234)
 * </pre>
 *
 * @param reasons each known failure and why it is accepted, in catalogue order
 * @param source where the baseline comes from (its file), for messages; {@code none} when empty
 */
public record Baseline(Map<Rule, String> reasons, String source) {

    private static final Baseline NONE = new Baseline(Map.of(), "none");

    public Baseline {
        reasons = reasons.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(reasons));
    }

    /** No known failure. */
    public static Baseline none() {
        return NONE;
    }

    /**
     * Reads a baseline file.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file, the line and what is wrong on it
     */
    public static Baseline read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses a baseline's text.
     *
     * @throws IllegalArgumentException naming the source, the line and what is wrong on it (an unknown
     *     id with the closest one, a missing reason, an id given twice)
     */
    public static Baseline parse(String text, String source) {
        Map<Rule, String> reasons = new EnumMap<>(Rule.class);
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + (i + 1) + ": ";
            String[] parts = line.split("\\s+", 2);
            Rule rule = rule(parts[0], where);
            if (parts.length < 2 || parts[1].isBlank()) {
                throw new IllegalArgumentException(
                        where + rule.id() + " has no reason; write why its failure is" + " accepted after the id");
            }
            if (reasons.put(rule, parts[1].strip()) != null) {
                throw new IllegalArgumentException(where + rule.id() + " is listed twice");
            }
        }
        return new Baseline(reasons, source);
    }

    /** The rule of an id, case ignored (every id is upper case); an unknown one named with its line. */
    private static Rule rule(String id, String where) {
        try {
            return Rule.byId(id.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            // After "file:line: " the message goes on in lower case, as compilers' messages do.
            String message = unknown.getMessage();
            throw new IllegalArgumentException(
                    where + Character.toLowerCase(message.charAt(0)) + message.substring(1), unknown);
        }
    }

    /** Whether the rule is a known failure. */
    public boolean contains(Rule rule) {
        return reasons.containsKey(rule);
    }

    /** Why the rule's failure is accepted, when it is in the baseline. */
    public Optional<String> reason(Rule rule) {
        return Optional.ofNullable(reasons.get(rule));
    }

    public boolean isEmpty() {
        return reasons.isEmpty();
    }

    /**
     * The baseline of a run's failures, as text for {@code --write-baseline}: a header naming the run,
     * then each failed rule with its one-line reason, so that the file can be kept as it is or edited.
     */
    public static String textOf(KitReport report) {
        StringBuilder text = new StringBuilder();
        RunInfo info = report.info();
        text.append("# offsetkit conformance baseline: the rules expected to fail, one per line, id then reason.\n")
                .append("# Written by kit ")
                .append(info.kitVersion())
                .append(" at ")
                .append(info.finished())
                .append(" (seed ")
                .append(info.seed())
                .append(")\n# against ")
                .append(info.target())
                .append('\n');
        for (RuleResult result : report.results()) {
            if (result.verdict() == Verdict.FAILED) {
                text.append(result.rule().id())
                        .append("  ")
                        .append(result.reason().replace('\n', ' '))
                        .append('\n');
            }
        }
        return text.toString();
    }
}
