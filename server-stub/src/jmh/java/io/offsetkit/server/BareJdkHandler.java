package io.offsetkit.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The floor of the emulator on the JDK's HTTP server: one {@code com.sun.net.httpserver} handler that
 * writes the documented answer to every request, and does nothing else, on a thread pool as the
 * emulator's is. {@code EmulatorStartBenchmark.bareJdkFirstStart} starts it in a fresh JVM (with
 * {@code -Dsun.net.httpserver.nodelay=true}, as the emulator's run on it).
 */
final class BareJdkHandler implements HttpHandler {

    private static final byte[] ANSWER_BYTES = BareJettyHandler.ANSWER.getBytes(StandardCharsets.UTF_8);

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, ANSWER_BYTES.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(ANSWER_BYTES);
        }
    }

    /** Starts the JDK's server with this handler alone on a free loopback port. */
    static HttpServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", new BareJdkHandler());
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return server;
    }
}
