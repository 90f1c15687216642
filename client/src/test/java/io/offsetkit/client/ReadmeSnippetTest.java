package io.offsetkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.client.auth.Credentials;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client README's Java snippet (client/README.md) is {@link #readmeSnippet}'s body, line for line (indentation
 * aside): the test compares the two, then runs the method against WireMock. A change to either one
 * alone fails the build, so the README cannot rot.
 */
class ReadmeSnippetTest extends WireMockTestBase {

    static final String SOURCE_BEGIN = "// java-client-snippet:begin";
    static final String SOURCE_END = "// java-client-snippet:end";

    /** The README snippet; the parameters are the reader's own values. */
    static ResetResult readmeSnippet(String endpoint, String projectId, String accessKey, String secretKey) {
        // java-client-snippet:begin
        OffsetkitClient client = OffsetkitClient.builder()
                .endpoint(endpoint) // e.g. "https://dms.cn-north-4.myhuaweicloud.com"
                .projectId(projectId)
                .credentials(Credentials.akSk(accessKey, secretKey)) // or Credentials.token(iamToken)
                .build();
        ResetResult result = client.resetToTime(
                "11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d", "group_01", "topic_01", Instant.parse("2022-09-08T16:00:00Z"));
        // result.queues(): [QueueOffset[brokerName=broker-1, queueId=0, offset=0]]
        // java-client-snippet:end
        return result;
    }

    @Test
    void readmeSnippetIsTheTestedCode() throws IOException {
        // GIVEN the README's block and this test's source
        List<String> fenced = ClientReadme.block("java-client-snippet", "java");
        List<String> source = Files.readAllLines(
                ClientReadme.module().resolve("src/test/java/io/offsetkit/client/ReadmeSnippetTest.java"));

        // WHEN the method body between the source markers is cut out
        List<String> method = between(source, SOURCE_BEGIN, SOURCE_END);

        // THEN they are the same lines, indentation aside
        assertThat(fenced.stream().map(String::strip).toList())
                .as("README snippet vs ReadmeSnippetTest.readmeSnippet")
                .isEqualTo(method);
        assertThat(method).hasSizeGreaterThan(3);
    }

    @Test
    void readmeSnippetResetsTheDocumentedExample() {
        // GIVEN a server with the documented answer
        stubDocumentedRoute(documentedAnswer());

        // WHEN the README snippet runs against it
        ResetResult result = readmeSnippet(wireMock.baseUrl(), Documented.PROJECT, "AccessKey", "SecretKey");

        // THEN it made the documented, signed request and got the documented answer
        assertThat(result.queues()).containsExactly(new QueueOffset("broker-1", 0, 0L));
        assertThat(result.queues()).hasToString("[QueueOffset[brokerName=broker-1, queueId=0, offset=0]]");
        assertThat(received().get(0).getBodyAsString())
                .isEqualTo("{\"topic\":\"topic_01\",\"timestamp\":" + Documented.TIMESTAMP + "}");
        SignatureCheck.assertVerifies(received().get(0), "AccessKey", "SecretKey");
    }

    /** The lines strictly between the first line containing {@code begin} and the next containing {@code end}, trimmed. */
    private static List<String> between(List<String> lines, String begin, String end) {
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(begin)) {
                from = i + 1;
            } else if (from >= 0 && lines.get(i).trim().equals(end)) {
                return lines.subList(from, i).stream().map(String::strip).toList();
            }
        }
        throw new AssertionError("No lines between '" + begin + "' and '" + end + "'");
    }
}
