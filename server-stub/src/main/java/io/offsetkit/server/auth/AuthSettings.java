package io.offsetkit.server.auth;

import io.offsetkit.server.error.SettingException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Authentication settings ({@code offsetkit.auth.*}). A bad value fails with a {@link
 * SettingException} naming the key and the value (never a secret).
 *
 * <p>Besides the credentials that are accepted, the server can hold credentials that are refused as
 * the service refuses them, so that a client's handling of each 401 and 403 can be tested: expired
 * tokens (401 {@code DMS.10240102}), tokens of another project (401 {@code DMS.10240104}), and
 * read-only tokens and AK/SK pairs, which authenticate and read but may not reset (403 {@code
 * DMS.00403007}). A token or an AK is in one list only.
 *
 * @param mode {@code none} (default), {@code token} or {@code aksk}
 * @param tokens the accepted {@code X-Auth-Token} values (mode {@code token})
 * @param aksk the accepted key pairs (mode {@code aksk}), each {@code AK:SK}
 * @param clockSkew how far {@code X-Sdk-Date} may be from the server's clock, either way; default 15
 *     minutes
 * @param expiredTokens tokens refused as expired (modes {@code token} and {@code aksk})
 * @param otherProjectTokens tokens refused as another project's (modes {@code token} and {@code aksk})
 * @param readOnlyTokens tokens that may read but not reset (mode {@code token})
 * @param readOnlyAksk key pairs, each {@code AK:SK}, that may read but not reset (mode {@code aksk})
 */
public record AuthSettings(
        AuthMode mode,
        List<String> tokens,
        List<String> aksk,
        Duration clockSkew,
        List<String> expiredTokens,
        List<String> otherProjectTokens,
        List<String> readOnlyTokens,
        List<String> readOnlyAksk) {

    /** Default of {@code offsetkit.auth.clock-skew}. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(15);

    public AuthSettings {
        mode = mode == null ? AuthMode.NONE : mode;
        tokens = entries(tokens);
        aksk = entries(aksk);
        expiredTokens = entries(expiredTokens);
        otherProjectTokens = entries(otherProjectTokens);
        readOnlyTokens = entries(readOnlyTokens);
        readOnlyAksk = entries(readOnlyAksk);
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
        Map<String, String> valid = secretKeys("offsetkit.auth.aksk", aksk);
        Map<String, String> readOnly = secretKeys("offsetkit.auth.read-only-aksk", readOnlyAksk);
        for (String accessKey : readOnly.keySet()) {
            if (valid.containsKey(accessKey)) {
                throw new SettingException(
                        "offsetkit.auth.read-only-aksk",
                        "(hidden)",
                        "an access key is also in offsetkit.auth.aksk; an AK is either read-only or not");
            }
        }
        disjoint(Map.of(
                "offsetkit.auth.tokens", tokens,
                "offsetkit.auth.expired-tokens", expiredTokens,
                "offsetkit.auth.other-project-tokens", otherProjectTokens,
                "offsetkit.auth.read-only-tokens", readOnlyTokens));
    }

    /** The settings of a mode with its accepted credentials only: none refused. */
    public AuthSettings(AuthMode mode, List<String> tokens, List<String> aksk, Duration clockSkew) {
        this(mode, tokens, aksk, clockSkew, List.of(), List.of(), List.of(), List.of());
    }

    /** The secret key of each access key, the read-only ones included. */
    public Map<String, String> secretKeys() {
        Map<String, String> keys = new LinkedHashMap<>(secretKeys("offsetkit.auth.aksk", aksk));
        keys.putAll(secretKeys("offsetkit.auth.read-only-aksk", readOnlyAksk));
        return Map.copyOf(keys);
    }

    /** The access keys of {@link #readOnlyAksk()}. */
    public Set<String> readOnlyAccessKeys() {
        return Set.copyOf(
                secretKeys("offsetkit.auth.read-only-aksk", readOnlyAksk).keySet());
    }

    private static List<String> entries(List<String> given) {
        return given == null
                ? List.of()
                : given.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    /** A token in two lists would mean two things: refused, naming the second list (never the token). */
    private static void disjoint(Map<String, List<String>> lists) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String key : List.of(
                "offsetkit.auth.tokens",
                "offsetkit.auth.expired-tokens",
                "offsetkit.auth.other-project-tokens",
                "offsetkit.auth.read-only-tokens")) {
            for (String token : new HashSet<>(lists.get(key))) {
                String first = seen.putIfAbsent(token, key);
                if (first != null) {
                    throw new SettingException(
                            key, "(hidden)", "a token is also in " + first + "; a token is in one list only");
                }
            }
        }
    }

    private static Map<String, String> secretKeys(String key, List<String> pairs) {
        Map<String, String> keys = new LinkedHashMap<>();
        int entry = 0;
        for (String pair : pairs) {
            entry++;
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                // The value is a secret: the message names the entry by its position only.
                throw new SettingException(
                        key, "(entry " + entry + ")", "each entry must be AK:SK; this one has no AK or no SK");
            }
            keys.put(pair.substring(0, colon), pair.substring(colon + 1));
        }
        return Map.copyOf(keys);
    }
}
