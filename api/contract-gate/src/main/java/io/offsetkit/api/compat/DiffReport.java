package io.offsetkit.api.compat;

import java.util.List;

/**
 * The gate's result as Markdown, for CI job summaries and release notes: the verdict, then every
 * breaking and every compatible change, each with its JSON pointer. It speaks of the two documents,
 * the baseline and the new one, never of a build: the command line prints it too.
 */
public final class DiffReport {

    private DiffReport() {}

    /** The whole report. */
    public static String markdown(GateResult result) {
        StringBuilder out = new StringBuilder();
        out.append("# Contract diff: ")
                .append(result.baseline().version())
                .append(" (baseline) → ")
                .append(result.current().version())
                .append(" (new)\n\n");
        out.append("| | document | info.version | SHA-256 |\n| --- | --- | --- | --- |\n");
        out.append(identityRow("baseline", result.baseline()));
        out.append(identityRow("new", result.current()));
        out.append("\n**Verdict: ").append(verdict(result)).append("**\n");
        if (!result.compared()) {
            out.append("\n## Not compared\n\n");
            result.notCompared()
                    .forEach(reason -> out.append("- ").append(reason).append('\n'));
        }
        if (!result.problems().isEmpty()) {
            out.append("\n## Problems\n\n");
            result.problems()
                    .forEach(problem -> out.append("- ").append(problem).append('\n'));
        }
        section(out, "Breaking changes", result.breaking());
        section(out, "Compatible changes", result.compatible());
        if (!result.changes().isEmpty()
                && result.current().version().equals(result.baseline().version())) {
            out.append("\n> The document differs from its released baseline but info.version is still ")
                    .append(result.current().version())
                    .append(". Before releasing, raise it: the minor version for additions, the patch version for"
                            + " wording only, the major version for breaking changes.\n");
        }
        return out.toString();
    }

    private static String verdict(GateResult result) {
        if (!result.compared()) {
            return "not compared: the gate cannot run (see Not compared)";
        }
        if (!result.problems().isEmpty()) {
            return "cannot be released (see Problems)";
        }
        if (result.breaking().isEmpty()) {
            return result.changes().isEmpty() ? "unchanged" : "compatible: existing clients and servers keep working";
        }
        return result.majorRaised()
                ? "breaking, accepted: the major version was raised"
                : "breaking: existing clients or servers would fail";
    }

    private static String identityRow(String role, GateResult.Identity identity) {
        return "| " + role + " | `" + cell(identity.name()) + "` | " + cell(identity.version()) + " | `"
                + identity.sha256().substring(0, 12) + "…` |\n";
    }

    private static void section(StringBuilder out, String title, List<ContractChange> changes) {
        out.append("\n## ").append(title).append(" (").append(changes.size()).append(")\n\n");
        if (changes.isEmpty()) {
            out.append("None.\n");
            return;
        }
        out.append("| # | change | where (JSON pointer) | operations | found by |\n");
        out.append("| --- | --- | --- | --- | --- |\n");
        for (int i = 0; i < changes.size(); i++) {
            ContractChange change = changes.get(i);
            out.append("| ")
                    .append(i + 1)
                    .append(" | ")
                    .append(cell(change.summary()))
                    .append(" | ")
                    .append(pointer(change))
                    .append(change.side() == ContractChange.Side.BASELINE ? " (in the baseline)" : "")
                    .append(" | ")
                    .append(cell(String.join(", ", change.seenIn())))
                    .append(" | ")
                    .append(cell(change.foundBy()))
                    .append(" |\n");
        }
    }

    /**
     * The pointer as code; the empty one, the whole document, worded as {@link ContractChange#where()}
     * words it ({@code /} would point at a member named "").
     */
    private static String pointer(ContractChange change) {
        return change.pointer().isEmpty()
                ? "`\"\"` " + ContractChange.WHOLE_DOCUMENT
                : "`" + cell(change.pointer()) + "`";
    }

    /** A table cell: pipes escaped (our patterns contain them), line breaks flattened. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
