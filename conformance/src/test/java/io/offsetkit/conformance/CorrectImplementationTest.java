package io.offsetkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.conformance.fake.FakeDms;
import io.offsetkit.conformance.rules.Capability;
import io.offsetkit.conformance.rules.Family;
import io.offsetkit.conformance.rules.Rule;
import io.offsetkit.conformance.run.ConformanceKit;
import io.offsetkit.conformance.run.KitConfig;
import io.offsetkit.conformance.run.KitReport;
import io.offsetkit.conformance.run.RuleResult;
import io.offsetkit.conformance.run.Verdict;
import org.junit.jupiter.api.Test;

/** The kit against a correct implementation: everything it can check passes; what it cannot is skipped, never passed. */
class CorrectImplementationTest {

    @Test
    void everyRulePassesAgainstACorrectImplementationWithEveryCapability() {
        // WHEN the kit runs with credentials, a fixture and the documented data
        KitReport report = KitAgainstFake.run();

        // THEN every rule passes
        assertThat(report.results())
                .allSatisfy(result -> assertThat(result.verdict())
                        .as(result.rule().id() + ": " + result.message())
                        .isEqualTo(Verdict.PASSED));
        assertThat(report.mustRulesPass()).isTrue();
        assertThat(report.info().specSha256()).hasSize(64);
        assertThat(report.info().kitVersion()).isNotBlank().isNotEqualTo("unknown");
    }

    @Test
    void rulesNeedingAMissingCapabilityAreSkippedWithTheReason() throws Exception {
        // GIVEN a target without authentication, and no fixture, credentials or documented data
        try (FakeDms fake = FakeDms.start()) {
            // WHEN the kit runs
            KitReport report = new ConformanceKit(KitConfig.of(KitAgainstFake.target(fake))).run();

            // THEN the authentication, exact-answer and documented-answer rules are skipped, with why
            for (RuleResult result : report.results()) {
                boolean needsMore = !result.rule().requires().isEmpty();
                assertThat(result.verdict())
                        .as(result.rule().id())
                        .isEqualTo(needsMore ? Verdict.SKIPPED : Verdict.PASSED);
            }
            assertThat(report.results())
                    .filteredOn(result -> result.rule() == Rule.AUTH_STALE_DATE)
                    .singleElement()
                    .satisfies(result -> assertThat(result.reason()).isEqualTo(Capability.CREDENTIALS.missingReason()));
            assertThat(report.results())
                    .filteredOn(result -> result.rule().family() == Family.EXACT)
                    .allSatisfy(result -> assertThat(result.reason()).isEqualTo(Capability.FIXTURE.missingReason()));
            assertThat(report.mustRulesPass()).isTrue();
        }
    }
}
