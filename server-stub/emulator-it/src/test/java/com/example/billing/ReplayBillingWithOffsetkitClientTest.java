package com.example.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.client.OffsetkitClient;
import io.offsetkit.client.QueueOffset;
import io.offsetkit.client.ResetResult;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.emulator.CommittedOffset;
import io.offsetkit.server.emulator.RunningEmulator;
import io.offsetkit.server.emulator.junit.OffsetkitEmulatorTest;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// One emulator for the class, given to any test or lifecycle method that asks for it.
@OffsetkitEmulatorTest(auth = AuthMode.TOKEN, fixture = "none")
class ReplayBillingWithOffsetkitClientTest {

    static final Instant TEN = Instant.parse("2026-01-05T10:00:00Z");

    @BeforeEach
    void ordersOfBilling(RunningEmulator emulator) {
        emulator.putInstance("billing-dms", "my-project", "broker-a")
                .groups("billing")
                .topic("orders", 2) // two queues on broker-a
                .messages("broker-a", 0, TEN.minusSeconds(60), TEN.plusSeconds(60))
                .messages("broker-a", 1, TEN.minusSeconds(90));
        // billing's consumer, online: as the service, the emulator resets only a group with one
        emulator.consumer("billing", "10.0.0.5@4711#1");
    }

    @Test
    void replayResetsBillingOnOrdersToTen(RunningEmulator emulator) {
        // GIVEN the offsetkit client, pointed at the emulator
        OffsetkitClient client = OffsetkitClient.builder()
                .endpoint(emulator.baseUrl())
                .projectId("my-project")
                .credentials(Credentials.token(emulator.token()))
                .build();

        // WHEN the code under test resets billing on orders to 10:00
        ResetResult result = client.resetToTime("billing-dms", "billing", "orders", TEN);

        // THEN queue 0 goes to its message after 10:00, queue 1 past its only (earlier) message
        assertThat(result.queues())
                .containsExactly(new QueueOffset("broker-a", 0, 1L), new QueueOffset("broker-a", 1, 1L));
        assertThat(emulator.instance("billing-dms").committedOffsets("billing", "orders"))
                .extracting(CommittedOffset::offset)
                .containsExactly(1L, 1L);
        assertThat(emulator.journal().resets("billing", "orders"))
                .singleElement()
                .satisfies(reset -> assertThat(reset.requestId()).isEqualTo(result.requestId()));
    }
}
