package io.offsetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.emulator.EmulatorOptions;
import io.offsetkit.server.emulator.OffsetkitEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials from the environment or a file, never from an option, never echoed: against an
 * emulator that checks AK/SK signatures, and one that checks tokens.
 */
class CredentialsTest {

    static OffsetkitEmulator akSk;
    static OffsetkitEmulator token;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        akSk = new OffsetkitEmulator(EmulatorOptions.options().auth(AuthMode.AKSK)).start();
        token = new OffsetkitEmulator(EmulatorOptions.options().auth(AuthMode.TOKEN)).start();
    }

    @AfterAll
    static void stop() {
        akSk.close();
        token.close();
    }

    @Test
    void akAndSkFromTheEnvironmentSignEveryRequest() {
        // WHEN a plan is read with the emulator's AK/SK in the environment
        CliRun run = plan(akSk, Map.of("OFFSETKIT_AK", akSk.accessKey(), "OFFSETKIT_SK", akSk.secretKey()));

        // THEN it is read, and the secret key is nowhere in the output
        assertThat(run.exit()).as(run.both()).isZero();
        assertThat(run.out()).contains("group_01  topic_01  broker-1/0  100");
        assertThat(run.out() + run.err()).doesNotContain(akSk.secretKey());
    }

    @Test
    void aWrongSecretKeyStopsTheRunWithOneLineAndExit1WithoutEchoingIt() {
        // WHEN the secret key is wrong
        String wrong = "not-the-secret-key-" + System.nanoTime();
        CliRun run = plan(akSk, Map.of("OFFSETKIT_AK", akSk.accessKey(), "OFFSETKIT_SK", wrong));

        // THEN the run stops before changing anything, on one line that names the service's refusal
        assertThat(run.exit()).as(run.both()).isEqualTo(ExitCode.NOTHING_APPLIED);
        assertThat(run.err().lines().toList()).as(run.both()).hasSize(1);
        assertThat(run.err()).contains("DMS.").contains("nothing was changed");
        assertThat(run.out() + run.err()).doesNotContain(wrong);
    }

    @Test
    void aTokenFromACredentialsFileIsUsedInsteadOfTheEnvironment() throws IOException {
        // GIVEN the token in a file, and a wrong one in the environment
        Path file = Files.writeString(dir.resolve("credentials.properties"), "OFFSETKIT_TOKEN=" + token.token() + "\n");

        // WHEN a plan is read with --credentials-file
        CliRun run = plan(token, Map.of("OFFSETKIT_TOKEN", "wrong"), "--credentials-file", file.toString());

        // THEN the file's token is used, and not shown
        assertThat(run.exit()).as(run.both()).isZero();
        assertThat(run.out() + run.err()).doesNotContain(token.token());
    }

    @Test
    void anAccessKeyWithoutASecretKeyIsBadInput() {
        CliRun run = plan(akSk, Map.of("OFFSETKIT_AK", akSk.accessKey()));

        BadInputTest.assertBadInput(run, "OFFSETKIT_SK: set both OFFSETKIT_AK and OFFSETKIT_SK");
    }

    private static CliRun plan(OffsetkitEmulator emulator, Map<String, String> environment, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "reset",
                "--endpoint",
                emulator.baseUrl(),
                "--project-id",
                emulator.projectId(),
                "--instance-id",
                emulator.instanceId(),
                "--group",
                "group_01",
                "--topic",
                "topic_01",
                "--to-latest"));
        args.addAll(List.of(more));
        return CliRun.of(environment, args);
    }
}
