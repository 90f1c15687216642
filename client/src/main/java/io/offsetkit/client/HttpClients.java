package io.offsetkit.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The JDK {@link HttpClient} of one endpoint: HTTP/1.1 always (on plain http the JDK's default
 * HTTP/2 would first try an h2c upgrade, which adds headers and a round trip; one protocol also
 * keeps the {@code Host} that is signed the one that is sent), redirects never followed (a signed
 * request must not be replayed elsewhere).
 *
 * <p>TLS: an {@code https} endpoint gets the JDK's default TLS context, so its certificate is
 * verified against the JDK's trusted authorities as usual. A plain {@code http} endpoint gets {@link
 * #PLAIN_HTTP}, a TLS context that trusts no certificate at all: the JDK's client builds a TLS context
 * even for plain http, and the default one reads the JDK's trust store and initialises its security
 * providers, most of a short-lived program's first request (a command line's). A client for an http
 * endpoint never makes a TLS handshake (it sends every request to that endpoint and follows no
 * redirect), and if it ever did, the handshake would fail: nothing gets trusted by it.
 */
final class HttpClients {

    /** The TLS context of a client for a plain {@code http} endpoint, built once. */
    private static final class PlainHttp {
        static final SSLContext CONTEXT = trustingNothing();
    }

    private HttpClients() {}

    /** A builder of the client for {@code endpoint} (http or https, as the client's builder checked). */
    static HttpClient.Builder forEndpoint(URI endpoint, Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout);
        if ("http".equalsIgnoreCase(endpoint.getScheme())) {
            builder.sslContext(PlainHttp.CONTEXT);
        }
        return builder;
    }

    private static SSLContext trustingNothing() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            // No key managers and a trust manager that refuses every certificate: nothing read from
            // the JDK's key and trust stores (a null trust manager array would load the default trust store).
            context.init(new KeyManager[0], new TrustManager[] {new TrustingNothing()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS context", e);
        }
    }

    /** Refuses every certificate, a server's or a client's. */
    private static final class TrustingNothing implements X509TrustManager {

        private static final String WHY =
                "this client was built for a plain http endpoint and trusts no TLS certificate";

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException(WHY);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException(WHY);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
