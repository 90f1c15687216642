package io.offsetkit.client;

import java.security.Provider;
import java.security.SecureRandom;
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
 * The TLS context of a JDK {@link java.net.http.HttpClient} that sends to a plain http endpoint only:
 * the JDK's client takes a TLS context even for plain http, and its default one initialises the JDK's
 * TLS provider and reads its trust store, most of a short-lived program's first request (the operator's
 * command line's, the conformance kit's). This one offers no protocol and no cipher suite, and every attempt at a TLS connection (an engine, a socket, a session) fails with
 * {@link UnsupportedOperationException}, which the JDK's client reports as an {@code IOException}.
 */
public final class PlainHttpOnly extends SSLContext {

    /** What a TLS connection attempt says. */
    static final String WHY = "this client was built for a plain http endpoint: it makes no TLS connection";

    private static final SSLContext CONTEXT = new PlainHttpOnly();

    /** The one context: it holds no state, so every client of a plain http endpoint shares it. */
    public static SSLContext context() {
        return CONTEXT;
    }

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
