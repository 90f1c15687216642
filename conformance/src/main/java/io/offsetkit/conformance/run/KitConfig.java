package io.offsetkit.conformance.run;

import io.offsetkit.client.auth.AkSkCredentials;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.client.auth.TokenCredentials;
import io.offsetkit.conformance.fixture.Fixture;
import io.offsetkit.conformance.http.Target;
import java.time.Clock;
import java.util.Objects;

/**
 * What one run of the kit is given.
 *
 * @param target the implementation and the ids (required)
 * @param credentials what authenticates the kit's requests; {@link Credentials#none()} when the
 *     target does not authenticate (the authentication rules are then skipped)
 * @param fixture the implementer's fixture, or null (the exact-answer rules are then skipped)
 * @param fixtureName the fixture's name for reports
 * @param documentedData whether the target holds the documented example's data
 * @param clock the clock for signing dates and report times
 */
public record KitConfig(
        Target target,
        Credentials credentials,
        Fixture fixture,
        String fixtureName,
        boolean documentedData,
        Clock clock) {

    public KitConfig {
        Objects.requireNonNull(target, "target");
        credentials = credentials == null ? Credentials.none() : credentials;
        fixtureName = fixture == null
                ? "none"
                : (fixtureName == null ? fixture.getClass().getSimpleName() : fixtureName);
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** A run against a target without credentials, fixture or documented data. */
    public static KitConfig of(Target target) {
        return new KitConfig(target, Credentials.none(), null, null, false, Clock.systemUTC());
    }

    public KitConfig withCredentials(Credentials credentials) {
        return new KitConfig(target, credentials, fixture, fixtureName, documentedData, clock);
    }

    public KitConfig withFixture(String name, Fixture fixture) {
        return new KitConfig(target, credentials, fixture, name, documentedData, clock);
    }

    public KitConfig withDocumentedData(boolean documentedData) {
        return new KitConfig(target, credentials, fixture, fixtureName, documentedData, clock);
    }

    /** The kind of credentials, never their value: {@code none}, {@code token} or {@code AK/SK}. */
    public String credentialsKind() {
        if (credentials instanceof TokenCredentials) {
            return "token";
        }
        return credentials instanceof AkSkCredentials ? "AK/SK" : "none";
    }
}
