package io.offsetkit.api.compat;

import io.offsetkit.api.compat.ContractChange.Severity;
import java.util.List;

/**
 * What the gate found: every change between the baseline and the current contract, and whether
 * the current contract may be released.
 *
 * <p>Two outcomes are kept apart. When the documents could not be compared at all (one is not
 * OpenAPI, or openapi-diff failed on them), {@link #compared()} is false: the result says nothing
 * about compatibility, and callers report that the gate cannot run. Otherwise it passes when there
 * is no problem (both versions readable, the version not lowered) and either no change breaks
 * anything or the major version was raised.
 *
 * @param baseline the released document compared against
 * @param current the document checked
 * @param changes every change, breaking and compatible, in the order found; empty when not compared
 * @param problems what stops the release regardless of the changes
 * @param notCompared why the documents could not be compared; empty when they were
 */
public record GateResult(
        Identity baseline,
        Identity current,
        List<ContractChange> changes,
        List<String> problems,
        List<String> notCompared) {

    /** Which document: its name, its {@code info.version} and the SHA-256 of its bytes. */
    public record Identity(String name, String version, String sha256) {

        static Identity of(ContractDocument document) {
            return new Identity(document.name(), document.version(), document.sha256());
        }
    }

    public GateResult {
        changes = List.copyOf(changes);
        problems = List.copyOf(problems);
        notCompared = List.copyOf(notCompared);
    }

    /** True when the documents were compared; false when one could not be read or the comparison failed. */
    public boolean compared() {
        return notCompared.isEmpty();
    }

    /** Why the documents could not be compared, on one line; empty when they were. */
    public String whyNotCompared() {
        return String.join("; ", notCompared).replaceAll("\\R+", " ");
    }

    /** The changes that break existing clients or servers. */
    public List<ContractChange> breaking() {
        return changes.stream().filter(c -> c.severity() == Severity.BREAKING).toList();
    }

    /** The changes that existing clients and servers survive. */
    public List<ContractChange> compatible() {
        return changes.stream().filter(c -> c.severity() == Severity.COMPATIBLE).toList();
    }

    /** True when the current major version is above the baseline's: breaking changes are allowed. */
    public boolean majorRaised() {
        try {
            return SemanticVersion.parse(current.version()).major()
                    > SemanticVersion.parse(baseline.version()).major();
        } catch (IllegalArgumentException notSemantic) {
            return false; // reported as a problem by the gate
        }
    }

    /** True when the documents were compared and the current contract may be released. */
    public boolean passes() {
        return compared() && problems.isEmpty() && (breaking().isEmpty() || majorRaised());
    }

    /** One line for the build log. */
    public String summary() {
        if (!compared()) {
            return "Contract compatibility gate cannot run: " + whyNotCompared();
        }
        String verdict = passes() ? (breaking().isEmpty() ? "passed" : "passed (major version raised)") : "FAILED";
        return "Contract compatibility gate " + verdict + ": " + current.name() + " " + current.version()
                + " against baseline " + baseline.name() + " " + baseline.version() + ": "
                + breaking().size()
                + " breaking, " + compatible().size()
                + (compatible().size() == 1 ? " compatible change" : " compatible changes");
    }

    /**
     * Why the gate fails, for a person: each breaking change in plain words with its JSON pointer,
     * then what to do; when the documents were not compared, why, on one line. Empty when the gate
     * passes.
     */
    public String failureMessage() {
        if (passes()) {
            return "";
        }
        if (!compared()) {
            return summary();
        }
        StringBuilder out = new StringBuilder("Contract compatibility gate FAILED: ")
                .append(current.name())
                .append(" (info.version ")
                .append(current.version())
                .append(")");
        if (!problems.isEmpty()) {
            out.append(" cannot be released:");
            problems.forEach(problem -> out.append("\n  - ").append(problem));
            return out.toString();
        }
        List<ContractChange> breaking = breaking();
        out.append(" breaks clients or servers written against the released baseline ")
                .append(baseline.name())
                .append(" (info.version ")
                .append(baseline.version())
                .append("): ")
                .append(breaking.size())
                .append(breaking.size() == 1 ? " breaking change" : " breaking changes");
        for (int i = 0; i < breaking.size(); i++) {
            ContractChange change = breaking.get(i);
            out.append("\n  ").append(i + 1).append(". ").append(change.summary());
            out.append("\n     at ").append(change.where());
            out.append("\n     ");
            if (!change.seenIn().isEmpty()) {
                out.append("seen in ")
                        .append(String.join(", ", change.seenIn()))
                        .append("; ");
            }
            out.append("found by ").append(change.foundBy());
        }
        out.append("\nUndo the change, or, to release the break on purpose, raise the major version: info.version ")
                .append(nextMajor())
                .append(".");
        return out.toString();
    }

    private String nextMajor() {
        try {
            return SemanticVersion.parse(baseline.version()).nextMajor().toString();
        } catch (IllegalArgumentException notSemantic) {
            return "MAJOR+1.0.0";
        }
    }
}
