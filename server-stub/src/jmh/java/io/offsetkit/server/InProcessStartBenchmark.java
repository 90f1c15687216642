package io.offsetkit.server;

import io.offsetkit.server.assembly.Engine;
import io.offsetkit.server.http.HttpServer;
import io.offsetkit.server.ops.ConsoleLogging;
import io.offsetkit.server.settings.ServerSettings;
import io.offsetkit.server.settings.SettingSources;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process start of the reference server: the time from nothing to the first 200 answer to
 * the contract's documented example over HTTP, for a server started in the benchmark's JVM as an
 * application or a test embeds it ({@link Engine#start}, then {@link HttpServer#start} on the
 * engine's request path), on loopback, port 0, with the bundled fixture applied to a fresh, empty
 * data directory. Each start is stopped and its directory deleted before the next.
 *
 * <ul>
 *   <li>{@link #firstStart}: the first start in a fresh JVM. Single shot, no warm-up: each fork
 *       measures one cold start (classes loaded and verified, code interpreted), and the score is
 *       over the forks.
 *   <li>{@link #laterStart}: a later start in a warm JVM. Single shots after warm-up starts in the
 *       same JVM: what a test suite that starts a server per test class pays.
 * </ul>
 *
 * <p>Counted: reading the settings and setting the log levels, the engine's start (the store's
 * files created and the fixture applied, each forced to disk, the metrics), the HTTP server's start
 * (Jetty, its threads, the listening socket), and the documented example's POST over loopback with
 * its whole answer (the reset's lookups and its record forced to disk).
 *
 * <p>Not counted: the JVM's launch and JMH's harness, which already run when a fork's first start
 * begins ({@code src/bench/startup.sh} times a launch with {@code java -jar}); the fresh directory
 * (made in the setup); the stop and the deletion (in the teardown); and the client's own first use.
 * The client is a plain socket that writes one HTTP/1.1 request and reads the answer to its end,
 * warmed in the setup against a canned answer on loopback: its classes are loaded and its code has
 * run a thousand times before the first start. It uses no lambda, string concatenation or {@code
 * SecureRandom} (nor does the setup): the first use of each in a JVM bootstraps method handles or
 * security providers, a cost the server pays in its own first start, which the client's warm-up
 * must not pay for it. What the client shares with the server is the JDK's socket layer, which
 * JMH's own link to its host process has loaded already.
 *
 * <p>Unlike {@code java -jar}, which starts the engine and the HTTP server side by side, this starts
 * them one after the other, as an embedding does. The access log is at WARN, as in the tests. The
 * class path is the module's test class path (the benchmarks profile's), as in a test suite: much
 * longer than the server jar's, and the JVM looks a class up in its jars one after the other, which
 * a first start pays for each class it loads.
 *
 * <p>Run, once the modules are installed ({@code ./mvnw -q -B install -DskipTests}):
 *
 * <pre>
 * ./mvnw -B -pl server-stub -Pbenchmarks -DskipTests test-compile exec:exec@run-start-benchmarks
 * </pre>
 *
 * or with the other benchmarks in {@code ./mvnw -B -pl server-stub -Pbenchmarks -DskipTests verify}.
 * JMH options go in {@code -Djmh.start.args}, e.g. {@code -Djmh.start.args="InProcessStartBenchmark.firstStart
 * -f 30"} for more cold starts, or {@code -jvmArgsAppend -XX:TieredStopAtLevel=1} to compare a JVM
 * flag.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InProcessStartBenchmark {

    private static final String PROJECT_ID = "77b6a44cba5143ab91d13ab9a8ff44fd";
    private static final String INSTANCE_ID = "11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d";
    static final String EXAMPLE_PATH =
            "/v2/rocketmq/" + PROJECT_ID + "/instances/" + INSTANCE_ID + "/groups/group_01/reset-message-offset";
    static final String EXAMPLE_BODY = "{\"topic\":\"topic_01\",\"timestamp\":1662652800000}";

    /** Round trips of the client against the canned answer before the first start. */
    private static final int CLIENT_WARM_UP = 1_000;

    private static final int TIMEOUT_MILLIS = 30_000;

    private ExampleClient client;
    private Path directory;
    private StartedServer server;

    @Setup(Level.Trial)
    public void warmClient() throws IOException {
        client = warmedClient();
    }

    /** The documented example's client, its code run a thousand times against a canned answer. */
    static ExampleClient warmedClient() throws IOException {
        ExampleClient warmed = new ExampleClient(EXAMPLE_PATH, EXAMPLE_BODY);
        try (CannedAnswer canned = CannedAnswer.start()) {
            for (int i = 0; i < CLIENT_WARM_UP; i++) {
                warmed.post(canned.port());
            }
        }
        return warmed;
    }

    @Setup(Level.Iteration)
    public void freshDirectory() throws IOException {
        directory = TemporaryDirectory.create();
    }

    /** The first start in a fresh JVM: one per fork. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(10)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public String firstStart() throws IOException {
        return startAndAsk();
    }

    /** A later start in a warm JVM. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(2)
    @Warmup(iterations = 20)
    @Measurement(iterations = 20)
    public String laterStart() throws IOException {
        return startAndAsk();
    }

    private String startAndAsk() throws IOException {
        server = StartedServer.start(directory.resolve("data"));
        return client.post(server.port());
    }

    @TearDown(Level.Iteration)
    public void stopAndDelete() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            server = null;
            TemporaryDirectory.delete(directory);
        }
    }

    /** The server as an embedding starts it: the engine, then the HTTP server in front of it. */
    static final class StartedServer implements AutoCloseable {

        private final Engine engine;
        private final HttpServer http;

        private StartedServer(Engine engine, HttpServer http) {
            this.engine = engine;
            this.http = http;
        }

        static StartedServer start(Path dataDir) throws IOException {
            ServerSettings settings = ServerSettings.from(SettingSources.of(Map.of(
                    "server.address", "127.0.0.1",
                    "server.port", "0",
                    "offsetkit.data-dir", dataDir.toString(),
                    "logging.level.io.offsetkit.server.access", "WARN")));
            ConsoleLogging.setLevels(settings.logLevels());
            Engine engine = Engine.start(settings);
            try {
                return new StartedServer(
                        engine,
                        HttpServer.start(
                                engine.requestPath(), settings.address(), settings.port(), Duration.ofSeconds(5)));
            } catch (IOException | RuntimeException e) {
                try {
                    engine.close();
                } catch (Exception closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }

        int port() {
            return http.port();
        }

        @Override
        public void close() throws Exception {
            try {
                http.close();
            } finally {
                engine.close();
            }
        }
    }

    /**
     * One HTTP/1.1 POST on a new connection ({@code Connection: close}), read to the end of the
     * answer; only a 200 is accepted.
     */
    static final class ExampleClient {

        private final String path;
        private final byte[] body;

        ExampleClient(String path, String body) {
            this.path = path;
            this.body = body.getBytes(StandardCharsets.UTF_8);
        }

        /** @return the answer, status line, headers and body */
        String post(int port) throws IOException {
            byte[] head = new StringBuilder(256)
                    .append("POST ")
                    .append(path)
                    .append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:")
                    .append(port)
                    .append("\r\n")
                    .append("Content-Type: application/json\r\n")
                    .append("Accept: application/json\r\n")
                    .append("Content-Length: ")
                    .append(body.length)
                    .append("\r\n")
                    .append("Connection: close\r\n\r\n")
                    .toString()
                    .getBytes(StandardCharsets.ISO_8859_1);
            byte[] answer;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
                socket.setSoTimeout(TIMEOUT_MILLIS);
                OutputStream out = socket.getOutputStream();
                out.write(head);
                out.write(body);
                out.flush();
                answer = socket.getInputStream().readAllBytes();
            }
            String text = new String(answer, StandardCharsets.UTF_8);
            if (!text.startsWith("HTTP/1.1 200 ")) {
                throw new IllegalStateException("expected 200 from POST http://127.0.0.1:" + port + path + " "
                        + new String(body, StandardCharsets.UTF_8) + "\nbut the answer was:\n"
                        + (text.isEmpty() ? "(nothing)" : text));
            }
            return text;
        }
    }

    /** A loopback server that answers every connection with one canned 200: the client's warm-up. */
    static final class CannedAnswer implements Runnable, Closeable {

        private static final byte[] ANSWER =
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
                        .getBytes(StandardCharsets.ISO_8859_1);

        private final ServerSocket socket;
        private volatile boolean closed;

        private CannedAnswer(ServerSocket socket) {
            this.socket = socket;
        }

        static CannedAnswer start() throws IOException {
            CannedAnswer canned = new CannedAnswer(new ServerSocket(0, 64, InetAddress.getLoopbackAddress()));
            Thread thread = new Thread(canned, "canned-answer");
            thread.setDaemon(true);
            thread.start();
            return canned;
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void run() {
            byte[] drain = new byte[4096];
            while (!closed) {
                try (Socket connection = socket.accept()) {
                    // The answer first, then the request read to its end: the client writes all of it
                    // before it reads, so nothing is left unread when the connection closes.
                    OutputStream out = connection.getOutputStream();
                    out.write(ANSWER);
                    out.flush();
                    connection.shutdownOutput();
                    InputStream in = connection.getInputStream();
                    while (in.read(drain) >= 0) {
                        // drained
                    }
                } catch (IOException e) {
                    if (closed) {
                        return;
                    }
                    throw new IllegalStateException("the client's warm-up answer failed", e);
                }
            }
        }

        @Override
        public void close() throws IOException {
            closed = true;
            socket.close();
        }
    }

    /**
     * A fresh directory under {@code java.io.tmpdir}, named from the clock rather than by {@link
     * Files#createTempDirectory}, whose random names come from {@code SecureRandom}: the server's
     * first start would find that class already loaded and seeded.
     */
    static final class TemporaryDirectory {

        private TemporaryDirectory() {}

        static Path create() throws IOException {
            Path parent = Path.of(System.getProperty("java.io.tmpdir"));
            for (int attempt = 0; attempt < 100; attempt++) {
                String name = new StringBuilder("offsetkit-start-")
                        .append(System.nanoTime())
                        .append('-')
                        .append(attempt)
                        .toString();
                try {
                    return Files.createDirectory(parent.resolve(name));
                } catch (FileAlreadyExistsException taken) {
                    // another one: the next attempt has another name
                }
            }
            throw new IOException("no fresh directory could be made in " + parent);
        }

        static void delete(Path directory) throws IOException {
            if (directory == null || !Files.exists(directory)) {
                return;
            }
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
    }
}
