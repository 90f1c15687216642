package io.offsetkit.server.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which requests are calls of the API (the contract's routes live under {@value #PREFIX}), as opposed
 * to the server's own pages: the spec, Swagger UI, {@code /actuator/**} and {@code /admin/**}. The
 * body limit and authentication apply to API calls only.
 */
public final class ApiPaths {

    /** Every route of the contract starts with this. */
    public static final String PREFIX = "/v2/";

    private ApiPaths() {}

    /** Whether the request is a call of the API. */
    public static boolean isApiCall(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(PREFIX);
    }
}
