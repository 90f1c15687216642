package io.offsetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.emulator.OffsetkitEmulator;
import io.offsetkit.server.fault.FaultSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher, target/offsetkit, started as an operator starts it: the jar beside it in a JVM
 * started for a run of seconds, with the same output and exit codes as {@code java -jar}, and the
 * class-data archive recorded beside the jar by the first run that reads the service, then used.
 * Each test runs a copy of the launcher and the jar in a directory of its own, so the archive is
 * recorded from nothing.
 */
class LauncherIT {

    static final Path LAUNCHER = Path.of(System.getProperty("offsetkit.cli.launcher", "target/offsetkit"));

    static OffsetkitEmulator emulator;

    @TempDir
    Path directory;

    @BeforeAll
    static void startEmulator() {
        emulator = new OffsetkitEmulator().start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void restoreTheFixture() {
        emulator.reset();
    }

    @Test
    void theBuildMakesTheLauncherExecutableBesideTheJar() {
        assertThat(LAUNCHER).as("the launcher; build it with package").isRegularFile();
        assertThat(Files.isExecutable(LAUNCHER)).as("executable").isTrue();
        assertThat(LAUNCHER.resolveSibling("offsetkit-cli.jar")).isRegularFile();
    }

    @Test
    void aPlanThroughTheLauncherIsTheJarsPlanAndRecordsTheArchiveThatTheNextRunUses() throws Exception {
        // GIVEN the launcher and the jar in a directory of their own, no archive yet
        Path launcher = copyOfLauncherAndJar();
        List<String> plan = List.of(
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
                "--to-earliest");

        // WHEN --version runs, THEN it answers and records nothing (its archive would miss the client)
        CliRun version = run(launcher, List.of("--version"), Map.of());
        assertThat(version.exit()).as(version.toString()).isZero();
        assertThat(version.out()).startsWith("offsetkit-cli ");
        assertThat(archives()).isEmpty();

        // WHEN the plan runs through the launcher
        CliRun first = run(launcher, plan, Map.of());

        // THEN it shows what java -jar shows, exit 0
        CliRun jar = run(null, plan, Map.of());
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(jar.exit()).as(jar.toString()).isZero();
        assertThat(withoutTime(first.out()))
                .contains("group_01  topic_01  broker-1/0  100")
                .isEqualTo(withoutTime(jar.out()));
        // AND the archive is beside the jar, under its final name only
        assertThat(archives()).hasSize(1);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }

        // WHEN the plan runs again, the classes' loading logged
        Path classLog = directory.resolve("classes.log");
        CliRun second = run(launcher, plan, Map.of("OFFSETKIT_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog));

        // THEN the same plan, and the command's classes came from the archive
        assertThat(second.exit()).as(second.toString()).isZero();
        assertThat(withoutTime(second.out())).isEqualTo(withoutTime(first.out()));
        assertThat(Files.readAllLines(classLog))
                .anyMatch(line -> line.contains("io.offsetkit.cli.OffsetkitCli source: shared objects file"))
                .anyMatch(line -> line.contains("io.offsetkit.client.OffsetkitClient source: shared objects file"));
    }

    @Test
    void theLauncherEndsWithTheCommandsExitCodes() throws Exception {
        // GIVEN the launcher and the jar in a directory of their own
        Path launcher = copyOfLauncherAndJar();

        // WHEN the input is bad, THEN exit 2 and one line naming the option, no archive recorded
        CliRun bad = run(
                launcher,
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
                        "PT-1H"),
                Map.of());
        assertThat(bad.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(bad.err().strip())
                .isEqualTo("offsetkit: --by-duration: PT-1H is negative; give how long before now, such as PT30M");
        assertThat(archives()).isEmpty();

        // WHEN the service cannot be reached, THEN exit 1, nothing changed
        CliRun unreachable = run(
                launcher,
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
                        "--to-latest"),
                Map.of());
        assertThat(unreachable.exit()).as(unreachable.toString()).isEqualTo(ExitCode.NOTHING_APPLIED);
        assertThat(unreachable.err()).contains("nothing was changed");

        // WHEN one reset of two is refused by the service, THEN exit 3, both listed
        emulator.faults()
                .set(FaultSpec.on("resetConsumeOffset").group("group_02").error("DMS.50050004"));
        CliRun some = run(
                launcher,
                List.of(
                        "reset",
                        "--endpoint",
                        emulator.baseUrl(),
                        "--project-id",
                        emulator.projectId(),
                        "--instance-id",
                        emulator.instanceId(),
                        "--group",
                        "group_01",
                        "--group",
                        "group_02",
                        "--topic",
                        "topic_01",
                        "--to-earliest",
                        "--execute"),
                Map.of());
        assertThat(some.exit()).as(some.toString()).isEqualTo(ExitCode.SOME_APPLIED);
        assertThat(some.out()).contains("Applied 1 of 2: group_01/topic_01. Not applied: group_02/topic_01 (refused).");
        // AND a run that ended so records the archive
        assertThat(archives()).hasSize(1);
    }

    /** The output without the time the plan was read at, which differs from run to run. */
    private static String withoutTime(String out) {
        return out.replaceAll("read at \\S+\\.", "read at (time).");
    }

    @Test
    void aLinkToTheLauncherRunsTheJarBesideTheLauncherItself() throws Exception {
        // GIVEN the launcher and the jar in a directory, and a link to the launcher in another
        Path launcher = copyOfLauncherAndJar();
        Path bin = Files.createDirectory(directory.resolve("bin"));
        Path link = Files.createSymbolicLink(bin.resolve("offsetkit"), launcher);

        // WHEN the link runs
        CliRun version = run(link, List.of("--version"), Map.of());

        // THEN it runs the jar beside the launcher
        assertThat(version.exit()).as(version.toString()).isZero();
        assertThat(version.out()).startsWith("offsetkit-cli ");
    }

    private Path copyOfLauncherAndJar() throws IOException {
        Path launcher = Files.copy(LAUNCHER, directory.resolve("offsetkit"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(
                LAUNCHER.resolveSibling("offsetkit-cli.jar"),
                directory.resolve("offsetkit-cli.jar"),
                StandardCopyOption.COPY_ATTRIBUTES);
        return launcher;
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches("offsetkit-cli\\.[0-9]+\\.jsa"))
                    .toList();
        }
    }

    /** Runs {@code launcher}, or {@code java -jar} on the copied jar when it is null. */
    private CliRun run(Path launcher, List<String> args, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                launcher == null
                        ? List.of(
                                CliRun.java(),
                                "-jar",
                                directory.resolve("offsetkit-cli.jar").toString())
                        : List.of(launcher.toString()));
        command.addAll(args);
        Map<String, String> withJavaHome = new HashMap<>(environment);
        withJavaHome.put("JAVA_HOME", System.getProperty("java.home"));
        return CliRun.process(command, withJavaHome);
    }
}
