package io.offsetkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.offsetkit.signing.SdkAuthorization;
import io.offsetkit.signing.SdkHmacSha256;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verifies the {@code Authorization} of a request as a server would: from what WireMock recorded
 * (method, raw path and query, the values of the signed headers, the body bytes), with the shared
 * canonicalisation and the secret key. It does not use the client's signer.
 */
final class SignatureCheck {

    private SignatureCheck() {}

    /** Asserts that the recorded request's signature verifies with {@code secretKey}; returns it parsed. */
    static SdkAuthorization assertVerifies(LoggedRequest request, String accessKey, String secretKey) {
        SdkAuthorization authorization = SdkAuthorization.parse(request.getHeader("Authorization"));
        assertThat(authorization.accessKey()).isEqualTo(accessKey);
        assertThat(authorization.signedHeaders()).contains("host", "x-sdk-date");
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : authorization.signedHeaders()) {
            assertThat(request.containsHeader(name))
                    .as("signed header %s is on the wire", name)
                    .isTrue();
            signed.put(name, request.getHeader(name));
        }
        URI url = URI.create(request.getUrl());
        String canonicalRequest = SdkHmacSha256.canonicalRequest(
                request.getMethod().getName(),
                url.getRawPath(),
                url.getRawQuery(),
                SdkHmacSha256.canonicalHeaders(signed),
                SdkHmacSha256.payloadHash(request.getBody()));
        String expected = SdkHmacSha256.signature(
                secretKey, SdkHmacSha256.stringToSign(request.getHeader("X-Sdk-Date"), canonicalRequest));
        assertThat(authorization.signature())
                .as("signature over the recorded request; canonical request:%n%s", canonicalRequest)
                .isEqualTo(expected);
        return authorization;
    }
}
