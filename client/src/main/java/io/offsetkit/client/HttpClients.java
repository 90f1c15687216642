package io.offsetkit.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.Provider;
import java.security.SecureRandom;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

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
            builder.sslContext(PlainHttpOnly.CONTEXT);
        }
        return builder;
    }

    /**
     * The TLS context of a client for a plain http endpoint: it offers no protocol and no cipher
     * suite, and every attempt at a TLS connection (an engine, a socket, a session) fails with
     * {@link UnsupportedOperationException}, which the JDK's client reports as an {@code IOException}.
     */
    static final class PlainHttpOnly extends SSLContext {

        /** What a TLS connection attempt says. */
        static final String WHY = "this client was built for a plain http endpoint: it makes no TLS connection";

        static final SSLContext CONTEXT = new PlainHttpOnly();

        private PlainHttpOnly() {
            super(new Spi(), new NamedOnly(), "none");
        }

        /** A provider that only names where the context comes from; it provides nothing. */
        private static final class NamedOnly extends Provider {
            private static final long serialVersionUID = 1L;

            NamedOnly() {
                super("offsetkit-plain-http", "1", "no TLS: the context of an offsetkit client for an http endpoint");
            }
        }

        private static final class Spi extends SSLContextSpi {

            @Override
            protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) {
                // Nothing to initialise: the context makes no connection.
            }

            @Override
            protected SSLParameters engineGetDefaultSSLParameters() {
                return new SSLParameters(new String[0], new String[0]);
            }

            @Override
            protected SSLParameters engineGetSupportedSSLParameters() {
                return new SSLParameters(new String[0], new String[0]);
            }

            @Override
            protected SSLEngine engineCreateSSLEngine() {
                throw new UnsupportedOperationException(WHY);
            }

            @Override
            protected SSLEngine engineCreateSSLEngine(String host, int port) {
                throw new UnsupportedOperationException(WHY);
            }

            @Override
            protected SSLSocketFactory engineGetSocketFactory() {
                throw new UnsupportedOperationException(WHY);
            }

            @Override
            protected SSLServerSocketFactory engineGetServerSocketFactory() {
                throw new UnsupportedOperationException(WHY);
            }

            @Override
            protected SSLSessionContext engineGetServerSessionContext() {
                throw new UnsupportedOperationException(WHY);
            }

            @Override
            protected SSLSessionContext engineGetClientSessionContext() {
                throw new UnsupportedOperationException(WHY);
            }
        }
    }
}
