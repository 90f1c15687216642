package io.offsetkit.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** The canonicalisation reproduces the official SDK's published test vectors exactly. */
class SdkHmacSha256Test {

    private static final String SK = "SecretKey";
    private static final String DATE = "20191115T033655Z";

    @Test
    void publishedPostVector() {
        // GIVEN the published POST: Host and X-Sdk-Date signed, Content-Type not
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "service.region.example.com");
        headers.put("X-Sdk-Date", DATE);
        SortedMap<String, String> canonical = SdkHmacSha256.canonicalHeaders(headers);
        String payloadHash = SdkHmacSha256.payloadHash("{\"key\":\"value\"}".getBytes(StandardCharsets.UTF_8));

        // WHEN it is signed with SK "SecretKey"
        String canonicalRequest = SdkHmacSha256.canonicalRequest(
                "POST", "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123", null, canonical, payloadHash);
        String signature = SdkHmacSha256.signature(SK, SdkHmacSha256.stringToSign(DATE, canonicalRequest));

        // THEN the canonical request has a trailing-slash URI and a blank line before the names
        assertThat(canonicalRequest)
                .startsWith("POST\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123/\n\nhost:service.region.example.com\n"
                        + "x-sdk-date:20191115T033655Z\n\nhost;x-sdk-date\n");
        // AND the signature is the published one
        assertThat(signature).isEqualTo("b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771");
    }

    @Test
    void publishedGetVectorWithQuery() {
        // GIVEN the published GET with a query
        SortedMap<String, String> canonical =
                SdkHmacSha256.canonicalHeaders(Map.of("Host", "service.region.example.com", "X-Sdk-Date", DATE));

        // WHEN it is signed
        String canonicalRequest = SdkHmacSha256.canonicalRequest(
                "GET",
                "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
                "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
                canonical,
                SdkHmacSha256.payloadHash(new byte[0]));

        // THEN the signature is the published one
        assertThat(SdkHmacSha256.signature(SK, SdkHmacSha256.stringToSign(DATE, canonicalRequest)))
                .isEqualTo("fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d");
    }

    @Test
    void canonicalUriEncodesEachSegmentAgainAndEndsWithSlash() {
        assertThat(SdkHmacSha256.canonicalUri("")).isEqualTo("/");
        assertThat(SdkHmacSha256.canonicalUri("/")).isEqualTo("/");
        assertThat(SdkHmacSha256.canonicalUri("/a b/c*d/e~f/g%7Ch")).isEqualTo("/a%20b/c%2Ad/e~f/g%257Ch/");
    }

    @Test
    void canonicalQuerySortsByKeyThenValue() {
        assertThat(SdkHmacSha256.canonicalQuery("b=2&a=2&a=1&c")).isEqualTo("a=1&a=2&b=2&c=");
        assertThat(SdkHmacSha256.canonicalQuery("q=a%20b")).isEqualTo("q=a%20b");
    }

    @Test
    void defaultSignedHeadersSkipContentTypeAndUnderscores() {
        assertThat(SdkHmacSha256.isSignedByDefault("Content-Type")).isFalse();
        assertThat(SdkHmacSha256.isSignedByDefault("x_custom")).isFalse();
        assertThat(SdkHmacSha256.isSignedByDefault("X-Project-Id")).isTrue();
    }

    @Test
    void requestSignatureSignsTheStringToSignOfTheCanonicalRequest() {
        // GIVEN the published GET's canonical request
        String canonicalRequest = SdkHmacSha256.canonicalRequest(
                "GET",
                "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
                "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
                SdkHmacSha256.canonicalHeaders(Map.of("Host", "service.region.example.com", "X-Sdk-Date", DATE)),
                SdkHmacSha256.payloadHash(null));

        // WHEN it is signed in one step
        String signature = SdkHmacSha256.requestSignature(SK, DATE, canonicalRequest);

        // THEN it is the published signature, as the two steps give it
        assertThat(signature).isEqualTo("fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d");
    }

    @Test
    void canonicalHeadersAreLowerCaseSortedAndTrimmed() {
        // GIVEN headers in mixed case, out of order, one value padded
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Sdk-Date", DATE);
        headers.put("HOST", " h:1 ");

        // WHEN they are made canonical
        SortedMap<String, String> canonical = SdkHmacSha256.canonicalHeaders(headers);

        // THEN the names are lower case and sorted, and the value trimmed
        assertThat(canonical).containsExactly(Map.entry("host", "h:1"), Map.entry("x-sdk-date", DATE));
        assertThat(SdkHmacSha256.signedHeaderNames(canonical)).isEqualTo("host;x-sdk-date");
    }

    @Test
    void signaturesMatchOnlyWhenEqual() {
        String signature = "b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771";

        assertThat(SdkHmacSha256.signaturesMatch(signature, signature)).isTrue();
        // the last digit differs
        assertThat(SdkHmacSha256.signaturesMatch(signature, signature.substring(0, 63) + "0"))
                .isFalse();
        // a prefix is not a match
        assertThat(SdkHmacSha256.signaturesMatch(signature, signature.substring(0, 32)))
                .isFalse();
    }
}
