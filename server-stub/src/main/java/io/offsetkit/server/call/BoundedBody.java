package io.offsetkit.server.call;

import io.offsetkit.server.call.Call.BodyTooLargeException;
import java.io.IOException;
import java.io.InputStream;

/**
 * How every HTTP adapter reads a request's body for {@link Call#body(int)}: refused at once when its
 * declared length is over the limit, else read up to one byte past the limit, so that a chunked body
 * or a length that lied is refused as soon as it has sent too much.
 */
public final class BoundedBody {

    private static final byte[] EMPTY = new byte[0];

    private BoundedBody() {}

    /**
     * @param declared the {@code Content-Length}, or -1 when the request declared none (chunked)
     * @param in the body's stream, as the HTTP server decodes it; opened only when there may be a body
     * @param limit the most bytes accepted
     * @return the whole body, empty when there is none
     * @throws BodyTooLargeException when the declared length or the bytes that arrived exceed {@code limit}
     * @throws IOException when the body cannot be read
     */
    public static byte[] read(long declared, InputStreamSource in, int limit)
            throws BodyTooLargeException, IOException {
        if (declared > limit) {
            throw new BodyTooLargeException("Content-Length is " + declared);
        }
        if (declared == 0) {
            return EMPTY;
        }
        byte[] read = in.open().readNBytes(limit + 1);
        if (read.length > limit) {
            throw new BodyTooLargeException("more than " + limit + " bytes arrived");
        }
        return read;
    }

    /** The body's stream, opened only when it is to be read. */
    @FunctionalInterface
    public interface InputStreamSource {
        InputStream open() throws IOException;
    }
}
