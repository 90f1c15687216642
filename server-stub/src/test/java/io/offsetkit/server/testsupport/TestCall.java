package io.offsetkit.server.testsupport;

import io.offsetkit.server.call.Call;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request as the engine sees it ({@link Call}), made by a test without an HTTP server: a method, a
 * raw path and query, headers, a body, and whether it comes from this machine (by default it does).
 */
public final class TestCall implements Call {

    private final String method;
    private final String rawPath;
    private String rawQuery;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private byte[] body = new byte[0];
    private boolean fromLoopback = true;

    private TestCall(String method, String rawPath) {
        this.method = method;
        int question = rawPath.indexOf('?');
        this.rawPath = question < 0 ? rawPath : rawPath.substring(0, question);
        this.rawQuery = question < 0 ? null : rawPath.substring(question + 1);
    }

    /** A call of {@code method} on {@code rawPath} (as sent, with the query after a {@code ?} if any). */
    public static TestCall of(String method, String rawPath) {
        return new TestCall(method.toUpperCase(Locale.ROOT), rawPath);
    }

    /** A call of a method exactly as written, standard or not. */
    public static TestCall ofMethodAsSent(String method, String rawPath) {
        return new TestCall(method, rawPath);
    }

    /** The same call with a JSON body. */
    public TestCall json(String json) {
        headers.put("Content-Type", "application/json");
        body = json.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** The same call with one more header. */
    public TestCall with(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The same call, from a client on another machine. */
    public TestCall fromAnotherMachine() {
        fromLoopback = false;
        return this;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String rawPath() {
        return rawPath;
    }

    @Override
    public String rawQuery() {
        return rawQuery;
    }

    @Override
    public String header(String name) {
        return headers.get(name);
    }

    @Override
    public byte[] body(int limit) throws BodyTooLargeException {
        if (body.length > limit) {
            throw new BodyTooLargeException("Content-Length is " + body.length);
        }
        return body;
    }

    @Override
    public boolean fromLoopback() {
        return fromLoopback;
    }

    @Override
    public String toString() {
        return method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery) + " " + headers
                + (fromLoopback ? "" : " from another machine");
    }
}
