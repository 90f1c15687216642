package io.offsetkit.emulatorit;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.emulator.CommittedOffset;
import io.offsetkit.server.emulator.EmulatorOptions;
import io.offsetkit.server.emulator.junit.OffsetkitEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client README's program (client/src/test/java/com/example/rewind/RewindGroup.java), run as the
 * README says, {@code java -cp} on the client's "-all" jar and the source file, against the real
 * server with the documented data and AK/SK: it reads, resets and reads back, and prints what the
 * README shows it prints.
 */
class ClientReadmeProgramAgainstEmulatorTest {

    @RegisterExtension
    static OffsetkitEmulatorExtension emulator = OffsetkitEmulatorExtension.newInstance()
            .options(EmulatorOptions.options().auth(AuthMode.AKSK))
            .build();

    @Test
    void theReadmesProgramReadsResetsAndReadsBackAndPrintsWhatTheReadmeShows() throws Exception {
        // GIVEN the client README's program and the output it shows
        Path jar = Path.of(System.getProperty("offsetkit.client.all.jar"));
        Path program = Path.of(System.getProperty("offsetkit.client.example"));
        List<String> readme = Files.readAllLines(Path.of(System.getProperty("offsetkit.client.readme")));
        List<String> shown = readme.subList(
                readme.indexOf("<!-- java-client-example-output:begin -->") + 2,
                readme.indexOf("<!-- java-client-example-output:end -->") - 1);

        // WHEN it runs against the emulator, with the emulator's key pair
        Path out = Files.createTempFile("rewind", ".out");
        Path err = Files.createTempFile("rewind", ".err");
        try {
            Process process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            jar.toString(),
                            program.toString(),
                            emulator.baseUrl(),
                            emulator.projectId(),
                            emulator.accessKey(),
                            emulator.secretKey())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

            // THEN it succeeded and printed the README's lines
            assertThat(process.exitValue())
                    .as("exit code; stderr: %s", Files.readString(err, StandardCharsets.UTF_8))
                    .isZero();
            assertThat(Files.readAllLines(out, StandardCharsets.UTF_8))
                    .isEqualTo(shown)
                    .hasSize(3);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
        // AND the reset it made is committed
        assertThat(emulator.instance().committedOffsets("group_01", "topic_01"))
                .extracting(CommittedOffset::offset)
                .containsExactly(0L);
    }
}
