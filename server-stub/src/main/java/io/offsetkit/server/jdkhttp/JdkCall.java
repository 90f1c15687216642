package io.offsetkit.server.jdkhttp;

import com.sun.net.httpserver.HttpExchange;
import io.offsetkit.server.call.Call;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;

/**
 * An exchange of the JDK's HTTP server as the engine's {@link Call}. Used by the one thread that
 * handles the request. The JDK's server has already refused what it cannot frame (a conflicting
 * {@code Content-Length} and {@code Transfer-Encoding}, a negative length, a transfer coding other
 * than chunked) and decodes a chunked body as it is read.
 */
final class JdkCall implements Call {

    private static final byte[] EMPTY = new byte[0];

    private final HttpExchange exchange;
    private byte[] body;

    JdkCall(HttpExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public String method() {
        return exchange.getRequestMethod();
    }

    @Override
    public String rawPath() {
        return exchange.getRequestURI().getRawPath();
    }

    @Override
    public String rawQuery() {
        return exchange.getRequestURI().getRawQuery();
    }

    @Override
    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    @Override
    public byte[] body(int limit) throws BodyTooLargeException, IOException {
        if (body != null) {
            return body;
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            // Already parsed by the JDK's server (a request with a length that is not a number is refused there).
            long declared = Long.parseLong(length.trim());
            if (declared > limit) {
                throw new BodyTooLargeException("Content-Length is " + declared);
            }
            if (declared == 0) {
                body = EMPTY;
                return body;
            }
        }
        // Blocking, on the thread the server gave this exchange; what is left unread is drained (or the
        // connection closed) by the server when the exchange closes.
        InputStream in = exchange.getRequestBody();
        byte[] read = in.readNBytes(limit + 1);
        if (read.length > limit) {
            throw new BodyTooLargeException("more than " + limit + " bytes arrived");
        }
        body = read;
        return body;
    }

    @Override
    public boolean fromLoopback() {
        InetSocketAddress remote = exchange.getRemoteAddress();
        return remote != null
                && remote.getAddress() != null
                && remote.getAddress().isLoopbackAddress();
    }
}
