package io.offsetkit.conformance.http;

import io.offsetkit.client.PlainHttpOnly;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Locale;

/**
 * A builder of the JDK's HTTP client for one base URL. For a plain {@code http://} URL the client is
 * given the client library's TLS context that refuses to be used ({@link PlainHttpOnly}), instead of
 * the JDK's defaults: the JDK makes its default context for the first client built in the JVM, TLS or
 * not, which sets up every TLS protocol, cipher suite and curve and reads and parses every certificate
 * of its trust store, a few tenths of a second of CPU in a run of seconds (server-stub/PERFORMANCE.md,
 * section 6); a plain URL never needs any of it (the kit follows no redirect). Any other URL gets
 * the JDK's defaults, as before.
 */
public final class ClientBuilders {

    private ClientBuilders() {}

    /** A new builder for clients that send to the given base URL (and nowhere else). */
    public static HttpClient.Builder forBaseUrl(URI baseUrl) {
        HttpClient.Builder builder = HttpClient.newBuilder();
        if ("http".equals(String.valueOf(baseUrl.getScheme()).toLowerCase(Locale.ROOT))) {
            builder.sslContext(PlainHttpOnly.context());
        }
        return builder;
    }
}
