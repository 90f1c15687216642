package io.offsetkit.client.auth;

import java.util.List;

/**
 * The value of an {@code Authorization} header of the {@code SDK-HMAC-SHA256} scheme:
 * {@code SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b;c>, Signature=<hex>}. The same value as
 * {@link io.offsetkit.signing.SdkAuthorization}, which writes and parses it; kept here for code
 * written against the client.
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
        return new io.offsetkit.signing.SdkAuthorization(accessKey, signedHeaders, signature).toHeaderValue();
    }

    /**
     * Parses a header value.
     *
     * @throws IllegalArgumentException naming what is missing or malformed, when the value is not of
     *     this scheme
     */
    public static SdkAuthorization parse(String headerValue) {
        io.offsetkit.signing.SdkAuthorization parsed = io.offsetkit.signing.SdkAuthorization.parse(headerValue);
        return new SdkAuthorization(parsed.accessKey(), parsed.signedHeaders(), parsed.signature());
    }
}
