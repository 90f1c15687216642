package io.offsetkit.client.auth;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An access key (AK) and secret key (SK); every request is signed with {@link AkSkSigner}.
 *
 * @param accessKey the AK, sent in the {@code Authorization} header; not blank
 * @param secretKey the SK, never sent, only used as the HMAC key; not blank
 */
public record AkSkCredentials(String accessKey, String secretKey) implements Credentials {

    public AkSkCredentials {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        if (accessKey.isBlank()) {
            throw new IllegalArgumentException("accessKey is blank");
        }
        if (secretKey.isBlank()) {
            throw new IllegalArgumentException("secretKey is blank");
        }
    }

    @Override
    public Map<String, String> authenticate(SignableRequest request, Instant now) {
        return AkSkSigner.sign(accessKey, secretKey, request, now);
    }

    /** Shows the AK (it is not a secret; it names the key) but never the SK. */
    @Override
    public String toString() {
        return "AkSkCredentials[accessKey=" + accessKey + ", secretKey=***]";
    }
}
