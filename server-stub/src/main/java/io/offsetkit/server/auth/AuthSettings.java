package io.offsetkit.server.auth;

import io.offsetkit.server.settings.SettingException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Authentication settings ({@code offsetkit.auth.*}). A bad value fails with a {@link
 * SettingException} naming the key and the value (never a secret).
 *
 * @param mode {@code none} (default), {@code token} or {@code aksk}
 * @param tokens the accepted {@code X-Auth-Token} values (mode {@code token})
 * @param aksk the accepted key pairs (mode {@code aksk}), each {@code AK:SK}
 * @param clockSkew how far {@code X-Sdk-Date} may be from the server's clock, either way; default 15
 *     minutes
 */
public record AuthSettings(AuthMode mode, List<String> tokens, List<String> aksk, Duration clockSkew) {

    /** Default of {@code offsetkit.auth.clock-skew}. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(15);

    public AuthSettings {
        mode = mode == null ? AuthMode.NONE : mode;
        tokens = tokens == null
                ? List.of()
                : tokens.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        aksk = aksk == null
                ? List.of()
                : aksk.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
        if (clockSkew.isNegative()) {
            throw new SettingException("offsetkit.auth.clock-skew", clockSkew.toString(), "it must not be negative");
        }
        if (mode == AuthMode.TOKEN && tokens.isEmpty()) {
            throw new SettingException(
                    "offsetkit.auth.tokens", "", "offsetkit.auth.mode=token needs at least one token here");
        }
        if (mode == AuthMode.AKSK && aksk.isEmpty()) {
            throw new SettingException(
                    "offsetkit.auth.aksk", "", "offsetkit.auth.mode=aksk needs at least one AK:SK pair here");
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
                // The value is a secret: the message names the entry by its position only.
                throw new SettingException(
                        "offsetkit.auth.aksk",
                        "(entry " + (keys.size() + 1) + ")",
                        "each entry must be AK:SK; this one has no AK or no SK");
            }
            keys.put(pair.substring(0, colon), pair.substring(colon + 1));
        }
        return Map.copyOf(keys);
    }
}
