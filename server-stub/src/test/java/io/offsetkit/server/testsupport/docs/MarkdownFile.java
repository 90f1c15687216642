package io.offsetkit.server.testsupport.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A README as its checks read it: its fenced blocks, each with the id of the markers around it
 * ({@code <!-- ID:begin -->} on the line before the opening fence, {@code <!-- ID:end -->} on the line
 * after the closing one), its inline code, its links and the anchors of its headings (as GitHub makes
 * them). JDK only, so that every module's tests may use it.
 */
public final class MarkdownFile {

    private static final Pattern BEGIN = Pattern.compile("<!-- ([A-Za-z0-9_.-]+):begin -->");
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");

    private final String name;
    private final List<String> lines;

    private MarkdownFile(String name, List<String> lines) {
        this.name = name;
        this.lines = List.copyOf(lines);
    }

    /** Reads a file; its name in messages is {@code name}, such as its path from the top of the repository. */
    public static MarkdownFile read(Path path, String name) {
        try {
            return new MarkdownFile(name, Files.readAllLines(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** A text that is no file, such as a test's sample. */
    public static MarkdownFile of(String name, String text) {
        return new MarkdownFile(name, text.lines().toList());
    }

    /** The name messages give the file. */
    public String name() {
        return name;
    }

    /** Every line, as in the file. */
    public List<String> lines() {
        return lines;
    }

    /** Every fenced block, in order, marked or not. */
    public List<FencedBlock> blocks() {
        List<FencedBlock> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String opening = lines.get(i);
            if (!isFence(opening)) {
                i++;
                continue;
            }
            String fence = opening.strip().startsWith("~~~") ? "~~~" : "```";
            int close = i + 1;
            while (close < lines.size() && !lines.get(close).strip().equals(fence)) {
                close++;
            }
            if (close == lines.size()) {
                throw new IllegalStateException(name + ":" + (i + 1) + ": a fenced block that is never closed");
            }
            blocks.add(new FencedBlock(
                    markerId(i, close),
                    opening.strip().substring(3).strip(),
                    lines.subList(i + 1, close),
                    name,
                    i + 1));
            i = close + 1;
        }
        return blocks;
    }

    /** The block between the markers {@code id}; fails unless there is exactly one. */
    public FencedBlock block(String id) {
        List<FencedBlock> found =
                blocks().stream().filter(block -> id.equals(block.id())).toList();
        if (found.size() != 1) {
            throw new AssertionError(name + " has " + found.size() + " blocks marked " + id + ", not one");
        }
        return found.get(0);
    }

    /** The lines outside fenced blocks, joined paragraph by paragraph (a code span may break a line). */
    public List<String> paragraphs() {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inBlock = false;
        for (String line : lines) {
            if (isFence(line)) {
                inBlock = !inBlock;
                flush(current, paragraphs);
                continue;
            }
            if (inBlock) {
                continue;
            }
            if (line.isBlank()) {
                flush(current, paragraphs);
            } else {
                current.append(current.isEmpty() ? "" : " ").append(line.strip());
            }
        }
        flush(current, paragraphs);
        return paragraphs;
    }

    /** The code spans outside fenced blocks. */
    public List<String> inlineCode() {
        List<String> spans = new ArrayList<>();
        for (String paragraph : paragraphs()) {
            Matcher matcher = INLINE_CODE.matcher(paragraph);
            while (matcher.find()) {
                spans.add(matcher.group(1));
            }
        }
        return spans;
    }

    /** The targets of the links outside code, as written ({@code ../api/README.md#the-contract}). */
    public List<String> linkTargets() {
        List<String> targets = new ArrayList<>();
        for (String paragraph : paragraphs()) {
            Matcher matcher = LINK.matcher(INLINE_CODE.matcher(paragraph).replaceAll("code"));
            while (matcher.find()) {
                targets.add(matcher.group(2));
            }
        }
        return targets;
    }

    /** The anchors of the headings, as GitHub makes them: {@code ## The request path} is {@code the-request-path}. */
    public Set<String> anchors() {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inBlock = false;
        for (String line : lines) {
            if (isFence(line)) {
                inBlock = !inBlock;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (inBlock || !heading.matches()) {
                continue;
            }
            String slug = slug(heading.group(2));
            int count = seen.merge(slug, 1, Integer::sum);
            anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
        return anchors;
    }

    /** GitHub's anchor for a heading's text: links and code marks dropped, lower case, punctuation out, spaces as dashes. */
    static String slug(String heading) {
        String text = LINK.matcher(heading).replaceAll("$1").replace("`", "");
        StringBuilder slug = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.append(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        }
        return slug.toString();
    }

    private String markerId(int opening, int closing) {
        if (opening == 0 || closing + 1 >= lines.size()) {
            return null;
        }
        Matcher begin = BEGIN.matcher(lines.get(opening - 1).strip());
        if (!begin.matches()) {
            return null;
        }
        String id = begin.group(1);
        return lines.get(closing + 1).strip().equals("<!-- " + id + ":end -->") ? id : null;
    }

    private static boolean isFence(String line) {
        String stripped = line.strip();
        return stripped.startsWith("```") || stripped.startsWith("~~~");
    }

    private static void flush(StringBuilder current, List<String> into) {
        if (!current.isEmpty()) {
            into.add(current.toString());
            current.setLength(0);
        }
    }
}
