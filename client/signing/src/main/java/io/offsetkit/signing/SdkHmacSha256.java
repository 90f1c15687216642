package io.offsetkit.signing;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The canonicalisation and signature of the {@code SDK-HMAC-SHA256} AK/SK scheme, as the official
 * Huawei Cloud SDKs sign requests. The one copy of it in offsetkit: the client and the conformance kit
 * sign with it (through {@link SdkSigner}) and the reference server verifies with it.
 *
 * <p>The steps:
 *
 * <ol>
 *   <li>canonical URI: the path as sent (already percent-encoded), split on {@code /}, each segment
 *       encoded again with {@link #encode}, each followed by {@code /}; so it always ends with
 *       {@code /};
 *   <li>canonical query: every parameter decoded, then key and value encoded with {@link #encode},
 *       sorted by key then value, joined as {@code k=v&k=v}; empty when there is no query;
 *   <li>canonical headers: {@code name:value\n} for each signed header, names lower-case and sorted,
 *       values trimmed;
 *   <li>payload hash: lower-case hex SHA-256 of the body;
 *   <li>canonical request: {@code METHOD\nURI\nQUERY\nHEADERS\nSIGNED-NAMES\nPAYLOAD-HASH};
 *   <li>string to sign: {@code SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hex SHA-256 of the canonical request>};
 *   <li>signature: hex HMAC-SHA256 of the string to sign, keyed with the SK's UTF-8 bytes.
 * </ol>
 *
 * All methods are pure functions; the class is thread-safe.
 */
public final class SdkHmacSha256 {

    /** The algorithm's name, the first word of the {@code Authorization} header. */
    public static final String ALGORITHM = "SDK-HMAC-SHA256";

    /** The header carrying the signing time. */
    public static final String DATE_HEADER = "X-Sdk-Date";

    /** The header that, when present, replaces the computed payload hash. */
    public static final String CONTENT_SHA256_HEADER = "X-Sdk-Content-Sha256";

    private SdkHmacSha256() {}

    /**
     * Whether a header is signed when the signer chooses: every header except {@code Content-Type}
     * and any whose name contains {@code _}.
     */
    public static boolean isSignedByDefault(String headerName) {
        return !headerName.equalsIgnoreCase("content-type") && !headerName.contains("_");
    }

    /** The canonical URI of a raw (as sent, percent-encoded) request path; {@code "/"} for an empty path. */
    public static String canonicalUri(String rawPath) {
        StringBuilder uri = new StringBuilder();
        for (String segment : (rawPath == null ? "" : rawPath).split("/")) {
            uri.append(encode(segment)).append('/');
        }
        return uri.isEmpty() ? "/" : uri.toString();
    }

    /** The canonical query of a raw query string (without {@code ?}); empty for null or empty. */
    public static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String key = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : parameter.substring(equals + 1);
            pairs.add(new String[] {encode(decode(key)), encode(decode(value))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder query = new StringBuilder();
        for (String[] pair : pairs) {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(pair[0]).append('=').append(pair[1]);
        }
        return query.toString();
    }

    /**
     * The signed headers in canonical form: names lower-cased and sorted, values trimmed.
     *
     * @param headers the headers to sign, by name (any case) to the value as sent
     */
    public static SortedMap<String, String> canonicalHeaders(Map<String, String> headers) {
        SortedMap<String, String> canonical = new TreeMap<>();
        headers.forEach((name, value) -> canonical.put(name.toLowerCase(Locale.ROOT), value.trim()));
        return canonical;
    }

    /** The {@code SignedHeaders} value: the canonical header names joined with {@code ;}. */
    public static String signedHeaderNames(SortedMap<String, String> canonicalHeaders) {
        return String.join(";", canonicalHeaders.keySet());
    }

    /** Lower-case hex SHA-256 of a body (an empty body hashes the empty string). */
    public static String payloadHash(byte[] body) {
        return sha256Hex(body == null ? new byte[0] : body);
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
        StringBuilder headerBlock = new StringBuilder();
        canonicalHeaders.forEach((name, value) ->
                headerBlock.append(name).append(':').append(value).append('\n'));
        return method
                + '\n'
                + canonicalUri(rawPath)
                + '\n'
                + canonicalQuery(rawQuery)
                + '\n'
                + headerBlock
                + '\n'
                + signedHeaderNames(canonicalHeaders)
                + '\n'
                + payloadHash;
    }

    /** The string to sign for a canonical request signed at {@code sdkDate} ({@code yyyyMMdd'T'HHmmss'Z'}). */
    public static String stringToSign(String sdkDate, String canonicalRequest) {
        return ALGORITHM + '\n' + sdkDate + '\n' + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The hex signature of a canonical request signed at {@code sdkDate}: {@link #signature} of its
     * {@link #stringToSign}. What a signer sends and what a verifier recomputes.
     *
     * @param sdkDate the value of {@value #DATE_HEADER}, {@code yyyyMMdd'T'HHmmss'Z'}
     * @param canonicalRequest from {@link #canonicalRequest}
     */
    public static String requestSignature(String secretKey, String sdkDate, String canonicalRequest) {
        return signature(secretKey, stringToSign(sdkDate, canonicalRequest));
    }

    /** The hex HMAC-SHA256 signature of a string to sign, keyed with the secret key. */
    public static String signature(String secretKey, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }

    /**
     * Compares two signatures in time independent of where they differ, so that a verifier does not
     * tell an attacker how much of a forged signature was right.
     */
    public static boolean signaturesMatch(String expected, String actual) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Percent-encodes one path segment, query key or query value as the official SDKs do:
     * {@link URLEncoder} (UTF-8), then {@code +} to {@code %20}, {@code *} to {@code %2A} and
     * {@code %7E} back to {@code ~}.
     */
    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
