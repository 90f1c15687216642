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
 * @param operation the contract's operation the request is meant for ({@link Operation#request});
 *     null for a request that is meant for none (an unknown route, a probe of the base URL)
 */
public record RawRequest(
        String method, String path, Map<String, String> headers, byte[] body, boolean chunked, Operation operation) {

    public RawRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }

    /** A request meant for no operation of the contract. */
    public RawRequest(String method, String path, Map<String, String> headers, byte[] body, boolean chunked) {
        this(method, path, headers, body, chunked, null);
    }

    /** A request meant for no operation, whose body, if any, goes out with {@code Content-Length}. */
    public RawRequest(String method, String path, Map<String, String> headers, byte[] body) {
        this(method, path, headers, body, false, null);
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
        return new RawRequest(method, path, more, body, chunked, operation);
    }

    /** This request with more headers (or other values for them), in the order given. */
    public RawRequest withHeaders(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new RawRequest(method, path, all, body, chunked, operation);
    }

    /** This request with a JSON body and {@code Content-Type: application/json}. */
    public RawRequest withJson(String json) {
        return withHeader("Content-Type", "application/json").withBody(json.getBytes(StandardCharsets.UTF_8));
    }

    /** This request with other body bytes (headers unchanged). */
    public RawRequest withBody(byte[] bytes) {
        return new RawRequest(method, path, headers, bytes, chunked, operation);
    }

    /** This request with another method (the same path, headers and body), still naming its operation. */
    public RawRequest withMethod(String other) {
        return new RawRequest(other, path, headers, body, chunked, operation);
    }

    /** This request with another path (a path no operation has, for the unknown-route rules). */
    public RawRequest withPath(String other) {
        return new RawRequest(method, other, headers, body, chunked, null);
    }

    /** The operation's id, or {@code none} when the request is meant for no operation. */
    public String operationId() {
        return operation == null ? "none" : operation.id();
    }

    /** This request with its body sent chunked, without {@code Content-Length}. */
    public RawRequest withChunkedBody() {
        return new RawRequest(method, path, headers, body, true, operation);
    }
}
