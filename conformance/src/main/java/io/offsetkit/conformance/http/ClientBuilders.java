package io.offsetkit.conformance.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.util.Locale;
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
 * A builder of the JDK's HTTP client for one base URL. For a plain {@code http://} URL the client is
 * given a TLS context that refuses to be used ({@link #NO_TLS}) and empty TLS parameters, instead of
 * the JDK's defaults: the JDK makes its default context for the first client built in the JVM, TLS or
 * not, which sets up every TLS protocol, cipher suite and curve and reads and parses every certificate
 * of its trust store, a few tenths of a second of CPU in a run of seconds (server-stub/PERFORMANCE.md,
 * section 6); a plain URL never needs any of it (the kit follows no redirect). Any other URL gets
 * the JDK's defaults, as before.
 */
public final class ClientBuilders {

    /** The TLS context of a plain URL's client: every use of it throws, none is expected. */
    static final SSLContext NO_TLS = new SSLContext(new NoTls(), null, "none (plain http)") {};

    private ClientBuilders() {}

    /** A new builder for clients that send to the given base URL (and nowhere else). */
    public static HttpClient.Builder forBaseUrl(URI baseUrl) {
        HttpClient.Builder builder = HttpClient.newBuilder();
        if ("http".equals(String.valueOf(baseUrl.getScheme()).toLowerCase(Locale.ROOT))) {
            // Parameters given, so that the client does not ask the context for its defaults.
            builder.sslContext(NO_TLS).sslParameters(new SSLParameters());
        }
        return builder;
    }

    /** A TLS context that cannot make a connection: for clients that send to plain URLs only. */
    private static final class NoTls extends SSLContextSpi {

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) {
            // Nothing to set up: the context makes no connection.
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }

        private static UnsupportedOperationException refused() {
            return new UnsupportedOperationException("a client for a plain http:// URL makes no TLS connection");
        }
    }
}
