package io.offsetkit.server.call;

import io.offsetkit.server.call.Call.BodyTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

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
        if (declared > 0) {
            // The length is known: read into an array of that size, not through readNBytes' 8 KiB buffers.
            return declared(in.open(), (int) declared, limit);
        }
        byte[] read = in.open().readNBytes(limit + 1);
        if (read.length > limit) {
            throw new BodyTooLargeException("more than " + limit + " bytes arrived");
        }
        return read;
    }

    /**
     * A body of a declared length, read to the stream's end as any body is. The HTTP server ends the
     * stream at that length, so it normally fits the array made for it; a body cut short is returned
     * as far as it arrived, and one that went on past its length is read on within the limit.
     */
    private static byte[] declared(InputStream in, int length, int limit) throws BodyTooLargeException, IOException {
        byte[] body = new byte[length];
        int read = in.readNBytes(body, 0, length);
        if (read < length) {
            return Arrays.copyOf(body, read);
        }
        int next = in.read();
        if (next < 0) {
            return body;
        }
        byte[] rest = in.readNBytes(limit - length);
        if (length + 1 + rest.length > limit) {
            throw new BodyTooLargeException("more than " + limit + " bytes arrived");
        }
        byte[] all = Arrays.copyOf(body, length + 1 + rest.length);
        all[length] = (byte) next;
        System.arraycopy(rest, 0, all, length + 1, rest.length);
        return all;
    }

    /** The body's stream, opened only when it is to be read. */
    @FunctionalInterface
    public interface InputStreamSource {
        InputStream open() throws IOException;
    }
}
