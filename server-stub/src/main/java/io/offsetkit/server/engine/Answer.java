package io.offsetkit.server.engine;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the server answers to one request: a status, headers, and the whole body as bytes (every
 * answer of this server is small enough to be built before it is sent, the largest being a file of
 * Swagger UI).
 *
 * @param status the HTTP status
 * @param contentType the body's media type, or null for an answer without a body
 * @param body the body; empty when there is none
 * @param headers other headers, by name (their order on the wire is not kept)
 */
public record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {

    /** The media type of every JSON answer. */
    public static final String JSON = "application/json";

    public Answer {
        headers = Map.copyOf(headers);
    }

    /** A JSON body. */
    public static Answer json(int status, byte[] json) {
        return new Answer(status, JSON, json, Map.of());
    }

    /** A body of the given media type. */
    public static Answer of(int status, String contentType, byte[] body) {
        return new Answer(status, contentType, body, Map.of());
    }

    /** A text body in UTF-8. */
    public static Answer text(int status, String contentType, String text) {
        return of(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A redirect (302) to a path of this server. */
    public static Answer redirect(String location) {
        return new Answer(302, null, new byte[0], Map.of("Location", location));
    }

    /** The same answer with one more header (replacing one of the same name). */
    public Answer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Answer(status, contentType, body, more);
    }
}
