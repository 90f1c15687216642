package io.offsetkit.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs one line per request, at INFO on the logger {@value #LOGGER}, once the response is done:
 * {@code <request id> <METHOD> <raw path> <status> <milliseconds>ms}. The path is shown escaped and
 * truncated ({@link ErrorText}) so that no request can forge or flood log lines.
 */
@Component
@Order(AccessLogFilter.ORDER)
public class AccessLogFilter extends OncePerRequestFilter {

    /** Just inside the request id filter, so the line carries the id and times everything else. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    /** The logger's name; set it to WARN to silence the access log. */
    public static final String LOGGER = "io.offsetkit.server.access";

    private static final int MAX_PATH_SHOWN = 512;

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (log.isInfoEnabled()) {
                long millis = (System.nanoTime() - start) / 1_000_000;
                log.info(
                        "{} {} {} {} {}ms",
                        request.getAttribute(RequestIdFilter.ATTRIBUTE),
                        ErrorText.shown(request.getMethod()),
                        ErrorText.shown(pathAndQuery(request), MAX_PATH_SHOWN),
                        response.getStatus(),
                        millis);
            }
        }
    }

    private static String pathAndQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }
}
