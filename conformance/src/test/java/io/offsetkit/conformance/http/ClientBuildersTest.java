package io.offsetkit.conformance.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** A plain URL's client does without the JDK's default TLS context; any other URL's keeps it. */
class ClientBuildersTest {

    @Test
    void aPlainHttpUrlsClientHasATlsContextOfItsOwnNotTheDefault() throws Exception {
        // GIVEN a plain base URL, as the launched reference server's
        // WHEN a client is built for it
        HttpClient client =
                ClientBuilders.forBaseUrl(URI.create("http://127.0.0.1:8080")).build();

        // THEN its TLS context is not the JDK's default one (whose making reads the trust store)
        assertThat(client.sslContext()).isNotSameAs(SSLContext.getDefault());
        assertThat(ClientBuilders.forBaseUrl(URI.create("HTTP://localhost"))
                        .build()
                        .sslContext())
                .isSameAs(client.sslContext());
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
