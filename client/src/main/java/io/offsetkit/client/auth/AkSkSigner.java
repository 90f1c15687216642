package io.offsetkit.client.auth;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Signs a request with {@code SDK-HMAC-SHA256}, over the canonicalisation of {@link SdkHmacSha256}.
 *
 * <p>Signed: every header the caller sets except those {@link SdkHmacSha256#isSignedByDefault}
 * leaves out ({@code Content-Type}, names with {@code _}), plus {@code Host} and {@value
 * SdkHmacSha256#DATE_HEADER}. {@code Host} cannot be set on a {@code java.net.http} request: the
 * client writes it from the URI, so the signer signs the value {@link #hostHeader} computes the
 * same way. The payload hash is over the body bytes given, which must be the bytes sent.
 *
 * <p>Stateless and thread-safe.
 */
public final class AkSkSigner {

    /** {@code yyyyMMdd'T'HHmmss'Z'} in UTC, the format of {@value SdkHmacSha256#DATE_HEADER}. */
    public static final DateTimeFormatter SDK_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private AkSkSigner() {}

    /**
     * The headers to add to sign a request: {@value SdkHmacSha256#DATE_HEADER} and {@code
     * Authorization}, in that order.
     */
    public static Map<String, String> sign(String accessKey, String secretKey, SignableRequest request, Instant now) {
        String sdkDate = SDK_DATE.format(now);
        Map<String, String> toSign = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> {
            if (SdkHmacSha256.isSignedByDefault(name)) {
                toSign.put(name, value);
            }
        });
        toSign.put("Host", hostHeader(request.uri()));
        toSign.put(SdkHmacSha256.DATE_HEADER, sdkDate);
        SortedMap<String, String> canonicalHeaders = SdkHmacSha256.canonicalHeaders(toSign);
        String canonicalRequest = SdkHmacSha256.canonicalRequest(
                request.method(),
                request.uri().getRawPath(),
                request.uri().getRawQuery(),
                canonicalHeaders,
                SdkHmacSha256.payloadHash(request.body()));
        String signature = SdkHmacSha256.signature(secretKey, SdkHmacSha256.stringToSign(sdkDate, canonicalRequest));
        SdkAuthorization authorization = new SdkAuthorization(
                accessKey, canonicalHeaders.keySet().stream().toList(), signature);

        Map<String, String> added = new LinkedHashMap<>();
        added.put(SdkHmacSha256.DATE_HEADER, sdkDate);
        added.put("Authorization", authorization.toHeaderValue());
        return added;
    }

    /**
     * The {@code Host} header {@code java.net.http.HttpClient} sends for a URI: the host, followed
     * by {@code :port} unless the port is absent or the scheme's default (80 for http, 443 for
     * https). IPv6 literals keep their brackets.
     */
    public static String hostHeader(URI uri) {
        String host = uri.getHost();
        int port = uri.getPort();
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        boolean defaultPort = port == -1 || port == (secure ? 443 : 80);
        return defaultPort ? host : host + ":" + port;
    }
}
