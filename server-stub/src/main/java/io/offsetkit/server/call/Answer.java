package io.offsetkit.server.call;

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
 * @param delivery how the transport delivers it: written, or (a fault on demand) the connection
 *     reset or closed with nothing written
 */
public record Answer(int status, String contentType, byte[] body, Map<String, String> headers, Delivery delivery) {

    /** The media type of every JSON answer. */
    public static final String JSON = "application/json";

    /**
     * How the HTTP server delivers an answer. Every answer is {@link #WRITE}, but for the faults an
     * emulator's user sets on purpose ({@code io.offsetkit.server.fault}), which need the transport to
     * misbehave: the engine says what, the HTTP adapter does it, and no second route exists for them.
     */
    public enum Delivery {
        /** Status, headers and body written, as HTTP says. */
        WRITE,
        /** Nothing written; the connection is reset (TCP RST), as a peer that crashed would. */
        RESET_CONNECTION,
        /** Nothing written; the connection is closed (FIN), so the client reads an empty answer. */
        CLOSE_CONNECTION
    }

    public Answer {
        headers = Map.copyOf(headers);
    }

    /** An answer written as HTTP says ({@link Delivery#WRITE}). */
    public Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
        this(status, contentType, body, headers, Delivery.WRITE);
    }

    /**
     * No answer: the connection is reset or closed. Its status is 0 in the access log and the
     * metrics, where nothing was sent.
     */
    public static Answer dropped(Delivery delivery) {
        if (delivery == Delivery.WRITE) {
            throw new IllegalArgumentException("an answer dropped is reset or closed, not written");
        }
        return new Answer(0, null, new byte[0], Map.of(), delivery);
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
        return new Answer(status, contentType, body, more, delivery);
    }
}
