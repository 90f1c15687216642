package io.offsetkit.conformance.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request exactly as the kit wants it on the wire: method, path (with query) under the target's
 * base URL, headers and body bytes. Nothing is added but what {@link KitHttp} documents.
 *
 * @param method the HTTP method
 * @param path the path under the base URL, starting with {@code /}, percent-encoded as sent
 * @param headers header names to values, in order
 * @param body the body bytes; empty for none
 * @param chunked whether the body goes out with {@code Transfer-Encoding: chunked} and no {@code
 *     Content-Length}, as the official Java SDK sends it
 */
public record RawRequest(String method, String path, Map<String, String> headers, byte[] body, boolean chunked) {

    public RawRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }

    /** A request whose body, if any, goes out with {@code Content-Length}. */
    public RawRequest(String method, String path, Map<String, String> headers, byte[] body) {
        this(method, path, headers, body, false);
    }

    /** A POST of a JSON text with {@code Content-Type: application/json}. */
    public static RawRequest postJson(String path, String json) {
        return new RawRequest(
                "POST", path, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    /** A request without body. */
    public static RawRequest of(String method, String path) {
        return new RawRequest(method, path, Map.of(), new byte[0]);
    }

    /** This request with one more header (or another value for it). */
    public RawRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new RawRequest(method, path, more, body, chunked);
    }

    /** This request with its body sent chunked, without {@code Content-Length}. */
    public RawRequest withChunkedBody() {
        return new RawRequest(method, path, headers, body, true);
    }
}
