package io.offsetkit.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.offsetkit.conformance.fake.FakeDms;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.rules.Capability;
import io.offsetkit.conformance.rules.Rule;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventConditions;
import org.junit.platform.testkit.engine.Events;

/** The base class has one test per rule, named by it, and skips what a vendor does not give. */
class VerificationClassTest {

    @Test
    void everyRuleHasExactlyOneTestNamedWithItsLevelAndId() {
        // GIVEN the test methods of every nested group
        List<Rule> tested = new ArrayList<>();
        for (Class<?> group : ResetConsumeOffsetVerification.class.getDeclaredClasses()) {
            assertThat(group.isAnnotationPresent(Nested.class))
                    .as(group.getName())
                    .isTrue();
            for (Method method : group.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(Test.class)) {
                    continue;
                }
                Rule rule = RuleDisplayNames.ruleOf(method.getName());
                // THEN each names its rule's level, and sits in its family's group
                assertThat(method.getName()).startsWith(rule.level().name().toLowerCase(Locale.ROOT) + "_");
                assertThat(group.getAnnotation(org.junit.jupiter.api.DisplayName.class)
                                .value())
                        .isEqualTo(rule.family().title());
                tested.add(rule);
            }
        }
        // AND every rule is tested exactly once
        assertThat(tested).containsExactlyInAnyOrder(Rule.values());
    }

    /** A vendor that gives only the required hook, against a server without authentication. */
    static class TargetOnly extends ResetConsumeOffsetVerification {
        static FakeDms server;

        @Override
        protected Target target() {
            return new Target(server.baseUrl(), FakeDms.PROJECT, FakeDms.INSTANCE, FakeDms.GROUP, FakeDms.TOPIC, null);
        }
    }

    @Test
    void withOnlyTheTargetTheRulesNeedingMoreAreSkippedNotPassed() throws Exception {
        try (FakeDms server = FakeDms.start()) {
            TargetOnly.server = server;

            // WHEN JUnit runs the vendor's class
            Events tests = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(TargetOnly.class))
                    .execute()
                    .testEvents();

            // THEN the rules needing credentials, a fixture or the documented data are skipped (aborted)
            long needingMore = Arrays.stream(Rule.values())
                    .filter(rule -> !rule.requires().isEmpty())
                    // the read-back rules run black-box through the progress read, but the one needing a second group
                    .filter(rule -> !rule.requires().equals(Set.of(Capability.COMMITTED_OFFSETS))
                            || rule == Rule.EXACT_OTHER_GROUP_UNTOUCHED)
                    .count();
            tests.assertStatistics(stats -> stats.started(Rule.values().length)
                    .succeeded(Rule.values().length - needingMore)
                    .aborted(needingMore)
                    .failed(0));
            tests.aborted()
                    .assertThatEvents()
                    .haveAtLeastOne(EventConditions.event(EventConditions.displayName(
                            "RESET-AUTH-01 MUST: " + Rule.AUTH_NO_CREDENTIALS.statement())));
        }
    }
}
