package io.offsetkit.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.api.ContractSchemas;
import io.offsetkit.server.testsupport.AkskServerOverHttpTest;
import io.offsetkit.server.testsupport.Ids;
import io.offsetkit.server.testsupport.RunningServer;
import io.offsetkit.server.testsupport.TestSigner;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * In aksk mode an API call must carry a valid SDK-HMAC-SHA256 signature of the exact request, made
 * within the clock skew, with a configured AK/SK pair.
 */
@AkskServerOverHttpTest
class AkskAuthenticationOverHttpTest {

    private static final String AK = AkskServerOverHttpTest.AK;
    private static final String SK = AkskServerOverHttpTest.SK;

    private static final byte[] BODY =
            "{\"topic\":\"topic_01\",\"timestamp\":\"1662652800000\"}".getBytes(StandardCharsets.UTF_8);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @RunningServer.Server
    int port;

    @Test
    void requestSignedWithAConfiguredPairIsAnswered() throws Exception {
        HttpResponse<String> response = send(signed(AK, SK, BODY, Instant.now()), BODY, false);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"broker_name\":\"broker-1\"");
    }

    @Test
    void chunkedBodyIsVerifiedOverTheBytesReceived() throws Exception {
        // GIVEN a signed request whose body is sent chunked, without Content-Length, as the official SDK sends it
        HttpResponse<String> response = send(signed(AK, SK, BODY, Instant.now()), BODY, true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void missingAuthorizationIs401MissingToken() throws Exception {
        HttpResponse<String> response = send(Map.of(), BODY, false);

        assertError(response, "DMS.10240103", "Authorization header is missing");
    }

    @Test
    void wrongSecretKeyIs401WithoutRevealingTheExpectedSignature() throws Exception {
        Instant now = Instant.now();
        Map<String, String> headers = signed(AK, "not-the-secret-key", BODY, now);

        HttpResponse<String> response = send(headers, BODY, false);

        String message = assertError(response, "DMS.10240101", "signature", "does not match", "canonical URI");
        String expected = signed(AK, SK, BODY, now).get("Authorization");
        String expectedSignature = expected.substring(expected.indexOf("Signature=") + "Signature=".length());
        assertThat(message).doesNotContain(expectedSignature).doesNotContain(SK);
    }

    @Test
    void unknownAccessKeyIs401NamingIt() throws Exception {
        HttpResponse<String> response = send(signed("UNKNOWNAK", SK, BODY, Instant.now()), BODY, false);

        assertError(response, "DMS.10240101", "'UNKNOWNAK'", "not known");
    }

    @Test
    void malformedAuthorizationIs401() throws Exception {
        Map<String, String> headers = new HashMap<>(signed(AK, SK, BODY, Instant.now()));
        headers.put("Authorization", "Bearer abc");

        assertError(send(headers, BODY, false), "DMS.10240101", "Authorization header is malformed");
    }

    @Test
    void staleDateIs401NamingTheSkew() throws Exception {
        HttpResponse<String> response =
                send(signed(AK, SK, BODY, Instant.now().minus(Duration.ofMinutes(20))), BODY, false);

        assertError(response, "DMS.10240101", "X-Sdk-Date", "behind", "900 seconds");
    }

    @Test
    void dateInTheFutureIs401() throws Exception {
        HttpResponse<String> response =
                send(signed(AK, SK, BODY, Instant.now().plus(Duration.ofMinutes(20))), BODY, false);

        assertError(response, "DMS.10240101", "X-Sdk-Date", "ahead of");
    }

    @Test
    void malformedDateIs401() throws Exception {
        Map<String, String> headers = new HashMap<>(signed(AK, SK, BODY, Instant.now()));
        headers.put("X-Sdk-Date", "2026-11-25T05:58:26Z");

        assertError(send(headers, BODY, false), "DMS.10240101", "X-Sdk-Date", "yyyyMMdd'T'HHmmss'Z'");
    }

    @Test
    void bodyOtherThanTheSignedOneIs401() throws Exception {
        // GIVEN a request signed for one body
        Map<String, String> headers = signed(AK, SK, BODY, Instant.now());
        byte[] other = "{\"topic\":\"topic_01\",\"timestamp\":-1}".getBytes(StandardCharsets.UTF_8);

        // WHEN another body is sent with that signature
        HttpResponse<String> response = send(headers, other, false);

        // THEN it is refused, and the message says over which body the server computed
        assertError(response, "DMS.10240101", "does not match", other.length + " bytes");
    }

    @Test
    void signatureOverAnotherPathIs401() throws Exception {
        Map<String, String> headers = TestSigner.sign(
                AK, SK, "POST", "127.0.0.1:" + port, Ids.path("reliability"), Map.of(), BODY, Instant.now());

        HttpResponse<String> response = send(Ids.path("rocketmq"), headers, BODY, false);

        assertError(response, "DMS.10240101", "does not match");
    }

    @Test
    void signatureMustCoverHost() throws Exception {
        Map<String, String> headers = new HashMap<>(signed(AK, SK, BODY, Instant.now()));
        headers.put("Authorization", headers.get("Authorization").replace("host;", ""));

        assertError(send(headers, BODY, false), "DMS.10240101", "must include host");
    }

    @Test
    void rawPathIsWhatIsSigned() throws Exception {
        // GIVEN a group name with '%' (allowed by the contract), percent-encoded in the path as sent
        String rawPath = Ids.path("rocketmq", Ids.PROJECT, Ids.INSTANCE, "group%2501");
        Map<String, String> headers =
                TestSigner.sign(AK, SK, "POST", "127.0.0.1:" + port, rawPath, Map.of(), BODY, Instant.now());

        // WHEN it is sent signed over that raw path
        HttpResponse<String> response = send(rawPath, headers, BODY, false);

        // THEN the signature verifies, and the request reaches the store (which has no such group)
        assertError(response, 404, "DMS.10240405", "group%01");
    }

    @Test
    void serversOwnPagesNeedNoSignature() throws Exception {
        HttpResponse<String> spec = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/openapi.yaml"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(spec.statusCode()).isEqualTo(200);
    }

    private Map<String, String> signed(String ak, String sk, byte[] body, Instant at) {
        return TestSigner.sign(
                ak,
                sk,
                "POST",
                "127.0.0.1:" + port,
                Ids.path("rocketmq"),
                Map.of("X-Project-Id", Ids.PROJECT),
                body,
                at);
    }

    private HttpResponse<String> send(Map<String, String> headers, byte[] body, boolean chunked) throws Exception {
        return send(Ids.path("rocketmq"), headers, body, chunked);
    }

    private HttpResponse<String> send(String rawPath, Map<String, String> headers, byte[] body, boolean chunked)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rawPath))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(
                        chunked
                                // an InputStream publisher has no known length: the client sends it chunked
                                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String assertError(HttpResponse<String> response, String code, String... parts) {
        return assertError(response, 401, code, parts);
    }

    private static String assertError(HttpResponse<String> response, int status, String code, String... parts) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        JsonNode json = JsonMapper.shared().readTree(response.body());
        assertThat(ContractSchemas.bundled().validateComponent("Error", json)).isEmpty();
        assertThat(json.get("error_code").asString()).isEqualTo(code);
        String message = json.get("error_msg").asString();
        assertThat(message).contains(parts);
        return message;
    }
}
