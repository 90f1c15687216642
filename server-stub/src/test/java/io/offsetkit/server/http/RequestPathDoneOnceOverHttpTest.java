package io.offsetkit.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.offsetkit.server.ops.ServerMetrics;
import io.offsetkit.server.testsupport.Ids;
import io.offsetkit.server.testsupport.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the request path does once, seen over real HTTP on loopback: the one error writer answers the
 * requests Jetty refuses itself too (with a request id and the metrics), path parameters are decoded
 * after authentication, and the one body-size limit comes before any access check.
 */
class RequestPathDoneOnceOverHttpTest {

    private static final String RESET_BODY = "{\"topic\":\"topic_01\",\"timestamp\":1662652800000}";

    @Test
    void aRequestJettyRefusesItselfGetsTheErrorBodyARequestIdAndIsCounted() throws Exception {
        try (TestServer server = TestServer.start()) {
            // GIVEN a request whose headers are far over Jetty's limit (8 KiB), which the engine never sees
            String request = "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
                    + "\r\nConnection: close\r\n\r\n";

            // WHEN it is sent
            RawResponse response = send(server.port(), request);

            // THEN it gets the contract's error body with the code for its status, and a request id
            assertThat(response.status()).isEqualTo(431);
            assertThat(response.headers()).containsKey("x-request-id");
            assertThat(response.headers().get("content-type")).startsWith("application/json");
            assertThat(response.body()).contains("\"error_code\":\"DMS.00400800\"", "refused by the HTTP layer");
            // AND the request timer counted it, as every answer
            assertThat(timerCount(server, 431)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"g%2Fh", "g%5Ch", "g%C3", "g%FF%FE"})
    void aPathThatCannotBeDecodedSentWithoutCredentialsIs401(String group) throws Exception {
        try (TestServer server = TestServer.start("offsetkit.auth.mode=token", "offsetkit.auth.tokens=good-token")) {
            // GIVEN a reset whose group cannot be decoded into a name, sent without a token
            String path = Ids.path("rocketmq", Ids.PROJECT, Ids.INSTANCE, group);

            // WHEN it is sent, THEN authentication answers first: 401, whatever the path holds
            RawResponse unauthenticated = send(server.port(), post(path, Map.of()));
            assertThat(unauthenticated.status()).isEqualTo(401);
            assertThat(unauthenticated.body()).contains("\"error_code\":\"DMS.10240103\"");

            // AND with the token, the strict read refuses the path parameter by name
            RawResponse authenticated = send(server.port(), post(path, Map.of("X-Auth-Token", "good-token")));
            assertThat(authenticated.status()).isEqualTo(400);
            assertThat(authenticated.body())
                    .contains("\"error_code\":\"DMS.00400800\"", "path parameter group", "'" + group + "'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"g%zz", "g%00"})
    void aUriThatIsNotOneIsRefusedByTheHttpLayerThroughTheOneErrorWriter(String group) throws Exception {
        try (TestServer server = TestServer.start("offsetkit.auth.mode=token", "offsetkit.auth.tokens=good-token")) {
            // GIVEN a '%' without two hex digits, or an encoded NUL, which Jetty refuses as no URI at all
            String path = Ids.path("rocketmq", Ids.PROJECT, Ids.INSTANCE, group);

            // WHEN it is sent without a token
            RawResponse response = send(server.port(), post(path, Map.of()));

            // THEN the HTTP layer's 400 is still the contract's error body, with a request id, and counted
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.headers()).containsKey("x-request-id");
            assertThat(response.body()).contains("\"error_code\":\"DMS.00400800\"", "refused by the HTTP layer");
            assertThat(timerCount(server, 400)).isEqualTo(1);
        }
    }

    @Test
    void anAdminBodyOverItsLimitIsRefusedBeforeTheAdminToken() throws Exception {
        try (TestServer server = TestServer.start("offsetkit.admin.token=admin-secret")) {
            // GIVEN an admin call without the admin token, declaring a body over the admin API's 4 MiB
            String request = "PUT /admin/instances/i-big HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 5000000\r\nConnection: close\r\n\r\n";

            // WHEN it is sent
            RawResponse response = send(server.port(), request);

            // THEN the one body-size limit answers, in the documented order: route, limit, access
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("\"error_code\":\"DMS.00400800\"", "too large", "4194304 bytes");
        }
    }

    private static String post(String path, Map<String, String> headers) {
        StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        byte[] body = RESET_BODY.getBytes(StandardCharsets.UTF_8);
        return request.append("Content-Type: application/json\r\nContent-Length: ")
                .append(body.length)
                .append("\r\nConnection: close\r\n\r\n")
                .append(RESET_BODY)
                .toString();
    }

    private static long timerCount(TestServer server, int status) {
        return server.engine().metrics().registry().find(ServerMetrics.REQUESTS).timers().stream()
                .filter(timer -> Integer.toString(status).equals(timer.getId().getTag("status")))
                .mapToLong(Timer::count)
                .sum();
    }

    /** A response read off a raw socket: whatever Jetty writes, with no client that could mend it. */
    private record RawResponse(int status, Map<String, String> headers, String body) {}

    private static RawResponse send(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read.write(buffer, 0, n);
            }
            String text = read.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
        }
    }
}
