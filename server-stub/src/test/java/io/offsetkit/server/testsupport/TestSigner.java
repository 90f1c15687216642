package io.offsetkit.server.testsupport;

import io.offsetkit.client.auth.SdkAuthorization;
import io.offsetkit.client.auth.SdkHmacSha256;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * Signs a test request with the shared {@link SdkHmacSha256} canonicalisation, the way the official
 * SDK does: the given headers plus {@code Host} and {@code X-Sdk-Date}.
 */
public final class TestSigner {

    /** X-Sdk-Date's format. */
    public static final DateTimeFormatter SDK_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private TestSigner() {}

    /**
     * @param headers headers to sign besides host and x-sdk-date (e.g. x-project-id)
     * @return the headers to send: X-Sdk-Date, the given ones, and Authorization
     */
    public static Map<String, String> sign(
            String accessKey,
            String secretKey,
            String method,
            String host,
            String rawPath,
            Map<String, String> headers,
            byte[] body,
            Instant signedAt) {
        String date = SDK_DATE.format(signedAt);
        Map<String, String> signed = new LinkedHashMap<>(headers);
        signed.put("Host", host);
        signed.put(SdkHmacSha256.DATE_HEADER, date);
        SortedMap<String, String> canonical = SdkHmacSha256.canonicalHeaders(signed);
        String canonicalRequest =
                SdkHmacSha256.canonicalRequest(method, rawPath, null, canonical, SdkHmacSha256.payloadHash(body));
        String signature = SdkHmacSha256.signature(secretKey, SdkHmacSha256.stringToSign(date, canonicalRequest));
        Map<String, String> toSend = new LinkedHashMap<>(headers);
        toSend.put(SdkHmacSha256.DATE_HEADER, date);
        toSend.put(
                "Authorization",
                new SdkAuthorization(accessKey, new ArrayList<>(canonical.keySet()), signature).toHeaderValue());
        return toSend;
    }
}
