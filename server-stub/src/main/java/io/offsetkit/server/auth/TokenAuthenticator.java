package io.offsetkit.server.auth;

import io.offsetkit.server.call.Call;
import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Accepts a call whose {@code X-Auth-Token} is one of the configured tokens ({@link Access#FULL}) or of
 * the read-only ones ({@link Access#READ_ONLY}): missing gives 401 {@code DMS.10240103}, any other
 * value 401 {@code DMS.10240101}. Tokens are compared in constant time.
 */
final class TokenAuthenticator implements RequestAuthenticator {

    static final String HEADER = "X-Auth-Token";

    private final TokenSet tokens;
    private final TokenSet readOnlyTokens;

    TokenAuthenticator(List<String> tokens, List<String> readOnlyTokens) {
        this.tokens = new TokenSet(tokens);
        this.readOnlyTokens = new TokenSet(readOnlyTokens);
    }

    @Override
    public Access authenticate(Call call, byte[] body) {
        String token = call.header(HEADER);
        if (token == null || token.isBlank()) {
            throw new DmsException(
                    DmsError.MISSING_TOKEN,
                    "The " + HEADER + " header is missing; this server requires a token (offsetkit.auth.mode=token).");
        }
        byte[] sent = token.trim().getBytes(StandardCharsets.UTF_8);
        if (tokens.contains(sent)) {
            return Access.FULL;
        }
        if (readOnlyTokens.contains(sent)) {
            return Access.READ_ONLY;
        }
        throw new DmsException(
                DmsError.INVALID_TOKEN,
                "The " + HEADER + " header carries a token this server does not accept (" + sent.length
                        + " bytes); check offsetkit.auth.tokens.");
    }
}
