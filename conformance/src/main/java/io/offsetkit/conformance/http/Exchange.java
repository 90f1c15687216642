package io.offsetkit.conformance.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request the kit sent and what came back, kept exactly (bytes and headers) so that a failure
 * can show both.
 *
 * @param method the HTTP method
 * @param uri the full URI
 * @param requestHeaders the headers the kit set, in order (the HTTP client adds Host and
 *     Content-Length itself)
 * @param requestBody the body bytes sent; empty for none
 * @param chunked whether the body was sent with {@code Transfer-Encoding: chunked}, without {@code
 *     Content-Length}
 * @param status the status code, or 0 when no response came ({@link #transportError} says why)
 * @param responseHeaders the response headers, names lower-case
 * @param responseBody the body bytes received
 * @param elapsed how long the exchange took
 * @param transportError why no response came; null when one came
 * @param operation the contract's operation the request was meant for; null for none (an unknown
 *     route, a probe of the base URL)
 */
public record Exchange(
        String method,
        URI uri,
        Map<String, String> requestHeaders,
        byte[] requestBody,
        boolean chunked,
        int status,
        Map<String, List<String>> responseHeaders,
        byte[] responseBody,
        Duration elapsed,
        String transportError,
        Operation operation) {

    /** Whether the request was meant for the operation with this id. */
    public boolean isFor(String operationId) {
        return operation != null && operation.id().equals(operationId);
    }

    /** Whether a response came at all. */
    public boolean answered() {
        return transportError == null;
    }

    /** The first value of a response header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = responseHeaders.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The response body as UTF-8 text. */
    public String responseText() {
        return new String(responseBody, StandardCharsets.UTF_8);
    }

    /** The request body as UTF-8 text. */
    public String requestText() {
        return new String(requestBody, StandardCharsets.UTF_8);
    }

    /** {@code POST /v2/...} with the path only, for one-line reasons. */
    public String requestLine() {
        return method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** {@code 404} or {@code no response (reason)}. */
    public String statusLine() {
        return answered() ? String.valueOf(status) : "no response (" + transportError + ")";
    }
}
