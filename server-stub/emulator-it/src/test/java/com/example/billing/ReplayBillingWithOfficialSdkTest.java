package com.example.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.rocketmq.v2.RocketMQClient;
import com.huaweicloud.sdk.rocketmq.v2.model.ResetConsumeOffsetReq;
import com.huaweicloud.sdk.rocketmq.v2.model.ResetConsumeOffsetRequest;
import com.huaweicloud.sdk.rocketmq.v2.model.ResetConsumeOffsetRespQueues;
import com.huaweicloud.sdk.rocketmq.v2.model.ResetConsumeOffsetResponse;
import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.emulator.CommittedOffset;
import io.offsetkit.server.emulator.EmulatorOptions;
import io.offsetkit.server.emulator.ReceivedReset;
import io.offsetkit.server.emulator.junit.OffsetkitEmulatorExtension;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReplayBillingWithOfficialSdkTest {

    static final Instant TEN = Instant.parse("2026-01-05T10:00:00Z");

    // One emulator for the class (a static field), its state reset before each test.
    @RegisterExtension
    static OffsetkitEmulatorExtension emulator = OffsetkitEmulatorExtension.newInstance()
            .options(EmulatorOptions.options()
                    .auth(AuthMode.AKSK) // requests must be signed with emulator.accessKey() and secretKey()
                    .withData(dms -> dms.instance() // the bundled instance: brokers broker-1 and broker-2
                            .groups("billing")
                            .topic("orders", 1) // one queue on each broker
                            .messages("broker-1", 0, TEN.minusSeconds(60), TEN, TEN.plusSeconds(60))
                            .messages("broker-2", 0, TEN.minusSeconds(30), TEN.plusSeconds(30)))
                    // billing's consumer, online (declared with the defaults, then subscribed), as the app runs it
                    .withData(dms -> dms.consumer("billing", "10.0.0.5@4711#1").subscribe("orders", "*")))
            .build();

    @Test
    void replayResetsBillingOnOrdersToTen() {
        // GIVEN the official SDK's client, pointed at the emulator
        RocketMQClient client = RocketMQClient.newBuilder()
                .withCredential(new BasicCredentials()
                        .withAk(emulator.accessKey())
                        .withSk(emulator.secretKey())
                        .withProjectId(emulator.projectId()))
                .withEndpoint(emulator.baseUrl())
                .build();

        // WHEN the code under test resets billing on orders to 10:00
        ResetConsumeOffsetResponse response = client.resetConsumeOffset(new ResetConsumeOffsetRequest()
                .withEngine(ResetConsumeOffsetRequest.EngineEnum.RELIABILITY)
                .withInstanceId(emulator.instanceId())
                .withGroupId("billing")
                .withBody(new ResetConsumeOffsetReq()
                        .withTopic("orders")
                        .withTimestamp(String.valueOf(TEN.toEpochMilli()))));

        // THEN each queue went to its first message stored at or after 10:00
        assertThat(response.getQueues())
                .extracting(
                        ResetConsumeOffsetRespQueues::getBrokerName,
                        ResetConsumeOffsetRespQueues::getQueueId,
                        ResetConsumeOffsetRespQueues::getTimestampOffset)
                .containsExactly(tuple("broker-1", 0, 1L), tuple("broker-2", 0, 1L));
        // AND the emulator committed those offsets
        assertThat(emulator.instance().committedOffsets("billing", "orders"))
                .extracting(CommittedOffset::brokerName, CommittedOffset::offset)
                .containsExactly(tuple("broker-1", 1L), tuple("broker-2", 1L));
        // AND its journal shows the reset the code sent
        ReceivedReset reset = emulator.journal().last().orElseThrow();
        assertThat(reset.group()).isEqualTo("billing");
        assertThat(reset.topic()).isEqualTo("orders");
        assertThat(reset.time()).contains(TEN);
        assertThat(reset.status()).isEqualTo(200);
    }
}
