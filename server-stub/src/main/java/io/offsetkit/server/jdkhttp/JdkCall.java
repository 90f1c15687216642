package io.offsetkit.server.jdkhttp;

import com.sun.net.httpserver.HttpExchange;
import io.offsetkit.server.call.BoundedBody;
import io.offsetkit.server.call.Call;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * An exchange of the JDK's HTTP server as the engine's {@link Call}. Used by the one thread that
 * handles the request. The JDK's server has already refused what it cannot frame (a conflicting
 * {@code Content-Length} and {@code Transfer-Encoding}, a negative length, a transfer coding other
 * than chunked) and decodes a chunked body as it is read.
 */
final class JdkCall implements Call {

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
        if (body == null) {
            // The length is already parsed by the JDK's server (one that is not a number is refused there).
            // Read blocking, on the thread the server gave this exchange; what is left unread is drained
            // (or the connection closed) by the server when the exchange closes.
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            long declared = length == null ? -1 : Long.parseLong(length.trim());
            body = BoundedBody.read(declared, exchange::getRequestBody, limit);
        }
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
