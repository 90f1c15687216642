package io.offsetkit.server.route;

import java.util.ArrayList;
import java.util.List;

/**
 * A path template as OpenAPI writes one, such as {@code /v2/{engine}/{project_id}/instances}: literal
 * segments and whole-segment variables in braces.
 *
 * @param text the template as written
 * @param segments the segments between the slashes, in order
 */
record PathTemplate(String text, List<Segment> segments) {

    /** One segment: a literal to equal, or a variable to capture. */
    record Segment(String literal, String variable) {

        boolean isVariable() {
            return variable != null;
        }
    }

    /**
     * Parses a template.
     *
     * @throws IllegalArgumentException when it does not start with {@code /}, has an empty segment
     *     other than the last (a trailing slash), or a brace that does not enclose a whole segment
     */
    static PathTemplate parse(String text) {
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("a path template starts with '/': " + text);
        }
        List<Segment> segments = new ArrayList<>();
        String[] parts = text.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() && i < parts.length - 1) {
                throw new IllegalArgumentException("a path template has no empty segment but a last one: " + text);
            }
            if (part.startsWith("{") && part.endsWith("}") && part.length() > 2) {
                segments.add(new Segment(null, part.substring(1, part.length() - 1)));
            } else if (part.contains("{") || part.contains("}")) {
                throw new IllegalArgumentException("a variable takes a whole segment: " + text);
            } else {
                segments.add(new Segment(part, null));
            }
        }
        return new PathTemplate(text, List.copyOf(segments));
    }

    /** How many segments are literals: the more, the more specific the template. */
    int literalCount() {
        int count = 0;
        for (Segment segment : segments) {
            if (!segment.isVariable()) {
                count++;
            }
        }
        return count;
    }
}
