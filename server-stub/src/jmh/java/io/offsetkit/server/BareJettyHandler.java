package io.offsetkit.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The floor of any server on Jetty: one Jetty 12 core {@code Handler} that writes the documented
 * answer to every request, and does nothing else. {@code EmulatorStartBenchmark} starts it in-process;
 * {@code src/bench/startup.sh} compiles this file alone, against Jetty's jars, and launches {@link
 * #main} (so it imports nothing but Jetty).
 */
public final class BareJettyHandler extends Handler.Abstract {

    /** The documented answer to the documented example. */
    static final String ANSWER =
            "{\"queues\":[{\"broker_name\":\"broker-1\",\"queue_id\":0,\"timestamp_offset\":0}]}";

    private static final byte[] ANSWER_BYTES = ANSWER.getBytes(StandardCharsets.UTF_8);

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put("Content-Type", "application/json");
        response.write(true, ByteBuffer.wrap(ANSWER_BYTES), callback);
        return true;
    }

    /**
     * Starts a Jetty server with this handler alone on loopback.
     *
     * @param port the port; 0 for a free one ({@link ServerConnector#getLocalPort()} tells which)
     */
    static Server start(int port) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new BareJettyHandler());
        server.start();
        return server;
    }

    /** Args: the port. */
    public static void main(String[] args) throws Exception {
        start(Integer.parseInt(args[0]));
    }
}
