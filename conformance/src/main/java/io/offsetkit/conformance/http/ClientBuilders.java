package io.offsetkit.conformance.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.util.Locale;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * A builder of the JDK's HTTP client for one base URL. For a plain {@code http://} URL the client is
 * given a TLS context of its own that trusts nothing, instead of the JDK's default one: the default is
 * made by the first client built in the JVM, TLS or not, and reads and parses every certificate of the
 * JDK's trust store, a tenth of a second of CPU in a run of seconds (server-stub/PERFORMANCE.md,
 * section 6); a plain URL never uses it (the kit follows no redirect). Any other URL gets the JDK's
 * default, as before.
 */
public final class ClientBuilders {

    private ClientBuilders() {}

    /** A new builder for clients that send to the given base URL (and nowhere else). */
    public static HttpClient.Builder forBaseUrl(URI baseUrl) {
        HttpClient.Builder builder = HttpClient.newBuilder();
        if ("http".equals(String.valueOf(baseUrl.getScheme()).toLowerCase(Locale.ROOT))) {
            builder.sslContext(TrustsNothing.CONTEXT);
        }
        return builder;
    }

    /** The TLS context of plain URLs: no key, no trusted certificate; made once, when first needed. */
    private static final class TrustsNothing {
        static final SSLContext CONTEXT = create();

        private static SSLContext create() {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                // Empty arrays, not null: null would load the JDK's defaults, which is what this avoids.
                context.init(new KeyManager[0], new TrustManager[0], null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK has no TLS context", e);
            }
        }
    }
}
