package io.offsetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input: exit 2, one line on the error stream naming the option, and nothing changed. */
class BadInputTest extends EmulatorCliTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad(
                        "an unknown group",
                        "--group: no group 'nobody' on instance",
                        "--group",
                        "billing",
                        "--group",
                        "nobody",
                        "--topic",
                        "orders",
                        "--to-latest",
                        "--execute"),
                bad(
                        "an unknown topic",
                        "--topic: no topic 'nothing' on instance",
                        "--group",
                        "billing",
                        "--topic",
                        "orders",
                        "--topic",
                        "nothing",
                        "--to-latest",
                        "--execute"),
                bad(
                        "a time in the future",
                        "--to-datetime: 2999-01-01T00:00:00Z is in the future",
                        "--group",
                        "billing",
                        "--topic",
                        "orders",
                        "--to-datetime",
                        "2999-01-01T00:00:00Z",
                        "--execute"),
                bad(
                        "a timestamp in the future",
                        "--to-timestamp: 2999-01-01T00:00:00Z is in the future",
                        "--group",
                        "billing",
                        "--topic",
                        "orders",
                        "--to-timestamp",
                        "32472144000000",
                        "--execute"),
                bad(
                        "a negative duration",
                        "--by-duration: PT-30M is negative",
                        "--group",
                        "billing",
                        "--topic",
                        "orders",
                        "--by-duration",
                        "PT-30M",
                        "--execute"),
                bad(
                        "a negative duration, sign first",
                        "--by-duration: -PT30M is negative",
                        "--group",
                        "billing",
                        "--topic",
                        "orders",
                        "--by-duration=-PT30M",
                        "--execute"),
                bad(
                        "two strategies at once",
                        "--to-latest: give one strategy only, not --to-earliest and --to-latest",
                        "--group",
                        "billing",
                        "--topic",
                        "orders",
                        "--to-earliest",
                        "--to-latest",
                        "--execute"),
                bad(
                        "no strategy",
                        "--to-datetime: give one strategy",
                        "--group",
                        "billing",
                        "--topic",
                        "orders",
                        "--execute"),
                bad(
                        "a time without an offset or a zone",
                        "--to-datetime: '2026-03-01T10:00:00' has no offset or zone",
                        "--group",
                        "billing",
                        "--topic",
                        "orders",
                        "--to-datetime",
                        "2026-03-01T10:00:00",
                        "--execute"),
                bad(
                        "a time that is not one",
                        "--to-datetime: 'yesterday' is not an ISO-8601 date-time",
                        "--group",
                        "billing",
                        "--topic",
                        "orders",
                        "--to-datetime",
                        "yesterday",
                        "--execute"),
                bad(
                        "an unknown zone",
                        "--zone: 'Mars/Olympus' is not a zone id",
                        "--group",
                        "billing",
                        "--topic",
                        "orders",
                        "--to-datetime",
                        "2026-03-01T10:00:00",
                        "--zone",
                        "Mars/Olympus",
                        "--execute"),
                bad(
                        "a negative timestamp",
                        "--to-timestamp: -5 is negative",
                        "--group",
                        "billing",
                        "--topic",
                        "orders",
                        "--to-timestamp=-5",
                        "--execute"),
                bad("no group", "--group: name at least one group", "--topic", "orders", "--to-latest", "--execute"),
                bad(
                        "no topic",
                        "--topic: name at least one topic, or give --all-topics",
                        "--group",
                        "billing",
                        "--to-latest",
                        "--execute"),
                bad(
                        "topics and all topics",
                        "--all-topics: give either --topic or --all-topics",
                        "--group",
                        "billing",
                        "--topic",
                        "orders",
                        "--all-topics",
                        "--to-latest",
                        "--execute"),
                bad(
                        "an unknown option",
                        "Unknown option: '--frobnicate'",
                        "--group",
                        "billing",
                        "--topic",
                        "orders",
                        "--to-latest",
                        "--frobnicate"),
                bad(
                        "an output that is not one",
                        "--output",
                        "--group",
                        "billing",
                        "--topic",
                        "orders",
                        "--to-latest",
                        "--output",
                        "xml"),
                bad(
                        "a negative drift",
                        "--max-drift: -1 is negative",
                        "--from-plan",
                        "plan.json",
                        "--execute",
                        "--max-drift=-1"),
                bad(
                        "a plan without --execute",
                        "--from-plan: applies a saved plan: add --execute",
                        "--from-plan",
                        "plan.json"),
                bad(
                        "a plan with a strategy",
                        "--from-plan: a saved plan carries its own strategy",
                        "--from-plan",
                        "plan.json",
                        "--execute",
                        "--to-latest"));
    }

    private static Arguments bad(String what, String line, String... args) {
        return Arguments.of(what, line, List.of(args));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputExits2WithOneLineNamingTheOptionAndChangesNothing(String what, String line, List<String> args) {
        // GIVEN billing at 5 on orders
        int resetsBefore = resetsReceived();

        // WHEN the command is run with the bad input
        CliRun run = reset(args.toArray(String[]::new));

        // THEN it exits 2 with one line naming the option, and nothing changed
        assertBadInput(run, line);
        assertThat(resetsReceived()).isEqualTo(resetsBefore);
        assertThat(committed("billing", "orders")).containsExactly(5L, 5L);
    }

    @Test
    void aPlanFileThatIsNotOneIsRefused() throws IOException {
        // GIVEN JSON that is not a plan, and a file that is not JSON
        Path json = Files.writeString(dir.resolve("other.json"), "{\"queues\": []}");
        Path text = Files.writeString(dir.resolve("notes.txt"), "reset billing to 10:00\n");

        // WHEN each is given as a plan
        CliRun fromJson = reset("--from-plan", json.toString(), "--execute");
        CliRun fromText = reset("--from-plan", text.toString(), "--execute");

        // THEN both are refused, naming --from-plan
        assertBadInput(fromJson, "--from-plan: " + json + " is not an offsetkit plan");
        assertBadInput(fromText, "--from-plan: " + text + " is not an offsetkit plan");
        assertThat(committed("billing", "orders")).containsExactly(5L, 5L);
    }

    @Test
    void aPlanForAnotherInstanceIsRefused() {
        // GIVEN a plan saved for the emulator's instance
        Path plan = dir.resolve("for-this-instance.json");
        assertThat(reset("--group", "billing", "--topic", "orders", "--to-earliest", "--export", plan.toString())
                        .exit())
                .isZero();

        // WHEN it is applied to another instance
        List<String> args = new ArrayList<>(List.of(
                "reset",
                "--endpoint",
                emulator.baseUrl(),
                "--project-id",
                emulator.projectId(),
                "--instance-id",
                "00000000-0000-0000-0000-000000000000",
                "--from-plan",
                plan.toString(),
                "--execute"));
        CliRun run = CliRun.of(java.util.Map.of(), args);

        // THEN it is refused, naming both instances
        assertBadInput(run, "--from-plan: " + plan + " is a plan for instance " + emulator.instanceId());
        assertThat(run.err()).contains("not for instance 00000000-0000-0000-0000-000000000000");
        assertThat(committed("billing", "orders")).containsExactly(5L, 5L);
    }

    @Test
    void allTopicsOfAGroupWithNoOffsetAnywhereIsRefused() {
        // GIVEN a group that never consumed anything
        emulator.instance().groups("newcomer");

        // WHEN a reset of all its topics is asked for
        CliRun run = reset("--group", "newcomer", "--all-topics", "--to-latest", "--execute");

        // THEN it is refused, naming --all-topics and the fix
        assertBadInput(
                run, "--all-topics: group 'newcomer' has no committed offset on any topic; name one with --topic");
    }

    @Test
    void anUnknownInstanceIsRefusedNamingTheOption() {
        CliRun run = CliRun.of(
                java.util.Map.of(),
                List.of(
                        "reset",
                        "--endpoint",
                        emulator.baseUrl(),
                        "--project-id",
                        emulator.projectId(),
                        "--instance-id",
                        "00000000-0000-0000-0000-000000000000",
                        "--group",
                        "billing",
                        "--topic",
                        "orders",
                        "--to-latest",
                        "--execute"));

        assertBadInput(run, "--instance-id: no instance '00000000-0000-0000-0000-000000000000'");
    }

    static void assertBadInput(CliRun run, String line) {
        assertThat(run.exit()).as(run.both()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().lines().toList()).as(run.both()).hasSize(1);
        assertThat(run.err()).as(run.both()).startsWith("offsetkit: ").contains(line);
        assertThat(run.out()).as(run.both()).isEmpty();
    }
}
