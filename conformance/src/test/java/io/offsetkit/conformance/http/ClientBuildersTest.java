package io.offsetkit.conformance.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.offsetkit.client.PlainHttpOnly;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** A plain URL's client does without the JDK's default TLS context, and works; any other URL's keeps it. */
class ClientBuildersTest {

    @Test
    void aPlainHttpUrlsClientSendsWithoutTheDefaultTlsContext() throws Exception {
        // GIVEN a server on a plain loopback URL, as the launched reference server
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            URI baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

            // WHEN a client is built for it and sends
            HttpClient client = ClientBuilders.forBaseUrl(baseUrl).build();
            int status = client.send(
                            HttpRequest.newBuilder(baseUrl.resolve("/health")).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();

            // THEN it is answered, and its TLS context is the one that makes no connection
            assertThat(status).isEqualTo(204);
            assertThat(client.sslContext()).isSameAs(PlainHttpOnly.context());
            assertThat(ClientBuilders.forBaseUrl(URI.create("HTTP://localhost"))
                            .build()
                            .sslContext())
                    .isSameAs(PlainHttpOnly.context());
            assertThatThrownBy(() -> PlainHttpOnly.context().createSSLEngine())
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("plain http endpoint");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anHttpsUrlsClientKeepsTheJdksDefaultTlsContext() throws Exception {
        // GIVEN a TLS base URL, as a vendor's service
        // WHEN a client is built for it
        HttpClient client =
                ClientBuilders.forBaseUrl(URI.create("https://dms.example.com")).build();

        // THEN it verifies certificates as any JDK client does
        assertThat(client.sslContext()).isSameAs(SSLContext.getDefault());
    }
}
