package io.offsetkit.conformance.run;

import io.offsetkit.client.auth.AkSkCredentials;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.client.auth.TokenCredentials;
import io.offsetkit.conformance.check.KitRandom;
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
 * @param seed where every random choice of the run comes from (names, ids, generated values); the
 *     same seed replays them
 * @param selection which rules to check; the others are reported as skipped, with the pattern that
 *     left them out
 * @param otherGroup a second existing group on the target's topic, which the read-back rules reset to
 *     show that the target's group is left untouched; null when none is named (a fixture then
 *     creates one, and without a fixture that rule is skipped)
 */
public record KitConfig(
        Target target,
        Credentials credentials,
        Fixture fixture,
        String fixtureName,
        boolean documentedData,
        Clock clock,
        long seed,
        RuleSelection selection,
        String otherGroup) {

    public KitConfig {
        selection = selection == null ? RuleSelection.all() : selection;
        Objects.requireNonNull(target, "target");
        credentials = credentials == null ? Credentials.none() : credentials;
        fixtureName = fixture == null
                ? "none"
                : (fixtureName == null ? fixture.getClass().getSimpleName() : fixtureName);
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** A run against a target without credentials, fixture or documented data, with a new random seed. */
    public static KitConfig of(Target target) {
        return new KitConfig(
                target,
                Credentials.none(),
                null,
                null,
                false,
                Clock.systemUTC(),
                KitRandom.newSeed(),
                RuleSelection.all(),
                null);
    }

    public KitConfig withCredentials(Credentials credentials) {
        return new KitConfig(
                target, credentials, fixture, fixtureName, documentedData, clock, seed, selection, otherGroup);
    }

    public KitConfig withFixture(String name, Fixture fixture) {
        return new KitConfig(target, credentials, fixture, name, documentedData, clock, seed, selection, otherGroup);
    }

    public KitConfig withDocumentedData(boolean documentedData) {
        return new KitConfig(
                target, credentials, fixture, fixtureName, documentedData, clock, seed, selection, otherGroup);
    }

    /** The same run with the given seed: replays the random choices of the run that printed it. */
    public KitConfig withSeed(long seed) {
        return new KitConfig(
                target, credentials, fixture, fixtureName, documentedData, clock, seed, selection, otherGroup);
    }

    /** The same run checking only the selected rules. */
    public KitConfig withSelection(RuleSelection selection) {
        return new KitConfig(
                target, credentials, fixture, fixtureName, documentedData, clock, seed, selection, otherGroup);
    }

    /** The same run with a second existing group on the target's topic, for the read-back rules. */
    public KitConfig withOtherGroup(String otherGroup) {
        return new KitConfig(
                target, credentials, fixture, fixtureName, documentedData, clock, seed, selection, otherGroup);
    }

    /** The kind of credentials, never their value: {@code none}, {@code token} or {@code AK/SK}. */
    public String credentialsKind() {
        if (credentials instanceof TokenCredentials) {
            return "token";
        }
        return credentials instanceof AkSkCredentials ? "AK/SK" : "none";
    }
}
