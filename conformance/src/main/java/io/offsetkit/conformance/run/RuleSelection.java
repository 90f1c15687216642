package io.offsetkit.conformance.run;

import io.offsetkit.conformance.rules.Closest;
import io.offsetkit.conformance.rules.Family;
import io.offsetkit.conformance.rules.Level;
import io.offsetkit.conformance.rules.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which rules a run checks, from {@code --include} and {@code --exclude} patterns (Schemathesis'
 * {@code --include-*}/{@code --exclude-*} filters are the model).
 *
 * <p>A pattern is a rule id ({@code RESET-AUTH-01}), a glob over ids ({@code RESET-AUTH-*}, {@code
 * RESET-EXACT-1?}), a family ({@code AUTH}, {@code EXACT}) or a level ({@code MUST}, {@code
 * SHOULD}); case does not matter; several may be given comma-separated. Selected: every rule some
 * include pattern matches (every rule when there is none), less every rule some exclude pattern
 * matches. A rule left out is reported as skipped with the pattern that left it out, never passed.
 */
public final class RuleSelection {

    private static final RuleSelection ALL = new RuleSelection(List.of(), List.of());

    private final List<String> includes;
    private final List<String> excludes;

    private RuleSelection(List<String> includes, List<String> excludes) {
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
    }

    /** Every rule. */
    public static RuleSelection all() {
        return ALL;
    }

    /**
     * The selection of the given patterns, each option value possibly comma-separated.
     *
     * @throws IllegalArgumentException naming a pattern that matches no rule, and the closest id,
     *     family or level
     */
    public static RuleSelection of(List<String> includes, List<String> excludes) {
        return new RuleSelection(patterns(includes), patterns(excludes));
    }

    /** Whether every rule is selected. */
    public boolean isAll() {
        return includes.isEmpty() && excludes.isEmpty();
    }

    /** How the reason of every rule the selection leaves out starts. */
    public static final String NOT_SELECTED = "not selected";

    /** Why a rule is left out, or empty when it is selected. */
    public Optional<String> whyLeftOut(Rule rule) {
        if (!includes.isEmpty() && includes.stream().noneMatch(pattern -> matches(pattern, rule))) {
            return Optional.of(NOT_SELECTED + ": no --include pattern matches it (" + String.join(",", includes) + ")");
        }
        return excludes.stream()
                .filter(pattern -> matches(pattern, rule))
                .findFirst()
                .map(pattern -> NOT_SELECTED + ": left out by --exclude " + pattern);
    }

    /** {@code every rule}, or the options as given, for report headers. */
    public String describe() {
        if (isAll()) {
            return "every rule";
        }
        StringBuilder text = new StringBuilder();
        if (!includes.isEmpty()) {
            text.append("--include ").append(String.join(",", includes));
        }
        if (!excludes.isEmpty()) {
            text.append(text.isEmpty() ? "" : " ").append("--exclude ").append(String.join(",", excludes));
        }
        return text.toString();
    }

    private static List<String> patterns(List<String> values) {
        List<String> patterns = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                String pattern = part.trim().toUpperCase(Locale.ROOT);
                if (pattern.isEmpty()) {
                    continue;
                }
                if (Arrays.stream(Rule.values()).noneMatch(rule -> matches(pattern, rule))) {
                    throw new IllegalArgumentException("'" + part.trim() + "' matches no rule; the closest is "
                            + Closest.to(pattern, vocabulary()) + " (a rule id, a glob such as RESET-AUTH-*, a"
                            + " family or a level)");
                }
                patterns.add(pattern);
            }
        }
        return patterns;
    }

    private static boolean matches(String pattern, Rule rule) {
        if (pattern.equals(rule.level().name()) || pattern.equals(rule.family().name())) {
            return true;
        }
        return glob(pattern).matcher(rule.id()).matches();
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static List<String> vocabulary() {
        List<String> words = new ArrayList<>();
        Arrays.stream(Rule.values()).map(Rule::id).forEach(words::add);
        Set<Family> families = EnumSet.allOf(Family.class);
        families.forEach(family -> words.add(family.name()));
        EnumSet.allOf(Level.class).forEach(level -> words.add(level.name()));
        return words;
    }

    @Override
    public String toString() {
        return describe();
    }
}
