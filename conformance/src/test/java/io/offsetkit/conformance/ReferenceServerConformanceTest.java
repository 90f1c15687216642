package io.offsetkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.conformance.cli.Main;
import io.offsetkit.server.testsupport.docs.ElidedText;
import io.offsetkit.server.testsupport.docs.MarkdownFile;
import io.offsetkit.server.testsupport.docs.Repository;
import io.offsetkit.server.testsupport.docs.ShellScript;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job, as the top README runs it (block main-job): the kit's command line, with the README's
 * arguments, launches the reference server's jar (a child process on a free port, fresh data
 * directory, AK/SK authentication), runs every rule against it with the reference-admin fixture, and
 * stops it. Every rule must pass, and the coverage the conformance README shows (block kit-coverage)
 * is this run's.
 */
class ReferenceServerConformanceTest {

    /** Set by the build to the offsetkit-server jar it depends on. */
    static final String SERVER_JAR = "offsetkit.server.jar";

    /** The kit's runnable jar, as the README names it from the top of the repository. */
    static final String KIT_JAR = "conformance/target/offsetkit-conformance.jar";

    @Test
    void everyRulePassesAgainstTheReferenceServer(@TempDir Path reports) throws Exception {
        // GIVEN the README's main job: after the build, the kit's jar with the README's arguments
        ShellScript.Command kit =
                ShellScript.commands(Repository.readme("README.md").block("main-job"), Map.of()).stream()
                        .filter(command -> command.words().size() > 2
                                && command.words().get(0).equals("java"))
                        .findFirst()
                        .orElseThrow();
        assertThat(kit.words().subList(0, 3)).containsExactly("java", "-jar", KIT_JAR);
        List<String> arguments = new ArrayList<>();
        for (String argument : kit.after(3)) {
            arguments.add(argument.endsWith(".jar") ? Repository.file(argument).toString() : argument);
        }
        // the server jar it launches is the one the build made
        Path jar = Path.of(System.getProperty(SERVER_JAR, "server jar not set by the build"));
        assertThat(jar).as("the reference server jar (%s)", SERVER_JAR).isRegularFile();
        assertThat(arguments).contains(jar.toAbsolutePath().normalize().toString());
        arguments.addAll(List.of("--report-dir", reports.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // WHEN the kit launches it and runs against it
        int code = Main.run(
                arguments.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        // THEN every rule passes, none skipped, and the server is gone
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(report + err.toString(StandardCharsets.UTF_8)).isEqualTo(Main.PASS);
        assertThat(report)
                .contains("74 passed, 0 failed (0 MUST), 0 skipped, of 74 rules", "Stopping the reference server.");
        assertThat(Files.readString(reports.resolve("offsetkit-conformance.json")))
                .contains("\"mustRulesPass\" : true");
        // AND the conformance README's coverage is this run's
        MarkdownFile readme = Repository.readme("conformance/README.md");
        List<String> shown = readme.block("kit-coverage").lines();
        List<String> printed = report.lines().toList();
        int coverage = printed.indexOf(shown.get(0));
        assertThat(coverage).as("the report prints " + shown.get(0)).isNotNegative();
        ElidedText.assertShows(shown, printed.subList(coverage, printed.size()), "kit-coverage");
    }
}
