package io.offsetkit.server.auth;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Authentication settings ({@code offsetkit.auth.*}). A bad value fails the start with a message
 * naming the key.
 *
 * @param mode {@code none} (default), {@code token} or {@code aksk}
 * @param tokens the accepted {@code X-Auth-Token} values (mode {@code token}), comma-separated
 * @param aksk the accepted key pairs (mode {@code aksk}), each {@code AK:SK}, comma-separated
 * @param clockSkew how far {@code X-Sdk-Date} may be from the server's clock, either way; default 15
 *     minutes
 */
@ConfigurationProperties("offsetkit.auth")
public record AuthProperties(AuthMode mode, List<String> tokens, List<String> aksk, Duration clockSkew) {

    /** Default of {@code offsetkit.auth.clock-skew}. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(15);

    public AuthProperties {
        mode = mode == null ? AuthMode.NONE : mode;
        tokens = tokens == null
                ? List.of()
                : tokens.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        aksk = aksk == null
                ? List.of()
                : aksk.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("offsetkit.auth.clock-skew must not be negative, was " + clockSkew);
        }
        if (mode == AuthMode.TOKEN && tokens.isEmpty()) {
            throw new IllegalArgumentException(
                    "offsetkit.auth.mode=token needs at least one token in offsetkit.auth.tokens");
        }
        if (mode == AuthMode.AKSK && aksk.isEmpty()) {
            throw new IllegalArgumentException(
                    "offsetkit.auth.mode=aksk needs at least one AK:SK pair in offsetkit.auth.aksk");
        }
        secretKeys(aksk);
    }

    /** The secret key of each access key. */
    public Map<String, String> secretKeys() {
        return secretKeys(aksk);
    }

    private static Map<String, String> secretKeys(List<String> pairs) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String pair : pairs) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new IllegalArgumentException(
                        "offsetkit.auth.aksk entries must be AK:SK; one entry has no AK or no SK (entry "
                                + (keys.size() + 1) + ")");
            }
            keys.put(pair.substring(0, colon), pair.substring(colon + 1));
        }
        return Map.copyOf(keys);
    }
}
