package io.offsetkit.emulatorit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.rocketmq.v2.RocketMQClient;
import com.huaweicloud.sdk.rocketmq.v2.model.ResetConsumeOffsetReq;
import com.huaweicloud.sdk.rocketmq.v2.model.ResetConsumeOffsetRequest;
import com.huaweicloud.sdk.rocketmq.v2.model.ResetConsumeOffsetResponse;
import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.emulator.EmulatorOptions;
import io.offsetkit.server.emulator.ReceivedReset;
import io.offsetkit.server.emulator.junit.OffsetkitEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official Huawei Cloud SDK 3.1.143, unmodified, AK/SK-signed, against the extension from the
 * standalone jar; the README's example does the same on data of its own.
 */
class OfficialSdkAgainstEmulatorTest {

    @RegisterExtension
    static OffsetkitEmulatorExtension emulator = OffsetkitEmulatorExtension.newInstance()
            .options(EmulatorOptions.options().auth(AuthMode.AKSK))
            .build();

    @Test
    void theDocumentedResetThroughTheSdkIsAnsweredCommittedAndJournaled() {
        // WHEN the SDK resets the documented group to the documented time, to the latest offsets on topic_02 after
        ResetConsumeOffsetResponse documented =
                client(emulator.secretKey()).resetConsumeOffset(request("group_01", "topic_01", "1662652800000"));
        client(emulator.secretKey()).resetConsumeOffset(request("group_01", "topic_02", "-1"));

        // THEN the answer is the documented one
        assertThat(documented.getHttpStatusCode()).isEqualTo(200);
        assertThat(documented.getQueues()).singleElement().satisfies(queue -> {
            assertThat(queue.getBrokerName()).isEqualTo("broker-1");
            assertThat(queue.getQueueId()).isZero();
            assertThat(queue.getTimestampOffset()).isZero();
        });
        // AND the offsets are committed: 0 on topic_01, every queue's max offset on topic_02
        assertThat(emulator.instance().committedOffsets("group_01", "topic_01"))
                .singleElement()
                .satisfies(queue -> assertThat(queue.offset()).isZero());
        assertThat(emulator.instance().committedOffsets("group_01", "topic_02"))
                .hasSize(6)
                .allSatisfy(queue ->
                        assertThat(queue.offset()).isEqualTo(queue.maxOffset()).isEqualTo(1000L));
        // AND the journal has both, as the SDK sent them (engine reliability, the timestamp as a string)
        assertThat(emulator.journal().resets())
                .extracting(
                        ReceivedReset::engine, ReceivedReset::topic, ReceivedReset::timestamp, ReceivedReset::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("reliability", "topic_01", 1662652800000L, 200),
                        org.assertj.core.groups.Tuple.tuple("reliability", "topic_02", -1L, 200));
        assertThat(emulator.journal().resets().get(0).body())
                .isEqualTo("{\"topic\":\"topic_01\",\"timestamp\":\"1662652800000\"}");
    }

    @Test
    void aWrongSecretKeyIsRefusedWith401AndJournaledAsRefused() {
        ClientRequestException refused = catchThrowableOfType(
                ClientRequestException.class,
                () -> client("not-the-emulators-secret").resetConsumeOffset(request("group_01", "topic_01", "0")));

        assertThat(refused.getHttpStatusCode()).isEqualTo(401);
        assertThat(refused.getErrorCode()).isEqualTo("DMS.10240101");
        ReceivedReset reset = emulator.journal().last().orElseThrow();
        assertThat(reset.status()).isEqualTo(401);
        assertThat(reset.requestId()).isEqualTo(refused.getRequestId());
        // the bundled fixture's offset (100, the latest) stays: the refused reset to 0 changed nothing
        assertThat(emulator.instance().committedOffsets("group_01", "topic_01"))
                .singleElement()
                .satisfies(queue -> assertThat(queue.offset()).isEqualTo(100L));
    }

    @Test
    void aGroupWithItsConsumersOfflineIsRefusedAsTheServiceRefusesIt() {
        // GIVEN group_02 of the bundled fixture with its one online consumer stopped
        emulator.emulator()
                .consumer("group_02", "192.168.0.11@4712#1662652800000")
                .offline();

        // WHEN the SDK resets it
        ClientRequestException refused = catchThrowableOfType(
                ClientRequestException.class,
                () -> client(emulator.secretKey()).resetConsumeOffset(request("group_02", "topic_02", "-1")));

        // THEN the SDK raises its 4xx exception with the service's code, message and request id
        assertThat(refused.getHttpStatusCode()).isEqualTo(400);
        assertThat(refused.getErrorCode()).isEqualTo("DMS.50050004");
        assertThat(refused.getErrorMsg())
                .startsWith("The consumer group is offline.")
                .contains("'group_02'", "requireOnlineConsumer(false)");
        assertThat(refused.getRequestId())
                .isEqualTo(emulator.journal().last().orElseThrow().requestId());
        // AND nothing was committed
        assertThat(emulator.instance().committedOffsets("group_02", "topic_02"))
                .allSatisfy(queue -> assertThat(queue.offset()).isNull());
    }

    @Test
    void aReadOnlyPairIsRefusedTheResetWith403() {
        ClientRequestException refused = catchThrowableOfType(
                ClientRequestException.class,
                () -> client(
                                emulator.emulator().readOnlyAccessKey(),
                                emulator.emulator().readOnlySecretKey())
                        .resetConsumeOffset(request("group_01", "topic_01", "0")));

        assertThat(refused.getHttpStatusCode()).isEqualTo(403);
        assertThat(refused.getErrorCode()).isEqualTo("DMS.00403007");
    }

    private static RocketMQClient client(String secretKey) {
        return client(emulator.accessKey(), secretKey);
    }

    private static RocketMQClient client(String accessKey, String secretKey) {
        return RocketMQClient.newBuilder()
                .withCredential(new BasicCredentials()
                        .withAk(accessKey)
                        .withSk(secretKey)
                        .withProjectId(emulator.projectId()))
                .withEndpoint(emulator.baseUrl())
                .build();
    }

    private static ResetConsumeOffsetRequest request(String group, String topic, String timestamp) {
        return new ResetConsumeOffsetRequest()
                .withEngine(ResetConsumeOffsetRequest.EngineEnum.RELIABILITY)
                .withInstanceId(emulator.instanceId())
                .withGroupId(group)
                .withBody(new ResetConsumeOffsetReq().withTopic(topic).withTimestamp(timestamp));
    }
}
