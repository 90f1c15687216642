package io.offsetkit.server.auth;

import jakarta.servlet.http.HttpServletRequest;

/** One way of authenticating an API call. Implementations are thread-safe. */
interface RequestAuthenticator {

    /**
     * @param request the call, its body already read ({@code CachedBodyRequest})
     * @throws AuthenticationFailure when the call is not authenticated
     */
    void authenticate(HttpServletRequest request) throws AuthenticationFailure;
}
