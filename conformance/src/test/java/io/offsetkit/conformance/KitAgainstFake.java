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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Runs the kit against a {@link FakeDms}: by default with every capability (AK/SK, fixture, documented
 * data), or in one of the {@link Setup setups} a vendor may run it in, its rules asked in one of
 * several {@link Order orders}.
 */
final class KitAgainstFake {

    static final String AK = "FAKEACCESSKEY";
    static final String SK = "fake-secret-key";
    static final String TOKEN = "fake-iam-token-0123456789";

    private KitAgainstFake() {}

    /** How the kit is given the target: what it may do, and so which rules it can check. */
    enum Setup {
        /** AK/SK, the fixture and the documented data: every rule can run. */
        EVERYTHING,
        /** A base URL only, and the second group: no credentials, no fixture, read back through the API. */
        BLACK_BOX,
        /** An IAM token, no fixture. */
        TOKEN,
        /** An AK/SK pair, no fixture. */
        AK_SK,
        /** The fixture, no credentials. */
        FIXTURE;

        FakeDms start(Defect... defects) throws IOException {
            return switch (this) {
                case EVERYTHING, AK_SK -> FakeDms.withAkSk(AK, SK, defects);
                case TOKEN -> FakeDms.withToken(KitAgainstFake.TOKEN, defects);
                case BLACK_BOX, FIXTURE -> FakeDms.start(defects);
            };
        }

        KitConfig config(FakeDms fake) {
            KitConfig config = KitConfig.of(target(fake));
            return switch (this) {
                case EVERYTHING -> config(fake);
                case BLACK_BOX -> config.withOtherGroup(FakeDms.OTHER_GROUP);
                case TOKEN ->
                    config.withCredentials(Credentials.token(KitAgainstFake.TOKEN))
                            .withOtherGroup(FakeDms.OTHER_GROUP);
                case AK_SK -> config.withCredentials(Credentials.akSk(AK, SK)).withOtherGroup(FakeDms.OTHER_GROUP);
                case FIXTURE -> config.withFixture("fake", fake.fixture());
            };
        }
    }

    /** The order the rules are asked in. */
    enum Order {
        /** The catalogue's, as the command line runs them. */
        CATALOGUE,
        /** The catalogue's backwards: the response and read-back rules before what they judge. */
        REVERSED,
        /** A fixed shuffle. */
        SHUFFLED;

        List<Rule> of(Rule... rules) {
            List<Rule> ordered = new ArrayList<>(Arrays.asList(rules));
            switch (this) {
                case CATALOGUE -> {}
                case REVERSED -> Collections.reverse(ordered);
                case SHUFFLED -> Collections.shuffle(ordered, new Random(24));
            }
            return ordered;
        }
    }

    static KitReport run(Defect... defects) {
        try (FakeDms fake = FakeDms.withAkSk(AK, SK, defects)) {
            return new ConformanceKit(config(fake)).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every rule's result in one setup, the rules asked in an order, against a fake with the defects. */
    static Map<Rule, RuleResult> run(Setup setup, Order order, Defect... defects) {
        try (FakeDms fake = setup.start(defects)) {
            ConformanceKit kit = new ConformanceKit(setup.config(fake));
            Map<Rule, RuleResult> results = new EnumMap<>(Rule.class);
            for (Rule rule : order.of(Rule.values())) {
                results.put(rule, kit.check(rule));
            }
            return results;
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
        return with(report.results(), Verdict.FAILED);
    }

    /** The rules of the results with the verdict. */
    static Set<Rule> with(Iterable<RuleResult> results, Verdict verdict) {
        Set<Rule> rules = EnumSet.noneOf(Rule.class);
        for (RuleResult result : results) {
            if (result.verdict() == verdict) {
                rules.add(result.rule());
            }
        }
        return rules;
    }

    /**
     * The rules a run skips when the rules {@code failed} do not hold: those a run without them skips,
     * and those that need a failed rule, or a rule so blocked, and so are blocked.
     */
    static Set<Rule> skippedWhenFailing(Set<Rule> skippedWhenCorrect, Set<Rule> failed) {
        Set<Rule> skipped = EnumSet.noneOf(Rule.class);
        skipped.addAll(skippedWhenCorrect);
        for (Rule rule : Rule.values()) {
            if (!failed.contains(rule) && blocked(rule, failed, skippedWhenCorrect)) {
                skipped.add(rule);
            }
        }
        return skipped;
    }

    private static boolean blocked(Rule rule, Set<Rule> failed, Set<Rule> skippedWhenCorrect) {
        for (Rule needed : rule.needs()) {
            if (failed.contains(needed)
                    || (!skippedWhenCorrect.contains(needed) && blocked(needed, failed, skippedWhenCorrect))) {
                return true;
            }
        }
        return false;
    }
}
