package io.offsetkit.server.auth;

import io.offsetkit.server.call.Call;
import io.offsetkit.server.error.DmsException;
import java.time.Clock;

/** One way of authenticating a call of the API. Implementations are thread-safe. */
public interface RequestAuthenticator {

    /**
     * @param call the call
     * @param body its body, exactly as received (what a signature covers)
     * @return what the credentials may do
     * @throws DmsException 401 {@code DMS.10240103} when the credentials are missing, 401
     *     {@code DMS.10240101} when they are wrong, 401 {@code DMS.10240102} for an expired token, 401
     *     {@code DMS.10240104} for a token of another project; the message says which header and why,
     *     never the expected secret or signature
     */
    Access authenticate(Call call, byte[] body);

    /** The authenticator of the configured mode. */
    static RequestAuthenticator of(AuthSettings settings, Clock clock) {
        return switch (settings.mode()) {
            case NONE -> (call, body) -> Access.FULL;
            case TOKEN ->
                new RefusedTokens(
                        settings.expiredTokens(),
                        settings.otherProjectTokens(),
                        new TokenAuthenticator(settings.tokens(), settings.readOnlyTokens()));
            case AKSK ->
                new RefusedTokens(
                        settings.expiredTokens(),
                        settings.otherProjectTokens(),
                        new AkskAuthenticator(
                                settings.secretKeys(), settings.readOnlyAccessKeys(), settings.clockSkew(), clock));
        };
    }
}
