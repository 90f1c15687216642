package io.offsetkit.client.auth;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An IAM token, sent as the {@value #HEADER} header. The token is not checked here: the server
 * refuses a bad one with 401.
 *
 * @param token the token, not blank
 */
public record TokenCredentials(String token) implements Credentials {

    /** The header that carries the token. */
    public static final String HEADER = "X-Auth-Token";

    public TokenCredentials {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("token is blank");
        }
    }

    @Override
    public Map<String, String> authenticate(SignableRequest request, Instant now) {
        return Map.of(HEADER, token);
    }

    /** Never shows the token: exception messages and logs print credentials by accident. */
    @Override
    public String toString() {
        return "TokenCredentials[token=***]";
    }
}
