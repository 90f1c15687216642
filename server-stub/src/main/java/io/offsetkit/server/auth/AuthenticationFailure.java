package io.offsetkit.server.auth;

import io.offsetkit.server.web.DmsError;

/**
 * Why a request was not authenticated: a documented 401 code and a message that says which header
 * is wrong and why, never what the expected secret or signature is.
 */
public class AuthenticationFailure extends Exception {

    private final DmsError error;

    public AuthenticationFailure(DmsError error, String detail) {
        super(detail);
        this.error = error;
    }

    public DmsError error() {
        return error;
    }
}
