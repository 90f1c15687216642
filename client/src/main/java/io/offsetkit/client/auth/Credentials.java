package io.offsetkit.client.auth;

import java.time.Instant;
import java.util.Map;

/**
 * How a client proves who it is: an IAM token, an AK/SK pair that signs every request, or nothing
 * (for a local emulator that does not check).
 *
 * <p>Implementations are immutable and thread-safe, and their {@code toString} never shows a
 * secret.
 */
public sealed interface Credentials permits TokenCredentials, AkSkCredentials, NoCredentials {

    /** An IAM token, sent as {@code X-Auth-Token} on every request. */
    static Credentials token(String token) {
        return new TokenCredentials(token);
    }

    /** An access key and secret key: every request is signed with {@code SDK-HMAC-SHA256}. */
    static Credentials akSk(String accessKey, String secretKey) {
        return new AkSkCredentials(accessKey, secretKey);
    }

    /** No authentication headers at all; for a local emulator started without authentication. */
    static Credentials none() {
        return NoCredentials.INSTANCE;
    }

    /**
     * The headers that authenticate one request, to be added to it as they are.
     *
     * @param request the request exactly as it will be sent, without these headers
     * @param now the signing time (a retried request is authenticated again, with a new time)
     * @return header names to values, in the order to add them; empty when nothing is added
     */
    Map<String, String> authenticate(SignableRequest request, Instant now);
}
