package io.offsetkit.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The JDK {@link HttpClient} of one endpoint: HTTP/1.1 always (on plain http the JDK's default
 * HTTP/2 would first try an h2c upgrade, which adds headers and a round trip; one protocol also
 * keeps the {@code Host} that is signed the one that is sent), redirects never followed (a signed
 * request must not be replayed elsewhere).
 *
 * <p>TLS: an {@code https} endpoint gets the JDK's default TLS context, so its certificate is
 * verified against the JDK's trusted authorities as usual. A plain {@code http} endpoint gets {@link
 * PlainHttpOnly}, a context that makes no TLS connection at all: the JDK's client takes a TLS context
 * even for plain http, and the default one initialises the JDK's TLS provider and reads its trust
 * store, most of a short-lived program's first request (a command line's). A client for an http
 * endpoint sends every request to that endpoint and follows no redirect, so it never needs TLS; were
 * it ever asked for an https connection, that connection would fail before anything is sent.
 */
final class HttpClients {

    private HttpClients() {}

    /** A builder of the client for {@code endpoint} (http or https, as the client's builder checked). */
    static HttpClient.Builder forEndpoint(URI endpoint, Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout);
        if ("http".equalsIgnoreCase(endpoint.getScheme())) {
            builder.sslContext(PlainHttpOnly.context());
        }
        return builder;
    }
}
