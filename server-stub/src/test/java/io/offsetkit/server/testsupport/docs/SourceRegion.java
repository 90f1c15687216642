package io.offsetkit.server.testsupport.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The lines of a test's source between {@code // ID:begin} and {@code // ID:end}: the code a README's
 * snippet is, compiled and run by the build. Compared without indentation, which differs between a
 * method body and a README.
 */
public final class SourceRegion {

    private SourceRegion() {}

    /** The lines strictly between the markers {@code id}, each stripped. */
    public static List<String> of(Path source, String id) {
        List<String> lines;
        try {
            lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        int from = lines.stream().map(String::strip).toList().indexOf("// " + id + ":begin");
        int to = lines.stream().map(String::strip).toList().indexOf("// " + id + ":end");
        if (from < 0 || to < from) {
            throw new AssertionError(source + " has no lines between // " + id + ":begin and // " + id + ":end");
        }
        return stripped(lines.subList(from + 1, to));
    }

    /** The lines, each stripped. */
    public static List<String> stripped(List<String> lines) {
        return lines.stream().map(String::strip).toList();
    }
}
