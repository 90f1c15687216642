package io.offsetkit.server.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.assembly.Engine;
import io.offsetkit.server.engine.OperationObserver;
import io.offsetkit.server.fault.FaultSpec;
import io.offsetkit.server.http.HttpServer;
import io.offsetkit.server.jdkhttp.JdkHttpServer;
import io.offsetkit.server.settings.ServerSettings;
import io.offsetkit.server.settings.SettingSources;
import io.offsetkit.server.store.EmbeddedStore;
import io.offsetkit.server.store.log.Storage;
import io.offsetkit.server.testsupport.HeldFsyncs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same behaviours on every {@link Transport} the engine runs behind: Jetty 12 and the JDK's HTTP
 * server, each a real server on loopback over a real store on disk, spoken to over a plain socket so
 * that what is on the wire is what is asserted (chunked bodies, keep-alive, the body limit, {@code
 * X-Request-Id}, HEAD, OPTIONS and an unknown method, an answer from the commit, the graceful stop).
 */
class TransportsTest {

    private static final String PROJECT = "p-wire";
    private static final String INSTANCE = "i-wire";
    private static final String TOPIC = "t-wire";
    private static final String GROUP = "g-wire";
    private static final String RESET =
            "/v2/rocketmq/" + PROJECT + "/instances/" + INSTANCE + "/groups/" + GROUP + "/reset-message-offset";
    private static final int MAX_BODY = 1024;

    /** The transports under test. */
    enum Kind {
        JETTY(HttpServer.TRANSPORT),
        JDK(JdkHttpServer.TRANSPORT);

        final Transport transport;

        Kind(Transport transport) {
            this.transport = transport;
        }
    }

    @TempDir
    Path dir;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void resetsOnOneKeptAliveConnectionAreEachAnsweredWithTheirOwnRequestId(Kind kind) throws Exception {
        // GIVEN a server on the transport
        Transport.Listening http = start(kind, Storage.disk());

        // WHEN three resets are sent one after the other on one connection
        Set<String> ids = new HashSet<>();
        try (Socket socket = new Socket("127.0.0.1", http.port())) {
            for (long timestamp : new long[] {15, 25, -1}) {
                Reply reply =
                        exchange(socket, post(RESET, "{\"topic\":\"" + TOPIC + "\",\"timestamp\":" + timestamp + "}"));

                // THEN each is 200 with the offsets of its time, a fixed length and a request id of its own
                assertThat(reply.status).as(reply.body).isEqualTo(200);
                assertThat(reply.headers).containsEntry("content-type", "application/json");
                assertThat(reply.headers.get("content-length")).isEqualTo(Integer.toString(reply.body.length()));
                assertThat(ids.add(reply.headers.get("x-request-id"))).isTrue();
            }
            assertThat(ids).doesNotContainNull().hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aChunkedBodyIsReadWhole(Kind kind) throws Exception {
        Transport.Listening http = start(kind, Storage.disk());
        String body = "{\"topic\":\"" + TOPIC + "\",\"timestamp\":25}";
        String chunked = Integer.toHexString(10) + "\r\n" + body.substring(0, 10) + "\r\n"
                + Integer.toHexString(body.length() - 10) + "\r\n" + body.substring(10) + "\r\n0\r\n\r\n";

        Reply reply = exchange(
                http,
                "POST " + RESET + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n" + chunked);

        assertThat(reply.status).as(reply.body).isEqualTo(200);
        assertThat(reply.body).contains("\"timestamp_offset\":2");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aBodyOverTheLimitIsTheDocumented400WhetherDeclaredOrChunked(Kind kind) throws Exception {
        Transport.Listening http = start(kind, Storage.disk());
        String large = "{\"topic\":\"" + "t".repeat(MAX_BODY) + "\",\"timestamp\":25}";

        Reply declared = exchange(http, post(RESET, large));
        Reply chunked = exchange(
                http,
                "POST " + RESET + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(large.length()) + "\r\n" + large
                        + "\r\n0\r\n\r\n");

        for (Reply reply : List.of(declared, chunked)) {
            assertThat(reply.status).isEqualTo(400);
            assertThat(reply.body)
                    .contains("\"error_code\":\"DMS.00400800\"", "offsetkit.http.max-body-size")
                    .contains("the limit is " + MAX_BODY + " bytes");
            assertThat(reply.headers).containsKey("x-request-id");
        }
        assertThat(declared.body).contains("Content-Length is " + large.length());
        assertThat(chunked.body).contains("more than " + MAX_BODY + " bytes arrived");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void headOptionsAndAnUnknownMethodAreAnsweredAsOnEveryTransport(Kind kind) throws Exception {
        Transport.Listening http = start(kind, Storage.disk());
        try (Socket socket = new Socket("127.0.0.1", http.port())) {
            Reply get = exchange(socket, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            Reply head = exchange(socket, "HEAD /health HTTP/1.1\r\nHost: x\r\n\r\n");
            Reply options = exchange(socket, "OPTIONS " + RESET + " HTTP/1.1\r\nHost: x\r\n\r\n");
            Reply unknown = exchange(socket, "BREW " + RESET + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");

            // HEAD is served wherever GET is: GET's status and length, no body (the next answer follows at once)
            assertThat(get.status).isEqualTo(200);
            assertThat(get.body).isNotEmpty();
            assertThat(head.status).isEqualTo(200);
            assertThat(head.body).isEmpty();
            assertThat(head.headers.get("content-length")).isEqualTo(Integer.toString(get.body.length()));
            assertThat(head.headers).containsKey("x-request-id");
            for (Reply refused : List.of(options, unknown)) {
                assertThat(refused.status).as(refused.body).isEqualTo(405);
                assertThat(refused.headers.get("allow")).isEqualTo("POST");
                assertThat(refused.body).contains("\"error_code\":\"DMS.00405001\"");
                assertThat(refused.headers).containsKey("x-request-id");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theAnswerLeavesOnlyOnceTheOffsetsAreOnDiskAndAStopWaitsForIt(Kind kind) throws Exception {
        // GIVEN a server whose offsets fsyncs are held
        HeldFsyncs storage = new HeldFsyncs(Storage.disk());
        Transport.Listening http = start(kind, storage);
        storage.hold();
        try (Socket socket = new Socket("127.0.0.1", http.port())) {
            // WHEN a reset is sent
            send(socket, post(RESET, "{\"topic\":\"" + TOPIC + "\",\"timestamp\":-1}"));
            CompletableFuture<Reply> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return read(socket.getInputStream(), false);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });

            // THEN no answer arrives while its fsync is held, and a stop asked meanwhile waits for it
            assertThat(storage.forceStarted.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> closeQuietly(http));
            Thread.sleep(200);
            assertThat(answer).isNotDone();
            assertThat(stopped).isNotDone();
            storage.release();
            Reply reply = answer.get(10, TimeUnit.SECONDS);
            stopped.get(10, TimeUnit.SECONDS);
            assertThat(reply.status).as(reply.body).isEqualTo(200);
            assertThat(reply.body).contains("\"timestamp_offset\":4");
        } finally {
            storage.release();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aStopWithNothingInFlightClosesAtOnceAndKeptAliveConnectionsWithIt(Kind kind) throws Exception {
        // GIVEN a server with a shutdown timeout of 20 s and a kept-alive connection that was answered
        Transport.Listening http = start(kind, Storage.disk());
        int port = http.port();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            assertThat(exchange(socket, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n").status)
                    .isEqualTo(200);

            // WHEN it stops
            long started = System.nanoTime();
            http.close();
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            // THEN it did not wait for the timeout, the connection is closed, and nothing listens
            assertThat(tookMillis).isLessThan(SHUTDOWN_TIMEOUT.toMillis() / 2);
            socket.setSoTimeout(5_000);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aConnectionDroppedOnDemandGetsNoAnswerAndTheNextConnectionIsServed(Kind kind) throws Exception {
        Transport.Listening http = start(kind, Storage.disk());
        engine.faults()
                .add(FaultSpec.on("resetConsumeOffset").emptyResponse().once().build());

        try (Socket socket = new Socket("127.0.0.1", http.port())) {
            send(socket, post(RESET, "{\"topic\":\"" + TOPIC + "\",\"timestamp\":25}"));
            socket.setSoTimeout(5_000);
            assertThat(socket.getInputStream().readAllBytes()).isEmpty();
        }
        assertThat(exchange(http, post(RESET, "{\"topic\":\"" + TOPIC + "\",\"timestamp\":25}")).status)
                .isEqualTo(200);
    }

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);

    private Engine engine;

    /** A server on the transport over a store of one topic of two queues of messages stored at 10 to 40. */
    private Transport.Listening start(Kind kind, Storage storage) throws Exception {
        EmbeddedStore store = EmbeddedStore.open(dir, storage);
        store.putInstance(INSTANCE, PROJECT, List.of("b-1"));
        store.putTopic(INSTANCE, TOPIC, Map.of("b-1", 2));
        store.putGroup(INSTANCE, GROUP);
        for (int q = 0; q < 2; q++) {
            store.append(INSTANCE, TOPIC, "b-1", q, new long[] {10, 20, 30, 40}, OptionalLong.empty());
        }
        engine = Engine.over(
                ServerSettings.from(SettingSources.of(Map.of(
                        "logging.level.io.offsetkit.server.access", "WARN",
                        "offsetkit.http.max-body-size", Integer.toString(MAX_BODY),
                        "offsetkit.reset.require-online-consumer", "false"))),
                store,
                OperationObserver.NONE);
        opened.add(engine);
        Transport.Pending pending = kind.transport.prepare();
        pending.serve(engine.requestPath());
        Transport.Listening http = pending.listen("127.0.0.1", 0, SHUTDOWN_TIMEOUT);
        opened.add(() -> closeQuietly(http));
        return http;
    }

    private static void closeQuietly(Transport.Listening http) {
        try {
            http.close(); // a second close does nothing more
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String post(String path, String json) {
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
    }

    private static Reply exchange(Transport.Listening http, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", http.port())) {
            return exchange(socket, request);
        }
    }

    private static Reply exchange(Socket socket, String request) throws IOException {
        send(socket, request);
        return read(socket.getInputStream(), request.startsWith("HEAD "));
    }

    private static void send(Socket socket, String request) throws IOException {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * One answer with a Content-Length (every answer of the engine has one; to a HEAD, without its body),
     * headers by lower-case name.
     */
    private static Reply read(InputStream in, boolean toHead) throws IOException {
        String statusLine = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(
                    header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    header.substring(colon + 1).trim());
        }
        int length = toHead ? 0 : Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Reply(Integer.parseInt(statusLine.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("the connection closed in a header line: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private record Reply(int status, Map<String, String> headers, String body) {}
}
