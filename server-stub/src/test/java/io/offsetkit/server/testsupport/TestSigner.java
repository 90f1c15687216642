package io.offsetkit.server.testsupport;

import io.offsetkit.signing.SdkSigner;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs a test request with the shared {@link SdkSigner}, the way the official SDK does: the given
 * headers plus {@code Host} and {@code X-Sdk-Date}.
 */
public final class TestSigner {

    private TestSigner() {}

    /**
     * @param host the {@code Host} header the request is sent with, {@code address:port}
     * @param headers headers to sign besides host and x-sdk-date (e.g. x-project-id)
     * @return the headers to send: the given ones, X-Sdk-Date and Authorization
     */
    public static Map<String, String> sign(
            String accessKey,
            String secretKey,
            String method,
            String host,
            String rawPath,
            Map<String, String> headers,
            byte[] body,
            Instant signedAt) {
        // The tests speak plain http to a port that is never 80, so the URI gives back that same Host.
        URI uri = URI.create("http://" + host + rawPath);
        Map<String, String> toSend = new LinkedHashMap<>(headers);
        toSend.putAll(new SdkSigner(accessKey, secretKey).sign(method, uri, headers, body, signedAt));
        return toSend;
    }
}
