package io.offsetkit.client.auth;

import io.offsetkit.signing.SdkDate;
import io.offsetkit.signing.SdkSigner;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs a request with {@code SDK-HMAC-SHA256} as the official Java SDK does, with the shared {@link
 * SdkSigner}.
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

    /**
     * {@code yyyyMMdd'T'HHmmss'Z'} in UTC, the format of {@value SdkHmacSha256#DATE_HEADER}: {@link
     * SdkDate#FORMAT}. The client no longer uses it; it stays because it is public, as the client's
     * other signing classes stay.
     */
    public static final DateTimeFormatter SDK_DATE = SdkDate.FORMAT;

    private AkSkSigner() {}

    /**
     * The headers to add to sign a request: {@value SdkHmacSha256#DATE_HEADER} and {@code
     * Authorization}, in that order.
     */
    public static Map<String, String> sign(String accessKey, String secretKey, SignableRequest request, Instant now) {
        Map<String, String> toSign = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> {
            if (SdkHmacSha256.isSignedByDefault(name)) {
                toSign.put(name, value);
            }
        });
        return new SdkSigner(accessKey, secretKey).sign(request.method(), request.uri(), toSign, request.body(), now);
    }

    /**
     * The {@code Host} header {@code java.net.http.HttpClient} sends for a URI: the host, followed
     * by {@code :port} unless the port is absent or the scheme's default (80 for http, 443 for
     * https). IPv6 literals keep their brackets.
     */
    public static String hostHeader(URI uri) {
        return SdkSigner.hostHeader(uri);
    }
}
