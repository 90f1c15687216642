package io.offsetkit.api.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as the README runs it, {@code java -jar offsetkit-contract-gate.jar OLD NEW}, in
 * a JVM of its own: what the shaded jar holds (the main class, openapi-diff, the parser's service
 * files, a silent SLF4J) is what this proves, which the in-process tests cannot.
 */
class ContractGateJarIT {

    private static final Path JAR =
            Path.of(System.getProperty("offsetkit.gate.jar", "target/offsetkit-contract-gate.jar"));

    @TempDir
    Path dir;

    @Test
    void unchangedContractExitsZeroWithOnlyTheReportOnStdout() throws Exception {
        // GIVEN the first released contract, as baseline and as the document to check
        // WHEN the jar compares them
        Run run = java(RepositoryContract.RELEASED_1_0_0.toString(), RepositoryContract.RELEASED_1_0_0.toString());

        // THEN exit 0, Markdown alone on stdout, the verdict (and no SLF4J notice) on stderr
        assertThat(run.status).as(run.stderr).isZero();
        assertThat(run.stdout)
                .startsWith("# Contract diff: 1.0.0 (baseline) → 1.0.0 (new)")
                .contains("**Verdict: unchanged**");
        assertThat(run.stderr).startsWith("Contract compatibility gate passed").doesNotContain("SLF4J");
    }

    @Test
    void breakingChangeExitsOne() throws Exception {
        // GIVEN the released document with its response field queue_id removed
        String released = Files.readString(RepositoryContract.RELEASED_1_0_0);
        String broken = released.replaceFirst("(?m)^        queue_id:\\n(?:          .*\\n)+", "");
        assertThat(broken).as("the fixture still has the field to remove").isNotEqualTo(released);
        Path copy = Files.writeString(dir.resolve("openapi.yaml"), broken);

        // WHEN
        Run run = java(RepositoryContract.RELEASED_1_0_0.toString(), copy.toString());

        // THEN exit 1, the change in the report and on stderr
        assertThat(run.status).as(run.stderr).isEqualTo(1);
        assertThat(run.stdout).contains("## Breaking changes (1)").contains("queue_id");
        assertThat(run.stderr)
                .contains("Contract compatibility gate FAILED")
                .contains("field `queues[].queue_id` in the 200 response removed");
    }

    @Test
    void missingDocumentExitsTwoNamingIt() throws Exception {
        Path missing = dir.resolve("missing.yaml");

        Run run = java(RepositoryContract.RELEASED_1_0_0.toString(), missing.toString());

        assertThat(run.status).isEqualTo(2);
        assertThat(run.stdout).isEmpty();
        assertThat(run.stderr)
                .isEqualTo("offsetkit-contract-gate cannot run: the document to check: " + missing + " does not exist"
                        + System.lineSeparator());
    }

    private Run java(String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("the shaded jar, built at package").isRegularFile();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the jar ends").isTrue();
        return new Run(
                process.exitValue(),
                Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private record Run(int status, String stdout, String stderr) {}
}
