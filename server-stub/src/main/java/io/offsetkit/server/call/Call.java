package io.offsetkit.server.call;

import java.io.IOException;

/**
 * One HTTP request as the engine sees it: what the HTTP server received, with nothing of the HTTP
 * server's own types, so that the engine runs behind any server (Jetty in {@code java -jar}; Jetty
 * or the JDK's own in an app's tests) and in tests without one. Implementations are used by one thread.
 */
public interface Call {

    /** The method, as sent (upper case for every standard method). */
    String method();

    /** The path exactly as sent: still percent-encoded, without the query. */
    String rawPath();

    /** The query exactly as sent, without the {@code ?}; null when the request has none. */
    String rawQuery();

    /** The first value of a header, by case-insensitive name; null when absent. */
    String header(String name);

    /**
     * The whole body, chunked or not, at most {@code limit} bytes; empty when there is none. Read
     * once: a second call returns the same bytes.
     *
     * @throws BodyTooLargeException when the declared length or the bytes that arrived exceed
     *     {@code limit}
     * @throws IOException when the body cannot be read (a broken chunked encoding, a client that went
     *     away)
     */
    byte[] body(int limit) throws BodyTooLargeException, IOException;

    /** Whether the client connected from a loopback address (this machine). */
    boolean fromLoopback();

    /** The body was larger than the limit; the message says how it was found out. */
    final class BodyTooLargeException extends Exception {

        public BodyTooLargeException(String what) {
            super(what, null, false, false);
        }
    }
}
