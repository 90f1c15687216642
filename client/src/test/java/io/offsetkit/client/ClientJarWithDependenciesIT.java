package io.offsetkit.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The README's class path without a build tool: the module's "all" jar (the client and its run-time
 * dependencies) is the only class path a plain {@code java} needs to compile and run the README's
 * program from its source file, as a person who cloned and built the repository would.
 */
class ClientJarWithDependenciesIT extends WireMockTestBase {

    static final Path JAR = Path.of(System.getProperty("offsetkit.client.all.jar"));

    record Run(int exitCode, String out, String err) {}

    @Test
    void theReadmesProgramRunsWithTheAllJarAsItsOnlyClassPath() throws Exception {
        // GIVEN a server answering the README's three calls with the contract's examples
        ReadmeSnippetTest.stubReadmeWorkflow();

        // WHEN `java -cp offsetkit-client-<version>-all.jar RewindGroup.java ...` runs, as the README says
        Run run = java(wireMock.baseUrl(), Documented.PROJECT, "AccessKey", "SecretKey");

        // THEN it compiled with the jar alone and printed the three steps
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
        assertThat(run.out().lines())
                .containsExactly(
                        "queues: [QueueStatus[brokerName=broker-1, queueId=0, minOffset=0, maxOffset=100,"
                                + " lastMessageTime=1662652899000]]",
                        "reset to: [QueueOffset[brokerName=broker-1, queueId=0, offset=0]]",
                        "now at: [QueueOffset[brokerName=broker-1, queueId=0, offset=0]], lag 100");
        assertThat(received()).hasSize(1);
    }

    @Test
    void theProgramsErrorPathPrintsTheServersErrorAndExits2ForAnUnknownTopic() throws Exception {
        // GIVEN a server that does not know the topic
        wireMock.stubFor(get(urlPathEqualTo(OffsetkitClientReadsTest.STATUS))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("X-Request-Id", "req-unknown-topic")
                        .withBody("{\"error_code\":\"DMS.00400876\",\"error_msg\":\"The topic does not exist.\"}")));

        // WHEN the README's program runs
        Run run = java(wireMock.baseUrl(), Documented.PROJECT, "AccessKey", "SecretKey");

        // THEN it printed the one-line message and exited 2, as its comment says
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo("HTTP 400 DMS.00400876: The topic does not exist. (X-Request-Id: req-unknown-topic)");
    }

    @Test
    void theAllJarHoldsTheClientItsSigningAndJacksonAndNoGeneratorAnnotations() throws IOException {
        // GIVEN the module's "all" jar
        try (JarFile jar = new JarFile(JAR.toFile())) {
            // WHEN / THEN it holds the client, the signing module and Jackson, and is multi-release
            assertThat(jar.getEntry("io/offsetkit/client/OffsetkitClient.class"))
                    .isNotNull();
            assertThat(jar.getEntry("io/offsetkit/signing/SdkSigner.class")).isNotNull();
            assertThat(jar.getEntry("tools/jackson/databind/ObjectMapper.class"))
                    .isNotNull();
            assertThat(jar.getEntry("tools/jackson/core/JsonParser.class")).isNotNull();
            assertThat(jar.getEntry("com/fasterxml/jackson/annotation/JsonProperty.class"))
                    .isNotNull();
            assertThat(jar.getEntry("jakarta/annotation/Generated.class"))
                    .as("provided, not run time")
                    .isNull();
            assertThat(jar.getManifest().getMainAttributes().getValue("Multi-Release"))
                    .isEqualTo("true");
        }
    }

    /** Runs the README's program from its source file with the "all" jar as the class path. */
    private static Run java(String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(
                java.toString(),
                "-cp",
                JAR.toString(),
                ReadmeSnippetTest.EXAMPLE.toString().replace('/', File.separatorChar)));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("rewind", ".out");
        Path err = Files.createTempFile("rewind", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(ClientReadme.module().toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS))
                    .as("the program ended")
                    .isTrue();
            return new Run(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
