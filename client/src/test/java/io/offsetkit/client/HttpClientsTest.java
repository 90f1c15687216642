package io.offsetkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.offsetkit.client.auth.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS context of the client's {@link HttpClient}: the JDK's default, which verifies certificates,
 * for an https endpoint; one that makes no TLS connection, cheap to build, for a plain http endpoint. Against
 * a real HTTPS server on loopback whose certificate is self-signed (made by the JDK's keytool), so
 * no trusted authority vouches for it. (Every other test of the client runs over plain http, with
 * the context for plain http.)
 */
class HttpClientsTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path directory;

    private static HttpsServer server;
    private static final AtomicInteger requestsServed = new AtomicInteger();

    @BeforeAll
    static void startSelfSignedHttpsServer() throws Exception {
        Path keyStoreFile = directory.resolve("server.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "san=ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keyStoreFile.toString(),
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD)
                .redirectErrorStream(true)
                .start();
        String keytoolOutput = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(keytoolOutput).isZero();

        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStoreFile)) {
            keyStore.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD.toCharArray());
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            requestsServed.incrementAndGet();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static URI https() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void anHttpsEndpointGetsTheJdksDefaultTlsContext() throws Exception {
        // WHEN the client of an https endpoint is built
        HttpClient http =
                HttpClients.forEndpoint(https(), Duration.ofSeconds(5)).build();

        // THEN its TLS context is the JDK's default, with the JDK's trusted authorities
        assertThat(http.sslContext()).isSameAs(SSLContext.getDefault());
    }

    @Test
    void anHttpsEndpointWhoseCertificateNoAuthorityVouchesForIsRefusedBeforeAnyRequest() {
        // GIVEN the client of an https endpoint whose certificate is self-signed
        int servedBefore = requestsServed.get();
        OffsetkitClient client = OffsetkitClient.builder()
                .endpoint(https())
                .projectId("p1")
                .credentials(Credentials.token("a-token"))
                .build();

        // WHEN it reads a topic's status, THEN the TLS handshake fails on the certificate
        assertThatThrownBy(() -> client.topicStatus("i1", "orders"))
                .isInstanceOf(OffsetkitException.class)
                .satisfies(failure -> assertThat(causes(failure)).anyMatch(SSLHandshakeException.class::isInstance));
        // AND no request (nor its token) reached the server
        assertThat(requestsServed.get()).isEqualTo(servedBefore);
    }

    @Test
    void aPlainHttpEndpointsClientMakesNoTlsConnection() {
        // WHEN the client of a plain http endpoint is built
        HttpClient http = HttpClients.forEndpoint(URI.create("http://127.0.0.1:8080"), Duration.ofSeconds(5))
                .build();

        // THEN its TLS context is not the JDK's default (whose set-up reads the trust store), and offers nothing
        SSLContext context = http.sslContext();
        assertThat(context).isNotSameAs(defaultContext()).isSameAs(PlainHttpOnly.context());
        assertThat(context.getDefaultSSLParameters().getProtocols()).isEmpty();
        assertThat(context.getDefaultSSLParameters().getCipherSuites()).isEmpty();
        // AND were it ever asked for an https connection, it fails before anything is sent
        int servedBefore = requestsServed.get();
        assertThatThrownBy(() -> http.send(
                        HttpRequest.newBuilder(https().resolve("/health")).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class)
                .satisfies(failure -> assertThat(causes(failure))
                        .anyMatch(cause -> String.valueOf(cause.getMessage()).contains("makes no TLS connection")));
        assertThat(requestsServed.get()).isEqualTo(servedBefore);
    }

    @Test
    void aPlainHttpEndpointsClientSendsAndReadsOverPlainHttp() throws Exception {
        // GIVEN a plain http server on loopback
        HttpServer plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        plain.createContext("/", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        plain.start();
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + plain.getAddress().getPort());
            HttpClient http =
                    HttpClients.forEndpoint(endpoint, Duration.ofSeconds(5)).build();

            // WHEN its client sends a request
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(endpoint.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());

            // THEN the answer is read, over HTTP/1.1
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        } finally {
            plain.stop(0);
        }
    }

    @Test
    void everyPlainHttpClientSharesTheOneContextBuiltOnce() {
        // WHEN two clients of plain http endpoints are built
        HttpClient one = HttpClients.forEndpoint(URI.create("http://127.0.0.1:8080"), Duration.ofSeconds(5))
                .build();
        HttpClient two = HttpClients.forEndpoint(URI.create("HTTP://localhost:9090"), Duration.ofSeconds(5))
                .build();

        // THEN they carry the same context
        assertThat(one.sslContext()).isSameAs(two.sslContext());
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
