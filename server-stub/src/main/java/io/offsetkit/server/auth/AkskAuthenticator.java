package io.offsetkit.server.auth;

import io.offsetkit.server.call.Call;
import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.error.ErrorText;
import io.offsetkit.signing.SdkAuthorization;
import io.offsetkit.signing.SdkDate;
import io.offsetkit.signing.SdkHmacSha256;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Verifies an {@code SDK-HMAC-SHA256} signature as the official SDKs make it, with the one shared
 * canonicalisation ({@link SdkHmacSha256}): the canonical URI from the path exactly as sent (not
 * decoded), the {@code Host} header as sent (port included), and the SHA-256 of the body bytes exactly
 * as received. The signature must cover {@code host} and {@code x-sdk-date}, and {@code X-Sdk-Date}
 * must be within the clock skew of the server's clock. A read-only pair ({@code
 * offsetkit.auth.read-only-aksk}) gives {@link Access#READ_ONLY}. Every failure is 401: a missing
 * {@code Authorization} gives {@code DMS.10240103}, anything else {@code DMS.10240101}, with a message
 * naming the header and the reason, and never the signature the server computed.
 */
final class AkskAuthenticator implements RequestAuthenticator {

    static final String AUTHORIZATION = "Authorization";

    private final Map<String, String> secretKeys;
    private final Set<String> readOnlyAccessKeys;
    private final Duration clockSkew;
    private final Clock clock;

    /**
     * @param secretKeys the SK of each AK, read-only ones included
     * @param readOnlyAccessKeys the AKs whose calls may only read ({@link Access#READ_ONLY})
     */
    AkskAuthenticator(Map<String, String> secretKeys, Set<String> readOnlyAccessKeys, Duration clockSkew, Clock clock) {
        this.secretKeys = Map.copyOf(secretKeys);
        this.readOnlyAccessKeys = Set.copyOf(readOnlyAccessKeys);
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    @Override
    public Access authenticate(Call call, byte[] body) {
        String header = call.header(AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw new DmsException(
                    DmsError.MISSING_TOKEN,
                    "The Authorization header is missing; this server requires requests signed with "
                            + SdkHmacSha256.ALGORITHM + " (offsetkit.auth.mode=aksk).");
        }
        SdkAuthorization authorization;
        try {
            authorization = SdkAuthorization.parse(header.trim());
        } catch (IllegalArgumentException e) {
            throw invalid("The Authorization header is malformed: " + ErrorText.shown(e.getMessage(), 200) + ".");
        }
        String secretKey = secretKeys.get(authorization.accessKey());
        if (secretKey == null) {
            throw invalid("The access key " + ErrorText.quote(authorization.accessKey())
                    + " in the Authorization header is not known to this server.");
        }
        for (String required : new String[] {"host", "x-sdk-date"}) {
            if (!authorization.signedHeaders().contains(required)) {
                throw invalid("SignedHeaders in the Authorization header must include " + required + "; it lists "
                        + ErrorText.quote(String.join(";", authorization.signedHeaders())) + ".");
            }
        }
        checkDate(call.header(SdkHmacSha256.DATE_HEADER));

        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : authorization.signedHeaders()) {
            String value = call.header(name);
            if (value == null) {
                throw invalid("SignedHeaders in the Authorization header names " + ErrorText.quote(name)
                        + " but the request has no such header.");
            }
            signed.put(name, value);
        }
        SortedMap<String, String> canonicalHeaders = SdkHmacSha256.canonicalHeaders(signed);
        String bodyHash = SdkHmacSha256.payloadHash(body);
        String declaredHash = call.header(SdkHmacSha256.CONTENT_SHA256_HEADER);
        if (declaredHash != null && !declaredHash.equals(bodyHash)) {
            throw invalid(SdkHmacSha256.CONTENT_SHA256_HEADER + " " + ErrorText.quote(declaredHash)
                    + " is not the SHA-256 of the body received; this server needs the body itself signed.");
        }
        String canonicalRequest;
        try {
            canonicalRequest = SdkHmacSha256.canonicalRequest(
                    call.method(), call.rawPath(), call.rawQuery(), canonicalHeaders, bodyHash);
        } catch (IllegalArgumentException e) {
            // The canonical query decodes each parameter: a '%' not followed by two hex digits cannot be.
            throw invalid("The query " + ErrorText.quote(call.rawQuery())
                    + " is not percent-encoded, so it cannot be signed; encode each key and value as the SDKs do.");
        }
        String expected =
                SdkHmacSha256.requestSignature(secretKey, call.header(SdkHmacSha256.DATE_HEADER), canonicalRequest);
        if (!SdkHmacSha256.signaturesMatch(expected, authorization.signature())) {
            throw invalid("The signature in the Authorization header does not match the request. The server signed "
                    + call.method() + " with canonical URI "
                    + ErrorText.quote(SdkHmacSha256.canonicalUri(call.rawPath()))
                    + ", canonical query " + ErrorText.quote(SdkHmacSha256.canonicalQuery(call.rawQuery()))
                    + ", signed headers " + ErrorText.quote(SdkHmacSha256.signedHeaderNames(canonicalHeaders))
                    + " and a body of " + body.length + " bytes with SHA-256 " + bodyHash
                    + ", with the SK of access key " + ErrorText.quote(authorization.accessKey())
                    + ". Check the SK, and that the path, the signed headers and the body are sent exactly as signed.");
        }
        return readOnlyAccessKeys.contains(authorization.accessKey()) ? Access.READ_ONLY : Access.FULL;
    }

    private void checkDate(String sdkDate) {
        if (sdkDate == null) {
            throw invalid(
                    "The X-Sdk-Date header is missing; it must carry the signing time, UTC, as yyyyMMdd'T'HHmmss'Z'.");
        }
        Instant signedAt;
        try {
            signedAt = SdkDate.parse(sdkDate);
        } catch (DateTimeParseException e) {
            throw invalid("The X-Sdk-Date header " + ErrorText.quote(sdkDate)
                    + " is not a UTC time written as yyyyMMdd'T'HHmmss'Z' (e.g. 20261125T055826Z).");
        }
        Instant now = clock.instant();
        Duration off = Duration.between(now, signedAt).abs();
        if (off.compareTo(clockSkew) > 0) {
            throw invalid("The X-Sdk-Date header " + ErrorText.quote(sdkDate) + " is " + off.toSeconds()
                    + " seconds " + (signedAt.isBefore(now) ? "behind" : "ahead of") + " the server's clock ("
                    + SdkDate.format(now) + "); at most " + clockSkew.toSeconds()
                    + " seconds are allowed (offsetkit.auth.clock-skew). Sign each request anew and check the clock.");
        }
    }

    private static DmsException invalid(String detail) {
        return new DmsException(DmsError.INVALID_TOKEN, detail);
    }
}
