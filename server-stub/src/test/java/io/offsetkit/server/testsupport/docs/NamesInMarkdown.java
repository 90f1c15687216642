package io.offsetkit.server.testsupport.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a README gives the code, wherever it gives them (prose, tables, code spans, fenced
 * blocks): settings ({@code server.port}, {@code offsetkit.auth.mode}, {@code logging.level.LOGGER},
 * and the system properties of the same families, {@code -Doffsetkit.seed}), command-line options
 * ({@code --base-url}), rule ids ({@code RESET-AUTH-01}, {@code RESET-EXAMPLE-01..03}, {@code
 * RESET-AUTH-*}) and environment variables ({@code OFFSETKIT_AUTH_MODE}). Each module's test says
 * which of them its code has; this class only finds them.
 */
public final class NamesInMarkdown {

    /** What a name names. */
    public enum Kind {
        SETTING(
                Pattern.compile(
                        "(?:(?<=-D)|(?<![\\w.\\-/$%]))(?:server|offsetkit|logging\\.level)\\.[A-Za-z0-9_.\\-\\[\\]]*[A-Za-z0-9\\]]")),
        OPTION(Pattern.compile("(?<![\\w-])--[a-z][a-z0-9\\-]*(?:\\.[a-z0-9\\-]+|\\[[0-9A-Z]+])*")),
        RULE_ID(Pattern.compile("RESET-[A-Z]+-[0-9?*]+(?:\\.\\.[0-9]+)?")),
        ENVIRONMENT_VARIABLE(Pattern.compile("(?<!\\w)(?:OFFSETKIT|SERVER|LOGGING_LEVEL)_[A-Z0-9_]*[A-Z0-9]"));

        private final Pattern pattern;

        Kind(Pattern pattern) {
            this.pattern = pattern;
        }
    }

    /**
     * A name found.
     *
     * @param where {@code file:line}
     */
    public record Name(Kind kind, String text, String where) {

        @Override
        public String toString() {
            return where + ": " + kind.name().toLowerCase().replace('_', ' ') + " " + text;
        }
    }

    /** File names that the setting pattern would otherwise take for a setting ({@code offsetkit.yaml}). */
    private static final Pattern FILE_NAME =
            Pattern.compile(".*\\.(yaml|yml|json|jar|md|xml|html|properties|txt|log)$");

    private NamesInMarkdown() {}

    /**
     * Every name of a README, fenced blocks included except those whose id is in {@code leftOut} (a
     * block that shows a mistyped name on purpose, and whose own check compares it with what the
     * code answers).
     */
    public static List<Name> in(MarkdownFile file, Set<String> leftOut) {
        Set<Integer> skipped = new java.util.HashSet<>();
        for (FencedBlock block : file.blocks()) {
            if (block.id() != null && leftOut.contains(block.id())) {
                for (int line = block.line();
                        line <= block.line() + block.lines().size() + 1;
                        line++) {
                    skipped.add(line);
                }
            }
        }
        List<Name> names = new ArrayList<>();
        List<String> lines = file.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (skipped.contains(i + 1)) {
                continue;
            }
            for (Kind kind : Kind.values()) {
                Matcher matcher = kind.pattern.matcher(lines.get(i));
                while (matcher.find()) {
                    String text = matcher.group();
                    if (kind == Kind.SETTING && FILE_NAME.matcher(text).matches()) {
                        continue;
                    }
                    names.add(new Name(kind, text, file.name() + ":" + (i + 1)));
                }
            }
        }
        return names;
    }

    /** The names of {@code file} that {@code known} does not accept, for a message: empty when all are known. */
    public static List<Name> unknown(MarkdownFile file, Set<String> leftOut, Predicate<Name> known) {
        return in(file, leftOut).stream().filter(known.negate()).toList();
    }
}
