package io.offsetkit.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signer, end to end: the published test vectors, and exactly the headers it is given signed. */
class SdkSignerTest {

    private static final Instant VECTOR_TIME = Instant.parse("2019-11-15T03:36:55Z");
    private static final SdkSigner VECTOR_SIGNER = new SdkSigner("AccessKey", "SecretKey");

    @Test
    void publishedPostVector() {
        // GIVEN the published POST; its Content-Type is not signed, so it is not given
        URI uri = URI.create("https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123");
        byte[] body = "{\"key\":\"value\"}".getBytes(StandardCharsets.UTF_8);

        // WHEN it is signed at the vector's time
        Map<String, String> added = VECTOR_SIGNER.sign("POST", uri, Map.of(), body, VECTOR_TIME);

        // THEN the date and the Authorization are the published ones, in that order
        assertThat(added)
                .containsExactly(
                        Map.entry("X-Sdk-Date", "20191115T033655Z"),
                        Map.entry(
                                "Authorization",
                                "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, "
                                        + "Signature=b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771"));
    }

    @Test
    void publishedGetVectorWithQuery() {
        // GIVEN the published GET, with its query and no body
        URI uri = URI.create("https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs"
                + "?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0");

        // WHEN it is signed
        Map<String, String> added = VECTOR_SIGNER.sign("GET", uri, Map.of(), null, VECTOR_TIME);

        // THEN the signature is the published one
        assertThat(SdkAuthorization.parse(added.get("Authorization")).signature())
                .isEqualTo("fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d");
    }

    @Test
    void signsExactlyTheHeadersGivenPlusHostAndDate() {
        // GIVEN the Node.js SDK's choice: every header, a lower-case content-type included
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("X-Project-Id", "p");

        // WHEN they are signed
        SdkAuthorization authorization = SdkAuthorization.parse(VECTOR_SIGNER
                .sign("POST", URI.create("http://127.0.0.1:18080/v2/x"), headers, new byte[0], VECTOR_TIME)
                .get("Authorization"));

        // THEN content-type is signed too, beside host and x-sdk-date
        assertThat(authorization.signedHeaders()).containsExactly("content-type", "host", "x-project-id", "x-sdk-date");
    }

    @Test
    void signatureVerifiesAsAServerRecomputesIt() {
        // GIVEN a signed request with a header, a percent-encoded path segment and a query
        URI uri = URI.create("http://127.0.0.1:18080/v2/rocketmq/p/instances/i/groups/g%2501/reset-message-offset?a=1");
        byte[] body = "{\"topic\":\"t\",\"timestamp\":0}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> added = VECTOR_SIGNER.sign("POST", uri, Map.of("X-Project-Id", "p"), body, VECTOR_TIME);

        // WHEN a verifier recomputes it from what arrives: the raw path and query, the headers, the body
        Map<String, String> received =
                Map.of("host", "127.0.0.1:18080", "x-project-id", "p", "x-sdk-date", added.get("X-Sdk-Date"));
        String expected = SdkHmacSha256.requestSignature(
                "SecretKey",
                added.get("X-Sdk-Date"),
                SdkHmacSha256.canonicalRequest(
                        "POST",
                        uri.getRawPath(),
                        uri.getRawQuery(),
                        SdkHmacSha256.canonicalHeaders(received),
                        SdkHmacSha256.payloadHash(body)));

        // THEN it is the signature sent
        assertThat(SdkAuthorization.parse(added.get("Authorization")).signature())
                .isEqualTo(expected);
    }

    @Test
    void hostAndDateWinOverTheCallersCopies() {
        // GIVEN headers that carry their own host and date, in other cases
        Map<String, String> headers = Map.of("host", "elsewhere.example.com", "x-sdk-date", "19700101T000000Z");

        // WHEN they are signed
        Map<String, String> added = VECTOR_SIGNER.sign("GET", URI.create("http://h:8080/"), headers, null, VECTOR_TIME);
        Map<String, String> withOwn =
                VECTOR_SIGNER.sign("GET", URI.create("http://h:8080/"), Map.of(), null, VECTOR_TIME);

        // THEN the signature is the one over the URI's host and the signing time
        assertThat(added).isEqualTo(withOwn);
    }

    @Test
    void hostHeaderIsWhatJavaNetHttpSends() {
        // default ports are left out, explicit or not
        assertThat(SdkSigner.hostHeader(URI.create("https://dms.example.com/v2")))
                .isEqualTo("dms.example.com");
        assertThat(SdkSigner.hostHeader(URI.create("https://dms.example.com:443/")))
                .isEqualTo("dms.example.com");
        assertThat(SdkSigner.hostHeader(URI.create("http://127.0.0.1:80/"))).isEqualTo("127.0.0.1");
        // any other port is kept, also 443 on http and 80 on https
        assertThat(SdkSigner.hostHeader(URI.create("http://127.0.0.1:18080/"))).isEqualTo("127.0.0.1:18080");
        assertThat(SdkSigner.hostHeader(URI.create("http://h:443/"))).isEqualTo("h:443");
        assertThat(SdkSigner.hostHeader(URI.create("https://h:80/"))).isEqualTo("h:80");
        // IPv6 literals keep their brackets
        assertThat(SdkSigner.hostHeader(URI.create("http://[::1]:8080/"))).isEqualTo("[::1]:8080");
    }

    @Test
    void toStringNeverShowsTheSecretKey() {
        assertThat(new SdkSigner("AK1", "very-secret").toString())
                .contains("AK1")
                .doesNotContain("very-secret");
    }
}
