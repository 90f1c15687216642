package io.offsetkit.api.compat;

import static io.offsetkit.api.compat.CompatibilityGateTest.REQUEST;
import static io.offsetkit.api.compat.CompatibilityGateTest.gate;
import static io.offsetkit.api.compat.CompatibilityGateTest.object;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown report: verdict, every change with its pointer, table cells that stay cells. */
class DiffReportTest {

    @Test
    void compatibleChangesAreListedWithPointers() {
        // GIVEN an optional request field and a pattern containing pipes in its description
        GateResult result = gate(tree -> {
            object(tree, REQUEST + "/properties").putObject("dry_run").put("type", "boolean");
            object(tree, REQUEST).put("description", "What to reset | and when.");
            object(tree, "/info").put("version", "1.1.0");
        });

        // WHEN
        String markdown = DiffReport.markdown(result);

        // THEN
        assertThat(markdown)
                .startsWith("# Contract diff: 1.0.0 (baseline) → 1.1.0 (new)")
                .contains("**Verdict: compatible: existing clients and servers keep working**")
                .contains("## Breaking changes (0)\n\nNone.")
                .contains("## Compatible changes (2)")
                .contains("| 1 | new optional field `dry_run` in the request body | `" + REQUEST
                        + "/properties/dry_run` | resetConsumeOffset, resetConsumeOffsetForRocketMq | openapi-diff |")
                .doesNotContain("info.version is still");
    }

    @Test
    void breakingChangesAreListedAndPipesEscaped() {
        // GIVEN the string timestamp's pattern, which contains a pipe, narrowed
        GateResult result = gate(tree ->
                object(tree, CompatibilityGateTest.TIMESTAMP + "/oneOf/1").put("pattern", "^(-1|[0-9]{1,13})$"));

        // WHEN
        String markdown = DiffReport.markdown(result);

        // THEN the cell keeps its pipe escaped, and the version note asks for a raise
        assertThat(markdown)
                .contains("**Verdict: breaking: existing clients or servers would fail**")
                .contains("## Breaking changes (1)")
                .contains("`^(-1\\|[0-9]{1,19})$` to `^(-1\\|[0-9]{1,13})$`")
                .contains("`/components/schemas/ResetTimestamp/oneOf/1/pattern`")
                .contains("info.version is still 1.0.0");
    }

    @Test
    void changeOfTheWholeDocumentIsWordedAsItsSummaryWordsIt() {
        // GIVEN a breaking change located at the empty pointer, as the gate's safety net reports it
        ContractChange whole = new ContractChange(
                ContractChange.Severity.BREAKING,
                "openapi-diff rates the change incompatible",
                "",
                ContractChange.Side.CURRENT,
                CompatibilityGate.SAFETY_NET,
                List.of());
        GateResult.Identity identity = new GateResult.Identity("openapi.yaml", "1.0.0", "0123456789abcdef");
        GateResult result = new GateResult(identity, identity, List.of(whole), List.of(), List.of());

        // WHEN
        String markdown = DiffReport.markdown(result);

        // THEN its location is "" (the whole document), as where() says it, not "/" (a member named "")
        assertThat(whole.where()).isEqualTo("\"\" (the whole document)");
        assertThat(markdown)
                .contains("| 1 | openapi-diff rates the change incompatible | `\"\"` (the whole document) |  | "
                        + CompatibilityGate.SAFETY_NET + " |")
                .doesNotContain("`/`");
    }

    @Test
    void unchangedDocumentSaysSo() {
        String markdown = DiffReport.markdown(gate(tree -> {}));

        assertThat(markdown)
                .contains("**Verdict: unchanged**")
                .contains("## Breaking changes (0)\n\nNone.")
                .contains("## Compatible changes (0)\n\nNone.");
    }
}
