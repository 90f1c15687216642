package io.offsetkit.conformance.junit;

import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.fixture.Fixture;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.rules.Rule;
import io.offsetkit.conformance.run.ConformanceKit;
import io.offsetkit.conformance.run.KitConfig;
import io.offsetkit.conformance.run.RuleSelection;
import java.util.List;
import java.util.Set;

/** The kit of a JUnit run, configured the same way in both JUnit forms. */
final class JunitKits {

    private JunitKits() {}

    /**
     * A kit on the target with what the test class gave.
     *
     * @param fixture the fixture, named in reports by its class's simple name; null for none
     * @param otherGroup a second existing group on the target's topic for the read-back rules; null for none
     * @param disabled the rules the test class disables: left out of the kit's selection, so that no
     *     other rule's check runs them (the response rules run every selected rule first)
     */
    static ConformanceKit kit(
            Target target,
            Credentials credentials,
            Fixture fixture,
            boolean documentedData,
            long seed,
            String otherGroup,
            Set<Rule> disabled) {
        KitConfig config = KitConfig.of(target);
        if (!disabled.isEmpty()) {
            config = config.withSelection(
                    RuleSelection.of(List.of(), disabled.stream().map(Rule::id).toList()));
        }
        return new ConformanceKit(config.withCredentials(credentials)
                .withFixture(fixture == null ? null : fixture.getClass().getSimpleName(), fixture)
                .withDocumentedData(documentedData)
                .withSeed(seed)
                .withOtherGroup(otherGroup));
    }
}
