package io.offsetkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.fake.FakeDms;
import io.offsetkit.conformance.rules.Capability;
import io.offsetkit.conformance.rules.Family;
import io.offsetkit.conformance.rules.Rule;
import io.offsetkit.conformance.run.ConformanceKit;
import io.offsetkit.conformance.run.KitConfig;
import io.offsetkit.conformance.run.KitReport;
import io.offsetkit.conformance.run.RuleResult;
import io.offsetkit.conformance.run.Verdict;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The kit against a correct implementation: everything it can check passes; what it cannot is skipped, never passed. */
class CorrectImplementationTest {

    /** The rules that read back a reset's effect: black-box through the progress read when the target has it. */
    static final Set<Rule> READ_BACK = EnumSet.of(
            Rule.EXACT_COMMITTED,
            Rule.EXACT_COMMITTED_BACKWARDS,
            Rule.EXACT_OTHER_GROUP_UNTOUCHED,
            Rule.EXACT_REFUSED_CHANGES_NOTHING);

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

            // THEN the authentication, exact-answer and documented-answer rules are skipped, with why;
            // the read-back rules run black-box through the progress read, but the one that needs a second group
            for (RuleResult result : report.results()) {
                boolean needsMore = !result.rule().requires().isEmpty();
                boolean blackBox = READ_BACK.contains(result.rule());
                assertThat(result.verdict())
                        .as(result.rule().id() + ": " + result.message())
                        .isEqualTo(
                                needsMore && (!blackBox || result.rule() == Rule.EXACT_OTHER_GROUP_UNTOUCHED)
                                        ? Verdict.SKIPPED
                                        : Verdict.PASSED);
            }
            assertThat(report.results())
                    .filteredOn(result -> result.rule() == Rule.EXACT_OTHER_GROUP_UNTOUCHED)
                    .singleElement()
                    .satisfies(result -> assertThat(result.reason()).contains("--other-group"));
            assertThat(report.results())
                    .filteredOn(result -> result.rule() == Rule.AUTH_STALE_DATE)
                    .singleElement()
                    .satisfies(result -> assertThat(result.reason()).isEqualTo(Capability.CREDENTIALS.missingReason()));
            assertThat(report.results())
                    .filteredOn(result -> result.rule().family() == Family.EXACT && !READ_BACK.contains(result.rule()))
                    .allSatisfy(result -> assertThat(result.reason()).isEqualTo(Capability.FIXTURE.missingReason()));
            assertThat(report.mustRulesPass()).isTrue();
        }
    }

    @Test
    void everyReadBackRuleRunsAndPassesBlackBoxThroughTheProgressRead() throws Exception {
        // GIVEN a target that implements the reads, with credentials, no fixture and a second group named
        try (FakeDms fake = FakeDms.withAkSk(KitAgainstFake.AK, KitAgainstFake.SK)) {
            KitConfig config = KitConfig.of(KitAgainstFake.target(fake))
                    .withCredentials(Credentials.akSk(KitAgainstFake.AK, KitAgainstFake.SK))
                    .withOtherGroup(FakeDms.OTHER_GROUP);

            // WHEN the kit runs
            KitReport report = new ConformanceKit(config).run();

            // THEN every read-back rule runs and passes, read back through the contract's progress read
            assertThat(report.results())
                    .filteredOn(result -> READ_BACK.contains(result.rule()))
                    .hasSize(4)
                    .allSatisfy(result -> assertThat(result.verdict())
                            .as(result.rule().id() + ": " + result.reason() + result.message())
                            .isEqualTo(Verdict.PASSED));
            assertThat(report.mustRulesPass()).isTrue();
        }
    }
}
