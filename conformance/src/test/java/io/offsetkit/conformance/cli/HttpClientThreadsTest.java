package io.offsetkit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.ref.Reference;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP clients' selector threads, which would hold the kit's JVM back at its exit, are found and stopped. */
class HttpClientThreadsTest {

    private HttpServer server;
    private URI uri;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void theSelectorThreadOfAClientThatSentARequestIsFoundAndStopped() throws Exception {
        // GIVEN a client this test holds, whose selector thread is known
        List<Thread> beforeKept = HttpClientThreads.selectors();
        HttpClient kept = HttpClient.newHttpClient();
        assertThat(send(kept)).isEqualTo(204);
        Thread keptSelector = onlyNew(beforeKept);

        // AND a new client that sent a request
        List<Thread> before = HttpClientThreads.selectors();
        HttpClient client = HttpClient.newHttpClient();
        assertThat(send(client)).isEqualTo(204);

        // WHEN the selectors are listed THEN the new client's is among them, alive
        Thread added = onlyNew(before);
        assertThat(added.isAlive()).isTrue();

        // WHEN that one is stopped THEN it has ended, and the held client's selector still runs.
        // (Only a held client's thread is checked: other tests' clients may be collected, and their
        // selectors end, at any time.)
        HttpClientThreads.stop(List.of(added));
        assertThat(added.isAlive()).isFalse();
        assertThat(keptSelector.isAlive()).isTrue();
        assertThat(HttpClientThreads.selectors()).doesNotContain(added).contains(keptSelector);
        Reference.reachabilityFence(kept);
        Reference.reachabilityFence(client);
    }

    /** The one selector thread started since {@code before} was listed. */
    private static Thread onlyNew(List<Thread> before) {
        List<Thread> added = new ArrayList<>(HttpClientThreads.selectors());
        added.removeAll(before);
        assertThat(added).hasSize(1);
        return added.get(0);
    }

    @Test
    void aClientWhoseSelectorIsStillRunningKeepsSending() throws Exception {
        // GIVEN two clients, one of them stopped
        HttpClient kept = HttpClient.newHttpClient();
        List<Thread> before = HttpClientThreads.selectors();
        HttpClient stopped = HttpClient.newHttpClient();
        assertThat(send(stopped)).isEqualTo(204);
        List<Thread> added = new ArrayList<>(HttpClientThreads.selectors());
        added.removeAll(before);
        HttpClientThreads.stop(added);

        // WHEN the other one sends THEN it is answered: only the threads given are stopped
        assertThat(send(kept)).isEqualTo(204);
    }

    private int send(HttpClient client) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
