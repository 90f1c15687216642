package io.offsetkit.conformance.junit;

import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.fixture.Fixture;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.rules.Family;
import io.offsetkit.conformance.rules.Rule;
import io.offsetkit.conformance.run.ConformanceKit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The conformance kit as JUnit 5 dynamic tests, for a test class that extends a base class of its own
 * and so cannot extend {@link ResetConsumeOffsetVerification}: a {@code @TestFactory} returns {@link
 * #tests()}, one container per family, one test per rule named by its id, level and statement.
 *
 * <pre>{@code
 * class MyGatewayConformanceTest extends MyIntegrationTestBase {
 *     @TestFactory
 *     Stream<DynamicNode> conformance() {
 *         return ResetConsumeOffsetTests.of(() -> new Target(gatewayUrl(), "my-project", "my-instance",
 *                         "conformance_group", "conformance_topic", null))
 *                 .credentials(Credentials.akSk(System.getenv("CLOUD_SDK_AK"), System.getenv("OFFSETKIT_SK")))
 *                 .disable("RESET-DOMAIN-09", "the older route is not served yet (GW-1234)")
 *                 .tests();
 *     }
 * }
 * }</pre>
 *
 * The same verdicts as the base class: a skipped rule (a missing capability, or disabled here) aborts
 * its test with the reason, a failed one fails it with the kit's message and the seed. The kit is made
 * when the first test runs, so the target may be supplied late (a server started in {@code
 * @BeforeAll}); the tests share it, so probes several rules need are sent once.
 */
public final class ResetConsumeOffsetTests {

    private final Supplier<Target> target;
    private Credentials credentials = Credentials.none();
    private Fixture fixture;
    private boolean documentedData;
    private Long seed;
    private final Map<Rule, String> disabled = new EnumMap<>(Rule.class);
    private String otherGroup;
    private ConformanceKit kit;
    private long usedSeed;

    private ResetConsumeOffsetTests(Supplier<Target> target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /** The tests of a target. */
    public static ResetConsumeOffsetTests of(Target target) {
        Objects.requireNonNull(target, "target");
        return new ResetConsumeOffsetTests(() -> target);
    }

    /** The tests of a target known only when the tests run (asked for once, by the first test). */
    public static ResetConsumeOffsetTests of(Supplier<Target> target) {
        return new ResetConsumeOffsetTests(target);
    }

    /** Credentials to authenticate with; without them the authentication rules are skipped. */
    public ResetConsumeOffsetTests credentials(Credentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        return this;
    }

    /** A fixture over the target; without one the exact-answer rules are skipped. */
    public ResetConsumeOffsetTests fixture(Fixture fixture) {
        this.fixture = fixture;
        return this;
    }

    /** Whether the target holds the documented example's data; without it RESET-EXAMPLE-03 is skipped. */
    public ResetConsumeOffsetTests documentedData(boolean documentedData) {
        this.documentedData = documentedData;
        return this;
    }

    /**
     * A second existing group on the target's topic, which the read-back rules reset to show that the
     * target's group is left untouched; without it and without a fixture RESET-EXACT-13 is skipped.
     */
    public ResetConsumeOffsetTests otherGroup(String otherGroup) {
        this.otherGroup = otherGroup;
        return this;
    }

    /** The seed of the run's random choices; default {@code -Doffsetkit.seed} when set, else a new one. */
    public ResetConsumeOffsetTests seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Disables one rule, with the reason: its test is reported as skipped with {@code "<id> disabled:
     * <reason>"}.
     *
     * @throws IllegalArgumentException naming the closest id when no rule has this one
     */
    public ResetConsumeOffsetTests disable(String ruleId, String reason) {
        disabled.put(Rule.byId(ruleId), Objects.requireNonNull(reason, "reason"));
        return this;
    }

    /** One container per family, in catalogue order, each with one test per rule. */
    public Stream<DynamicNode> tests() {
        List<DynamicNode> families = new ArrayList<>();
        for (Family family : Family.values()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (Rule rule : Rule.of(family)) {
                tests.add(DynamicTest.dynamicTest(RuleDisplayNames.of(rule), () -> verify(rule)));
            }
            families.add(DynamicContainer.dynamicContainer(family.title(), tests));
        }
        return families.stream();
    }

    private void verify(Rule rule) {
        String reason = disabled.get(rule);
        if (reason != null) {
            Assumptions.abort(rule.id() + " disabled: " + reason);
        }
        JunitVerdicts.apply(kit().check(rule), usedSeed);
    }

    private synchronized ConformanceKit kit() {
        if (kit == null) {
            usedSeed = seed != null ? seed : JunitVerdicts.seed();
            kit = JunitKits.kit(
                    target.get(), credentials, fixture, documentedData, usedSeed, otherGroup, disabled.keySet());
        }
        return kit;
    }
}
