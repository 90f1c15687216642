package io.offsetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --help}: every option, and an example of each everyday use, without a connection. */
class HelpTest {

    @Test
    void resetHelpShowsEveryOptionAndAnExampleOfEachEverydayUse() {
        // WHEN the reset command's help is asked for
        CliRun run = CliRun.of(Map.of(), List.of("reset", "--help"));

        // THEN it exits 0 and shows the options and the examples
        assertThat(run.exit()).as(run.both()).isZero();
        assertThat(run.out())
                .contains(
                        "--to-datetime=TIME",
                        "--zone=ZONE",
                        "--by-duration=DURATION",
                        "--to-timestamp=MILLIS",
                        "--to-earliest",
                        "--to-latest",
                        "--execute",
                        "--export=FILE",
                        "--from-plan=FILE",
                        "--max-drift=N",
                        "--output=FORMAT",
                        "--endpoint=URL",
                        "--credentials-file=FILE")
                .contains("Examples:")
                .contains("--to-datetime 2026-03-01T10:00:00+08:00 --execute")
                .contains("--to-latest --execute")
                .contains("--export plan.json")
                .contains("--from-plan plan.json --execute")
                .contains("--output json")
                .contains("Exit codes: 0");
    }

    @Test
    void noArgumentsShowTheUsageAndExit2() {
        CliRun run = CliRun.of(Map.of(), List.of());

        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("Usage: offsetkit");
    }
}
