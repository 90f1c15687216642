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

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertThat(run("--help")).isEqualTo(Main.PASS);
        assertThat(out()).contains("--base-url", "--launch", "--fixture reference-admin", "WARNING");
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
                    .contains("RESET-DOMAIN-04");
            Document junit = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(reports.resolve(ReportFiles.JUNIT_XML).toFile());
            assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(Rule.values().length);
            assertThat(junit.getDocumentElement().getAttribute("skipped")).isEqualTo("15");
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
            assertThat(html).contains("id=\"RESET-NEGATIVE-02\"", "Request sent:", "Response received:");
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
