package com.example.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.offsetkit.client.OffsetkitApiException;
import io.offsetkit.client.OffsetkitClient;
import io.offsetkit.client.QueueOffset;
import io.offsetkit.client.ResetResult;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.client.retry.RetryPolicy;
import io.offsetkit.server.emulator.CommittedOffset;
import io.offsetkit.server.emulator.EmulatorOptions;
import io.offsetkit.server.emulator.ReceivedReset;
import io.offsetkit.server.emulator.junit.OffsetkitEmulatorExtension;
import io.offsetkit.server.fault.FaultSpec;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BillingReplayErrorPathsTest {

    static final Instant TEN = Instant.parse("2026-01-05T10:00:00Z");
    static final String GROUP = "billing";
    static final String TOPIC = "orders";

    @RegisterExtension
    static OffsetkitEmulatorExtension emulator = OffsetkitEmulatorExtension.newInstance()
            .options(EmulatorOptions.options()
                    .withData(dms -> dms.instance()
                            .groups(GROUP)
                            .topic(TOPIC, 1) // one queue on each of the bundled instance's brokers
                            .messages("broker-1", 0, TEN.minusSeconds(60), TEN, TEN.plusSeconds(60))
                            .messages("broker-2", 0, TEN.minusSeconds(30), TEN.plusSeconds(30)))
                    .withData(dms -> dms.consumer(GROUP, "10.0.0.5@4711#1").subscribe(TOPIC, "*")))
            .build();

    /** The code under test: the app's replay, which resets billing on orders with retries. */
    static ResetResult replayBillingFrom(Instant time) {
        OffsetkitClient client = OffsetkitClient.builder()
                .endpoint(emulator.baseUrl())
                .projectId(emulator.projectId())
                .credentials(Credentials.none())
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(3)
                        .initialBackoff(Duration.ofMillis(50))
                        .build())
                .build();
        return client.resetToTime(emulator.instanceId(), GROUP, TOPIC, time);
    }

    @Test
    void anInternalErrorIsRetriedAndTheReplayResetsOnce() {
        // GIVEN the service fails the next reset with its documented internal error
        emulator.faults()
                .set(FaultSpec.on("resetConsumeOffset").error("DMS.00500000").once());

        // WHEN the app replays from 10:00
        ResetResult result = replayBillingFrom(TEN);

        // THEN its retry got the reset through
        assertThat(result.queues()).extracting(QueueOffset::offset).containsOnly(1L);
        assertThat(emulator.journal().resets(GROUP, TOPIC))
                .extracting(ReceivedReset::status)
                .containsExactly(500, 200);
        assertThat(emulator.instance().committedOffsets(GROUP, TOPIC))
                .extracting(CommittedOffset::offset)
                .containsOnly(1L);
    }

    @Test
    void anOfflineGroupIsReportedAtOnceAndNotRetried() {
        // GIVEN billing's only consumer has gone offline: the service does not reset an offline group
        emulator.instance().consumer(GROUP, "10.0.0.5@4711#1").offline();

        // WHEN the app replays from 10:00
        OffsetkitApiException refused = catchThrowableOfType(OffsetkitApiException.class, () -> replayBillingFrom(TEN));

        // THEN it sees the documented refusal after one attempt, and nothing moved
        assertThat(refused.httpStatus()).isEqualTo(400);
        assertThat(refused.hasErrorCode("DMS.50050004")).isTrue();
        assertThat(refused.attempt()).isEqualTo(1);
        assertThat(emulator.journal().resets(GROUP, TOPIC)).hasSize(1);
        assertThat(emulator.instance().committedOffsets(GROUP, TOPIC))
                .extracting(CommittedOffset::offset)
                .containsOnlyNulls();
    }
}
