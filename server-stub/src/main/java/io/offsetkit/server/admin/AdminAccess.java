package io.offsetkit.server.admin;

import io.offsetkit.server.call.Call;
import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may call the admin API, which can change every offset and message of the store: without an
 * admin token, only clients on this machine (loopback); with one ({@code offsetkit.admin.token}),
 * only clients that send it in {@value #HEADER}, wherever they are. Anyone else gets 403 {@code
 * DMS.00403007}. Thread-safe.
 */
public final class AdminAccess {

    /** The header that carries the admin token. */
    public static final String HEADER = "X-Admin-Token";

    private final byte[] token;

    /** @param token the admin token, or null for loopback clients only */
    public AdminAccess(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether only loopback clients may call (no token is configured). */
    public boolean loopbackOnly() {
        return token == null;
    }

    /**
     * @throws DmsException 403 {@code DMS.00403007} when the call may not use the admin API
     */
    public void check(Call call) {
        if (token == null) {
            if (!call.fromLoopback()) {
                throw new DmsException(
                        DmsError.AUTHORIZATION_DENIED,
                        "The admin API answers clients on the server's own machine only; set offsetkit.admin.token"
                                + " on the server and send it in " + HEADER + " to call it from elsewhere.");
            }
            return;
        }
        String sent = call.header(HEADER);
        if (sent == null || !MessageDigest.isEqual(token, sent.strip().getBytes(StandardCharsets.UTF_8))) {
            throw new DmsException(
                    DmsError.AUTHORIZATION_DENIED,
                    "The admin API needs the admin token (offsetkit.admin.token) in the " + HEADER + " header; "
                            + (sent == null ? "the request has none." : "the one sent is not it."));
        }
    }
}
