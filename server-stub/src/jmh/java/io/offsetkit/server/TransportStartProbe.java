package io.offsetkit.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The transport alone, before any choice of the emulator's: how long the JDK's own HTTP server
 * ({@code com.sun.net.httpserver}) and a bare Jetty 12 core handler ({@link BareJettyHandler}) take
 * from {@code main} to the first answer to the documented reset in a fresh JVM, then the median of
 * 20 later starts (after 20) in the same JVM, each with its stop. Both write the documented answer;
 * the request is sent over a plain socket. Run one JVM per transport and per run, as {@code
 * server-stub/PERFORMANCE.md} shows:
 *
 * <pre>
 * java -Dsun.net.httpserver.nodelay=true -cp CLASSPATH io.offsetkit.server.TransportStartProbe jdk
 * java -cp CLASSPATH io.offsetkit.server.TransportStartProbe jetty
 * </pre>
 */
public final class TransportStartProbe {

    private static final byte[] ANSWER = BareJettyHandler.ANSWER.getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY =
            InProcessStartBenchmark.EXAMPLE_BODY.getBytes(StandardCharsets.UTF_8);

    private TransportStartProbe() {}

    /** A started server: its port, and its stop. */
    private interface Started extends AutoCloseable {
        int port();
    }

    public static void main(String[] args) throws Exception {
        String transport = args.length > 0 ? args[0] : "jdk";
        long main = System.nanoTime();
        Started first = start(transport);
        ask(first.port());
        double firstMillis = (System.nanoTime() - main) / 1e6;
        first.close();
        List<Double> later = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long started = System.nanoTime();
            Started server = start(transport);
            ask(server.port());
            if (i >= 20) {
                later.add((System.nanoTime() - started) / 1e6);
            }
            server.close();
        }
        Collections.sort(later);
        System.out.printf(
                "%s: first start to the first answer %.0f ms from main; later starts median %.2f ms%n",
                transport, firstMillis, later.get(later.size() / 2));
        System.exit(0);
    }

    private static Started start(String transport) throws Exception {
        if (transport.equals("jetty")) {
            Server server = BareJettyHandler.start(0);
            int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
            return new Started() {
                @Override
                public int port() {
                    return port;
                }

                @Override
                public void close() throws Exception {
                    server.stop();
                }
            };
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ANSWER.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ANSWER);
            }
        });
        server.start();
        return new Started() {
            @Override
            public int port() {
                return server.getAddress().getPort();
            }

            @Override
            public void close() {
                server.stop(0);
            }
        };
    }

    private static void ask(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + InProcessStartBenchmark.EXAMPLE_PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + BODY.length
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(BODY);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!answer.startsWith("HTTP/1.1 200 ")) {
                throw new IllegalStateException("expected 200 from port " + port + ", was: " + answer);
            }
        }
    }
}
