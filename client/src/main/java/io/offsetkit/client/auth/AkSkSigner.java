package io.offsetkit.client.auth;

import io.offsetkit.signing.SdkHmacSha256;
import io.offsetkit.signing.SdkSigner;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs a request with {@code SDK-HMAC-SHA256} as the official Java SDK does, with the shared {@link
 * SdkSigner}.
 *
 * <p>Signed: every header the caller sets except those {@link SdkHmacSha256#isSignedByDefault}
 * leaves out ({@code Content-Type}, names with {@code _}), plus {@code Host} and {@value
 * SdkHmacSha256#DATE_HEADER}. {@code Host} cannot be set on a {@code java.net.http} request: the
 * client writes it from the URI, so the signer signs the value {@link SdkSigner#hostHeader} computes the
 * same way. The payload hash is over the body bytes given, which must be the bytes sent.
 *
 * <p>Stateless and thread-safe.
 */
public final class AkSkSigner {

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
}
