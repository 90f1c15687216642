package io.offsetkit.emulatorit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.rocketmq.v2.RocketMQClient;
import com.huaweicloud.sdk.rocketmq.v2.model.ResetConsumeOffsetReq;
import com.huaweicloud.sdk.rocketmq.v2.model.ResetConsumeOffsetRequest;
import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.emulator.EmulatorOptions;
import io.offsetkit.server.emulator.ReceivedReset;
import io.offsetkit.server.emulator.junit.OffsetkitEmulatorExtension;
import io.offsetkit.server.fault.FaultSpec;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the official Huawei Cloud SDK 3.1.143, unmodified and AK/SK-signed, raises for each fault the
 * emulator can set on its reset: the table an app's error handling is written against. Where the
 * emulator answered, the SDK's exception carries the status, the code and the request id the
 * emulator's journal recorded.
 */
class OfficialSdkUnderFaultsTest {

    @RegisterExtension
    static OffsetkitEmulatorExtension emulator = OffsetkitEmulatorExtension.newInstance()
            .options(EmulatorOptions.options().auth(AuthMode.AKSK))
            .build();

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(
                        "500 DMS.00500000",
                        FaultSpec.on("resetConsumeOffset").error("DMS.00500000"),
                        "com.huaweicloud.sdk.core.exception.ServerResponseException",
                        500,
                        "DMS.00500000"),
                Arguments.of(
                        "403 DMS.00403007",
                        FaultSpec.on("resetConsumeOffset").error("DMS.00403007"),
                        "com.huaweicloud.sdk.core.exception.ClientRequestException",
                        403,
                        "DMS.00403007"),
                Arguments.of(
                        "401 DMS.10240102 (expired token)",
                        FaultSpec.on("resetConsumeOffset").error("DMS.10240102"),
                        "com.huaweicloud.sdk.core.exception.ClientRequestException",
                        401,
                        "DMS.10240102"),
                Arguments.of(
                        "400 DMS.50050004 (group offline)",
                        FaultSpec.on("resetConsumeOffset").error("DMS.50050004"),
                        "com.huaweicloud.sdk.core.exception.ClientRequestException",
                        400,
                        "DMS.50050004"),
                Arguments.of(
                        "partial reset",
                        FaultSpec.on("resetConsumeOffset").partialReset(),
                        "com.huaweicloud.sdk.core.exception.ServerResponseException",
                        500,
                        "DMS.00500000"),
                Arguments.of(
                        "connection reset",
                        FaultSpec.on("resetConsumeOffset").connectionReset(),
                        "com.huaweicloud.sdk.core.exception.ConnectionException",
                        0,
                        null),
                Arguments.of(
                        "empty answer",
                        FaultSpec.on("resetConsumeOffset").emptyResponse(),
                        "com.huaweicloud.sdk.core.exception.ConnectionException",
                        0,
                        null),
                Arguments.of(
                        "malformed body",
                        FaultSpec.on("resetConsumeOffset").malformedBody(),
                        "com.huaweicloud.sdk.core.exception.ServerResponseException",
                        200,
                        null),
                Arguments.of(
                        "delay past the read timeout (1 s)",
                        FaultSpec.on("resetConsumeOffset").delay(Duration.ofMillis(2500)),
                        "com.huaweicloud.sdk.core.exception.CallTimeoutException",
                        0,
                        null));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("faults")
    void theSdkRaisesForEachFault(String fault, FaultSpec.Builder set, String raised, int status, String errorCode) {
        // GIVEN the fault on every reset
        emulator.faults().set(set);

        // WHEN the SDK resets, with a read timeout of one second
        Throwable thrown = catchThrowable(() -> client().resetConsumeOffset(new ResetConsumeOffsetRequest()
                .withEngine(ResetConsumeOffsetRequest.EngineEnum.RELIABILITY)
                .withInstanceId(emulator.instanceId())
                .withGroupId("group_01")
                .withBody(new ResetConsumeOffsetReq().withTopic("topic_01").withTimestamp("0"))));

        // THEN it raises this exception, with the emulator's status, code and request id where it answered
        assertThat(thrown).as(fault).isNotNull();
        assertThat(thrown.getClass().getName()).as(fault + ": " + thrown).isEqualTo(raised);
        if (status != 0) {
            ServiceResponseException answered = (ServiceResponseException) thrown;
            assertThat(answered.getHttpStatusCode()).isEqualTo(status);
            assertThat(answered.getErrorCode()).isEqualTo(errorCode);
            ReceivedReset reset = emulator.journal().last().orElseThrow();
            assertThat(answered.getRequestId()).isEqualTo(reset.requestId());
            assertThat(reset.appliedFault()).isPresent();
        }
    }

    private static RocketMQClient client() {
        return RocketMQClient.newBuilder()
                .withCredential(new BasicCredentials()
                        .withAk(emulator.accessKey())
                        .withSk(emulator.secretKey())
                        .withProjectId(emulator.projectId()))
                .withHttpConfig(HttpConfig.getDefaultHttpConfig().withReadTimeout(1))
                .withEndpoint(emulator.baseUrl())
                .build();
    }
}
