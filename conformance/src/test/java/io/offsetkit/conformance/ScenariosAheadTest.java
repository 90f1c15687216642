package io.offsetkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.conformance.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The fixture's scenarios built beside the rules (long names, exact answers) are built only when a rule
 * of the run will need them: a run sends nothing through the fixture that it would not send on one
 * thread. What the fixture created is what the run reports deleting at its end.
 */
class ScenariosAheadTest {

    private static String run(String... selection) {
        Path jar = Path.of(System.getProperty("offsetkit.server.jar", "server jar not set by the build"));
        String[] args = new String[selection.length + 2];
        args[0] = "--launch";
        args[1] = jar.toString();
        System.arraycopy(selection, 0, args, 2, selection.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(report + err.toString(StandardCharsets.UTF_8)).isEqualTo(Main.PASS);
        return report;
    }

    @Test
    void aRunWhoseRulesNeedNoScenarioCreatesNothingThroughTheFixture() {
        // GIVEN a run of the documented request alone, against the launched server and its fixture
        // WHEN it runs
        String report = run("--include", "RESET-EXAMPLE-01");

        // THEN no scenario was built ahead: the fixture created nothing
        assertThat(report)
                .contains("1 passed, 0 failed (0 MUST)")
                .contains("Fixture: the fixture created nothing on the server");
    }

    @Test
    void aRunBuildsTheScenarioItsRulesNeedAndNoOther() {
        // GIVEN a run of RESET-EDGE-04 alone, whose check needs the long-name scenario only
        // WHEN it runs
        String report = run("--include", "RESET-EDGE-04");

        // THEN its topic and group were made, and not the exact-answer scenario's
        assertThat(report)
                .contains("RESET-EDGE-04", "1 passed, 0 failed (0 MUST)")
                .contains("Fixture: deleted the 1 topic and 1 group the kit created");
    }
}
