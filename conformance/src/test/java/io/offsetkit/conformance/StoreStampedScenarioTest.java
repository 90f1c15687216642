package io.offsetkit.conformance;

import static io.offsetkit.conformance.rules.Rule.AUTH_EXPIRED_TOKEN;
import static io.offsetkit.conformance.rules.Rule.AUTH_OTHER_PROJECT_TOKEN;
import static io.offsetkit.conformance.rules.Rule.AUTH_READ_ONLY;
import static io.offsetkit.conformance.rules.Rule.EXACT_AFTER_LAST;
import static io.offsetkit.conformance.rules.Rule.EXACT_AT_MESSAGE;
import static io.offsetkit.conformance.rules.Rule.EXACT_BEFORE_FIRST;
import static io.offsetkit.conformance.rules.Rule.EXACT_BETWEEN;
import static io.offsetkit.conformance.rules.Rule.EXACT_COMMITTED;
import static io.offsetkit.conformance.rules.Rule.EXACT_EMPTY_QUEUE;
import static io.offsetkit.conformance.rules.Rule.EXACT_EQUAL_TIMESTAMPS;
import static io.offsetkit.conformance.rules.Rule.EXACT_FIRST_OFFSET_NOT_ZERO;
import static io.offsetkit.conformance.rules.Rule.EXACT_LATEST;
import static io.offsetkit.conformance.rules.Rule.EXACT_SEVERAL_BROKERS;
import static io.offsetkit.conformance.rules.Rule.EXACT_STEP_BACK;
import static io.offsetkit.conformance.rules.Rule.NEGATIVE_GROUP_OFFLINE;
import static io.offsetkit.conformance.rules.Rule.NEGATIVE_INTERNAL_ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.fake.Defect;
import io.offsetkit.conformance.fake.FakeDms;
import io.offsetkit.conformance.fake.StampingFixture;
import io.offsetkit.conformance.rules.Capability;
import io.offsetkit.conformance.rules.Rule;
import io.offsetkit.conformance.run.ConformanceKit;
import io.offsetkit.conformance.run.KitConfig;
import io.offsetkit.conformance.run.KitReport;
import io.offsetkit.conformance.run.RuleResult;
import io.offsetkit.conformance.run.Verdict;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact-answer rules over a fixture whose broker stamps the messages itself (as a real RocketMQ
 * cluster does): the kit resets to times derived from the stamps it reads back, still catches each
 * lookup defect in the rule that names it, and skips, with the reason, what a broker's clock cannot
 * be made to do.
 */
class StoreStampedScenarioTest {

    @Test
    void everyRulePassesOrIsSkippedWithTheReasonAgainstACorrectImplementation() {
        // WHEN the kit runs against a correct implementation whose broker stamps the messages
        KitReport report = run(true);

        // THEN the clock step back and the first offset 1000 are skipped with why, everything else passes
        Map<Rule, RuleResult> results = byRule(report);
        assertThat(results.get(EXACT_STEP_BACK).verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(results.get(EXACT_STEP_BACK).reason())
                .isEqualTo(Capability.CHOSEN_STORE_TIMESTAMPS.missingReason())
                .contains("cannot be made to step back");
        assertThat(results.get(EXACT_FIRST_OFFSET_NOT_ZERO).verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(results.get(EXACT_FIRST_OFFSET_NOT_ZERO).reason())
                .isEqualTo(Capability.FIRST_OFFSET.missingReason());
        // AND what only the fake's own fixture induces (an offline group, refused credentials, a failure) is
        // skipped with why
        Set<Rule> induced = EnumSet.of(
                NEGATIVE_GROUP_OFFLINE,
                NEGATIVE_INTERNAL_ERROR,
                AUTH_EXPIRED_TOKEN,
                AUTH_OTHER_PROJECT_TOKEN,
                AUTH_READ_ONLY);
        assertThat(report.results())
                .filteredOn(result -> induced.contains(result.rule()))
                .allSatisfy(result -> assertThat(result.verdict()).isEqualTo(Verdict.SKIPPED));
        assertThat(report.results())
                .filteredOn(result -> result.rule() != EXACT_STEP_BACK
                        && result.rule() != EXACT_FIRST_OFFSET_NOT_ZERO
                        && !induced.contains(result.rule()))
                .allSatisfy(result -> assertThat(result.verdict())
                        .as(result.rule().id() + ": " + result.message())
                        .isEqualTo(Verdict.PASSED));
        // AND the internal error, which this fixture cannot induce, says so in its rule and in the coverage
        assertThat(results.get(NEGATIVE_INTERNAL_ERROR).reason()).isEqualTo(Capability.INTERNAL_ERROR.missingReason());
        assertThat(report.coverage().items())
                .filteredOn(item ->
                        item.name().equals("DMS.00500000") || item.name().equals("500"))
                .hasSize(2)
                .allSatisfy(item -> assertThat(item.detail())
                        .isEqualTo("RESET-NEGATIVE-16 skipped: " + Capability.INTERNAL_ERROR.missingReason()));
        assertThat(report.summary()).contains("67 passed, 0 failed (0 MUST), 7 skipped, of 74 rules");
    }

    @Test
    void equalTimestampsAreSkippedWithTheReasonWhenTheBrokerStampsABatchApart() {
        // WHEN the broker gives each message of a batch its own millisecond
        KitReport report = run(false);

        // THEN there is nothing to check for equal timestamps, and the report says so; the rest still passes
        RuleResult equal = byRule(report).get(EXACT_EQUAL_TIMESTAMPS);
        assertThat(equal.verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(equal.reason()).contains("got different store times", "broker-1/1");
        assertThat(report.mustRulesPass()).isTrue();
        assertThat(report.count(Verdict.FAILED)).isZero();
    }

    @Test
    void betweenIsSkippedWithTheReasonWhenNoTwoMessagesAreTwoMillisecondsApart() {
        // GIVEN a broker whose clock runs 99 ms slow over each planned gap of 100 ms: neighbours 1 ms apart
        KitReport report = runWithDrift(-99, true);

        // THEN no time lies strictly between two messages of the ordered queue, and the report says so
        RuleResult between = byRule(report).get(EXACT_BETWEEN);
        assertThat(between.verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(between.reason()).contains("at least 2 ms apart", "broker-1/0");
        assertThat(report.count(Verdict.FAILED)).isZero();
    }

    static Stream<Arguments> lookupDefects() {
        return Stream.of(
                Arguments.of(Defect.BEFORE_FIRST_IS_MAX, EXACT_BEFORE_FIRST),
                Arguments.of(Defect.AT_MESSAGE_SKIPPED, EXACT_AT_MESSAGE),
                Arguments.of(Defect.BETWEEN_GIVES_EARLIER, EXACT_BETWEEN),
                Arguments.of(Defect.LAST_OF_EQUAL, EXACT_EQUAL_TIMESTAMPS),
                Arguments.of(Defect.AFTER_LAST_IS_LAST_MESSAGE, EXACT_AFTER_LAST),
                Arguments.of(Defect.EMPTY_QUEUE_OMITTED, EXACT_EMPTY_QUEUE),
                Arguments.of(Defect.SECOND_BROKER_IGNORED, EXACT_SEVERAL_BROKERS),
                Arguments.of(Defect.LATEST_IS_LAST_MESSAGE, EXACT_LATEST),
                Arguments.of(Defect.NOT_COMMITTED, EXACT_COMMITTED));
    }

    @ParameterizedTest(name = "{0} fails {1}")
    @MethodSource("lookupDefects")
    void eachLookupDefectFailsTheRuleThatNamesItOnStoreStampedData(Defect defect, Rule rule) {
        // WHEN the kit runs against an implementation with the defect, the broker stamping the messages
        KitReport report = run(true, defect);

        // THEN the rule that names the case fails, with the times written relative to the stamps' second
        RuleResult result = byRule(report).get(rule);
        assertThat(result.verdict()).as(result.message()).isEqualTo(Verdict.FAILED);
        assertThat(result.message()).contains(rule.id());
        if (rule != EXACT_COMMITTED && rule != EXACT_SEVERAL_BROKERS) {
            assertThat(result.message())
                    .contains("relative to 1764000000000, store times as the target's brokers stamped them");
        }
    }

    private static KitReport run(boolean batchesShareAStamp, Defect... defects) {
        return runWithDrift(7, batchesShareAStamp, defects);
    }

    private static KitReport runWithDrift(long driftMillis, boolean batchesShareAStamp, Defect... defects) {
        try (FakeDms fake = FakeDms.withAkSk(KitAgainstFake.AK, KitAgainstFake.SK, defects)) {
            KitConfig config = KitConfig.of(KitAgainstFake.target(fake))
                    .withCredentials(Credentials.akSk(KitAgainstFake.AK, KitAgainstFake.SK))
                    .withFixture("stamping", new StampingFixture(fake.fixture(), driftMillis, batchesShareAStamp))
                    .withDocumentedData(true);
            return new ConformanceKit(config).run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<Rule, RuleResult> byRule(KitReport report) {
        return report.results().stream().collect(Collectors.toMap(RuleResult::rule, result -> result));
    }
}
