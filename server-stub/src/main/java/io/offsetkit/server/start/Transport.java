package io.offsetkit.server.start;

import io.offsetkit.server.engine.RequestPath;
import io.offsetkit.server.http.HttpServer;
import java.io.IOException;
import java.time.Duration;

/**
 * What serves an engine's {@link RequestPath} over HTTP, as the start sequence sees it: built before
 * the settings are known ({@link #prepare()}), then listening, then stopped. {@link #jetty()} is the
 * server's; another HTTP server (the JDK's, say) serves the same path behind this seam.
 */
@FunctionalInterface
public interface Transport {

    /**
     * Builds the HTTP server without listening: what needs no setting, done (its classes loaded) while
     * the settings are read and the store fills.
     */
    Prepared prepare();

    /** A transport built, not listening yet. */
    interface Prepared {

        /** The engine's path, once the engine has started; a request that arrives before it waits for it. */
        void serve(RequestPath path);

        /**
         * Starts listening; it may come before {@link #serve}.
         *
         * @throws IOException when it cannot listen there, naming the address and the port
         */
        Listening listen(String address, int port, Duration shutdownTimeout) throws IOException;
    }

    /** A transport that listens. */
    interface Listening extends AutoCloseable {

        /** Serves the requests that arrive from now on with another engine's path. */
        void serve(RequestPath path);

        /** The port it listens on (the one chosen when 0 was asked for). */
        int port();

        /** {@code http://host:port}, with the listen address as host. */
        String baseUrl(String address);

        /** Stops gracefully: the requests in flight finish (within the shutdown timeout), then it stops. */
        @Override
        void close() throws Exception;
    }

    /** Jetty 12 core ({@link HttpServer}): the server's transport. */
    static Transport jetty() {
        return () -> {
            HttpServer.Prepared prepared = HttpServer.prepare();
            return new Prepared() {
                @Override
                public void serve(RequestPath path) {
                    prepared.serve(path);
                }

                @Override
                public Listening listen(String address, int port, Duration shutdownTimeout) throws IOException {
                    HttpServer server = prepared.listen(address, port, shutdownTimeout);
                    return new Listening() {
                        @Override
                        public void serve(RequestPath path) {
                            server.serve(path);
                        }

                        @Override
                        public int port() {
                            return server.port();
                        }

                        @Override
                        public String baseUrl(String address) {
                            return server.baseUrl(address);
                        }

                        @Override
                        public void close() throws Exception {
                            server.close();
                        }
                    };
                }
            };
        };
    }
}
