package io.offsetkit.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The client's {@link SdkHmacSha256} and {@link SdkAuthorization}, kept for code written against
 * the client, answer as the signing module does: each method on an input whose answer only the
 * right step gives, and the header written and read as before.
 */
class SigningViewsTest {

    @Test
    void eachStepAnswersAsTheSharedOne() {
        // the names
        assertThat(List.of(SdkHmacSha256.ALGORITHM, SdkHmacSha256.DATE_HEADER, SdkHmacSha256.CONTENT_SHA256_HEADER))
                .containsExactly("SDK-HMAC-SHA256", "X-Sdk-Date", "X-Sdk-Content-Sha256");
        // the canonical URI, query and headers
        assertThat(SdkHmacSha256.canonicalUri("/a b/c*d")).isEqualTo("/a%20b/c%2Ad/");
        assertThat(SdkHmacSha256.canonicalQuery("b=2&a=1")).isEqualTo("a=1&b=2");
        assertThat(SdkHmacSha256.signedHeaderNames(SdkHmacSha256.canonicalHeaders(Map.of("X-B", "1", "A", "2"))))
                .isEqualTo("a;x-b");
        assertThat(SdkHmacSha256.encode("~*+")).isEqualTo("~%2A%2B");
        assertThat(SdkHmacSha256.isSignedByDefault("content-type")).isFalse();
        // the hashes and the HMAC: SHA-256 of nothing, and the published POST vector
        assertThat(SdkHmacSha256.payloadHash(null))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        String canonical = SdkHmacSha256.canonicalRequest(
                "POST",
                "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123",
                null,
                SdkHmacSha256.canonicalHeaders(
                        Map.of("Host", "service.region.example.com", "X-Sdk-Date", "20191115T033655Z")),
                SdkHmacSha256.payloadHash("{\"key\":\"value\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(SdkHmacSha256.signature("SecretKey", SdkHmacSha256.stringToSign("20191115T033655Z", canonical)))
                .isEqualTo("b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771");
        assertThat(SdkHmacSha256.signaturesMatch("ab", "ab")).isTrue();
        assertThat(SdkHmacSha256.signaturesMatch("ab", "ac")).isFalse();
    }

    @Test
    void authorizationIsWrittenAndReadAsTheSharedOne() {
        // GIVEN a header value the shared class writes
        String signature = "d166" + "0".repeat(60);
        String value = new io.offsetkit.signing.SdkAuthorization("AK", List.of("host", "x-sdk-date"), signature)
                .toHeaderValue();

        // WHEN the client's record reads it
        SdkAuthorization parsed = SdkAuthorization.parse(value);

        // THEN it has the same items and writes the same text
        assertThat(parsed).isEqualTo(new SdkAuthorization("AK", List.of("host", "x-sdk-date"), signature));
        assertThat(parsed.toHeaderValue()).isEqualTo(value);
        // AND a malformed value is refused with the shared reason
        assertThatThrownBy(() -> SdkAuthorization.parse("Bearer x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Authorization does not start with SDK-HMAC-SHA256");
    }
}
