package io.offsetkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.conformance.fake.FakeDms;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.run.ConformanceKit;
import io.offsetkit.conformance.run.KitReport;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every random choice of a run comes from its seed: the same seed sends the same requests again,
 * except for the fresh tag of the topics and groups the kit creates through the fixture.
 */
class SeedReplayTest {

    /** The tag of the names the kit creates through the fixture, new on every run. */
    private static final Pattern FRESH_TAG = Pattern.compile("offsetkit_ck_([0-9a-f]{8})_");

    /** The paths and the topics of every request a run sent: what the seed chooses (times follow the clock). */
    private static List<String> sent(long seed) throws Exception {
        try (FakeDms fake = FakeDms.withAkSk(KitAgainstFake.AK, KitAgainstFake.SK)) {
            ConformanceKit kit = new ConformanceKit(KitAgainstFake.config(fake).withSeed(seed));
            KitReport report = kit.run();
            assertThat(report.info().seed()).isEqualTo(seed);
            return kit.context().http().recorded().stream()
                    .map(exchange -> exchange.method() + " " + exchange.uri().getRawPath() + " " + topic(exchange))
                    .toList();
        }
    }

    private static String topic(Exchange exchange) {
        String body = exchange.requestText();
        int at = body.indexOf("\"topic\":");
        return at < 0
                ? ""
                : body.substring(
                        at, Math.min(body.length(), body.indexOf(',', at) < 0 ? body.length() : body.indexOf(',', at)));
    }

    /** The requests with the fresh tag replaced by a placeholder. */
    private static List<String> withoutFreshTags(List<String> requests) {
        return requests.stream()
                .map(request -> FRESH_TAG.matcher(request).replaceAll("offsetkit_ck_<tag>_"))
                .toList();
    }

    private static Set<String> freshTags(List<String> requests) {
        Set<String> tags = new TreeSet<>();
        for (String request : requests) {
            Matcher matcher = FRESH_TAG.matcher(request);
            while (matcher.find()) {
                tags.add(matcher.group(1));
            }
        }
        return tags;
    }

    @Test
    void theSameSeedSendsTheSameNamesAndAnotherSeedOthers() throws Exception {
        // GIVEN a run with one seed
        List<String> first = sent(20261127L);

        // WHEN it is replayed with the same seed, and run with another
        List<String> replay = sent(20261127L);
        List<String> other = sent(20261128L);

        // THEN the replay sends the same requests but for the fresh tag, and the other seed others
        assertThat(withoutFreshTags(replay)).isEqualTo(withoutFreshTags(first));
        assertThat(withoutFreshTags(other))
                .isNotEqualTo(withoutFreshTags(first))
                .hasSameSizeAs(first);
    }

    @Test
    void aReplayCreatesItsTopicsAndGroupsUnderAFreshTag() throws Exception {
        // GIVEN a run whose fixture created topics and groups
        Set<String> first = freshTags(sent(20261127L));

        // WHEN it is replayed with the same seed
        Set<String> replay = freshTags(sent(20261127L));

        // THEN the replay's created names carry other tags, so a target that keeps data meets no old topic
        assertThat(first).isNotEmpty();
        assertThat(replay).isNotEmpty().doesNotContainAnyElementsOf(first);
    }
}
