package io.offsetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.emulator.EmulatorOptions;
import io.offsetkit.server.emulator.OffsetkitEmulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar, target/offsetkit-cli.jar, started as a process as an operator starts it: its
 * manifest, its class path (nothing but the jar), its exit codes and the credentials from the
 * process environment.
 */
class CliJarIT {

    static final Path JAR = Path.of(System.getProperty("offsetkit.cli.jar", "target/offsetkit-cli.jar"));

    @Test
    void theJarPlansAndExecutesAgainstAServerThatChecksSignatures() throws Exception {
        // GIVEN an emulator that checks AK/SK signatures, group_01 at the end of topic_01 (offset 100)
        try (OffsetkitEmulator emulator =
                new OffsetkitEmulator(EmulatorOptions.options().auth(AuthMode.AKSK)).start()) {
            List<String> conn = List.of(
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
                    "topic_01");

            // WHEN the jar shows the plan to the earliest offsets, then executes it
            CliRun plan = java(emulator, conn, "--to-earliest");
            CliRun executed = java(emulator, conn, "--to-earliest", "--execute", "--output", "csv");

            // THEN the plan changed nothing and the execution moved the group, 100 messages to consume again
            assertThat(plan.exit()).as(plan.toString()).isZero();
            assertThat(plan.out()).contains("group_01  topic_01  broker-1/0  100");
            assertThat(executed.exit()).as(executed.toString()).isZero();
            assertThat(executed.out().lines().toList()).contains("group_01,topic_01,applied,,,broker-1,0,100,0,100,0");
            assertThat(emulator.instance()
                            .committedOffsets("group_01", "topic_01")
                            .get(0)
                            .offset())
                    .isZero();
            assertThat(plan.out() + plan.err() + executed.out() + executed.err())
                    .doesNotContain(emulator.secretKey());
        }
    }

    @Test
    void theJarNamesItsVersionAndRefusesBadInputWithExit2() throws Exception {
        CliRun version = java(null, List.of("--version"));
        CliRun bad = java(
                null,
                List.of(
                        "reset",
                        "--endpoint",
                        "http://127.0.0.1:9",
                        "--project-id",
                        "p",
                        "--instance-id",
                        "i",
                        "--group",
                        "g",
                        "--topic",
                        "t",
                        "--by-duration",
                        "PT-1H"));

        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("offsetkit-cli ").doesNotContain("development");
        assertThat(bad.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(bad.err().strip())
                .isEqualTo("offsetkit: --by-duration: PT-1H is negative; give how long before" + " now, such as PT30M");
    }

    private static CliRun java(OffsetkitEmulator emulator, List<String> args, String... more)
            throws IOException, InterruptedException {
        assertThat(JAR).as("the runnable jar; build it with package").isRegularFile();
        List<String> command = new ArrayList<>(List.of(CliRun.java(), "-jar", JAR.toString()));
        command.addAll(args);
        command.addAll(List.of(more));
        return CliRun.process(
                command,
                emulator == null
                        ? Map.of()
                        : Map.of("OFFSETKIT_AK", emulator.accessKey(), "OFFSETKIT_SK", emulator.secretKey()));
    }
}
