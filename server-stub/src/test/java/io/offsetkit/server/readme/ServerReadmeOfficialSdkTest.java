package io.offsetkit.server.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.rocketmq.v2.RocketMQClient;
import com.huaweicloud.sdk.rocketmq.v2.model.ResetConsumeOffsetReq;
import com.huaweicloud.sdk.rocketmq.v2.model.ResetConsumeOffsetRequest;
import com.huaweicloud.sdk.rocketmq.v2.model.ResetConsumeOffsetResponse;
import io.offsetkit.server.testsupport.AkskServerOverHttpTest;
import io.offsetkit.server.testsupport.RunningServer;
import io.offsetkit.server.testsupport.docs.Repository;
import io.offsetkit.server.testsupport.docs.SourceRegion;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The server README's official SDK lines (block official-sdk-client) are {@link #readmeSnippet}'s
 * body, line for line (indentation aside), and the client they build resets the documented example
 * on a server in {@code aksk} mode.
 */
@AkskServerOverHttpTest
class ServerReadmeOfficialSdkTest {

    private static final Path SOURCE =
            Path.of("src/test/java/io/offsetkit/server/readme/ServerReadmeOfficialSdkTest.java");

    @RunningServer.Server
    int port;

    /** The README's lines; the parameters are the reader's own values. */
    static RocketMQClient readmeSnippet(String endpoint, String projectId, String ak, String sk) {
        // official-sdk-client:begin
        RocketMQClient client = RocketMQClient.newBuilder()
                .withCredential(new BasicCredentials().withAk(ak).withSk(sk).withProjectId(projectId))
                .withEndpoint(endpoint) // e.g. "http://127.0.0.1:8080"
                .build();
        // official-sdk-client:end
        return client;
    }

    @Test
    void theReadmesLinesAreThisTestsCode() {
        // GIVEN the README's block and the lines between this source's markers
        var block = Repository.readme("server-stub/README.md").block("official-sdk-client");

        // WHEN / THEN they are the same lines, indentation aside
        assertThat(SourceRegion.stripped(block.lines()))
                .isEqualTo(SourceRegion.of(
                        Path.of(System.getProperty("basedir", "")).resolve(SOURCE), "official-sdk-client"));
    }

    @Test
    void theClientTheReadmeBuildsResetsTheDocumentedExample() {
        // GIVEN the README's client, with a key pair the server knows
        RocketMQClient client = readmeSnippet(
                "http://127.0.0.1:" + port,
                "77b6a44cba5143ab91d13ab9a8ff44fd",
                AkskServerOverHttpTest.AK,
                AkskServerOverHttpTest.SK);

        // WHEN it resets the documented group to the documented time
        ResetConsumeOffsetResponse response = client.resetConsumeOffset(new ResetConsumeOffsetRequest()
                .withEngine(ResetConsumeOffsetRequest.EngineEnum.RELIABILITY)
                .withInstanceId("11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d")
                .withGroupId("group_01")
                .withBody(new ResetConsumeOffsetReq().withTopic("topic_01").withTimestamp("1662652800000")));

        // THEN the server verified its signature and gave the documented answer
        assertThat(response.getHttpStatusCode()).isEqualTo(200);
        assertThat(response.getQueues()).singleElement().satisfies(queue -> {
            assertThat(queue.getBrokerName()).isEqualTo("broker-1");
            assertThat(queue.getQueueId()).isZero();
            assertThat(queue.getTimestampOffset()).isZero();
        });
    }
}
