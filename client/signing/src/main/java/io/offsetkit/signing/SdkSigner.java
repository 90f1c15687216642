package io.offsetkit.signing;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * An AK/SK pair that signs requests with {@code SDK-HMAC-SHA256}, over the canonicalisation of
 * {@link SdkHmacSha256}: the path and query exactly as sent, the headers it is given plus {@code Host}
 * and {@value SdkHmacSha256#DATE_HEADER}, and the SHA-256 of the body bytes.
 *
 * <p>Which headers are signed is the caller's choice, because the official SDKs differ: the Java SDK
 * (and the offsetkit client) sign those that {@link SdkHmacSha256#isSignedByDefault} keeps, leaving
 * {@code Content-Type} out; the Node.js SDK signs every header, {@code Content-Type} included. A
 * verifier that follows the request's {@code SignedHeaders} accepts both.
 *
 * <p>Immutable and thread-safe; {@link #toString} never shows the secret key.
 */
public final class SdkSigner {

    /** The header that carries the signature. */
    public static final String AUTHORIZATION_HEADER = "Authorization";

    /** The header every signature covers besides {@value SdkHmacSha256#DATE_HEADER}. */
    public static final String HOST_HEADER = "Host";

    private final String accessKey;
    private final String secretKey;

    /**
     * @param accessKey the AK, sent in the {@code Authorization} header
     * @param secretKey the SK, never sent: the HMAC key
     */
    public SdkSigner(String accessKey, String secretKey) {
        this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
        this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
    }

    /**
     * Signs a request.
     *
     * @param method the HTTP method, upper case
     * @param uri the full URI, its path and query percent-encoded exactly as they will be sent; its
     *     authority gives the signed {@code Host} ({@link #hostHeader})
     * @param headersToSign the headers to sign besides {@code Host} and {@value
     *     SdkHmacSha256#DATE_HEADER}, by name to the value as sent; a {@code Host} or {@value
     *     SdkHmacSha256#DATE_HEADER} among them is replaced
     * @param body the body bytes exactly as they will be sent; null or empty for none
     * @param signedAt the signing time, written to {@value SdkHmacSha256#DATE_HEADER}
     * @return the headers to add to the request, {@value SdkHmacSha256#DATE_HEADER} then {@value
     *     #AUTHORIZATION_HEADER}
     */
    public Map<String, String> sign(
            String method, URI uri, Map<String, String> headersToSign, byte[] body, Instant signedAt) {
        String sdkDate = SdkDate.format(signedAt);
        Map<String, String> signed = new LinkedHashMap<>(headersToSign);
        // Put last so that they win over a differently cased copy among the caller's headers.
        signed.put(HOST_HEADER, hostHeader(uri));
        signed.put(SdkHmacSha256.DATE_HEADER, sdkDate);
        SortedMap<String, String> canonicalHeaders = SdkHmacSha256.canonicalHeaders(signed);
        String canonicalRequest = SdkHmacSha256.canonicalRequest(
                method, uri.getRawPath(), uri.getRawQuery(), canonicalHeaders, SdkHmacSha256.payloadHash(body));
        SdkAuthorization authorization = new SdkAuthorization(
                accessKey,
                canonicalHeaders.keySet().stream().toList(),
                SdkHmacSha256.requestSignature(secretKey, sdkDate, canonicalRequest));

        Map<String, String> added = new LinkedHashMap<>();
        added.put(SdkHmacSha256.DATE_HEADER, sdkDate);
        added.put(AUTHORIZATION_HEADER, authorization.toHeaderValue());
        return added;
    }

    /**
     * The {@code Host} header an HTTP client sends for a URI, as {@code java.net.http} writes it: the
     * host, followed by {@code :port} unless the port is absent or the scheme's default (80 for http,
     * 443 for https). IPv6 literals keep their brackets.
     */
    public static String hostHeader(URI uri) {
        String host = uri.getHost();
        int port = uri.getPort();
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        boolean defaultPort = port == -1 || port == (secure ? 443 : 80);
        return defaultPort ? host : host + ":" + port;
    }

    /** Shows the AK (it names the key, it is not a secret) but never the SK. */
    @Override
    public String toString() {
        return "SdkSigner[accessKey=" + accessKey + ", secretKey=***]";
    }
}
