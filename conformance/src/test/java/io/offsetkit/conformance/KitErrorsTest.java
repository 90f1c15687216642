package io.offsetkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.conformance.fake.FakeDms;
import io.offsetkit.conformance.fixture.Fixture;
import io.offsetkit.conformance.fixture.QueueRef;
import io.offsetkit.conformance.report.ConsoleReport;
import io.offsetkit.conformance.report.CtrfReport;
import io.offsetkit.conformance.report.HtmlReport;
import io.offsetkit.conformance.report.JsonReport;
import io.offsetkit.conformance.report.JunitXmlReport;
import io.offsetkit.conformance.report.MarkdownReport;
import io.offsetkit.conformance.rules.Rule;
import io.offsetkit.conformance.run.ConformanceKit;
import io.offsetkit.conformance.run.KitReport;
import io.offsetkit.conformance.run.Outcome;
import io.offsetkit.conformance.run.RuleResult;
import io.offsetkit.conformance.run.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A failure of the kit itself (here a fixture with a bug) is the verdict {@link Verdict#ERROR}, apart
 * from the target's {@code FAILED}, in the run and in every report; it is never a pass.
 */
class KitErrorsTest {

    /** A fixture with a bug: it cannot create a topic, and says so with an exception no fixture should throw. */
    private static final class BuggyFixture implements Fixture {
        private final Fixture working;

        BuggyFixture(Fixture working) {
            this.working = working;
        }

        @Override
        public List<String> brokers() {
            return working.brokers();
        }

        @Override
        public void createTopic(String topic, Map<String, Integer> queuesPerBroker) {
            throw new IllegalStateException("a bug in the fixture: no topic " + topic);
        }

        @Override
        public void createGroup(String group) {
            working.createGroup(group);
        }

        @Override
        public void appendMessages(QueueRef queue, long firstOffset, List<Long> storeTimestamps) {
            working.appendMessages(queue, firstOffset, storeTimestamps);
        }
    }

    private static KitReport report;

    @BeforeAll
    static void runTheKitWithABuggyFixtureAgainstACorrectImplementation() throws Exception {
        try (FakeDms fake = FakeDms.withAkSk(KitAgainstFake.AK, KitAgainstFake.SK)) {
            report = new ConformanceKit(
                            KitAgainstFake.config(fake).withFixture("buggy", new BuggyFixture(fake.fixture())))
                    .run();
        }
    }

    @Test
    void theRulesTheBugStopsAreErrors_notFailuresOfTheTarget_andNeverPasses() {
        RuleResult exact = result(Rule.EXACT_BEFORE_FIRST);
        assertThat(exact.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(exact.reason())
                .startsWith("the kit could not check the rule: java.lang.IllegalStateException: a bug in the fixture");
        assertThat(exact.message())
                .contains("could not be checked (an error of the kit, not a verdict on the target)")
                .contains("at io.offsetkit.conformance.KitErrorsTest$BuggyFixture.createTopic");
        // the target is correct: nothing fails, and the rules the fixture does not touch pass
        assertThat(KitAgainstFake.with(report.results(), Verdict.FAILED)).isEmpty();
        assertThat(result(Rule.EXAMPLE_NUMERIC).verdict()).isEqualTo(Verdict.PASSED);
        assertThat(report.outcome(exact)).isEqualTo(Outcome.ERROR);
        assertThat(report.hasErrors()).isTrue();
        assertThat(report.passes()).isFalse();
    }

    @Test
    void theResultLineSaysTheVerdictIsIncomplete() {
        assertThat(report.resultLine())
                .startsWith("the kit failed on ")
                .contains("RESET-EXACT-01", "so the verdict is incomplete");
        assertThat(report.summary()).contains("errors of the kit");
    }

    @Test
    void everyReportShowsTheErrorApartFromFailures() {
        long errors = report.count(Verdict.ERROR);
        // console and Markdown: the verdict column says ERROR
        assertThat(ConsoleReport.render(report))
                .containsPattern("RESET-EXACT-01 +MUST +ERROR ")
                .contains("---- RESET-EXACT-01 (ERROR: the kit failed, no verdict on the target) ----");
        assertThat(MarkdownReport.render(report))
                .contains("**ERROR**", "### Errors of the kit (no verdict on the target)");
        // HTML: a class and a badge of its own
        assertThat(HtmlReport.render(report)).contains("class=\"ERROR\"", errors + " errors of the kit");
        // JSON: the verdict and a count
        JsonNode json = JsonMapper.shared().readTree(JsonReport.render(report));
        assertThat(json.path("summary").path("errors").asLong()).isEqualTo(errors);
        assertThat(json.path("summary").path("failed").asLong()).isZero();
        assertThat(verdictOf(json.path("results"), "RESET-EXACT-01", "verdict")).isEqualTo("ERROR");
        // JUnit XML: <error>, not <failure>
        String xml = JunitXmlReport.render(report);
        assertThat(xml)
                .contains(
                        "errors=\"" + errors + "\"",
                        "failures=\"0\"",
                        "<error message=\"the kit could not check the rule");
        assertThat(xml).doesNotContain("<failure");
        // CTRF: status other, counted under other
        JsonNode ctrf = JsonMapper.shared().readTree(CtrfReport.render(report));
        assertThat(ctrf.path("results").path("summary").path("other").asLong()).isEqualTo(errors);
        assertThat(ctrf.path("results").path("summary").path("failed").asLong()).isZero();
        for (JsonNode test : ctrf.path("results").path("tests")) {
            if (test.path("extra").path("id").asString().equals("RESET-EXACT-01")) {
                assertThat(test.path("status").asString()).isEqualTo("other");
                assertThat(test.path("rawStatus").asString()).isEqualTo("ERROR");
            }
        }
        assertThat(Set.of(errors)).doesNotContain(0L);
    }

    private static String verdictOf(JsonNode results, String id, String field) {
        for (JsonNode result : results) {
            if (result.path("id").asString().equals(id)) {
                return result.path(field).asString();
            }
        }
        throw new AssertionError("no result for " + id);
    }

    private static RuleResult result(Rule rule) {
        return report.results().stream()
                .filter(result -> result.rule() == rule)
                .findFirst()
                .orElseThrow();
    }
}
