package io.offsetkit.api.compat;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code MAJOR.MINOR.PATCH} version, as {@code info.version} of the contract carries it.
 *
 * <p>Pre-release and build suffixes ({@code 2.0.0-rc.1}, {@code +build}) are accepted and ignored
 * for ordering: the gate only needs to know whether the major version was raised and whether the
 * version went backwards.
 */
public record SemanticVersion(int major, int minor, int patch) implements Comparable<SemanticVersion> {

    private static final Pattern FORM = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)([-+].*)?");
    private static final Comparator<SemanticVersion> ORDER = Comparator.comparingInt(SemanticVersion::major)
            .thenComparingInt(SemanticVersion::minor)
            .thenComparingInt(SemanticVersion::patch);

    /**
     * Reads a version.
     *
     * @throws IllegalArgumentException when the text is not {@code MAJOR.MINOR.PATCH}, or a number
     *     in it is above {@value Integer#MAX_VALUE}
     */
    public static SemanticVersion parse(String text) {
        Matcher matcher = FORM.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a semantic version MAJOR.MINOR.PATCH (for example 1.2.0)");
        }
        try {
            return new SemanticVersion(
                    Integer.parseInt(matcher.group(1)),
                    Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)));
        } catch (NumberFormatException tooLarge) {
            // The form matched, so only the size can be wrong; the parser's own words would not say so.
            throw new IllegalArgumentException("'" + text + "' is a version number too large: MAJOR, MINOR and"
                    + " PATCH are each at most " + Integer.MAX_VALUE);
        }
    }

    /** The next major version: {@code 1.4.2} gives {@code 2.0.0}. */
    public SemanticVersion nextMajor() {
        return new SemanticVersion(major + 1, 0, 0);
    }

    @Override
    public int compareTo(SemanticVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
