package io.offsetkit.server.transport;

import io.offsetkit.server.engine.RequestPath;
import java.io.IOException;
import java.time.Duration;

/**
 * An HTTP server that serves an engine's {@link RequestPath}: the seam between the request path and
 * whichever HTTP implementation carries it (Jetty 12 for {@code java -jar}; for the emulator in an
 * app's tests, the one that starts fastest, see {@code io.offsetkit.server.emulator.EmulatorTransport}). Every implementation
 * turns a request into the engine's {@code Call}, writes the {@code Answer} the path completes (on
 * whichever thread completes it), and stops gracefully: the requests in flight finish within the
 * shutdown timeout, then every connection closes; with nothing in flight the stop returns at once.
 */
@FunctionalInterface
public interface Transport {

    /**
     * Builds the server without listening yet: what needs no setting, so that it can be done (and the
     * implementation's classes loaded) while the settings are read and the engine starts.
     */
    Pending prepare();

    /** A server built, not yet listening, and the engine it will serve once that is ready. */
    interface Pending {

        /** The engine's path, once the engine has started; a request that arrives before waits for it. */
        void serve(RequestPath path);

        /**
         * Starts listening. It may come before {@link #serve}: the two can start side by side. The
         * caller stops the server when the engine fails to start.
         *
         * @param address the address to listen on (a host name or an IP address)
         * @param port the port, 0 for any free one
         * @param shutdownTimeout how long {@link Listening#close()} waits for the requests in flight
         * @throws IOException when the server cannot listen there; the message names the address and
         *     the port
         */
        Listening listen(String address, int port, Duration shutdownTimeout) throws IOException;
    }

    /** A server listening. */
    interface Listening extends AutoCloseable {

        /**
         * Serves the requests that arrive from now on with another engine's path (the emulator's reset:
         * a fresh engine takes over); a request already on the previous path finishes there.
         */
        void serve(RequestPath path);

        /** The port it listens on (the one chosen when 0 was asked for). */
        int port();

        /** The base URL of the server, {@code http://host:port}, with the listen address as host. */
        default String baseUrl(String address) {
            String host = address.contains(":") ? "[" + address + "]" : address;
            if (address.equals("0.0.0.0") || address.equals("::")) {
                host = "localhost";
            }
            return "http://" + host + ":" + port();
        }

        /**
         * Stops gracefully: no new request is served, the requests in flight finish within the shutdown
         * timeout, then every connection closes and the server stops. With nothing in flight it returns
         * at once.
         *
         * @throws java.util.concurrent.TimeoutException when requests were still in flight at the end of
         *     the shutdown timeout (the server is stopped all the same; their connections are closed)
         */
        @Override
        void close() throws Exception;
    }
}
