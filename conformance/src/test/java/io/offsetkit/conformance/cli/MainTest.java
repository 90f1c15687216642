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
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

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
    void helpListsEveryOptionGroupedAndExitsZero() {
        // GIVEN / WHEN --help
        assertThat(run("--help")).isEqualTo(Main.PASS);

        // THEN every group has its heading, the target's two forms come first, and every option is named
        assertThat(out())
                .contains("On the target:", "Credentials", "Fixture", "Rule selection:", "Known failures:")
                .contains("Run and reports:", "OFFSETKIT_SK", "OFFSETKIT_TOKEN", "WHAT THE KIT CHANGES")
                .containsPattern("Target, one of:\\R +--base-url=URL +the host's root.*\\R +--launch=JAR +start this");
        for (OptionSpec option :
                new CommandLine(CliArguments.class).getCommandSpec().options()) {
            assertThat(out()).as("--help names %s", option.longestName()).contains(option.longestName());
        }
    }

    @Test
    void helpSaysTheKitChecksTheFourOperationsAndNamesEveryExitCode() {
        assertThat(run("--help")).isEqualTo(Main.PASS);

        String firstLines = out().substring(0, out().indexOf("Target, one of:"));
        assertThat(firstLines.replaceAll("\\s+", " "))
                .contains("Checks an implementation of the contract's four operations (the reset of a consumer"
                        + " group's offsets to a time, and the reads of the group's topics and progress, of a"
                        + " topic's status and of the group's consumers)")
                .contains("1 when one fails, 2 when the kit cannot run, 3 when the kit itself failed on a rule")
                .doesNotContain("reset-message-offset");
    }

    @Test
    void aRunInWhichTheKitFailsExitsThree_apartFromATargetThatFails() throws Exception {
        try (FakeDms fake = FakeDms.start()) {
            // WHEN the kit's fixture cannot work with the target (this one has no admin API)
            int code = run(
                    "--base-url",
                    fake.baseUrl().toString(),
                    "--group",
                    "group_01",
                    "--topic",
                    "topic_01",
                    "--fixture",
                    "reference-admin",
                    "--include",
                    "RESET-EXACT-01,RESET-EXAMPLE-01");

            // THEN the rule the fixture serves is an ERROR, not the target's failure, and the run exits 3
            assertThat(code).as(out()).isEqualTo(Main.KIT_ERROR);
            assertThat(out())
                    .containsPattern("RESET-EXACT-01 +MUST +ERROR +the fixture failed: ")
                    .containsPattern("RESET-EXAMPLE-01 +MUST +pass ")
                    .contains("RESULT: the kit failed on 1 rule (RESET-EXACT-01), so the verdict is incomplete;");
        }
    }

    @Test
    void versionNamesTheKitAndTheContract() {
        assertThat(run("--version")).isEqualTo(Main.PASS);
        assertThat(out()).startsWith("offsetkit-conformance 0.1.0").contains("contract: DMS for RocketMQ", "sha256");
    }

    @Test
    void anUnknownOptionExitsTwoNamingTheClosestOne() {
        assertThat(run(
                        "--base-url",
                        "http://127.0.0.1:9",
                        "--group",
                        "group_01",
                        "--topic",
                        "topic_01",
                        "--reportdir",
                        "x"))
                .isEqualTo(Main.CANNOT_RUN);
        assertThat(err().strip())
                .isEqualTo(
                        "offsetkit-conformance: unknown option '--reportdir'; the closest is --report-dir (see --help)");
    }

    @Test
    void aPatternThatMatchesNoRuleExitsTwoNamingTheClosestRule() {
        assertThat(run(
                        "--base-url",
                        "http://127.0.0.1:9",
                        "--group",
                        "group_01",
                        "--topic",
                        "topic_01",
                        "--include",
                        "RESET-AUTX-*"))
                .isEqualTo(Main.CANNOT_RUN);
        assertThat(err()).contains("'RESET-AUTX-*' matches no rule; the closest is RESET-AUTH-");
    }

    @Test
    void selectedRulesRunAndTheOthersAreSkippedWithThePattern() throws Exception {
        try (FakeDms fake = FakeDms.withAkSk("AK1", "SK1")) {
            int code = run(
                    "--base-url",
                    fake.baseUrl().toString(),
                    "--group",
                    "group_01",
                    "--topic",
                    "topic_01",
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
                    .doesNotContain("RESET-AUTH-04      MUST   skip")
                    .doesNotContain("RESET-DOMAIN-01")
                    .contains("... 62 rules not selected (--include AUTH,RESET-EXAMPLE-0? --exclude RESET-AUTH-04)")
                    .contains("7 passed, 0 failed (0 MUST), 67 skipped, of 74 rules");
        }
    }

    @Test
    void theSeedIsPrintedAndReplayed() throws Exception {
        try (FakeDms fake = FakeDms.start()) {
            assertThat(run(
                            "--base-url",
                            fake.baseUrl().toString(),
                            "--group",
                            "group_01",
                            "--topic",
                            "topic_01",
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
            assertThat(run(
                            "--base-url",
                            broken.baseUrl().toString(),
                            "--group",
                            "group_01",
                            "--topic",
                            "topic_01",
                            "--write-baseline",
                            baseline.toString()))
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
                    "--group",
                    "group_01",
                    "--topic",
                    "topic_01",
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
                            + " (RESET-EDGE-03, RESET-NEGATIVE-02); 25 MUST rules did not run: no --documented-data"
                            + " (2), no fixture (16), no credentials (6), no second group (--other-group) (1)</h1>");
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
            int code = run(
                    "--base-url",
                    otherwise.baseUrl().toString(),
                    "--group",
                    "group_01",
                    "--topic",
                    "topic_01",
                    "--baseline",
                    baseline.toString());

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
            int code = run(
                    "--base-url",
                    fake.baseUrl().toString(),
                    "--group",
                    "group_01",
                    "--topic",
                    "topic_01",
                    "--write-baseline",
                    nowhere.toString());

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

        assertThat(run(
                        "--base-url",
                        "http://127.0.0.1:9",
                        "--group",
                        "group_01",
                        "--topic",
                        "topic_01",
                        "--baseline",
                        baseline.toString()))
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
                    "--group",
                    "group_01",
                    "--topic",
                    "topic_01",
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
                    "--group",
                    "group_01",
                    "--topic",
                    "topic_01",
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
            assertThat(run(
                            "--base-url",
                            fake.baseUrl().toString(),
                            "--group",
                            "group_01",
                            "--topic",
                            "topic_01",
                            "--report-dir",
                            reports.toString()))
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
    void aCommandLineWithoutATargetExitsTwoWithOneLineNamingBothForms() {
        // GIVEN / WHEN the ids but neither --base-url nor --launch
        int code = run("--group", "group_01", "--topic", "topic_01");

        // THEN exit 2, and one line on standard error, picocli's, naming both forms of the target
        assertThat(code).isEqualTo(Main.CANNOT_RUN);
        assertThat(err().strip())
                .isEqualTo("offsetkit-conformance: Missing required argument (specify one of these):"
                        + " (--base-url=URL | --launch=JAR)");
        assertThat(out()).isEmpty();
    }

    @Test
    void anAkWithoutSkIsRefused() {
        assertThat(run("--base-url", "http://127.0.0.1:9", "--group", "group_01", "--topic", "topic_01", "--ak", "A"))
                .isEqualTo(Main.CANNOT_RUN);
        assertThat(err()).contains("--ak and --sk go together");
    }

    @Test
    void anUnreachableServerExitsTwoWithOneLine() throws Exception {
        // GIVEN a port nothing listens on (a server started and stopped)
        String url;
        try (FakeDms stopped = FakeDms.start()) {
            url = stopped.baseUrl().toString();
        }
        assertThat(run("--base-url", url, "--group", "group_01", "--topic", "topic_01"))
                .isEqualTo(Main.CANNOT_RUN);
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
                    "--group",
                    "group_01",
                    "--topic",
                    "topic_01",
                    "--ak",
                    "AK1",
                    "--sk",
                    "SK1",
                    "--documented-data",
                    "--report-dir",
                    reports.toString());

            // THEN it exits 0, and the console and every file report name the rules
            assertThat(code).as(out()).isEqualTo(Main.PASS);
            assertThat(out())
                    .contains("RESET-AUTH-04", "pass", "sha256")
                    .contains(
                            "RESULT: every MUST rule that ran passes; 17 MUST rules did not run: no fixture (16), no second group (--other-group) (1)");
            assertThat(Files.readString(reports.resolve(ReportFiles.JSON))).contains("\"id\" : \"RESET-EXAMPLE-01\"");
            assertThat(Files.readString(reports.resolve(ReportFiles.MARKDOWN)))
                    .contains("| RESET-EXACT-01 | MUST | skip |");
            assertThat(Files.readString(reports.resolve(ReportFiles.HTML)))
                    .startsWith("<!DOCTYPE html>")
                    .contains("<h1>offsetkit conformance report: every MUST rule that ran passes; 17 MUST rules did not"
                            + " run: no fixture (16), no second group (--other-group) (1)</h1>")
                    .contains("RESET-DOMAIN-04");
            Document junit = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(reports.resolve(ReportFiles.JUNIT_XML).toFile());
            assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(Rule.values().length);
            assertThat(junit.getDocumentElement().getAttribute("skipped")).isEqualTo("17");
        }
    }

    @Test
    void aFailingMustRuleExitsOneAndTheReportShowsTheFailure(@TempDir Path reports) throws Exception {
        try (FakeDms fake = FakeDms.start(Defect.UNKNOWN_INSTANCE_IS_500)) {
            int code = run(
                    "--base-url",
                    fake.baseUrl().toString(),
                    "--group",
                    "group_01",
                    "--topic",
                    "topic_01",
                    "--report-dir",
                    reports.toString());

            assertThat(code).isEqualTo(Main.FAIL);
            assertThat(out())
                    .contains("RESET-NEGATIVE-02  MUST   FAIL", "Request sent:", "Response received:", "DMS.00500000");
            String html = Files.readString(reports.resolve(ReportFiles.HTML));
            assertThat(html)
                    .contains("<h1>offsetkit conformance report: a MUST rule fails; 25 MUST rules did not run: no"
                            + " --documented-data (2), no fixture (16), no credentials (6), no second group"
                            + " (--other-group) (1)</h1>")
                    .contains("id=\"RESET-NEGATIVE-02\"", "Request sent:", "Response received:");
            assertThat(Files.readString(reports.resolve(ReportFiles.JUNIT_XML))).contains("<failure message=");
        }
    }

    @Test
    void refusedCredentialsAreNamedAsTheLikelyCause() throws Exception {
        try (FakeDms fake = FakeDms.withAkSk("AK1", "SK1")) {
            assertThat(run(
                            "--base-url",
                            fake.baseUrl().toString(),
                            "--group",
                            "group_01",
                            "--topic",
                            "topic_01",
                            "--ak",
                            "AK1",
                            "--sk",
                            "not-SK1"))
                    .isEqualTo(Main.FAIL);
            assertThat(out())
                    .contains("HINT: the target answered 401 to the documented request")
                    .containsPattern("RESET-AUTH-06 +MUST +FAIL +the kit's credentials are refused by the target")
                    .containsPattern("RESET-DOMAIN-01 +MUST +skip +blocked by RESET-AUTH-06: the kit's credentials")
                    .contains("RESULT: a MUST rule fails; ")
                    .contains("blocked by RESET-AUTH-06 (");
        }
    }

    @Test
    void aFailingShouldRuleAloneStillExitsZero() throws Exception {
        try (FakeDms fake = FakeDms.start(Defect.OLDER_ROUTE_MISSING)) {
            assertThat(run("--base-url", fake.baseUrl().toString(), "--group", "group_01", "--topic", "topic_01"))
                    .isEqualTo(Main.PASS);
            assertThat(out()).contains("RESET-DOMAIN-09    SHOULD FAIL");
        }
    }

    @Test
    void theResultLineSaysHowManyMustRulesDidNotRunAndWhyInEveryReport(@TempDir Path reports) throws Exception {
        try (FakeDms fake = FakeDms.start()) {
            // GIVEN a conforming target, and neither credentials nor a fixture
            // WHEN the kit runs against it
            int code = run(
                    "--base-url", fake.baseUrl().toString(), "--documented-data", "--report-dir", reports.toString());

            // THEN it passes, and no report claims that every MUST rule passes: each says what did not run
            String line = "every MUST rule that ran passes; 23 MUST rules did not run: no fixture (16), no credentials"
                    + " (6), no second group (--other-group) (1)";
            assertThat(code).as(out()).isEqualTo(Main.PASS);
            assertThat(out()).contains("RESULT: " + line).doesNotContain("every MUST rule passes");
            assertThat(Files.readString(reports.resolve(ReportFiles.HTML)))
                    .contains("<h1>offsetkit conformance report: " + line + "</h1>");
            assertThat(Files.readString(reports.resolve(ReportFiles.MARKDOWN)))
                    .startsWith("## offsetkit conformance: " + line);
            assertThat(Files.readString(reports.resolve(ReportFiles.JSON)))
                    .contains("\"result\" : \"" + line + "\"", "\"mustNotRun\" : 23");
            assertThat(Files.readString(reports.resolve(ReportFiles.JUNIT_XML)))
                    .contains("<property name=\"result\" value=\"" + line + "\"");
        }
    }

    @Test
    void failOnSkippedMustMakesMustRulesThatDidNotRunFailTheRun() throws Exception {
        try (FakeDms fake = FakeDms.start()) {
            // GIVEN a conforming target and no credentials
            // WHEN the kit runs with a strict verdict
            int code = run("--base-url", fake.baseUrl().toString(), "--documented-data", "--fail-on-skipped-must");

            // THEN the MUST rules that could not run fail the run, and the result line says why
            assertThat(code).isEqualTo(Main.FAIL);
            assertThat(out())
                    .contains("RESULT: 23 MUST rules did not run: no fixture (16), no credentials (6), no second"
                            + " group (--other-group) (1); with --fail-on-skipped-must that fails the run");
        }
    }

    @Test
    void aBaseUrlEndingInV2StopsBeforeTheRulesWithAHint() throws Exception {
        try (FakeDms fake = FakeDms.start()) {
            // WHEN the base URL is given with the routes' /v2
            int code = run("--base-url", fake.baseUrl() + "/v2", "--documented-data");

            // THEN one line says the route is not there and what the base URL should be; no rule ran
            assertThat(code).isEqualTo(Main.CANNOT_RUN);
            assertThat(err().strip())
                    .doesNotContain("\n")
                    .contains("the target has no route POST /v2/v2/rocketmq/")
                    .contains("(it answered 404 DMS.00404001)")
                    .endsWith("--base-url is the host's root, without /v2 (the kit adds the routes' /v2/...): try"
                            + " --base-url " + fake.baseUrl().toString().replaceAll("/$", ""));
            assertThat(out()).doesNotContain("RESET-");
        }
    }

    @Test
    void aRouteAnsweredWithAPlain404StopsBeforeTheRules() throws Exception {
        // GIVEN a server that answers every request 404 with a text body, as a web server without the API does
        com.sun.net.httpserver.HttpServer web =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/", exchange -> {
            byte[] body = "Not Found".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        web.start();
        try {
            int code = run("--base-url", "http://127.0.0.1:" + web.getAddress().getPort(), "--documented-data");

            assertThat(code).isEqualTo(Main.CANNOT_RUN);
            assertThat(err().strip())
                    .doesNotContain("\n")
                    .contains("the target has no route POST /v2/rocketmq/", "without a DMS error body")
                    .contains("usually the host's root");
        } finally {
            web.stop(0);
        }
    }

    @Test
    void anUnknownTopicGroupOrInstanceIsOneLineNamingTheOption() throws Exception {
        try (FakeDms fake = FakeDms.start()) {
            String url = fake.baseUrl().toString();

            assertThat(run("--base-url", url, "--group", "group_01", "--topic", "no_such_topic"))
                    .isEqualTo(Main.CANNOT_RUN);
            assertThat(err().strip())
                    .doesNotContain("\n")
                    .startsWith("offsetkit-conformance: --topic no_such_topic: the target has no such topic");
            err.reset();

            assertThat(run("--base-url", url, "--group", "no_such_group", "--topic", "topic_01"))
                    .isEqualTo(Main.CANNOT_RUN);
            assertThat(err().strip())
                    .startsWith("offsetkit-conformance: --group no_such_group: the target has no such consumer group");
            err.reset();

            assertThat(run("--base-url", url, "--documented-data", "--instance-id", "no-such-instance"))
                    .isEqualTo(Main.CANNOT_RUN);
            assertThat(err().strip())
                    .startsWith(
                            "offsetkit-conformance: --instance-id no-such-instance: the target has no such instance");
            assertThat(out()).doesNotContain("RESET-");
        }
    }

    @Test
    void withoutGroupAndTopicTheKitRefusesToResetAnything() {
        // GIVEN / WHEN a base URL alone (nothing listens there: the refusal comes before any request)
        assertThat(run("--base-url", "http://127.0.0.1:9")).isEqualTo(Main.CANNOT_RUN);

        // THEN it names the options to give, and does not even try to connect
        assertThat(err().strip())
                .doesNotContain("\n")
                .contains("name the group and its topic with --group and --topic", "--documented-data")
                .doesNotContain("cannot reach");
    }

    @Test
    void anIncludeRunListsWhatRanAndOneLineForTheRest(@TempDir Path reports) throws Exception {
        try (FakeDms fake = FakeDms.start()) {
            int code = run(
                    "--base-url",
                    fake.baseUrl().toString(),
                    "--documented-data",
                    "--include",
                    "RESET-NEGATIVE-01,RESET-NEGATIVE-02,RESET-NEGATIVE-03",
                    "--report-dir",
                    reports.toString());

            assertThat(code).as(out()).isEqualTo(Main.PASS);
            assertThat(out())
                    .contains("RESET-NEGATIVE-02  MUST   pass")
                    .doesNotContain("RESET-DOMAIN-01")
                    .doesNotContain("skip    not selected")
                    .contains("... 71 rules not selected (--include RESET-NEGATIVE-01,RESET-NEGATIVE-02,"
                            + "RESET-NEGATIVE-03); the JSON and JUnit XML reports list them")
                    .contains("  and ")
                    .contains("not exercised because the rules that would have were not selected");
            assertThat(out().lines().filter(l -> l.startsWith("    not ")).toList())
                    .allMatch(l -> !l.contains("not selected"));
            assertThat(Files.readString(reports.resolve(ReportFiles.MARKDOWN)))
                    .doesNotContain("| RESET-DOMAIN-01 |")
                    .contains("71 rules not selected");
            assertThat(Files.readString(reports.resolve(ReportFiles.HTML)))
                    .doesNotContain(">RESET-DOMAIN-01<")
                    .contains("71 rules not selected");
            assertThat(Files.readString(reports.resolve(ReportFiles.JSON))).contains("\"id\" : \"RESET-DOMAIN-01\"");
        }
    }

    @Test
    void aPassingBaselineRunShowsNoRedBadgeAndCountsInTheSingular(@TempDir Path directory) throws Exception {
        Path baseline = Files.writeString(directory.resolve("baseline.txt"), "RESET-NEGATIVE-02 instance check\n");
        try (FakeDms broken = FakeDms.start(Defect.UNKNOWN_INSTANCE_IS_500)) {
            // WHEN a target whose failures the baseline expects runs with it
            int code = run(
                    "--base-url",
                    broken.baseUrl().toString(),
                    "--documented-data",
                    "--include",
                    "RESET-NEGATIVE-02",
                    "--baseline",
                    baseline.toString(),
                    "--report-dir",
                    directory.resolve("r").toString());

            // THEN it passes; the known failure is below, counted in the singular, and nothing is red
            assertThat(code).as(out()).isEqualTo(Main.PASS);
            assertThat(out()).contains("(1 known failure)", ": 1 known failure, 0 new, 0 fixed");
            String html = Files.readString(directory.resolve("r").resolve(ReportFiles.HTML));
            assertThat(html)
                    .doesNotContain("<span class=\"FAILED\">")
                    .contains("<span class=\"NONE\">0 new failures</span>")
                    .contains("<span class=\"KNOWN_FAILURE\">1 known failure</span>");
        }
    }
}
