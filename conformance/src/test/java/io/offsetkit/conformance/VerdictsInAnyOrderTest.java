package io.offsetkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.fake.Defect;
import io.offsetkit.conformance.fake.FakeDms;
import io.offsetkit.conformance.fixture.Fixture;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.junit.KitError;
import io.offsetkit.conformance.junit.ResetConsumeOffsetVerification;
import io.offsetkit.conformance.rules.Rule;
import io.offsetkit.conformance.run.ConformanceKit;
import io.offsetkit.conformance.run.RuleResult;
import io.offsetkit.conformance.run.Verdict;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * A rule's verdict does not depend on the order it is asked in: the same for each rule asked alone on
 * a kit of its own, in the command line's order (the catalogue's) and in JUnit's (the verification
 * class run by the JUnit engine, in the order JUnit picks). The defects include one that only the
 * answers to another family's requests show (numbers as strings on chunked requests only): the
 * response rules judge them whichever way they are asked.
 */
class VerdictsInAnyOrderTest {

    /** The target the JUnit form checks; set by the test before it runs the engine. */
    static FakeDms server;

    /** The verification class as a vendor writes it, every hook given. */
    static class EveryHook extends ResetConsumeOffsetVerification {
        @Override
        protected Target target() {
            return KitAgainstFake.target(server);
        }

        @Override
        protected Credentials credentials() {
            return Credentials.akSk(KitAgainstFake.AK, KitAgainstFake.SK);
        }

        @Override
        protected Fixture fixture() {
            return server.fixture();
        }

        @Override
        protected boolean holdsDocumentedData() {
            return true;
        }
    }

    @ParameterizedTest
    @EnumSource(
            names = {"CHUNKED_ANSWER_NUMBERS_AS_STRINGS", "EMPTY_QUEUES", "KIT_CREDENTIALS_REFUSED", "NOT_COMMITTED"})
    void everyVerdictIsTheSameAloneInTheCommandLinesOrderAndInJunits(Defect defect) throws Exception {
        try (FakeDms fake = FakeDms.withAkSk(KitAgainstFake.AK, KitAgainstFake.SK, defect)) {
            server = fake;

            // WHEN the rules run in the command line's order
            Map<Rule, Verdict> commandLine = new EnumMap<>(Rule.class);
            for (RuleResult result :
                    new ConformanceKit(KitAgainstFake.config(fake)).run().results()) {
                commandLine.put(result.rule(), result.verdict());
            }
            // AND each rule alone, on a kit of its own against a target of its own (the same defect, no
            // data left by another run: the exact-answer scenario's names repeat from one kit to the next)
            Map<Rule, Verdict> alone = new EnumMap<>(Rule.class);
            for (Rule rule : Rule.values()) {
                try (FakeDms own = FakeDms.withAkSk(KitAgainstFake.AK, KitAgainstFake.SK, defect)) {
                    alone.put(
                            rule,
                            new ConformanceKit(KitAgainstFake.config(own))
                                    .check(rule)
                                    .verdict());
                }
            }
            // AND in JUnit's order, through the verification class, against a fresh target too
            Map<Rule, Verdict> junit;
            try (FakeDms own = FakeDms.withAkSk(KitAgainstFake.AK, KitAgainstFake.SK, defect)) {
                server = own;
                junit = junitVerdicts();
            }

            // THEN every rule has the same verdict each way, and the defect shows
            assertThat(alone).as("each rule alone").isEqualTo(commandLine);
            assertThat(junit).as("in JUnit's order").isEqualTo(commandLine);
            assertThat(commandLine).containsValue(Verdict.FAILED);
        }
    }

    /** Each rule test's verdict, from the JUnit engine's events: passed, failed, aborted (skipped) or erred. */
    private static Map<Rule, Verdict> junitVerdicts() {
        Map<Rule, Verdict> verdicts = new EnumMap<>(Rule.class);
        for (Event event : EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(EveryHook.class))
                .execute()
                .testEvents()
                .finished()
                .list()) {
            String id = event.getTestDescriptor().getDisplayName().split(" ", 2)[0];
            TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
            Verdict verdict = switch (result.getStatus()) {
                case SUCCESSFUL -> Verdict.PASSED;
                case ABORTED -> Verdict.SKIPPED;
                case FAILED -> result.getThrowable().orElseThrow() instanceof KitError ? Verdict.ERROR : Verdict.FAILED;
            };
            verdicts.put(Rule.byId(id), verdict);
        }
        return verdicts;
    }
}
