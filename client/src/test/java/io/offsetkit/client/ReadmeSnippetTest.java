package io.offsetkit.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.rewind.RewindGroup;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client README's program (block java-client-example) is {@link RewindGroup}'s source, whole:
 * the test compares the two line by line (trailing spaces aside), so the README's imports are the
 * ones that compile, then runs the program against WireMock answering the contract's examples. A
 * change to either one alone fails the build, so the README cannot rot. ClientJarWithDependenciesIT
 * runs the same file with the README's class path, the "all" jar.
 */
class ReadmeSnippetTest extends WireMockTestBase {

    static final Path EXAMPLE = Path.of("src/test/java/com/example/rewind/RewindGroup.java");

    @Test
    void readmeProgramIsTheTestedSourceImportsIncluded() throws IOException {
        // GIVEN the README's block and the program's source
        List<String> fenced = ClientReadme.block("java-client-example", "java");
        List<String> source = Files.readAllLines(ClientReadme.module().resolve(EXAMPLE));

        // WHEN / THEN they are the same lines, the package and imports included
        assertThat(fenced.stream().map(String::stripTrailing).toList())
                .as("README block java-client-example vs " + EXAMPLE)
                .isEqualTo(source.stream().map(String::stripTrailing).toList());
        assertThat(fenced).anyMatch(line -> line.startsWith("import io.offsetkit.client.OffsetkitClient;"));
    }

    @Test
    void readmeProgramReadsResetsAndReadsBack() {
        // GIVEN a server answering the contract's examples of the status, the reset and the progress
        stubReadmeWorkflow();

        // WHEN the README's program runs against it, signing with its AK/SK
        String out = runMain(wireMock.baseUrl(), Documented.PROJECT, "AccessKey", "SecretKey");

        // THEN it printed the three steps
        assertThat(out.lines())
                .containsExactly(
                        "queues: [QueueStatus[brokerName=broker-1, queueId=0, minOffset=0, maxOffset=100,"
                                + " lastMessageTime=1662652899000]]",
                        "reset to: [QueueOffset[brokerName=broker-1, queueId=0, offset=0]]",
                        "now at: [QueueOffset[brokerName=broker-1, queueId=0, offset=0]], lag 100");
        // AND it sent the three requests in order, each signed with the AK/SK
        List<LoggedRequest> sent = new ArrayList<>(
                wireMock.getAllServeEvents().stream().map(e -> e.getRequest()).toList());
        Collections.reverse(sent);
        assertThat(sent)
                .extracting(LoggedRequest::getUrl)
                .containsExactly(
                        OffsetkitClientReadsTest.STATUS,
                        Documented.PATH,
                        OffsetkitClientReadsTest.TOPICS + "?topic=topic_01");
        assertThat(sent.get(1).getBodyAsString())
                .isEqualTo("{\"topic\":\"topic_01\",\"timestamp\":" + Documented.TIMESTAMP + "}");
        sent.forEach(request -> SignatureCheck.assertVerifies(request, "AccessKey", "SecretKey"));
    }

    /** The contract's examples of the README's three calls, on WireMock. */
    static void stubReadmeWorkflow() {
        wireMock.stubFor(get(urlPathEqualTo(OffsetkitClientReadsTest.STATUS))
                .willReturn(OffsetkitClientReadsTest.ok(Documented.readExample("TopicStatus", "topic01"))));
        stubDocumentedRoute(documentedAnswer());
        wireMock.stubFor(get(urlPathEqualTo(OffsetkitClientReadsTest.TOPICS))
                .willReturn(OffsetkitClientReadsTest.ok(Documented.readExample("ConsumerListOrDetails", "progress"))));
    }

    private static String runMain(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            RewindGroup.main(args);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
