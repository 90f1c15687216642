package io.offsetkit.server.jdkhttp;

import com.sun.net.httpserver.HttpServer;
import io.offsetkit.server.engine.RequestPath;
import io.offsetkit.server.transport.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's own HTTP server ({@code com.sun.net.httpserver}), serving an engine's {@link RequestPath}
 * over HTTP/1.1: the emulator's transport where it starts faster than Jetty (server-stub's
 * PERFORMANCE.md, section 7). Chunked request bodies, keep-alive and {@code Expect: 100-continue} are
 * the JDK server's; the body-size limit and every other check are the request path's, as on Jetty.
 *
 * <p>Two differences from the Jetty transport, both outside the contract: a request that arrives on
 * an open connection while the server stops has its connection closed (Jetty answers it 503), and a
 * connection reset set on demand is a close (FIN), not a TCP RST, since the JDK's server gives no access
 * to its sockets. On JDK 17 to 22 the JDK's server writes an answer's headers and body in two writes, so
 * that without {@code -Dsun.net.httpserver.nodelay=true} an answer on a kept-alive connection waits for
 * the client's delayed acknowledgement (40 ms on Linux); this class never sets that JVM-wide property,
 * the emulator's choice of transport takes it into account.
 */
public final class JdkHttpServer implements Transport.Listening {

    /** The JDK's HTTP server as a {@link Transport}. */
    public static final Transport TRANSPORT = JdkHttpServer::prepare;

    private final HttpServer server;
    private final EngineExchangeHandler handler;
    private final InFlight inFlight;
    private final ExecutorService threads;
    private final Duration shutdownTimeout;

    private JdkHttpServer(
            HttpServer server,
            EngineExchangeHandler handler,
            InFlight inFlight,
            ExecutorService threads,
            Duration shutdownTimeout) {
        this.server = server;
        this.handler = handler;
        this.inFlight = inFlight;
        this.threads = threads;
        this.shutdownTimeout = shutdownTimeout;
    }

    /**
     * Builds the server, unbound, with its handler and threads: the JDK's classes are loaded here, and
     * those of the first answer's {@code Date} header ({@link DateHeader}).
     */
    public static Transport.Pending prepare() {
        HttpServer server;
        try {
            server = HttpServer.create();
        } catch (IOException e) {
            throw new UncheckedIOException("the JDK's HTTP server cannot be made: " + e.getMessage(), e);
        }
        CompletableFuture<RequestPath> requestPath = new CompletableFuture<>();
        InFlight inFlight = new InFlight();
        EngineExchangeHandler handler = new EngineExchangeHandler(requestPath, inFlight);
        server.createContext("/", handler);
        ExecutorService threads = new ThreadPoolExecutor(
                0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), new Named("offsetkit-http-"));
        server.setExecutor(threads);
        // The first answer's Date header loads the JDK's time and locale data: loaded here, on the thread
        // that prepares the server, while the engine starts on another (PERFORMANCE.md, section 7.6).
        DateHeader.warm();
        return new Prepared(server, handler, inFlight, threads, requestPath);
    }

    /** A server built, not yet listening. */
    private static final class Prepared implements Transport.Pending {

        private final HttpServer server;
        private final EngineExchangeHandler handler;
        private final InFlight inFlight;
        private final ExecutorService threads;
        private final CompletableFuture<RequestPath> requestPath;

        Prepared(
                HttpServer server,
                EngineExchangeHandler handler,
                InFlight inFlight,
                ExecutorService threads,
                CompletableFuture<RequestPath> requestPath) {
            this.server = server;
            this.handler = handler;
            this.inFlight = inFlight;
            this.threads = threads;
            this.requestPath = requestPath;
        }

        @Override
        public void serve(RequestPath path) {
            requestPath.complete(path);
        }

        @Override
        public JdkHttpServer listen(String address, int port, Duration shutdownTimeout) throws IOException {
            try {
                server.bind(new InetSocketAddress(address, port), 0);
            } catch (IOException | RuntimeException e) {
                threads.shutdown();
                throw new IOException("cannot listen on " + address + ":" + port + ": " + e.getMessage(), e);
            }
            server.start();
            return new JdkHttpServer(server, handler, inFlight, threads, shutdownTimeout);
        }
    }

    @Override
    public void serve(RequestPath path) {
        handler.serve(path);
    }

    @Override
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Why not the JDK's own {@code stop(delay)}: with a delay it polls every 200 ms for the
     * exchanges to end, so a stop with nothing in flight would take that long; here the requests in
     * flight are counted ({@link InFlight}) until their answers are written, then {@code stop(0)} closes
     * the listener and every connection at once.
     */
    @Override
    public void close() throws Exception {
        int late;
        try {
            late = inFlight.closeAndAwait(shutdownTimeout.toMillis());
        } finally {
            server.stop(0);
            threads.shutdown();
        }
        if (late > 0) {
            throw new TimeoutException(late + " requests were still in flight after the shutdown timeout of "
                    + shutdownTimeout.toMillis() + " ms");
        }
    }

    /** Daemon threads with a name that says whose they are, so a stopped emulator never holds the JVM. */
    private static final class Named implements ThreadFactory {

        private final String prefix;
        private final AtomicInteger next = new AtomicInteger();

        Named(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, prefix + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
