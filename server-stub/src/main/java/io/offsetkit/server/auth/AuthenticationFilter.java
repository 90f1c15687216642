package io.offsetkit.server.auth;

import io.offsetkit.server.web.ApiPaths;
import io.offsetkit.server.web.CachedBodyFilter;
import io.offsetkit.server.web.ErrorBodyWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every API call ({@link ApiPaths}: the contract's routes under {@code /v2/}) in the
 * configured {@link AuthMode}, and answers 401 with the contract's error body when it fails. The
 * server's own pages are never authenticated: {@code /openapi.yaml}, Swagger UI,
 * {@code /actuator/**} and {@code /admin/**} (the emulator's control plane).
 *
 * <p>Runs after {@link CachedBodyFilter}, so that a signature is checked against the body bytes
 * exactly as received.
 */
@Component
@Order(AuthenticationFilter.ORDER)
public class AuthenticationFilter extends OncePerRequestFilter {

    /** After the body is cached. */
    public static final int ORDER = CachedBodyFilter.ORDER + 10;

    private final AuthMode mode;
    private final RequestAuthenticator authenticator;

    public AuthenticationFilter(AuthProperties properties) {
        Clock clock = Clock.systemUTC();
        this.mode = properties.mode();
        this.authenticator = switch (mode) {
            case NONE -> request -> {};
            case TOKEN -> new TokenAuthenticator(properties.tokens());
            case AKSK -> new AkskAuthenticator(properties.secretKeys(), properties.clockSkew(), clock);
        };
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return mode == AuthMode.NONE || !ApiPaths.isApiCall(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            authenticator.authenticate(request);
        } catch (AuthenticationFailure failure) {
            ErrorBodyWriter.write(response, failure.error(), failure.getMessage());
            return;
        }
        chain.doFilter(request, response);
    }
}
