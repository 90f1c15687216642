package io.offsetkit.server.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Which call gets which fault: matching, once, N times, with a probability, then healthy again. */
class FaultsTest {

    private static final Operation RESET = Operation.RESET_CONSUME_OFFSET;

    @Test
    void noFaultSetIsEmptyAndTakesNothing() {
        Faults faults = new Faults();

        assertThat(faults.isEmpty()).isTrue();
        assertThat(faults.take(RESET, "g", "t")).isNull();
    }

    @Test
    void aFaultSetOnceAppliesToTheNextMatchingCallThenTheOperationIsHealthyAgain() {
        // GIVEN a 500 once on the reset
        Faults faults = new Faults();
        SetFault set = faults.add(
                FaultSpec.on("resetConsumeOffset").error("DMS.00500000").once().build());

        // WHEN three resets come
        SetFault first = faults.take(RESET, "group_01", "topic_01");
        SetFault second = faults.take(RESET, "group_01", "topic_01");

        // THEN the first gets it, the next do not, and the fault shows it is used up
        assertThat(set.id()).isEqualTo("fault-1");
        assertThat(set.remaining()).isEqualTo(1);
        assertThat(first.id()).isEqualTo("fault-1");
        assertThat(second).isNull();
        assertThat(faults.list()).singleElement().satisfies(fault -> {
            assertThat(fault.applied()).isEqualTo(1);
            assertThat(fault.remaining()).isZero();
        });
    }

    @Test
    void aFaultSetNTimesAppliesToNCalls() {
        Faults faults = new Faults();
        faults.add(FaultSpec.on("resetConsumeOffset").emptyResponse().times(3).build());

        int got = 0;
        for (int call = 0; call < 10; call++) {
            if (faults.take(RESET, "g", "t") != null) {
                got++;
            }
        }

        assertThat(got).isEqualTo(3);
    }

    @Test
    void aFaultMatchesItsOperationGroupAndTopicOnly() {
        Faults faults = new Faults();
        faults.add(FaultSpec.on("resetConsumeOffset")
                .group("billing")
                .topic("orders")
                .connectionReset()
                .build());

        assertThat(faults.take(Operation.RESET_CONSUME_OFFSET_FOR_ROCKET_MQ, "billing", "orders"))
                .isNull();
        assertThat(faults.take(RESET, "shipping", "orders")).isNull();
        assertThat(faults.take(RESET, "billing", "payments")).isNull();
        assertThat(faults.take(RESET, "billing", "orders")).isNotNull();
    }

    @Test
    void theFirstFaultSetThatMatchesWins() {
        Faults faults = new Faults();
        faults.add(FaultSpec.on("resetConsumeOffset")
                .group("billing")
                .error("DMS.00403007")
                .once()
                .build());
        faults.add(FaultSpec.on("resetConsumeOffset").error("DMS.00500000").build());

        assertThat(faults.take(RESET, "billing", "t").spec().error().code()).isEqualTo("DMS.00403007");
        assertThat(faults.take(RESET, "billing", "t").spec().error().code()).isEqualTo("DMS.00500000");
        assertThat(faults.take(RESET, "other", "t").spec().error().code()).isEqualTo("DMS.00500000");
    }

    @Test
    void aProbabilityAppliesToAboutThatShareOfCallsAndTheUnluckyOnesDoNotCount() {
        // GIVEN a fault with probability 0.25, at most 100 times, with seeded draws
        SplittableRandom seeded = new SplittableRandom(20);
        Faults faults = new Faults(seeded::nextDouble);
        faults.add(FaultSpec.on("resetConsumeOffset")
                .error("DMS.00500000")
                .probability(0.25)
                .times(100)
                .build());

        // WHEN 2,000 calls come
        int got = 0;
        for (int call = 0; call < 2_000; call++) {
            if (faults.take(RESET, "g", "t") != null) {
                got++;
            }
        }

        // THEN close to a quarter of the first 400 or so got it, until it was used up: 100 in all
        assertThat(got).isEqualTo(100);
        assertThat(faults.list().get(0).applied()).isEqualTo(100);
    }

    @Test
    void probabilityZeroNeverAppliesAndOneAlwaysDoes() {
        Faults faults = new Faults(() -> 0.0);
        faults.add(
                FaultSpec.on("showTopicStatus").malformedBody().probability(0).build());
        assertThat(faults.take(Operation.SHOW_TOPIC_STATUS, null, "t")).isNull();

        Faults always = new Faults(() -> 0.999999);
        always.add(
                FaultSpec.on("showTopicStatus").malformedBody().probability(1).build());
        assertThat(always.take(Operation.SHOW_TOPIC_STATUS, null, "t")).isNotNull();
    }

    @Test
    void aRandomDelayIsDrawnWithinItsBoundsBothIncluded() {
        Faults low = new Faults(() -> 0.0);
        Faults high = new Faults(() -> 0.9999999);
        FaultSpec delay = FaultSpec.on("resetConsumeOffset")
                .delay(java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(300))
                .build();

        assertThat(low.delayMillis(delay)).isEqualTo(100);
        assertThat(high.delayMillis(delay)).isEqualTo(300);
    }

    @Test
    void removeAndClear() {
        Faults faults = new Faults();
        SetFault one =
                faults.add(FaultSpec.on("resetConsumeOffset").emptyResponse().build());
        faults.add(FaultSpec.on("showTopicStatus").emptyResponse().build());
        faults.record(new AppliedFault(Instant.EPOCH, "r-1", "resetConsumeOffset", "g", "t", "fault-1", "x"));

        assertThat(faults.remove(one.id())).isTrue();
        assertThat(faults.remove(one.id())).isFalse();
        assertThat(faults.list()).extracting(SetFault::id).containsExactly("fault-2");

        faults.removeAll();
        assertThat(faults.isEmpty()).isTrue();
        assertThat(faults.journal()).hasSize(1);

        faults.clear();
        assertThat(faults.journal()).isEmpty();
        assertThat(faults.add(FaultSpec.on("showTopicStatus").emptyResponse().build())
                        .id())
                .isEqualTo("fault-1");
    }

    @Test
    void theJournalKeepsTheLastEntriesOnly() {
        Faults faults = new Faults();
        for (int i = 0; i < Faults.MAX_JOURNAL + 5; i++) {
            faults.record(new AppliedFault(Instant.EPOCH, "r-" + i, "resetConsumeOffset", null, null, "fault-1", "x"));
        }

        List<AppliedFault> journal = faults.journal();
        assertThat(journal).hasSize(Faults.MAX_JOURNAL);
        assertThat(journal.get(0).requestId()).isEqualTo("r-5");
    }

    @Test
    void atMostAHundredFaults() {
        Faults faults = new Faults();
        List<SetFault> set = new ArrayList<>();
        for (int i = 0; i < Faults.MAX_FAULTS; i++) {
            set.add(faults.add(FaultSpec.on("showTopicStatus").emptyResponse().build()));
        }

        assertThatThrownBy(() -> faults.add(
                        FaultSpec.on("showTopicStatus").emptyResponse().build()))
                .isInstanceOf(InvalidFaultException.class)
                .hasMessageContaining("100 are set");
        assertThat(faults.list()).hasSize(set.size());
    }
}
