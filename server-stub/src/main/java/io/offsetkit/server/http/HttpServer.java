package io.offsetkit.server.http;

import io.offsetkit.server.engine.RequestPath;
import io.offsetkit.server.transport.Transport;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty 12, serving an engine's {@link RequestPath} over HTTP/1.1 with one core handler. A stop is
 * graceful: the server stops accepting, the requests in flight finish (within the shutdown timeout),
 * then the connections close; with nothing in flight it returns at once.
 */
public final class HttpServer implements Transport.Listening {

    /** Jetty 12 as a {@link Transport}: the standalone server's, and the emulator's where it chooses it. */
    public static final Transport TRANSPORT = HttpServer::prepare;

    /** How long a kept-alive connection may stay idle once the server stops. */
    static final long SHUTDOWN_IDLE_MILLIS = 100;

    private final Server server;
    private final ServerConnector connector;
    private final GracefulHandler graceful;
    private final EngineHandler handler;
    private final Duration shutdownTimeout;

    private HttpServer(
            Server server,
            ServerConnector connector,
            GracefulHandler graceful,
            EngineHandler handler,
            Duration shutdownTimeout) {
        this.server = server;
        this.connector = connector;
        this.graceful = graceful;
        this.handler = handler;
        this.shutdownTimeout = shutdownTimeout;
    }

    /**
     * Starts listening, serving {@code requestPath}.
     *
     * @param address the address to listen on (a host name or an IP address)
     * @param port the port, 0 for any free one
     * @param shutdownTimeout how long {@link #close()} waits for the requests in flight
     * @throws IOException when the server cannot listen there (the port is taken, the address is not
     *     this machine's); the message names the address and the port
     */
    public static HttpServer start(RequestPath requestPath, String address, int port, Duration shutdownTimeout)
            throws IOException {
        Prepared prepared = prepare();
        prepared.serve(requestPath);
        return prepared.listen(address, port, shutdownTimeout);
    }

    /**
     * Builds the server without listening yet: what needs no setting, so that it can be done (and
     * Jetty's classes loaded) while the settings are read and the engine starts.
     */
    public static Prepared prepare() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("offsetkit-http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        // The engine decodes every path segment itself and refuses what no name may hold (an encoded
        // '/', '\' or NUL) with the contract's error, so Jetty passes such paths on instead of
        // refusing them with its own page.
        http.setUriCompliance(UriCompliance.UNSAFE);
        // Requests are read into heap buffers: Jetty's parser then takes the request line's URI as one
        // slice of the buffer's array, where from a direct buffer it appends it byte by byte (a
        // quarter of the Java time of a durable reset at 32 connections in a profile). Answers are
        // still written from direct buffers.
        http.setUseInputDirectByteBuffers(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        // A stop closes a kept-alive connection once it has been idle this long (Jetty's default: a
        // second), rather than waiting for its client to close it; a request in flight still finishes.
        connector.setShutdownIdleTimeout(SHUTDOWN_IDLE_MILLIS);
        server.addConnector(connector);
        CompletableFuture<RequestPath> requestPath = new CompletableFuture<>();
        EngineHandler handler = new EngineHandler(requestPath);
        server.setErrorHandler(new RefusedRequestHandler(handler));
        GracefulHandler graceful = new GracefulHandler(handler);
        server.setHandler(graceful);
        server.setStopAtShutdown(false);
        return new Prepared(server, connector, graceful, handler, requestPath);
    }

    /** A server built, not yet listening, and the engine it will serve once that is ready. */
    public static final class Prepared implements Transport.Pending {

        private final Server server;
        private final ServerConnector connector;
        private final GracefulHandler graceful;
        private final EngineHandler handler;
        private final CompletableFuture<RequestPath> requestPath;

        private Prepared(
                Server server,
                ServerConnector connector,
                GracefulHandler graceful,
                EngineHandler handler,
                CompletableFuture<RequestPath> requestPath) {
            this.server = server;
            this.connector = connector;
            this.graceful = graceful;
            this.handler = handler;
            this.requestPath = requestPath;
        }

        /** The engine's path, once the engine has started; a request that arrives before waits for it. */
        @Override
        public void serve(RequestPath path) {
            requestPath.complete(path);
        }

        /**
         * Starts listening. It may come before {@link #serve}: the two can start side by side. The
         * caller stops the server when the engine fails to start.
         *
         * @param address the address to listen on (a host name or an IP address)
         * @param port the port, 0 for any free one
         * @param shutdownTimeout how long {@link #close()} waits for the requests in flight
         * @throws IOException when the server cannot listen there; the message names the address and
         *     the port
         */
        @Override
        public HttpServer listen(String address, int port, Duration shutdownTimeout) throws IOException {
            connector.setHost(address);
            connector.setPort(port);
            // close() does the graceful part itself (see there); Jetty's own stop then closes at once.
            server.setStopTimeout(0);
            try {
                server.start();
            } catch (IOException e) {
                stopQuietly(server);
                throw new IOException("cannot listen on " + address + ":" + port + ": " + e.getMessage(), e);
            } catch (Exception e) {
                stopQuietly(server);
                throw new IOException("the HTTP server did not start on " + address + ":" + port + ": " + e, e);
            }
            return new HttpServer(server, connector, graceful, handler, shutdownTimeout);
        }
    }

    /**
     * Serves the requests that arrive from now on with another engine's path (the emulator's reset:
     * a fresh engine takes over); a request already on the previous path finishes there.
     */
    @Override
    public void serve(RequestPath path) {
        handler.serve(path);
    }

    /** The port it listens on (the one chosen when 0 was asked for). */
    @Override
    public int port() {
        return connector.getLocalPort();
    }

    /**
     * Stops gracefully: no new connection or request is accepted (a request that arrives on an open
     * connection is refused with 503), the requests in flight finish within the shutdown timeout,
     * then every connection closes and the server stops. With nothing in flight it returns at once.
     *
     * <p>Why not Jetty's own graceful stop: it also waits for every kept-alive connection to close,
     * and an idle one closes only when its idle timeout (the connector's shutdown idle timeout) has
     * passed, so a stop with nothing in flight took that long (about 100 ms). Here the wait is for
     * the requests alone; once they have finished, their answers have been written (a request counts
     * until its callback completes), so closing the idle connections loses nothing.
     *
     * @throws TimeoutException when requests were still in flight at the end of the shutdown timeout
     *     (the server is stopped all the same; their connections are closed)
     */
    @Override
    public void close() throws Exception {
        CompletableFuture<Void> requestsDone = graceful.shutdown();
        connector.shutdown(); // no new connection from now on
        TimeoutException late = null;
        try {
            requestsDone.get(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            late = new TimeoutException(graceful.getCurrentRequestCount()
                    + " requests were still in flight after the shutdown timeout of " + shutdownTimeout.toMillis()
                    + " ms");
        } finally {
            server.stop();
        }
        if (late != null) {
            throw late;
        }
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // The start already failed; that failure is the one reported.
        }
    }
}
