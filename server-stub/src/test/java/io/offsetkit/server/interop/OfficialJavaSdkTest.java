package io.offsetkit.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.rocketmq.v2.RocketMQClient;
import com.huaweicloud.sdk.rocketmq.v2.model.ResetConsumeOffsetReq;
import com.huaweicloud.sdk.rocketmq.v2.model.ResetConsumeOffsetRequest;
import com.huaweicloud.sdk.rocketmq.v2.model.ResetConsumeOffsetRespQueues;
import com.huaweicloud.sdk.rocketmq.v2.model.ResetConsumeOffsetResponse;
import io.offsetkit.server.testsupport.AkskServerOverHttpTest;
import io.offsetkit.server.testsupport.Ids;
import io.offsetkit.server.testsupport.RunningServer;
import org.junit.jupiter.api.Test;

/**
 * The official Huawei Cloud Java SDK (huaweicloud-sdk-rocketmq 3.1.143: AK/SK signing, string
 * timestamp, chunked body) resets an offset on the server in aksk mode, and is refused with 401 and
 * the request id when its SK is wrong.
 */
@AkskServerOverHttpTest
class OfficialJavaSdkTest {

    @RunningServer.Server
    int port;

    @Test
    void documentedExampleThroughTheOfficialSdkGetsTheDocumentedResponse() {
        // GIVEN the official client with a key pair the server knows
        RocketMQClient client = client(AkskServerOverHttpTest.SK);

        // WHEN it resets the documented example's group to the documented time
        ResetConsumeOffsetResponse response = client.resetConsumeOffset(documentedRequest());

        // THEN it reads the documented answer
        assertThat(response.getHttpStatusCode()).isEqualTo(200);
        assertThat(response.getQueues()).hasSize(1);
        ResetConsumeOffsetRespQueues queue = response.getQueues().get(0);
        assertThat(queue.getBrokerName()).isEqualTo("broker-1");
        assertThat(queue.getQueueId()).isZero();
        assertThat(queue.getTimestampOffset()).isZero();
    }

    @Test
    void wrongSecretKeyGivesAClientRequestExceptionWith401AndTheRequestId() {
        RocketMQClient client = client("a-secret-key-the-server-does-not-have");

        ClientRequestException refused = catchThrowableOfType(
                ClientRequestException.class, () -> client.resetConsumeOffset(documentedRequest()));

        assertThat(refused).isNotNull();
        assertThat(refused.getHttpStatusCode()).isEqualTo(401);
        assertThat(refused.getErrorCode()).isEqualTo("DMS.10240101");
        assertThat(refused.getErrorMsg()).contains("signature");
        assertThat(refused.getRequestId()).matches("[0-9a-f]{32}");
    }

    private RocketMQClient client(String secretKey) {
        return RocketMQClient.newBuilder()
                .withCredential(new BasicCredentials()
                        .withAk(AkskServerOverHttpTest.AK)
                        .withSk(secretKey)
                        .withProjectId(Ids.PROJECT))
                .withEndpoint("http://127.0.0.1:" + port)
                .build();
    }

    private static ResetConsumeOffsetRequest documentedRequest() {
        return new ResetConsumeOffsetRequest()
                .withEngine(ResetConsumeOffsetRequest.EngineEnum.RELIABILITY)
                .withInstanceId(Ids.INSTANCE)
                .withGroupId(Ids.GROUP)
                .withBody(new ResetConsumeOffsetReq().withTopic(Ids.TOPIC).withTimestamp("1662652800000"));
    }
}
