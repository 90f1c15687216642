package io.offsetkit.api.compat;

import java.util.List;

/**
 * One difference between the baseline and the current contract, in plain words, located by a JSON
 * pointer (RFC 6901) into one of the two documents.
 *
 * @param severity whether the change breaks clients or servers written against the baseline
 * @param summary what changed, in plain words, naming the field, parameter, status or operation
 * @param pointer where it is: into the current document, or into the baseline for what was removed
 * @param side which document {@code pointer} points into
 * @param foundBy {@code openapi-diff} or the name of our own check that found or rated it
 * @param seenIn the operations (operationId, else method and path) the change reaches, if any
 */
public record ContractChange(
        Severity severity, String summary, String pointer, Side side, String foundBy, List<String> seenIn) {

    /** Who the change breaks, if anyone. */
    public enum Severity {
        /** Existing clients or servers written against the baseline may fail. */
        BREAKING,
        /** Existing clients and servers keep working. */
        COMPATIBLE
    }

    /** The document a pointer points into. */
    public enum Side {
        /** The document being checked. */
        CURRENT,
        /** The released baseline: used for what no longer exists in the current document. */
        BASELINE
    }

    /** What follows the empty pointer {@code ""} wherever it is shown: it is easy to miss alone. */
    static final String WHOLE_DOCUMENT = "(the whole document)";

    public ContractChange {
        seenIn = List.copyOf(seenIn);
    }

    /** {@code pointer}, marked "(in the baseline)" when it points into the baseline. */
    public String where() {
        String shown = pointer.isEmpty() ? "\"\" " + WHOLE_DOCUMENT : pointer;
        return side == Side.BASELINE ? shown + " (in the baseline)" : shown;
    }
}
