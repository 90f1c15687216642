package io.offsetkit.signing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The value of an {@code Authorization} header of the {@code SDK-HMAC-SHA256} scheme:
 * {@code SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b;c>, Signature=<hex>}.
 *
 * @param accessKey the AK
 * @param signedHeaders the lower-case names of the signed headers, in the order given
 * @param signature the hex signature
 */
public record SdkAuthorization(String accessKey, List<String> signedHeaders, String signature) {

    public SdkAuthorization {
        signedHeaders = List.copyOf(signedHeaders);
    }

    /** The header value. */
    public String toHeaderValue() {
        return SdkHmacSha256.ALGORITHM + " Access=" + accessKey + ", SignedHeaders=" + String.join(";", signedHeaders)
                + ", Signature=" + signature;
    }

    /**
     * Parses a header value.
     *
     * @throws IllegalArgumentException naming what is missing or malformed, when the value is not of
     *     this scheme
     */
    public static SdkAuthorization parse(String headerValue) {
        if (headerValue == null || !headerValue.startsWith(SdkHmacSha256.ALGORITHM + " ")) {
            throw new IllegalArgumentException("Authorization does not start with " + SdkHmacSha256.ALGORITHM);
        }
        String access = null;
        String signedHeaders = null;
        String signature = null;
        for (String part :
                headerValue.substring(SdkHmacSha256.ALGORITHM.length() + 1).split(",")) {
            String item = part.trim();
            int equals = item.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("Authorization has a malformed item: '" + item + "'");
            }
            String value = item.substring(equals + 1).trim();
            switch (item.substring(0, equals).trim()) {
                case "Access" -> access = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default ->
                    throw new IllegalArgumentException(
                            "Authorization has an unknown item: '" + item.substring(0, equals) + "'");
            }
        }
        if (access == null || access.isEmpty()) {
            throw new IllegalArgumentException("Authorization has no Access");
        }
        if (signedHeaders == null || signedHeaders.isEmpty()) {
            throw new IllegalArgumentException("Authorization has no SignedHeaders");
        }
        if (signature == null || !signature.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Authorization has no Signature of 64 lower-case hex digits");
        }
        List<String> names = Arrays.stream(signedHeaders.split(";"))
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .toList();
        return new SdkAuthorization(access, names, signature);
    }
}
