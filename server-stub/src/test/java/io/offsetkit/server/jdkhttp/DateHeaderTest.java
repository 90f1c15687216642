package io.offsetkit.server.jdkhttp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The Date header the transport formats ahead of the first answer is the JDK server's own: the same
 * pattern, locale and zone, so that formatting it loads what the server's first answer would.
 */
class DateHeaderTest {

    @Test
    void theJdkServersDateHeaderIsWhatDateHeaderFormats() throws Exception {
        // GIVEN the JDK's HTTP server answering every request
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            // WHEN it is asked
            HttpResponse<Void> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                            + server.getAddress().getPort() + "/"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());

            // THEN its Date header reads with DateHeader's format and is written back the same by it
            String date = answer.headers().firstValue("Date").orElseThrow();
            Instant sent = Instant.from(DateHeader.FORMAT.parse(date));
            assertThat(DateHeader.FORMAT.format(sent)).isEqualTo(date);
            assertThat(date).endsWith(" GMT");
            // and what DateHeader warms up with is such a header
            assertThat(DateHeader.warm()).hasSameSizeAs(date).endsWith(" GMT");
        } finally {
            server.stop(0);
        }
    }
}
