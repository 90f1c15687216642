package io.offsetkit.api.compat.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.api.compat.ContractDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The goal as Maven runs it, its parameters set as Maven would set them, on the first released
 * contract and real changes of it: what passes, what fails the build and how, which document a left
 * out parameter stands for, and what a setup error says.
 */
class CheckMojoTest {

    static final Path RELEASED_1_0_0 = Path.of(
                    System.getProperty("offsetkit.contract.baselines", "../src/main/contract-baseline"))
            .resolve("openapi-1.0.0.yaml");
    private static final String QUEUE_ID = "/components/schemas/ResetConsumeOffsetRespQueues/properties/queue_id";
    private static final String QUEUE_ID_TO_STRING =
            "field `queues[].queue_id` in the 200 response: type changed from integer (int32) to string";

    @TempDir
    Path dir;

    private final CheckMojo mojo = new CheckMojo();

    @Test
    void unchangedContractPassesAndWritesTheReport() throws Exception {
        // GIVEN a baseline directory holding the first release, and that release as the document to check
        mojo.baseline = baselineDirectory().toFile();
        mojo.current = RELEASED_1_0_0.toFile();
        mojo.report = dir.resolve("target/contract-diff.md").toFile();

        // WHEN
        mojo.execute();

        // THEN the build goes on, and the report (its directory created) says so
        assertThat(Files.readString(mojo.report.toPath()))
                .startsWith("# Contract diff: 1.0.0 (baseline) → 1.0.0 (new)")
                .contains("**Verdict: unchanged**");
    }

    @Test
    void breakingChangeFailsTheBuildNamingItAndWritesTheReport() throws Exception {
        // GIVEN a document whose queue_id became a string
        mojo.baseline = RELEASED_1_0_0.toFile();
        mojo.current =
                write(dir.resolve("openapi.yaml"), queueIdAsString("1.0.0")).toFile();
        mojo.report = dir.resolve("contract-diff.md").toFile();

        // WHEN / THEN the build fails (a failure, not an error), saying what changed, where, and what to do
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Contract compatibility gate FAILED: openapi.yaml (info.version 1.0.0) breaks"
                        + " clients or servers written against the released baseline openapi-1.0.0.yaml")
                .hasMessageContaining("1. " + QUEUE_ID_TO_STRING)
                .hasMessageContaining("at " + QUEUE_ID)
                .hasMessageContaining("raise the major version: info.version 2.0.0")
                .hasMessageEndingWith("Report: " + mojo.report);
        assertThat(Files.readString(mojo.report.toPath()))
                .contains("## Breaking changes (1)")
                .contains("`" + QUEUE_ID + "`");
    }

    @Test
    void breakingChangeWithTheMajorVersionRaisedPassesAndIsReported() throws Exception {
        mojo.baseline = RELEASED_1_0_0.toFile();
        mojo.current =
                write(dir.resolve("openapi.yaml"), queueIdAsString("2.0.0")).toFile();
        mojo.report = dir.resolve("contract-diff.md").toFile();

        mojo.execute();

        assertThat(Files.readString(mojo.report.toPath()))
                .contains("**Verdict: breaking, accepted: the major version was raised**")
                .contains(QUEUE_ID_TO_STRING);
    }

    @Test
    void currentLeftOutIsTheContractInTheProjectsClasses() throws Exception {
        // GIVEN the class path of the api module's build: test classes, then classes holding the contract
        Path testClasses = Files.createDirectories(dir.resolve("test-classes"));
        Path classes = dir.resolve("classes");
        write(classes.resolve(ClassPathContract.RESOURCE), queueIdAsString("1.0.0"));
        mojo.classPath = List.of(testClasses.toString(), classes.toString());
        mojo.baseline = RELEASED_1_0_0.toFile();
        mojo.report = dir.resolve("contract-diff.md").toFile();

        // WHEN / THEN the contract compared is the one in the classes, and its break fails the build
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Contract compatibility gate FAILED: openapi.yaml (info.version 1.0.0)")
                .hasMessageContaining(QUEUE_ID_TO_STRING);
    }

    @Test
    void baselineLeftOutIsTheContractInTheOffsetkitApiJar() throws Exception {
        // GIVEN a project's copy of the contract that breaks it, and the offsetkit-api jar it depends on
        Path apiJar = jar(dir.resolve("offsetkit-api-1.0.0.jar"), Files.readAllBytes(RELEASED_1_0_0));
        Path unrelated = Files.writeString(dir.resolve("libnative.so"), "not an archive");
        mojo.classPath = List.of(unrelated.toString(), apiJar.toString());
        mojo.current =
                write(dir.resolve("openapi.yaml"), queueIdAsString("1.0.0")).toFile();
        mojo.report = dir.resolve("contract-diff.md").toFile();

        // WHEN / THEN the copy is compared with the contract in the jar, which the message names
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("written against the released baseline offsetkit-api-1.0.0.jar!/"
                        + ClassPathContract.RESOURCE + " (info.version 1.0.0)")
                .hasMessageContaining(QUEUE_ID_TO_STRING);
    }

    @Test
    void documentLeftOutWithoutOffsetkitApiOnTheClassPathSaysWhatToAdd() {
        mojo.classPath = List.of(dir.toString());
        mojo.current = RELEASED_1_0_0.toFile();
        mojo.report = dir.resolve("contract-diff.md").toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("The contract compatibility gate cannot run: the baseline: No "
                        + ClassPathContract.RESOURCE + " on the project's class path, so there is no offsetkit"
                        + " contract to compare: add the dependency io.offsetkit:offsetkit-api, or set both"
                        + " <baseline> and <current>");
        assertThat(mojo.report).doesNotExist();
    }

    @Test
    void missingDocumentIsASetupErrorNamingIt() {
        Path missing = dir.resolve("src/main/openapi/openapi.yaml");
        mojo.baseline = RELEASED_1_0_0.toFile();
        mojo.current = missing.toFile();
        mojo.report = dir.resolve("contract-diff.md").toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("The contract compatibility gate cannot run: the document to check: " + missing
                        + " does not exist");
    }

    @Test
    void yamlThatIsNotOpenApiIsASetupErrorNotABreak() throws IOException {
        // GIVEN a document to check that is YAML but not OpenAPI
        mojo.baseline = RELEASED_1_0_0.toFile();
        mojo.current = write(dir.resolve("openapi.yaml"), "foo: bar\n".getBytes(StandardCharsets.UTF_8))
                .toFile();
        mojo.report = dir.resolve("contract-diff.md").toFile();

        // WHEN / THEN the build errs (it cannot run), it does not fail as if the contract broke
        assertThatThrownBy(mojo::execute)
                .isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith(
                        "The contract compatibility gate cannot run: openapi.yaml cannot be read as OpenAPI: ")
                .hasMessageContaining("openapi is missing");
        assertThat(mojo.report).doesNotExist();
    }

    @Test
    void neitherDocumentGivenIsASetupError() {
        mojo.classPath = List.of();
        mojo.report = dir.resolve("contract-diff.md").toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("The contract compatibility gate needs <baseline>, <current> or both");
    }

    @Test
    void skippedGateReadsNothingAndWritesNothing() throws Exception {
        // GIVEN a skipped gate whose baseline does not exist
        mojo.skip = true;
        mojo.baseline = dir.resolve("missing").toFile();
        mojo.report = dir.resolve("contract-diff.md").toFile();

        // WHEN
        mojo.execute();

        // THEN nothing was read (no error) and no report written
        assertThat(mojo.report).doesNotExist();
    }

    private Path baselineDirectory() throws IOException {
        Path baselines = Files.createDirectories(dir.resolve("contract-baseline"));
        Files.copy(RELEASED_1_0_0, baselines.resolve("openapi-1.0.0.yaml"));
        return baselines;
    }

    /** The first release with queue_id a string, under the version given. */
    /** The first release with {@code queue_id} turned into a string, as JSON, at {@code info.version} {@code version}. */
    static byte[] queueIdAsString(String version) {
        ObjectNode tree =
                (ObjectNode) ContractDocument.read(RELEASED_1_0_0).tree().deepCopy();
        ((ObjectNode) tree.at(QUEUE_ID)).put("type", "string").remove("format");
        ((ObjectNode) tree.at("/info")).put("version", version);
        return JsonMapper.shared().writeValueAsBytes(tree);
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private static Path jar(Path file, byte[] contract) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry(ClassPathContract.RESOURCE));
            jar.write(contract);
            jar.closeEntry();
        }
        return file;
    }
}
