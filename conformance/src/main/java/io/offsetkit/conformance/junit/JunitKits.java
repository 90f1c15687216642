package io.offsetkit.conformance.junit;

import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.fixture.Fixture;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.run.ConformanceKit;
import io.offsetkit.conformance.run.KitConfig;

/** The kit of a JUnit run, configured the same way in both JUnit forms. */
final class JunitKits {

    private JunitKits() {}

    /**
     * A kit on the target with what the test class gave.
     *
     * @param fixture the fixture, named in reports by its class's simple name; null for none
     * @param otherGroup a second existing group on the target's topic for the read-back rules; null for none
     */
    static ConformanceKit kit(
            Target target,
            Credentials credentials,
            Fixture fixture,
            boolean documentedData,
            long seed,
            String otherGroup) {
        return new ConformanceKit(KitConfig.of(target)
                .withCredentials(credentials)
                .withFixture(fixture == null ? null : fixture.getClass().getSimpleName(), fixture)
                .withDocumentedData(documentedData)
                .withSeed(seed)
                .withOtherGroup(otherGroup));
    }
}
