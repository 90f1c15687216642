package io.offsetkit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.conformance.fake.Defect;
import io.offsetkit.conformance.fake.FakeDms;
import io.offsetkit.conformance.report.ReportFiles;
import io.offsetkit.conformance.rules.Rule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The command line's exit codes, output and report files, against real loopback servers. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private int runWith(Map<String, String> environment, String... args) {
        return Main.run(
                args,
                environment,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryOptionGroupedAndExitsZero() throws Exception {
        assertThat(run("--help")).isEqualTo(Main.PASS);

        assertThat(out())
                .contains("Target:", "Credentials", "Fixture", "Rule selection:", "Known failures:", "Run and reports:")
                .contains("Reference server:", "OFFSETKIT_SK", "OFFSETKIT_TOKEN", "WARNING");
        for (java.lang.reflect.Field field : CliArguments.class.getFields()) {
            String name = (String) field.get(null);
            if (name.startsWith("--")) {
                assertThat(out()).as("--help names %s", name).contains(name);
            }
        }
    }

    @Test
    void versionNamesTheKitAndTheContract() {
        assertThat(run("--version")).isEqualTo(Main.PASS);
        assertThat(out()).startsWith("offsetkit-conformance 0.1.0").contains("contract: DMS for RocketMQ", "sha256");
    }

    @Test
    void anUnknownOptionExitsTwoNamingTheClosestOne() {
        assertThat(run("--base-url", "http://127.0.0.1:9", "--reportdir", "x")).isEqualTo(Main.CANNOT_RUN);
        assertThat(err().strip())
                .isEqualTo(
                        "offsetkit-conformance: unknown option '--reportdir'; the closest is --report-dir (see --help)");
    }

    @Test
    void aPatternThatMatchesNoRuleExitsTwoNamingTheClosestRule() {
        assertThat(run("--base-url", "http://127.0.0.1:9", "--include", "RESET-AUTX-*"))
                .isEqualTo(Main.CANNOT_RUN);
        assertThat(err()).contains("'RESET-AUTX-*' matches no rule; the closest is RESET-AUTH-");
    }

    @Test
    void selectedRulesRunAndTheOthersAreSkippedWithThePattern() throws Exception {
        try (FakeDms fake = FakeDms.withAkSk("AK1", "SK1")) {
            int code = run(
                    "--base-url",
                    fake.baseUrl().toString(),
                    "--ak",
                    "AK1",
                    "--sk",
                    "SK1",
                    "--include",
                    "AUTH,RESET-EXAMPLE-0?",
                    "--exclude",
                    "RESET-AUTH-04");

            assertThat(code).as(out()).isEqualTo(Main.PASS);
            assertThat(out())
                    .contains("Rules:    --include AUTH,RESET-EXAMPLE-0? --exclude RESET-AUTH-04")
                    .contains("RESET-AUTH-03      MUST   pass")
                    .contains("RESET-AUTH-04      MUST   skip    not selected: left out by --exclude RESET-AUTH-04")
                    .contains("RESET-DOMAIN-01    MUST   skip    not selected: no --include pattern matches it")
                    .contains("6 passed, 0 failed (0 MUST), 62 skipped, of 68 rules");
        }
    }

    @Test
    void theSeedIsPrintedAndReplayed() throws Exception {
        try (FakeDms fake = FakeDms.start()) {
            assertThat(run(
                            "--base-url",
                            fake.baseUrl().toString(),
                            "--seed",
                            "424242",
                            "--include",
                            "RESET-NEGATIVE-02"))
                    .isEqualTo(Main.PASS);
            assertThat(out()).contains("Seed:     424242 (--seed 424242 replays");
        }
    }

    @Test
    void aBaselineTurnsKnownFailuresIntoAPassNewOnesStillFailAndFixedOnesAreReported(@TempDir Path directory)
            throws Exception {
        Path baseline = directory.resolve("baseline.txt");
        try (FakeDms broken = FakeDms.start(Defect.UNKNOWN_INSTANCE_IS_500)) {
            // GIVEN a run that fails, writing its failures as a baseline
            assertThat(run("--base-url", broken.baseUrl().toString(), "--write-baseline", baseline.toString()))
                    .isEqualTo(Main.FAIL);
            assertThat(Files.readString(baseline))
                    .contains("RESET-NEGATIVE-02  ", "RESET-EDGE-03  ")
                    .doesNotContain("RESET-NEGATIVE-01");
            assertThat(out()).contains("Baseline written: " + baseline + " (2 failing rules)");

            // WHEN the same target runs with that baseline
            out.reset();
            int code = run(
                    "--base-url",
                    broken.baseUrl().toString(),
                    "--baseline",
                    baseline.toString(),
                    "--report-dir",
                    directory.resolve("known").toString());

            // THEN it passes, and says the failures are the known ones
            assertThat(code).as(out()).isEqualTo(Main.PASS);
            assertThat(out())
                    .contains("RESET-NEGATIVE-02  MUST   known")
                    .contains("(known failure, in the baseline: ")
                    .contains(
                            "RESULT: no new failure; 2 rules fail as the baseline expects (RESET-EDGE-03, RESET-NEGATIVE-02)");
            assertThat(Files.readString(directory.resolve("known").resolve(ReportFiles.HTML)))
                    .contains("<h1>offsetkit conformance report: no new failure; 2 rules fail as the baseline expects"
                            + " (RESET-EDGE-03, RESET-NEGATIVE-02)</h1>");
            assertThat(Files.readString(directory.resolve("known").resolve(ReportFiles.JUNIT_XML)))
                    .contains("failures=\"0\"", "known failure, in the baseline");
            assertThat(Files.readString(directory.resolve("known").resolve(ReportFiles.JSON)))
                    .contains("\"outcome\" : \"KNOWN_FAILURE\"", "\"passes\" : true");
            assertThat(Files.readString(directory.resolve("known").resolve(ReportFiles.MARKDOWN)))
                    .contains("### Known failures (in the baseline)")
                    .doesNotContain("### New failures");
        }
        try (FakeDms otherwise = FakeDms.start(Defect.EMPTY_BODY_IS_500)) {
            // WHEN another failure appears and the baselined ones pass again
            out.reset();
            int code = run("--base-url", otherwise.baseUrl().toString(), "--baseline", baseline.toString());

            // THEN the run fails on the new one, and the baselined ones are reported as fixed
            assertThat(code).isEqualTo(Main.FAIL);
            assertThat(out())
                    .contains("RESET-NEGATIVE-05  MUST   FAIL", "RESET-NEGATIVE-02  MUST   fixed")
                    .contains("FIXED: RESET-NEGATIVE-02 passes now; remove it from the baseline " + baseline)
                    .contains("RESULT: a MUST rule fails that the baseline does not expect: RESET-NEGATIVE-05");
        }
    }

    @Test
    void aBaselineThatCannotBeWrittenExitsTwoNamingTheOptionAndTheError(@TempDir Path directory) throws Exception {
        // GIVEN a --write-baseline file in a directory that does not exist
        Path nowhere = directory.resolve("no-such-directory").resolve("baseline.txt");
        try (FakeDms fake = FakeDms.start()) {
            // WHEN the kit runs and writes its baseline there
            int code = run("--base-url", fake.baseUrl().toString(), "--write-baseline", nowhere.toString());

            // THEN it cannot run, and one line names the option, the file and the error (not "the reports")
            assertThat(code).isEqualTo(Main.CANNOT_RUN);
            assertThat(err().strip())
                    .isEqualTo("offsetkit-conformance: cannot write --write-baseline " + nowhere
                            + ": no such file or directory");
        }
    }

    @Test
    void aBaselineWithAnUnknownRuleExitsTwoNamingTheLineAndTheClosestRule(@TempDir Path directory) throws Exception {
        Path baseline = Files.writeString(directory.resolve("b.txt"), "# known\nRESET-NEGATIVE-2 because\n");

        assertThat(run("--base-url", "http://127.0.0.1:9", "--baseline", baseline.toString()))
                .isEqualTo(Main.CANNOT_RUN);
        assertThat(err())
                .contains(baseline + ":2: no rule has the id 'RESET-NEGATIVE-2'; the closest is RESET-NEGATIVE-02");
    }

    @Test
    void secretsFromTheEnvironmentNeverReachAReport(@TempDir Path reports) throws Exception {
        String secretKey = "s3cret-key-of-the-vendor";
        try (FakeDms fake = FakeDms.withAkSk("VENDORAK", secretKey, Defect.SIGNATURE_NOT_VERIFIED)) {
            // WHEN the kit runs with the SK from the environment, and a rule fails showing signed requests
            int code = runWith(
                    Map.of(CliArguments.ENV_SK, secretKey),
                    "--base-url",
                    fake.baseUrl().toString(),
                    "--ak",
                    "VENDORAK",
                    "--report-dir",
                    reports.toString());

            // THEN it authenticates with it, and neither the console nor any report holds it or a whole signature
            assertThat(code).isEqualTo(Main.FAIL);
            assertThat(out()).contains("RESET-AUTH-03      MUST   FAIL", "Signature=");
            assertThat(err()).doesNotContain("warning");
            List<String> texts = new java.util.ArrayList<>(List.of(out(), err()));
            for (String file :
                    List.of(ReportFiles.JSON, ReportFiles.JUNIT_XML, ReportFiles.HTML, ReportFiles.MARKDOWN)) {
                texts.add(Files.readString(reports.resolve(file)));
            }
            for (String text : texts) {
                assertThat(text).doesNotContain(secretKey).doesNotContainPattern("Signature=[0-9a-f]{9,}");
            }
        }
    }

    @Test
    void aTokenFromTheEnvironmentIsMaskedEvenWhereTheTargetEchoesIt(@TempDir Path reports) throws Exception {
        String token = "MIIfake-iam-token-0123456789";
        try (FakeDms fake = FakeDms.withAkSk("AK1", "SK1", Defect.TOKEN_ECHOED)) {
            // WHEN the kit sends a token the target refuses, and echoes, in every error message
            int code = runWith(
                    Map.of(CliArguments.ENV_TOKEN, token),
                    "--base-url",
                    fake.baseUrl().toString(),
                    "--report-dir",
                    reports.toString());

            // THEN the failures show the refusal, and no report holds the token
            assertThat(code).isEqualTo(Main.FAIL);
            assertThat(out()).contains("X-Auth-Token: MIIf***", "Invalid token ***");
            for (String file :
                    List.of(ReportFiles.JSON, ReportFiles.JUNIT_XML, ReportFiles.HTML, ReportFiles.MARKDOWN)) {
                assertThat(Files.readString(reports.resolve(file))).as(file).doesNotContain(token);
            }
            assertThat(out()).doesNotContain(token);
        }
    }

    @Test
    void everyReportHasACoverageSection(@TempDir Path reports) throws Exception {
        try (FakeDms fake = FakeDms.start()) {
            assertThat(run("--base-url", fake.baseUrl().toString(), "--report-dir", reports.toString()))
                    .isEqualTo(Main.PASS);

            assertThat(out())
                    .contains("Coverage (exercised by this run")
                    .contains(
                            "not 401: RESET-AUTH-01, RESET-AUTH-02, RESET-AUTH-03, RESET-AUTH-04, RESET-AUTH-05 skipped: no credentials");
            assertThat(Files.readString(reports.resolve(ReportFiles.MARKDOWN)))
                    .contains("### Coverage", "| Status codes |");
            assertThat(Files.readString(reports.resolve(ReportFiles.HTML))).contains("<h2>Coverage</h2>");
            assertThat(Files.readString(reports.resolve(ReportFiles.JSON)))
                    .contains("\"coverage\" : [", "\"dimension\" : \"Wire forms\"");
            assertThat(Files.readString(reports.resolve(ReportFiles.JUNIT_XML)))
                    .contains("Coverage (exercised by this run");
        }
    }

    @Test
    void badArgumentsExitTwoWithOneLineNamingTheOption() {
        assertThat(run("--base-url", "localhost:8080")).isEqualTo(Main.CANNOT_RUN);
        assertThat(err().strip()).doesNotContain("\n").contains("--base-url", "localhost:8080");
    }

    @Test
    void anAkWithoutSkIsRefused() {
        assertThat(run("--base-url", "http://127.0.0.1:9", "--ak", "A")).isEqualTo(Main.CANNOT_RUN);
        assertThat(err()).contains("--ak and --sk go together");
    }

    @Test
    void anUnreachableServerExitsTwoWithOneLine() throws Exception {
        // GIVEN a port nothing listens on (a server started and stopped)
        String url;
        try (FakeDms stopped = FakeDms.start()) {
            url = stopped.baseUrl().toString();
        }
        assertThat(run("--base-url", url)).isEqualTo(Main.CANNOT_RUN);
        assertThat(err().strip()).doesNotContain("\n").contains("cannot reach", "connection refused");
    }

    @Test
    void aServerJarThatDoesNotExistExitsTwo() {
        assertThat(run("--launch", "no/such/offsetkit-server.jar")).isEqualTo(Main.CANNOT_RUN);
        assertThat(err()).contains("cannot launch the reference server", "no/such/offsetkit-server.jar does not exist");
    }

    @Test
    void aServerJarThatDoesNotStartExitsTwoWithItsOutput(@TempDir Path directory) throws Exception {
        // GIVEN a file that is no jar: the JVM refuses it and exits at once
        Path notAJar = Files.writeString(directory.resolve("offsetkit-server.jar"), "not a jar");

        assertThat(run("--launch", notAJar.toString())).isEqualTo(Main.CANNOT_RUN);
        assertThat(err()).contains("the server exited with code", "before it was healthy", "its last output");
    }

    @Test
    void aConformingServerExitsZeroAndEveryReportIsWritten(@TempDir Path reports) throws Exception {
        try (FakeDms fake = FakeDms.withAkSk("AK1", "SK1")) {
            // WHEN the kit runs against it with its credentials
            int code = run(
                    "--base-url",
                    fake.baseUrl().toString(),
                    "--ak",
                    "AK1",
                    "--sk",
                    "SK1",
                    "--documented-data",
                    "--report-dir",
                    reports.toString());

            // THEN it exits 0, and the console and every file report name the rules
            assertThat(code).as(out()).isEqualTo(Main.PASS);
            assertThat(out()).contains("RESET-AUTH-04", "pass", "RESULT: every MUST rule passes", "sha256");
            assertThat(Files.readString(reports.resolve(ReportFiles.JSON))).contains("\"id\" : \"RESET-EXAMPLE-01\"");
            assertThat(Files.readString(reports.resolve(ReportFiles.MARKDOWN)))
                    .contains("| RESET-EXACT-01 | MUST | skip |");
            assertThat(Files.readString(reports.resolve(ReportFiles.HTML)))
                    .startsWith("<!DOCTYPE html>")
                    .contains("<h1>offsetkit conformance report: every MUST rule passes</h1>")
                    .contains("RESET-DOMAIN-04");
            Document junit = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(reports.resolve(ReportFiles.JUNIT_XML).toFile());
            assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(Rule.values().length);
            assertThat(junit.getDocumentElement().getAttribute("skipped")).isEqualTo("12");
        }
    }

    @Test
    void aFailingMustRuleExitsOneAndTheReportShowsTheFailure(@TempDir Path reports) throws Exception {
        try (FakeDms fake = FakeDms.start(Defect.UNKNOWN_INSTANCE_IS_500)) {
            int code = run("--base-url", fake.baseUrl().toString(), "--report-dir", reports.toString());

            assertThat(code).isEqualTo(Main.FAIL);
            assertThat(out())
                    .contains("RESET-NEGATIVE-02  MUST   FAIL", "Request sent:", "Response received:", "DMS.00500000");
            String html = Files.readString(reports.resolve(ReportFiles.HTML));
            assertThat(html)
                    .contains("<h1>offsetkit conformance report: a MUST rule fails</h1>")
                    .contains("id=\"RESET-NEGATIVE-02\"", "Request sent:", "Response received:");
            assertThat(Files.readString(reports.resolve(ReportFiles.JUNIT_XML))).contains("<failure message=");
        }
    }

    @Test
    void refusedCredentialsAreNamedAsTheLikelyCause() throws Exception {
        try (FakeDms fake = FakeDms.withAkSk("AK1", "SK1")) {
            assertThat(run("--base-url", fake.baseUrl().toString(), "--ak", "AK1", "--sk", "not-SK1"))
                    .isEqualTo(Main.FAIL);
            assertThat(out()).contains("HINT: the target answered 401 to the documented request");
        }
    }

    @Test
    void aFailingShouldRuleAloneStillExitsZero() throws Exception {
        try (FakeDms fake = FakeDms.start(Defect.OLDER_ROUTE_MISSING)) {
            assertThat(run("--base-url", fake.baseUrl().toString())).isEqualTo(Main.PASS);
            assertThat(out()).contains("RESET-DOMAIN-09    SHOULD FAIL");
        }
    }
}
