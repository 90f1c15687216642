package io.offsetkit.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id and sets it as the {@code X-Request-Id} response header before anything
 * else runs, so that every response carries it, errors included. The id is also a request
 * attribute ({@link #ATTRIBUTE}) for logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    /** The response header the contract declares on every response. */
    public static final String HEADER = "X-Request-Id";

    /** Request attribute holding the id. */
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    /** A new request id: 32 lower-case hex digits. */
    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * Also on the error dispatch of a request the container refused before any filter ran (a path
     * with an encoded NUL, say), so that its error response carries an id too; a request that did go
     * through this filter keeps its id ({@link #doFilterNestedErrorDispatch} does nothing).
     */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = newId();
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        chain.doFilter(request, response);
    }
}
