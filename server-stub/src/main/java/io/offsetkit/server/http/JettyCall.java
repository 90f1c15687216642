package io.offsetkit.server.http;

import io.offsetkit.server.call.Call;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** A Jetty request as the engine's {@link Call}. Used by the one thread that handles the request. */
final class JettyCall implements Call {

    private static final byte[] EMPTY = new byte[0];

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
        if (body != null) {
            return body;
        }
        long declared = request.getLength();
        if (declared > limit) {
            throw new BodyTooLargeException("Content-Length is " + declared);
        }
        if (declared == 0) {
            body = EMPTY;
            return body;
        }
        // Blocking, on the thread Jetty gave this request: the reset itself blocks on the disk anyway.
        InputStream in = Content.Source.asInputStream(request);
        byte[] read = in.readNBytes(limit + 1);
        if (read.length > limit) {
            throw new BodyTooLargeException("more than " + limit + " bytes arrived");
        }
        body = read;
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
