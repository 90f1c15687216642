package io.offsetkit.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.fake.Defect;
import io.offsetkit.conformance.fake.FakeDms;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.rules.Rule;
import io.offsetkit.conformance.run.ConformanceKit;
import io.offsetkit.conformance.run.KitConfig;
import io.offsetkit.conformance.run.KitReport;
import io.offsetkit.conformance.run.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CTRF report: the shape the Common Test Report Format requires, and the console's counts. */
class CtrfReportTest {

    private static KitReport report;

    @BeforeAll
    static void runTheKitAgainstABrokenImplementationWithoutCredentials() throws Exception {
        // GIVEN a run with failures (the engine's case ignored) and skips (no credentials, no fixture)
        try (FakeDms fake = FakeDms.start(Defect.ENGINE_CASE_IGNORED)) {
            report = new ConformanceKit(KitConfig.of(new Target(
                                    fake.baseUrl(),
                                    FakeDms.PROJECT,
                                    FakeDms.INSTANCE,
                                    FakeDms.GROUP,
                                    FakeDms.TOPIC,
                                    null))
                            .withCredentials(Credentials.none()))
                    .run();
        }
        assertThat(report.count(Verdict.FAILED)).isPositive();
        assertThat(report.count(Verdict.SKIPPED)).isPositive();
    }

    @Test
    void hasTheShapeTheFormatRequires() {
        // WHEN the report is rendered
        JsonNode ctrf = JsonMapper.shared().readTree(CtrfReport.render(report));

        // THEN it names its format and version, and holds results with a tool, a summary and the tests
        assertThat(ctrf.path("reportFormat").asString()).isEqualTo("CTRF");
        assertThat(ctrf.path("specVersion").asString()).matches("[0-9]+\\.[0-9]+\\.[0-9]+");
        JsonNode results = ctrf.path("results");
        assertThat(results.path("tool").path("name").asString()).isEqualTo("offsetkit-conformance");
        JsonNode summary = results.path("summary");
        for (String field : List.of("tests", "passed", "failed", "skipped", "pending", "other", "start", "stop")) {
            assertThat(summary.path(field).isIntegralNumber()).as(field).isTrue();
        }
        assertThat(summary.path("stop").asLong())
                .isGreaterThanOrEqualTo(summary.path("start").asLong());
        // AND every test has a name, a status of the format's five and an integer duration
        assertThat(results.path("tests").isArray()).isTrue();
        for (JsonNode test : results.path("tests")) {
            assertThat(test.path("name").asString()).isNotBlank();
            assertThat(test.path("status").asString()).isIn(Set.of("passed", "failed", "skipped", "pending", "other"));
            assertThat(test.path("duration").isIntegralNumber()).isTrue();
            assertThat(test.path("suite").isArray()).isTrue();
            assertThat(test.path("tags").isArray()).isTrue();
        }
    }

    @Test
    void countsWhatTheConsoleCounts() {
        // WHEN the report and the console are rendered from one run
        JsonNode summary = JsonMapper.shared()
                .readTree(CtrfReport.render(report))
                .path("results")
                .path("summary");
        String console = ConsoleReport.render(report);

        // THEN one test per rule, and the console's summary line reads the same counts
        assertThat(summary.path("tests").asInt()).isEqualTo(Rule.values().length);
        assertThat(console)
                .contains(summary.path("passed").asInt() + " passed, "
                        + summary.path("failed").asInt() + " failed")
                .contains(summary.path("skipped").asInt() + " skipped, of "
                        + summary.path("tests").asInt() + " rules");
        assertThat(summary.path("pending").asInt()).isZero();
        assertThat(summary.path("other").asInt()).isZero();
        assertThat(summary.path("passed").asInt()
                        + summary.path("failed").asInt()
                        + summary.path("skipped").asInt())
                .isEqualTo(summary.path("tests").asInt());
    }

    @Test
    void aFailedRuleCarriesItsMessageAndASkippedOneItsReason() {
        // WHEN the report is rendered
        JsonNode tests = JsonMapper.shared()
                .readTree(CtrfReport.render(report))
                .path("results")
                .path("tests");

        // THEN the engine rule failed with its message, the authentication rules are skipped with why
        JsonNode engine = find(tests, Rule.NEGATIVE_UNKNOWN_ENGINE);
        assertThat(engine.path("status").asString()).isEqualTo("failed");
        assertThat(engine.path("message").asString()).contains("RESET-NEGATIVE-01 (MUST) failed", "RocketMQ");
        assertThat(engine.path("extra").path("operations").get(0).asString()).isEqualTo("resetConsumeOffset");
        JsonNode auth = find(tests, Rule.AUTH_NO_CREDENTIALS);
        assertThat(auth.path("status").asString()).isEqualTo("skipped");
        assertThat(auth.path("message").asString()).contains("no credentials");
    }

    @Test
    void isWrittenBesideTheOtherReports(@TempDir Path directory) throws Exception {
        // WHEN the file reports are written
        List<Path> files = ReportFiles.write(report, directory);

        // THEN the CTRF file is among them, and --ctrf's single file is the same document
        Path ctrf = directory.resolve(ReportFiles.CTRF);
        assertThat(files).contains(ctrf);
        Path alone = ReportFiles.writeCtrf(report, directory.resolve("ci/ctrf.json"));
        assertThat(Files.readString(alone)).isEqualTo(Files.readString(ctrf));
    }

    private static JsonNode find(JsonNode tests, Rule rule) {
        for (JsonNode test : tests) {
            if (test.path("extra").path("id").asString().equals(rule.id())) {
                return test;
            }
        }
        throw new AssertionError("no test for " + rule.id());
    }
}
