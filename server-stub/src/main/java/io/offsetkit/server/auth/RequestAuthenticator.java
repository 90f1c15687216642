package io.offsetkit.server.auth;

import io.offsetkit.server.engine.Call;
import io.offsetkit.server.error.DmsException;
import java.time.Clock;

/** One way of authenticating a call of the API. Implementations are thread-safe. */
public interface RequestAuthenticator {

    /**
     * @param call the call
     * @param body its body, exactly as received (what a signature covers)
     * @throws DmsException 401 {@code DMS.10240103} when the credentials are missing, 401
     *     {@code DMS.10240101} when they are wrong; the message says which header and why, never the
     *     expected secret or signature
     */
    void authenticate(Call call, byte[] body);

    /** The authenticator of the configured mode. */
    static RequestAuthenticator of(AuthSettings settings, Clock clock) {
        return switch (settings.mode()) {
            case NONE -> (call, body) -> {};
            case TOKEN -> new TokenAuthenticator(settings.tokens());
            case AKSK -> new AkskAuthenticator(settings.secretKeys(), settings.clockSkew(), clock);
        };
    }
}
