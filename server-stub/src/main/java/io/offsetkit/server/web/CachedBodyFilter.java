package io.offsetkit.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the whole body of every API call ({@link ApiPaths}) up front, chunked or not, and refuses one
 * larger than {@code offsetkit.http.max-body-size} with 400 {@code DMS.00400800}; the request then
 * travels on as a {@link CachedBodyRequest}. Reading it once here is what lets the AK/SK check hash
 * the exact bytes received and the JSON reader parse the same bytes.
 */
@Component
@Order(CachedBodyFilter.ORDER)
public class CachedBodyFilter extends OncePerRequestFilter {

    /** After the request id and the access log, before authentication. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    /** Request attribute holding the body bytes. */
    public static final String BODY_ATTRIBUTE = CachedBodyFilter.class.getName() + ".body";

    private static final Logger log = LoggerFactory.getLogger(CachedBodyFilter.class);

    private final int maxBodyBytes;

    public CachedBodyFilter(HttpProperties properties) {
        this.maxBodyBytes = (int) properties.maxBodySize().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.isApiCall(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBodyBytes) {
            refuseTooLarge(response, "Content-Length is " + declared);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxBodyBytes + 1);
        } catch (IOException e) {
            // A broken chunked encoding or a client that went away: there is no body to judge.
            log.debug("request body could not be read", e);
            ErrorBodyWriter.write(
                    response,
                    DmsError.BODY_NOT_JSON,
                    "The request body could not be read (" + e.getClass().getSimpleName()
                            + "); check the Content-Length or chunked encoding.");
            return;
        }
        if (body.length > maxBodyBytes) {
            refuseTooLarge(response, "more than " + maxBodyBytes + " bytes arrived");
            return;
        }
        request.setAttribute(BODY_ATTRIBUTE, body);
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void refuseTooLarge(HttpServletResponse response, String what) throws IOException {
        ErrorBodyWriter.write(
                response,
                DmsError.INVALID_PARAMETER,
                "The request body is too large: " + what + "; the limit is " + maxBodyBytes
                        + " bytes (offsetkit.http.max-body-size).");
    }
}
