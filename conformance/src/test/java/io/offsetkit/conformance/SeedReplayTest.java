package io.offsetkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.conformance.fake.FakeDms;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.run.ConformanceKit;
import io.offsetkit.conformance.run.KitReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every random choice of a run comes from its seed: the same seed sends the same requests again. */
class SeedReplayTest {

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

    @Test
    void theSameSeedSendsTheSameNamesAndAnotherSeedOthers() throws Exception {
        List<String> first = sent(20261127L);

        assertThat(sent(20261127L)).isEqualTo(first);
        assertThat(sent(20261128L)).isNotEqualTo(first).hasSameSizeAs(first);
    }
}
