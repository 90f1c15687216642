package io.offsetkit.server.testsupport.docs;

import java.util.List;

/**
 * Output as a README shows it: the lines as printed, where a line {@code ...} stands for lines left
 * out. The README's lines must come in the output in that order, those between two {@code ...}
 * one after the other.
 */
public final class ElidedText {

    /** The line that stands for lines left out. */
    public static final String ELLIPSIS = "...";

    private ElidedText() {}

    /**
     * Fails, saying which line is missing, unless {@code output} shows {@code shown} (trailing spaces
     * aside); {@code shown} starts where {@code output} starts unless its first line is {@code ...}.
     */
    public static void assertShows(List<String> shown, List<String> output, String what) {
        int at = 0;
        boolean anywhere = false;
        for (int i = 0; i < shown.size(); i++) {
            String line = shown.get(i).stripTrailing();
            if (line.strip().equals(ELLIPSIS)) {
                anywhere = true;
                continue;
            }
            int found = -1;
            for (int j = at; j < output.size(); j++) {
                if (output.get(j).stripTrailing().equals(line)) {
                    found = j;
                    break;
                }
                if (!anywhere) {
                    break;
                }
            }
            if (found < 0) {
                throw new AssertionError(what + ": line " + (i + 1)
                        + " of the README's block is not what the code prints"
                        + (anywhere ? " (after line " + at + ")" : " at line " + (at + 1)) + ":\n  README: " + line
                        + "\nprinted:\n  " + String.join("\n  ", output));
            }
            at = found + 1;
            anywhere = false;
        }
    }
}
