package io.offsetkit.server.auth;

import io.offsetkit.server.engine.Call;
import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Accepts a call whose {@code X-Auth-Token} is one of the configured tokens: missing gives 401
 * {@code DMS.10240103}, any other value 401 {@code DMS.10240101}. Tokens are compared in constant
 * time.
 */
final class TokenAuthenticator implements RequestAuthenticator {

    static final String HEADER = "X-Auth-Token";

    private final List<byte[]> tokens;

    TokenAuthenticator(List<String> tokens) {
        this.tokens =
                tokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    public void authenticate(Call call, byte[] body) {
        String token = call.header(HEADER);
        if (token == null || token.isBlank()) {
            throw new DmsException(
                    DmsError.MISSING_TOKEN,
                    "The " + HEADER + " header is missing; this server requires a token (offsetkit.auth.mode=token).");
        }
        byte[] sent = token.trim().getBytes(StandardCharsets.UTF_8);
        boolean known = false;
        for (byte[] candidate : tokens) {
            known |= MessageDigest.isEqual(candidate, sent);
        }
        if (!known) {
            throw new DmsException(
                    DmsError.INVALID_TOKEN,
                    "The " + HEADER + " header carries a token this server does not accept (" + sent.length
                            + " bytes); check offsetkit.auth.tokens.");
        }
    }
}
