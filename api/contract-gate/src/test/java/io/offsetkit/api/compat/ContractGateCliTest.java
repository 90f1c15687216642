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

/**
 * The command line {@code OLD NEW}: exit status, the Markdown report alone on standard output, the
 * verdict or the reason on standard error.
 */
class ContractGateCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void breakingCopyExitsOneWithTheReportOnStdoutAndTheChangeOnStderr() throws IOException {
        // GIVEN a copy of the contract whose queue_id became a string
        ObjectNode tree = (ObjectNode) BASELINE.tree().deepCopy();
        ((ObjectNode) tree.at(QUEUE + "/properties/queue_id"))
                .put("type", "string")
                .remove("format");
        Path copy = Files.write(dir.resolve("openapi.yaml"), JsonMapper.shared().writeValueAsBytes(tree));

        // WHEN the gate runs on it against the released baseline
        int status = run(RepositoryContract.RELEASED_1_0_0.toString(), copy.toString());

        // THEN it exits 1; the report on stdout lists the change; stderr says what changed and where
        assertThat(status).isEqualTo(ContractGateCli.BREAKING).isEqualTo(1);
        assertThat(stdout())
                .startsWith("# Contract diff: 1.0.0 (baseline) → 1.0.0 (new)")
                .contains("**Verdict: breaking: existing clients or servers would fail**")
                .contains("## Breaking changes (1)")
                .contains("`" + QUEUE + "/properties/queue_id`")
                .doesNotContain("Contract compatibility gate FAILED");
        assertThat(stderr())
                .contains("Contract compatibility gate FAILED")
                .contains("field `queues[].queue_id` in the 200 response: type changed from integer (int32) to string")
                .contains("at " + QUEUE + "/properties/queue_id");
    }

    @Test
    void unchangedContractExitsZero() throws IOException {
        // GIVEN a baseline directory holding the first release, and that release as the document to check
        Path baselines = Files.createDirectory(dir.resolve("contract-baseline"));
        Files.copy(RepositoryContract.RELEASED_1_0_0, baselines.resolve("openapi-1.0.0.yaml"));

        // WHEN the gate runs on them, the baseline given as the directory (its newest is taken)
        int status = run(baselines.toString(), RepositoryContract.RELEASED_1_0_0.toString());

        // THEN it passes, the report on stdout and the one-line verdict on stderr
        assertThat(status).as(stderr()).isEqualTo(ContractGateCli.COMPATIBLE).isZero();
        assertThat(stdout()).startsWith("# Contract diff: ").contains("**Verdict: unchanged**");
        assertThat(stderr())
                .isEqualTo("Contract compatibility gate passed: openapi-1.0.0.yaml 1.0.0 against baseline"
                        + " openapi-1.0.0.yaml 1.0.0: 0 breaking, 0 compatible changes\n");
    }

    @Test
    void unknownOptionExitsTwo() {
        // GIVEN / WHEN the second document is missing from the command line
        assertThat(run(RepositoryContract.RELEASED_1_0_0.toString())).isEqualTo(2);
        // THEN one line names what is missing
        assertThat(stderr())
                .isEqualTo("offsetkit-contract-gate cannot run: Missing required parameter: 'NEW'"
                        + " (usage: offsetkit-contract-gate OLD NEW; --help for more)\n");

        err.reset();
        assertThat(run("--base", "a.yaml", "b.yaml")).isEqualTo(2);
        assertThat(stderr()).startsWith("offsetkit-contract-gate cannot run: Unknown option: '--base'");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void emptyBaselineDirectoryExitsTwo() {
        assertThat(run(dir.toString(), RepositoryContract.RELEASED_1_0_0.toString()))
                .isEqualTo(2);
        assertThat(stderr())
                .isEqualTo("offsetkit-contract-gate cannot run: The baseline directory " + dir
                        + " holds no openapi-MAJOR.MINOR.PATCH.yaml\n");
    }

    @Test
    void missingNewDocumentExitsTwoNamingIt() {
        // GIVEN a NEW path where there is no file
        Path missing = dir.resolve("no-such-openapi.yaml");

        // WHEN
        int status = run(RepositoryContract.RELEASED_1_0_0.toString(), missing.toString());

        // THEN exit 2, one line naming the file, and no report
        assertThat(status).isEqualTo(ContractGateCli.CANNOT_RUN);
        assertThat(stderr())
                .isEqualTo(
                        "offsetkit-contract-gate cannot run: the document to check: " + missing + " does not exist\n");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void missingBaselineExitsTwoNamingIt() {
        Path missing = dir.resolve("openapi-9.9.9.yaml");

        assertThat(run(missing.toString(), RepositoryContract.RELEASED_1_0_0.toString()))
                .isEqualTo(2);
        assertThat(stderr())
                .isEqualTo("offsetkit-contract-gate cannot run: The baseline " + missing + " does not exist\n");
    }

    @Test
    void documentThatIsNotYamlExitsTwo() throws IOException {
        // GIVEN a NEW file that is neither YAML nor JSON
        Path garbled = Files.writeString(dir.resolve("openapi.yaml"), "openapi: [3.0.3\n  info: {");

        // WHEN / THEN
        assertThat(run(RepositoryContract.RELEASED_1_0_0.toString(), garbled.toString()))
                .isEqualTo(2);
        assertThat(stderr())
                .startsWith(
                        "offsetkit-contract-gate cannot run: the document to check: openapi.yaml is not YAML or JSON: ");
    }

    @Test
    void yamlThatIsNotOpenApiExitsTwoNotOne() throws IOException {
        // GIVEN a NEW file that is YAML but not OpenAPI
        Path notOpenApi = Files.writeString(dir.resolve("openapi.yaml"), "foo: bar\n");

        // WHEN the gate runs on it
        int status = run(RepositoryContract.RELEASED_1_0_0.toString(), notOpenApi.toString());

        // THEN it cannot run (2), not "breaking" (1): one line says why, and there is no report
        assertThat(status).isEqualTo(ContractGateCli.CANNOT_RUN);
        assertThat(stderr())
                .startsWith("offsetkit-contract-gate cannot run: openapi.yaml cannot be read as OpenAPI: ")
                .contains("openapi is missing")
                .endsWith("\n")
                .hasLineCount(1);
        assertThat(stdout()).isEmpty();
    }

    @Test
    void malformedComponentsBesideAnInlineOneOfExitTwoOnOneLine() throws IOException {
        // GIVEN a NEW document whose components is a number while an inline oneOf needs a place to be named
        Path malformed = Files.writeString(dir.resolve("openapi.yaml"), """
                openapi: 3.0.3
                info: {title: malformed, version: 1.0.0}
                paths: {}
                components: 5
                x-value:
                  schema:
                    oneOf:
                      - type: string
                      - type: integer
                """);

        // WHEN the gate runs on it
        int status = run(RepositoryContract.RELEASED_1_0_0.toString(), malformed.toString());

        // THEN exit 2 with one line naming the document and what is wrong, and no stack trace
        assertThat(status).isEqualTo(ContractGateCli.CANNOT_RUN);
        assertThat(stderr())
                .isEqualTo("offsetkit-contract-gate cannot run: openapi.yaml cannot be read as OpenAPI:"
                        + " /components is number, not an object\n")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void helpNamesTheArgumentsAndTheExitStatuses() {
        assertThat(run("--help")).isZero();

        assertThat(stdout())
                .startsWith("Usage: java -jar offsetkit-contract-gate.jar [-hV] OLD NEW")
                .contains("OLD ")
                .contains("NEW ")
                .contains("Exit status:")
                .containsPattern("\\s0\\s+compatible")
                .containsPattern("\\s1\\s+breaking")
                .containsPattern("\\s2\\s+cannot run");
    }

    @Test
    void versionNamesTheGateAndOpenapiDiff() {
        assertThat(run("--version")).isZero();

        // The build filters the versions in: an unfiltered "${...}" would fail here.
        assertThat(stdout())
                .containsPattern("^offsetkit-contract-gate \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n")
                .containsPattern("\nopenapi-diff \\d+\\.\\d+\\.\\d+\n")
                .contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void documentsGivenTheWrongWayRoundFailNamingTheLikelySwap() throws IOException {
        // GIVEN a newer release of the contract (1.1.0) beside the released 1.0.0
        ObjectNode tree = (ObjectNode) BASELINE.tree().deepCopy();
        ((ObjectNode) tree.get("info")).put("version", "1.1.0");
        Path newer = Files.write(
                dir.resolve("openapi-1.1.0.yaml"), JsonMapper.shared().writeValueAsBytes(tree));

        // WHEN the gate is given the newer one first, as the baseline, and the released one as NEW
        int status = run(newer.toString(), RepositoryContract.RELEASED_1_0_0.toString());

        // THEN it does not pass, and says the two files were likely swapped, naming which comes first
        assertThat(status).isEqualTo(ContractGateCli.BREAKING);
        assertThat(stderr())
                .contains("info.version 1.0.0 of openapi-1.0.0.yaml is lower than the baseline's 1.1.0")
                .contains("Were the two documents given the wrong way round? The baseline (the released document,"
                        + " OLD) comes first, the new document (NEW) second");
    }

    @Test
    void aBaselineDirectoryGivenSecondIsToldToGoFirst() throws IOException {
        // GIVEN a baseline directory, given as NEW after the document
        Path baselines = Files.createDirectory(dir.resolve("contract-baseline"));
        Files.copy(RepositoryContract.RELEASED_1_0_0, baselines.resolve("openapi-1.0.0.yaml"));

        // WHEN the gate runs
        int status = run(RepositoryContract.RELEASED_1_0_0.toString(), baselines.toString());

        // THEN it cannot run, and says which argument goes first
        assertThat(status).isEqualTo(ContractGateCli.CANNOT_RUN);
        assertThat(stderr())
                .contains("is a directory, not an OpenAPI document (a directory of baselines goes first,"
                        + " as OLD; the document to check second, as NEW)");
    }

    @Test
    void swaggerTwoIsNamedAsSuchAndExitsTwo() throws IOException {
        // GIVEN a Swagger 2.0 document as the document to check
        Path swagger = Files.writeString(
                dir.resolve("swagger.yaml"),
                "swagger: \"2.0\"\ninfo:\n  title: t\n  version: 1.0.0\npaths: {}\n",
                StandardCharsets.UTF_8);

        // WHEN the gate runs on it
        int status = run(RepositoryContract.RELEASED_1_0_0.toString(), swagger.toString());

        // THEN it cannot run, and says why in the words a user searches for
        assertThat(status).isEqualTo(ContractGateCli.CANNOT_RUN);
        assertThat(stderr())
                .startsWith("offsetkit-contract-gate cannot run: the document to check: swagger.yaml is Swagger 2.0")
                .contains("Swagger 2.0 is not supported; convert it to OpenAPI 3")
                .doesNotContain("attribute openapi is missing");
    }

    @Test
    void theOutputSpeaksOfTheDocumentsNotOfABuild() throws IOException {
        // GIVEN a breaking copy of the contract
        ObjectNode tree = (ObjectNode) BASELINE.tree().deepCopy();
        ((ObjectNode) tree.at(QUEUE + "/properties/queue_id"))
                .put("type", "string")
                .remove("format");
        Path copy = Files.write(dir.resolve("openapi.yaml"), JsonMapper.shared().writeValueAsBytes(tree));

        // WHEN the gate runs from the command line, where no build is running
        run(RepositoryContract.RELEASED_1_0_0.toString(), copy.toString());

        // THEN neither the report nor the verdict speaks of a build
        assertThat(stdout() + stderr()).doesNotContainIgnoringCase("build");
        assertThat(stdout()).contains("| new | `openapi.yaml` |");
    }

    private int run(String... args) {
        return ContractGateCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
