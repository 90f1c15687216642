package io.offsetkit.server.testsupport.docs;

import java.util.List;

/**
 * One fenced block of a README.
 *
 * @param id the id of the markers around it, or null when it has none
 * @param info what follows the opening fence ({@code bash}, {@code java}, or nothing)
 * @param lines the lines between the fences
 * @param file the README's name, for messages
 * @param line the line of the opening fence, from 1
 */
public record FencedBlock(String id, String info, List<String> lines, String file, int line) {

    public FencedBlock {
        lines = List.copyOf(lines);
    }

    /** The block's text, a line feed after each line. */
    public String text() {
        return String.join("\n", lines) + "\n";
    }

    /** Where the block is, for messages: {@code server-stub/README.md:42 (admin-api-calls)}. */
    public String where() {
        return file + ":" + line + (id == null ? "" : " (" + id + ")");
    }
}
