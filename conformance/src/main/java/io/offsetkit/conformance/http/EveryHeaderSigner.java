package io.offsetkit.conformance.http;

import io.offsetkit.client.auth.AkSkCredentials;
import io.offsetkit.client.auth.AkSkSigner;
import io.offsetkit.client.auth.SdkAuthorization;
import io.offsetkit.client.auth.SdkHmacSha256;
import io.offsetkit.client.auth.SignableRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Signs with {@code SDK-HMAC-SHA256} over every header of the request, {@code Content-Type}
 * included, plus {@code Host} and {@code X-Sdk-Date}: the official Node.js SDK signs so, where the
 * Java SDK (and the client's {@link AkSkSigner}) leave {@code Content-Type} out. A verifier that
 * follows the request's {@code SignedHeaders} accepts both; one that never signs {@code
 * Content-Type} refuses this one. Same canonicalisation as the client's, {@link SdkHmacSha256}.
 */
final class EveryHeaderSigner {

    private EveryHeaderSigner() {}

    /** The headers to add: {@value SdkHmacSha256#DATE_HEADER} and {@code Authorization}, in that order. */
    static Map<String, String> sign(AkSkCredentials credentials, SignableRequest request, Instant now) {
        String sdkDate = AkSkSigner.SDK_DATE.format(now);
        Map<String, String> toSign = new LinkedHashMap<>(request.headers());
        toSign.put("Host", AkSkSigner.hostHeader(request.uri()));
        toSign.put(SdkHmacSha256.DATE_HEADER, sdkDate);
        SortedMap<String, String> canonical = SdkHmacSha256.canonicalHeaders(toSign);
        String canonicalRequest = SdkHmacSha256.canonicalRequest(
                request.method(),
                request.uri().getRawPath(),
                request.uri().getRawQuery(),
                canonical,
                SdkHmacSha256.payloadHash(request.body()));
        String signature =
                SdkHmacSha256.signature(credentials.secretKey(), SdkHmacSha256.stringToSign(sdkDate, canonicalRequest));
        Map<String, String> added = new LinkedHashMap<>();
        added.put(SdkHmacSha256.DATE_HEADER, sdkDate);
        added.put(
                "Authorization",
                new SdkAuthorization(credentials.accessKey(), List.copyOf(canonical.keySet()), signature)
                        .toHeaderValue());
        return added;
    }
}
