package io.offsetkit.api.compat;

import static io.offsetkit.api.compat.CompatibilityGateTest.BASELINE;
import static io.offsetkit.api.compat.CompatibilityGateTest.QUEUE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The command line the build and depending projects run: exit status, printed reasons, report file. */
class ContractGateCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void breakingCopyExitsOneNamingTheChangeAndWritesTheReport() throws IOException {
        // GIVEN a copy of the contract whose queue_id became a string
        ObjectNode tree = (ObjectNode) BASELINE.tree().deepCopy();
        ((ObjectNode) tree.at(QUEUE + "/properties/queue_id"))
                .put("type", "string")
                .remove("format");
        Path copy = Files.write(dir.resolve("openapi.yaml"), JsonMapper.shared().writeValueAsBytes(tree));
        Path report = dir.resolve("reports/contract-diff.md");

        // WHEN the gate runs on it against the released baseline
        int status = run(
                "--baseline",
                CompatibilityGateTest.RELEASED_1_0_0.toString(),
                "--current",
                copy.toString(),
                "--report",
                report.toString());

        // THEN it fails, says what changed and where, and still writes the report
        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Contract compatibility gate FAILED")
                .contains("field `queues[].queue_id` in the 200 response: type changed from integer (int32) to string")
                .contains("at " + QUEUE + "/properties/queue_id");
        assertThat(Files.readString(report)).contains("## Breaking changes (1)").contains("queue_id");
    }

    @Test
    void unchangedContractExitsZero() {
        // GIVEN the released baseline and the contract bundled in this module, not yet changed
        // WHEN the gate runs with the bundled contract as the current document (the default)
        int status = run("--baseline", "src/main/contract-baseline");

        // THEN it passes and says so in one line
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Contract compatibility gate passed");
    }

    @Test
    void unknownOptionExitsTwo() {
        assertThat(run("--baseline")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing value after --baseline");

        assertThat(run("--base", "x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option --base");
    }

    @Test
    void emptyBaselineDirectoryExitsTwo() {
        assertThat(run("--baseline", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("holds no openapi-MAJOR.MINOR.PATCH.yaml");
    }

    private int run(String... args) {
        return ContractGateCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
