package io.offsetkit.client.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.offsetkit.client.OffsetkitClient;
import io.offsetkit.client.ResetResult;
import io.offsetkit.client.auth.Credentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The client's per-call overhead: one reset through {@link OffsetkitClient} (with a token, and with
 * AK/SK signing) against one bare {@link HttpClient} POST of the same body to the same WireMock
 * stub, in the same run. Both speak HTTP/1.1 over a kept-alive loopback connection; the bare call
 * reads the body as a string and parses nothing, so the difference is what the client adds:
 * serialising the request, headers, signing, parsing and mapping the answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientOverheadBenchmark {

    private static final String PROJECT = "77b6a44cba5143ab91d13ab9a8ff44fd";
    private static final String INSTANCE = "11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d";
    private static final String PATH =
            "/v2/rocketmq/" + PROJECT + "/instances/" + INSTANCE + "/groups/group_01/reset-message-offset";
    private static final byte[] BODY =
            "{\"topic\":\"topic_01\",\"timestamp\":1662652800000}".getBytes(StandardCharsets.UTF_8);

    private WireMockServer wireMock;
    private HttpClient bare;
    private URI uri;
    private OffsetkitClient tokenClient;
    private OffsetkitClient akSkClient;

    @Setup(Level.Trial)
    public void start() {
        // No request journal: millions of recorded requests would make the stub slower as the run goes on.
        wireMock = new WireMockServer(wireMockConfig().dynamicPort().disableRequestJournal());
        wireMock.start();
        wireMock.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Request-Id", "req-bench")
                        .withBody("{\"queues\":[{\"broker_name\":\"broker-1\",\"queue_id\":0,\"timestamp_offset\":0}]}")));
        uri = URI.create(wireMock.baseUrl() + PATH);
        bare = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        tokenClient = client(Credentials.token("bench-token"));
        akSkClient = client(Credentials.akSk("AccessKey", "SecretKey"));
    }

    @TearDown(Level.Trial)
    public void stop() {
        wireMock.stop();
    }

    @Benchmark
    public String bareHttpClient() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(BODY))
                .build();
        return bare.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    @Benchmark
    public ResetResult offsetkitClientToken() {
        return tokenClient.resetToTime(INSTANCE, "group_01", "topic_01", 1662652800000L);
    }

    @Benchmark
    public ResetResult offsetkitClientAkSk() {
        return akSkClient.resetToTime(INSTANCE, "group_01", "topic_01", 1662652800000L);
    }

    private OffsetkitClient client(Credentials credentials) {
        return OffsetkitClient.builder()
                .endpoint(wireMock.baseUrl())
                .projectId(PROJECT)
                .credentials(credentials)
                .build();
    }
}
