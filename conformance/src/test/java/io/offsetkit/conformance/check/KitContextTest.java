package io.offsetkit.conformance.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.api.ContractSchemas;
import io.offsetkit.api.OpenApiDocument;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.fake.FakeDms;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.KitHttp;
import io.offsetkit.conformance.http.Target;
import java.io.IOException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The context's cache of probes: each sent once, each answer of its probe's type. With the former
 * cache, keyed by name and holding {@code Object}, a check that chose a name already in use read
 * another probe's answer through an unchecked cast: a {@code ClassCastException} far from the cause,
 * or no error at all and a wrong answer judged.
 */
class KitContextTest {

    private static final OpenApiDocument CONTRACT = OpenApiDocument.bundled();

    private FakeDms target;
    private KitContext context;

    @BeforeEach
    void startTarget() throws IOException {
        target = FakeDms.start();
        context = new KitContext(
                new Target(target.baseUrl(), FakeDms.PROJECT, FakeDms.INSTANCE, FakeDms.GROUP, FakeDms.TOPIC, null),
                new KitHttp(target.baseUrl(), Credentials.none(), Clock.systemUTC()),
                null,
                true,
                new ContractFacts(CONTRACT),
                new ContractSchemas(CONTRACT),
                new KitRandom(1));
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    @Test
    void aProbeIsSentOnceAndRemembered() {
        // GIVEN a probe whose supplier counts its calls
        Probe<String> probe = new Probe<>("counted");
        AtomicInteger calls = new AtomicInteger();

        // WHEN it is asked for twice
        String first = context.once(probe, () -> "answer " + calls.incrementAndGet());
        String second = context.once(probe, () -> "answer " + calls.incrementAndGet());

        // THEN the supplier ran once and both callers got its answer
        assertThat(calls).hasValue(1);
        assertThat(second).isSameAs(first).isEqualTo("answer 1");
    }

    @Test
    void aCheckThatReusesTheContextsNameDoesNotTakeItsAnswer() {
        // GIVEN a check that names its own probe as the context names the documented request's, and
        // remembers a String under it first (the old cache then held that String under the name)
        Probe<String> sameName = new Probe<>("documented-numeric");
        context.once(sameName, () -> "the check's own note");

        // WHEN the documented request is asked for
        Exchange documented = context.documentedNumeric();

        // THEN it is the exchange sent to the target (the old cache cast the String to Exchange here)
        assertThat(documented.status()).isEqualTo(200);
        assertThat(documented.uri().getRawPath()).endsWith("/groups/group_01/reset-message-offset");
        // AND the check still reads its own String, not the exchange
        assertThat(context.once(sameName, () -> "not asked again")).isEqualTo("the check's own note");
    }

    @Test
    void probesOfOneNameAndDifferentTypesKeepTheirOwnAnswers() {
        // GIVEN two checks that chose the same name for probes of different types
        Probe<Exchange> alias = new Probe<>("alias-rocketmq");
        Probe<List<Long>> times = new Probe<>("alias-rocketmq");

        // WHEN each is sent
        Exchange exchange = context.once(alias, () -> context.reset("rocketmq", 0));
        List<Long> list = context.once(times, () -> List.of(0L, 1L));

        // THEN each reads back its own, of its own type
        assertThat(context.once(alias, () -> null)).isSameAs(exchange);
        assertThat(context.once(times, () -> null)).isSameAs(list).containsExactly(0L, 1L);
    }

    @Test
    void aTimeTheSweepHoldsIsNotSentAgain() {
        // GIVEN the sweep, sent
        List<TimedExchange> sweep = context.sweep();
        int sent = context.http().recorded().size();

        // WHEN a time of the sweep and a time outside it are asked for, the latter twice
        Exchange inSweep = context.numericAnswer(0);
        Exchange outside = context.numericAnswer(1_700_000_000_000L);
        Exchange outsideAgain =
                context.numericAnswers(List.of(1_700_000_000_000L)).get(1_700_000_000_000L);

        // THEN the first is the sweep's, and only the second went out, once
        assertThat(inSweep).isSameAs(sweep.get(0).exchange());
        assertThat(outsideAgain).isSameAs(outside);
        assertThat(context.http().recorded()).hasSize(sent + 1);
    }

    @Test
    void aScenarioBuiltAheadIsTheRulesOwnAndItsExchangesAreRecordedWhereTheRuleTakesIt() throws Exception {
        // GIVEN a context with the fixture, whose exact-answer scenario is built ahead, to the end
        KitContext withFixture = new KitContext(
                new Target(target.baseUrl(), FakeDms.PROJECT, FakeDms.INSTANCE, FakeDms.GROUP, FakeDms.TOPIC, null),
                new KitHttp(target.baseUrl(), Credentials.none(), Clock.systemUTC()),
                target.fixture(),
                true,
                new ContractFacts(CONTRACT),
                new ContractSchemas(CONTRACT),
                new KitRandom(1));
        withFixture.buildAhead(EnumSet.of(KitContext.Scenario.EXACT));
        awaitScenarioThread();
        assertThat(withFixture.http().recorded()).isEmpty();

        // WHEN the rules' thread sends the documented request, then takes the scenario, twice
        Exchange documented = withFixture.documentedNumeric();
        ExactScenario scenario = withFixture.exact();

        // THEN it is one scenario, answered for each of its times
        assertThat(withFixture.exact()).isSameAs(scenario);
        assertThat(scenario.setupFailure()).isEmpty();
        // AND its resets are recorded after the documented request, as if the rule had sent them then
        List<Exchange> recorded = withFixture.http().recorded();
        assertThat(recorded).hasSize(1 + ExactScenario.TIMES.size()).first().isSameAs(documented);
        assertThat(recorded.subList(1, recorded.size())).allSatisfy(exchange -> {
            assertThat(exchange.uri().getRawPath()).contains("/groups/" + scenario.group() + "/");
            assertThat(exchange.status()).isEqualTo(200);
        });
    }

    /** Waits until the thread that builds scenarios ahead has ended: it ends after its last build. */
    private static void awaitScenarioThread() throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("offsetkit-kit-scenarios")) {
                thread.join();
            }
        }
    }
}
