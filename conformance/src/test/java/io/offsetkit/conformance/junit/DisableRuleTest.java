package io.offsetkit.conformance.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.offsetkit.conformance.fake.FakeDms;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.rules.Capability;
import io.offsetkit.conformance.rules.Rule;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** A vendor's class disables rules by id with a reason; the tests show as skipped, with it. */
class DisableRuleTest {

    static FakeDms server;

    /** A vendor that does not serve the older route, and disables it and one more rule. */
    @DisableRule(id = "RESET-DOMAIN-09", reason = "the older route is not served yet (GW-1234)")
    @DisableRule(id = "RESET-EDGE-03", reason = "names are checked by our API gateway")
    static class Disabling extends ResetConsumeOffsetVerification {
        @Override
        protected Target target() {
            return new Target(server.baseUrl(), FakeDms.PROJECT, FakeDms.INSTANCE, FakeDms.GROUP, FakeDms.TOPIC, null);
        }
    }

    /** A vendor whose annotation names no rule. */
    @DisableRule(id = "RESET-DOMAIN-9", reason = "typo")
    static class Misspelt extends Disabling {}

    @Test
    void disabledRulesAreSkippedWithTheirReasonAndTheOthersRun() throws Exception {
        try (FakeDms started = FakeDms.start(io.offsetkit.conformance.fake.Defect.OLDER_ROUTE_MISSING)) {
            server = started;

            // WHEN JUnit runs the vendor's class against a target without the older route
            Events tests = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(Disabling.class))
                    .execute()
                    .testEvents();

            // THEN the two disabled rules are skipped with the reasons, and nothing fails
            tests.assertStatistics(stats -> stats.skipped(2).failed(0));
            tests.skipped()
                    .assertThatEvents()
                    .haveExactly(
                            1,
                            event(skippedWithReason(
                                    "RESET-DOMAIN-09 disabled: the older route is not served yet (GW-1234)")))
                    .haveExactly(
                            1,
                            event(skippedWithReason("RESET-EDGE-03 disabled: names are checked by our API gateway")));
            long needingMore = Arrays.stream(Rule.values())
                    .filter(rule -> !rule.requires().isEmpty())
                    // the read-back rules run black-box through the progress read, but the one needing a second group
                    .filter(rule -> !rule.requires().equals(Set.of(Capability.COMMITTED_OFFSETS))
                            || rule == Rule.EXACT_OTHER_GROUP_UNTOUCHED)
                    .count();
            tests.assertStatistics(stats -> stats.started(Rule.values().length - 2)
                    .aborted(needingMore)
                    .succeeded(Rule.values().length - 2 - needingMore));
        }
    }

    @Test
    void anIdThatNamesNoRuleFailsNamingTheClosest() throws Exception {
        try (FakeDms started = FakeDms.start()) {
            server = started;

            Events tests = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(Misspelt.class))
                    .execute()
                    .testEvents();

            tests.failed()
                    .assertThatEvents()
                    .haveAtLeastOne(event(
                            displayName("RESET-NEGATIVE-01 MUST: " + Rule.NEGATIVE_UNKNOWN_ENGINE.statement()),
                            finishedWithFailure(message(text -> text.contains(
                                    "No rule has the id 'RESET-DOMAIN-9'; the closest is RESET-DOMAIN-09")))));
        }
    }
}
