package io.offsetkit.server.http;

import io.offsetkit.server.call.BoundedBody;
import io.offsetkit.server.call.Call;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** A Jetty request as the engine's {@link Call}. Used by the one thread that handles the request. */
final class JettyCall implements Call {

    private final Request request;
    private byte[] body;

    JettyCall(Request request) {
        this.request = request;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String rawPath() {
        return request.getHttpURI().getPath();
    }

    @Override
    public String rawQuery() {
        return request.getHttpURI().getQuery();
    }

    @Override
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    @Override
    public byte[] body(int limit) throws BodyTooLargeException, IOException {
        if (body == null) {
            // Read blocking, on the thread Jetty gave this request: the reset itself blocks on the disk anyway.
            body = BoundedBody.read(request.getLength(), () -> Content.Source.asInputStream(request), limit);
        }
        return body;
    }

    @Override
    public boolean fromLoopback() {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress address
                && address.getAddress() != null
                && address.getAddress().isLoopbackAddress();
    }
}
