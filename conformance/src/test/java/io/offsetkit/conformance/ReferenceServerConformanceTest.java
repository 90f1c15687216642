package io.offsetkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.conformance.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job, as the README runs it: the command line launches the reference server's jar (a child
 * process on a free port, fresh data directory, AK/SK authentication), runs every rule against it
 * with the reference-admin fixture, and stops it. Every rule must pass.
 */
class ReferenceServerConformanceTest {

    /** Set by the build to the offsetkit-server jar it depends on. */
    static final String SERVER_JAR = "offsetkit.server.jar";

    @Test
    void everyRulePassesAgainstTheReferenceServer(@TempDir Path reports) throws Exception {
        // GIVEN the reference server's executable jar
        Path jar = Path.of(System.getProperty(SERVER_JAR, "server jar not set by the build"));
        assertThat(jar).as("the reference server jar (%s)", SERVER_JAR).isRegularFile();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // WHEN the kit launches it and runs against it
        int code = Main.run(
                new String[] {"--launch", jar.toString(), "--report-dir", reports.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        // THEN every rule passes, none skipped, and the server is gone
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(report + err.toString(StandardCharsets.UTF_8)).isEqualTo(Main.PASS);
        assertThat(report)
                .contains("53 passed, 0 failed (0 MUST), 0 skipped, of 53 rules", "Stopping the reference server.");
        assertThat(Files.readString(reports.resolve("offsetkit-conformance.json")))
                .contains("\"mustRulesPass\" : true");
    }
}
