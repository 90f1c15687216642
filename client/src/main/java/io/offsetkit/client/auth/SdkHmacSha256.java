package io.offsetkit.client.auth;

import java.util.Map;
import java.util.SortedMap;

/**
 * The canonicalisation and signature of the {@code SDK-HMAC-SHA256} AK/SK scheme, as the official
 * Huawei Cloud SDKs sign requests: a view of {@link io.offsetkit.signing.SdkHmacSha256}, the one copy
 * of it, which the client's signer, the reference server's verifier and the conformance kit share.
 * Kept here, method for method, for code written against the client; the steps and their edge cases
 * are documented there.
 *
 * <p>All methods are pure functions; the class is thread-safe.
 */
public final class SdkHmacSha256 {

    /** The algorithm's name, the first word of the {@code Authorization} header. */
    public static final String ALGORITHM = io.offsetkit.signing.SdkHmacSha256.ALGORITHM;

    /** The header carrying the signing time. */
    public static final String DATE_HEADER = io.offsetkit.signing.SdkHmacSha256.DATE_HEADER;

    /** The header that, when present, replaces the computed payload hash. */
    public static final String CONTENT_SHA256_HEADER = io.offsetkit.signing.SdkHmacSha256.CONTENT_SHA256_HEADER;

    private SdkHmacSha256() {}

    /**
     * Whether a header is signed when the signer chooses: every header except {@code Content-Type}
     * and any whose name contains {@code _}.
     */
    public static boolean isSignedByDefault(String headerName) {
        return io.offsetkit.signing.SdkHmacSha256.isSignedByDefault(headerName);
    }

    /** The canonical URI of a raw (as sent, percent-encoded) request path; {@code "/"} for an empty path. */
    public static String canonicalUri(String rawPath) {
        return io.offsetkit.signing.SdkHmacSha256.canonicalUri(rawPath);
    }

    /** The canonical query of a raw query string (without {@code ?}); empty for null or empty. */
    public static String canonicalQuery(String rawQuery) {
        return io.offsetkit.signing.SdkHmacSha256.canonicalQuery(rawQuery);
    }

    /**
     * The signed headers in canonical form: names lower-cased and sorted, values trimmed.
     *
     * @param headers the headers to sign, by name (any case) to the value as sent
     */
    public static SortedMap<String, String> canonicalHeaders(Map<String, String> headers) {
        return io.offsetkit.signing.SdkHmacSha256.canonicalHeaders(headers);
    }

    /** The {@code SignedHeaders} value: the canonical header names joined with {@code ;}. */
    public static String signedHeaderNames(SortedMap<String, String> canonicalHeaders) {
        return io.offsetkit.signing.SdkHmacSha256.signedHeaderNames(canonicalHeaders);
    }

    /** Lower-case hex SHA-256 of a body (an empty body hashes the empty string). */
    public static String payloadHash(byte[] body) {
        return io.offsetkit.signing.SdkHmacSha256.payloadHash(body);
    }

    /**
     * The canonical request.
     *
     * @param method the HTTP method, upper case
     * @param rawPath the path as sent
     * @param rawQuery the query as sent, without {@code ?}; null when none
     * @param canonicalHeaders from {@link #canonicalHeaders}
     * @param payloadHash from {@link #payloadHash}, or the value of {@value #CONTENT_SHA256_HEADER}
     */
    public static String canonicalRequest(
            String method,
            String rawPath,
            String rawQuery,
            SortedMap<String, String> canonicalHeaders,
            String payloadHash) {
        return io.offsetkit.signing.SdkHmacSha256.canonicalRequest(
                method, rawPath, rawQuery, canonicalHeaders, payloadHash);
    }

    /** The string to sign for a canonical request signed at {@code sdkDate} ({@code yyyyMMdd'T'HHmmss'Z'}). */
    public static String stringToSign(String sdkDate, String canonicalRequest) {
        return io.offsetkit.signing.SdkHmacSha256.stringToSign(sdkDate, canonicalRequest);
    }

    /** The hex HMAC-SHA256 signature of a string to sign, keyed with the secret key. */
    public static String signature(String secretKey, String stringToSign) {
        return io.offsetkit.signing.SdkHmacSha256.signature(secretKey, stringToSign);
    }

    /** Compares two signatures in time independent of where they differ. */
    public static boolean signaturesMatch(String expected, String actual) {
        return io.offsetkit.signing.SdkHmacSha256.signaturesMatch(expected, actual);
    }

    /**
     * Percent-encodes one path segment, query key or query value as the official SDKs do:
     * {@code URLEncoder} (UTF-8), then {@code +} to {@code %20}, {@code *} to {@code %2A} and
     * {@code %7E} back to {@code ~}.
     */
    public static String encode(String text) {
        return io.offsetkit.signing.SdkHmacSha256.encode(text);
    }
}
