package io.offsetkit.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.offsetkit.conformance.fake.Defect;
import io.offsetkit.conformance.fake.FakeDms;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.rules.Capability;
import io.offsetkit.conformance.rules.Rule;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The kit as a @TestFactory, in a test class that extends a base class of its own. */
class ResetConsumeOffsetTestsTest {

    static FakeDms server;

    /** The vendor's own base class: why the vendor cannot extend the kit's. */
    abstract static class VendorIntegrationBase {
        Target target() {
            return new Target(server.baseUrl(), FakeDms.PROJECT, FakeDms.INSTANCE, FakeDms.GROUP, FakeDms.TOPIC, null);
        }
    }

    static class VendorTests extends VendorIntegrationBase {
        @TestFactory
        Stream<DynamicNode> conformance() {
            return ResetConsumeOffsetTests.of(this::target)
                    .disable("RESET-DOMAIN-09", "the older route is not served yet")
                    .seed(77)
                    .tests();
        }
    }

    private static Events run() {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(VendorTests.class))
                .execute()
                .testEvents();
    }

    @Test
    void oneTestPerRuleNamedByIdAndLevelSkippingWhatIsDisabledOrMissing() throws Exception {
        try (FakeDms started = FakeDms.start()) {
            server = started;

            // WHEN JUnit runs the vendor's factory against a correct implementation, target only
            Events tests = run();

            // THEN every rule is one test; the disabled rule and those needing more are skipped with why
            long needingMore = Arrays.stream(Rule.values())
                    .filter(rule -> !rule.requires().isEmpty())
                    // the read-back rules run black-box through the progress read, but the one needing a second group
                    .filter(rule -> !rule.requires().equals(Set.of(Capability.COMMITTED_OFFSETS))
                            || rule == Rule.EXACT_OTHER_GROUP_UNTOUCHED)
                    .count();
            tests.assertStatistics(stats -> stats.started(Rule.values().length)
                    .aborted(needingMore + 1)
                    .succeeded(Rule.values().length - needingMore - 1)
                    .failed(0));
            tests.aborted()
                    .assertThatEvents()
                    .haveExactly(
                            1,
                            event(
                                    displayName("RESET-DOMAIN-09 SHOULD: " + Rule.DOMAIN_OLDER_ROUTE.statement()),
                                    abortedWithReason(
                                            message("RESET-DOMAIN-09 disabled: the older route is not served yet"))))
                    .haveAtLeastOne(
                            event(abortedWithReason(message(text -> text.startsWith("RESET-AUTH-01 skipped: ")))));
        }
    }

    @Test
    void aFailedRuleFailsItsTestWithTheKitsMessageAndTheSeed() throws Exception {
        try (FakeDms started = FakeDms.start(Defect.UNKNOWN_INSTANCE_IS_500)) {
            server = started;

            Events tests = run();

            tests.assertStatistics(stats -> stats.failed(2));
            tests.failed()
                    .assertThatEvents()
                    .haveExactly(
                            1,
                            event(
                                    displayName(
                                            "RESET-NEGATIVE-02 MUST: " + Rule.NEGATIVE_UNKNOWN_INSTANCE.statement()),
                                    finishedWithFailure(
                                            message(text -> text.startsWith("RESET-NEGATIVE-02 (MUST) failed: ")
                                                    && text.contains("Request sent:")
                                                    && text.endsWith("Seed: 77 (replay with -Doffsetkit.seed=77)")))));
        }
    }

    @Test
    void disablingAnUnknownIdIsRefusedNamingTheClosest() {
        assertThatThrownBy(() -> ResetConsumeOffsetTests.of(
                                new Target(java.net.URI.create("http://x"), "p", "i", "g", "t", null))
                        .disable("RESET-WIRE-4", "x"))
                .hasMessage("No rule has the id 'RESET-WIRE-4'; the closest is RESET-WIRE-04");
        assertThat(ResetConsumeOffsetTests.of(new Target(java.net.URI.create("http://x"), "p", "i", "g", "t", null))
                        .tests())
                .hasSize(io.offsetkit.conformance.rules.Family.values().length);
    }
}
