package io.offsetkit.conformance.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.cli.CliArguments;
import io.offsetkit.conformance.cli.Main;
import io.offsetkit.conformance.fake.Defect;
import io.offsetkit.conformance.fake.FakeDms;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.rules.Rule;
import io.offsetkit.conformance.run.Baseline;
import io.offsetkit.conformance.run.ConformanceKit;
import io.offsetkit.conformance.run.KitConfig;
import io.offsetkit.conformance.run.KitReport;
import io.offsetkit.conformance.run.RuleSelection;
import io.offsetkit.server.testsupport.docs.FencedBlock;
import io.offsetkit.server.testsupport.docs.MarkdownFile;
import io.offsetkit.server.testsupport.docs.Repository;
import io.offsetkit.server.testsupport.docs.ShellScript;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance README's command lines, read by the kit's own command line: the run against any
 * URL (block kit-against-url) gives the kit what its text says; the baseline file (block kit-baseline)
 * is one the kit reads; and the CI job (block kit-ci-job), with that baseline, runs against a gateway
 * that lacks the older route, passes, says what the README quotes, and writes the reports it names.
 */
class KitReadmeCommandLinesTest {

    private static final MarkdownFile README = Repository.readme("conformance/README.md");
    private static final String KIT_JAR = "conformance/target/offsetkit-conformance.jar";
    private static final String AK = "READMEAK";
    private static final String SK = "readme-secret-key";

    @TempDir
    Path dir;

    @Test
    void againstAnyUrlGivesTheKitTheTargetTheKeysAndTheReportDirectory() throws Exception {
        // GIVEN the block's commands, the access key in the variable it uses
        FencedBlock block = README.block("kit-against-url");
        List<ShellScript.Command> commands = ShellScript.commands(block, Map.of("CLOUD_SDK_AK", AK));
        Map<String, String> exported = exported(commands);

        // WHEN the kit's command line reads its arguments, with what the block exports as the environment
        CliArguments arguments =
                CliArguments.parse(exported, kitArguments(commands).toArray(String[]::new));

        // THEN it checks https://dms.example.com, ids P, I, G, T, signing with the key pair, reports in
        // target/conformance
        assertThat(arguments.baseUrl()).isEqualTo(URI.create("https://dms.example.com"));
        assertThat(List.of(arguments.projectId(), arguments.instanceId(), arguments.group(), arguments.topic()))
                .containsExactly("P", "I", "G", "T");
        assertThat(arguments.credentials()).isEqualTo(Credentials.akSk(AK, exported.get(CliArguments.ENV_SK)));
        assertThat(arguments.reportDir()).isEqualTo(Path.of("target/conformance"));
        assertThat(arguments.warnings()).as("no secret on the command line").isEmpty();
    }

    @Test
    void theBaselineFileIsOneTheKitReadsAndStartsAsTheOneItWrites() throws Exception {
        // GIVEN the README's baseline file
        FencedBlock block = README.block("kit-baseline");

        // WHEN the kit reads it
        Baseline baseline = Baseline.parse(block.text(), block.where());

        // THEN it expects RESET-DOMAIN-09 to fail, for the reason given
        assertThat(baseline.reasons())
                .containsExactly(
                        Map.entry(Rule.byId("RESET-DOMAIN-09"), "the older route is not served yet (GW-1234)"));
        // AND its comment is how a file that --write-baseline writes begins
        try (FakeDms target = FakeDms.start()) {
            KitReport report = new ConformanceKit(KitConfig.of(new Target(
                                    target.baseUrl(),
                                    FakeDms.PROJECT,
                                    FakeDms.INSTANCE,
                                    FakeDms.GROUP,
                                    FakeDms.TOPIC,
                                    null))
                            .withSelection(RuleSelection.of(List.of("RESET-RESPONSE-01"), List.of())))
                    .run();
            assertThat(Baseline.textOf(report)).startsWith(block.lines().get(0));
        }
    }

    @Test
    void theCiJobPassesAGatewayWithoutTheOlderRouteAsItsBaselineExpects() throws Exception {
        try (FakeDms gateway = FakeDms.withAkSk(AK, SK, Defect.OLDER_ROUTE_MISSING)) {
            // GIVEN the CI job's variables for a gateway without the older route, and its baseline committed
            Map<String, String> variables = new LinkedHashMap<>();
            variables.put("TARGET_URL", gateway.baseUrl().toString());
            variables.put("PROJECT_ID", FakeDms.PROJECT);
            variables.put("INSTANCE_ID", FakeDms.INSTANCE);
            variables.put("GROUP", FakeDms.GROUP);
            variables.put("TOPIC", FakeDms.TOPIC);
            variables.put("CLOUD_SDK_AK", AK);
            List<ShellScript.Command> commands = ShellScript.commands(README.block("kit-ci-job"), variables);
            List<String> arguments = kitArguments(commands);
            Path baseline = dir.resolve(arguments.get(arguments.indexOf("--baseline") + 1));
            Files.createDirectories(baseline.getParent());
            Files.writeString(baseline, README.block("kit-baseline").text());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            // WHEN the job's kit command runs from the job's directory, the secret key in OFFSETKIT_SK
            int status = Main.run(
                    inDirectory(arguments).toArray(String[]::new),
                    Map.of(CliArguments.ENV_SK, SK),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            // THEN it passes, with the RESULT line the README quotes
            String report = out.toString(StandardCharsets.UTF_8);
            assertThat(status).as(report + err.toString(StandardCharsets.UTF_8)).isEqualTo(Main.PASS);
            assertThat(report).contains(quoted("RESULT: "));
            // AND the files the job appends and publishes are there
            ShellScript.Command cat = commands.stream()
                    .filter(command -> command.program().equals("cat"))
                    .findFirst()
                    .orElseThrow();
            assertThat(dir.resolve(cat.words().get(1))).isRegularFile();
            for (String published : README.inlineCode()) {
                if (published.startsWith("target/conformance/")) {
                    assertThat(dir.resolve(published))
                            .as("a report the README names")
                            .isRegularFile();
                }
            }
        }
    }

    /** The arguments of the block's command that runs the kit's jar. */
    private static List<String> kitArguments(List<ShellScript.Command> commands) {
        List<List<String>> kits = commands.stream()
                .filter(command -> command.words().size() > 3
                        && command.words().subList(0, 3).equals(List.of("java", "-jar", KIT_JAR)))
                .map(command -> command.after(3))
                .toList();
        assertThat(kits).as("commands running " + KIT_JAR).hasSize(1);
        return kits.get(0);
    }

    /** What the block's {@code export NAME=VALUE} commands put in the environment. */
    private static Map<String, String> exported(List<ShellScript.Command> commands) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (ShellScript.Command command : commands) {
            if (command.program().equals("export")) {
                String assignment = command.words().get(1);
                environment.put(
                        assignment.substring(0, assignment.indexOf('=')),
                        assignment.substring(assignment.indexOf('=') + 1));
            }
        }
        return environment;
    }

    /** The arguments with the relative paths taken from this test's directory, where the job runs. */
    private List<String> inDirectory(List<String> arguments) {
        List<String> resolved = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            boolean path = i > 0
                    && (arguments.get(i - 1).equals("--baseline")
                            || arguments.get(i - 1).equals("--report-dir"));
            resolved.add(path ? dir.resolve(argument).toString() : argument);
        }
        return resolved;
    }

    /** The code span of the README that starts with {@code start}. */
    private static String quoted(String start) {
        for (String span : README.inlineCode()) {
            if (span.startsWith(start)) {
                return span;
            }
        }
        throw new AssertionError("the conformance README quotes no line starting " + start);
    }
}
