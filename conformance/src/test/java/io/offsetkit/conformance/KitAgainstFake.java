package io.offsetkit.conformance;

import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.fake.Defect;
import io.offsetkit.conformance.fake.FakeDms;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.rules.Rule;
import io.offsetkit.conformance.run.ConformanceKit;
import io.offsetkit.conformance.run.KitConfig;
import io.offsetkit.conformance.run.KitReport;
import io.offsetkit.conformance.run.RuleResult;
import io.offsetkit.conformance.run.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Set;

/** Runs the whole kit against a {@link FakeDms}, with every capability: AK/SK, fixture, documented data. */
final class KitAgainstFake {

    static final String AK = "FAKEACCESSKEY";
    static final String SK = "fake-secret-key";

    private KitAgainstFake() {}

    static KitReport run(Defect... defects) {
        try (FakeDms fake = FakeDms.withAkSk(AK, SK, defects)) {
            return new ConformanceKit(config(fake)).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KitConfig config(FakeDms fake) {
        return KitConfig.of(target(fake))
                .withCredentials(Credentials.akSk(AK, SK))
                .withFixture("fake", fake.fixture())
                .withDocumentedData(true);
    }

    static Target target(FakeDms fake) {
        return new Target(fake.baseUrl(), FakeDms.PROJECT, FakeDms.INSTANCE, FakeDms.GROUP, FakeDms.TOPIC, null);
    }

    static Set<Rule> failed(KitReport report) {
        Set<Rule> failed = EnumSet.noneOf(Rule.class);
        for (RuleResult result : report.results()) {
            if (result.verdict() == Verdict.FAILED) {
                failed.add(result.rule());
            }
        }
        return failed;
    }
}
