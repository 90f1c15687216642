package io.offsetkit.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.testsupport.AkskServerOverHttpTest;
import io.offsetkit.server.testsupport.Ids;
import io.offsetkit.server.testsupport.RunningServer;
import io.offsetkit.server.testsupport.TestSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In aksk mode the reads are signed as the official SDKs sign a GET: the query is part of the canonical
 * request, the body is empty, and the Node SDK signs {@code Content-Type} too.
 */
@AkskServerOverHttpTest
class SignedReadsOverHttpTest {

    private static final String AK = AkskServerOverHttpTest.AK;
    private static final String SK = AkskServerOverHttpTest.SK;
    private static final String TOPICS =
            "/v2/" + Ids.PROJECT + "/instances/" + Ids.INSTANCE + "/groups/" + Ids.GROUP + "/topics";
    private static final String STATUS =
            "/v2/" + Ids.PROJECT + "/instances/" + Ids.INSTANCE + "/topics/" + Ids.TOPIC + "/status";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @RunningServer.Server
    int port;

    private HttpResponse<String> get(String pathAndQuery, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, String> signed(String pathAndQuery, Map<String, String> signedHeaders) {
        return TestSigner.sign(
                AK, SK, "GET", "127.0.0.1:" + port, pathAndQuery, signedHeaders, new byte[0], Instant.now());
    }

    @Test
    void aGetWithAQuerySignedAsTheJavaSdkSignsIsAnswered() throws Exception {
        // GIVEN a read with a query, signed over host, x-project-id and x-sdk-date
        String pathAndQuery = TOPICS + "?limit=5&offset=0";
        Map<String, String> headers = signed(pathAndQuery, Map.of("X-Project-Id", Ids.PROJECT));

        // WHEN it is sent
        HttpResponse<String> response = get(pathAndQuery, headers);

        // THEN the signature verifies and the read is answered
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"total\":");
    }

    @Test
    void aGetSignedWithItsContentTypeAsTheNodeSdkSignsIsAnswered() throws Exception {
        Map<String, String> headers = signed(STATUS, Map.of("Content-Type", "application/json"));

        HttpResponse<String> response = get(STATUS, headers);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"broker_name\":\"broker-1\"");
    }

    @Test
    void aQueryChangedAfterSigningIsRefused() throws Exception {
        // GIVEN a signature of limit=5
        Map<String, String> headers = signed(TOPICS + "?limit=5", Map.of());

        // WHEN the request asks for limit=50
        HttpResponse<String> response = get(TOPICS + "?limit=50", headers);

        // THEN the signature does not match the request, and the canonical query the server signed is named
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("DMS.10240101").contains("limit=50");
    }

    @Test
    void anUnsignedReadIsRefused() throws Exception {
        HttpResponse<String> response = get(STATUS, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("DMS.10240103");
    }
}
