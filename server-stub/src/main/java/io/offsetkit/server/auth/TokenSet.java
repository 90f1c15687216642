package io.offsetkit.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** A set of tokens, each compared in constant time (a token is a secret: its length is all a timing shows). */
final class TokenSet {

    private final List<byte[]> tokens;

    TokenSet(List<String> tokens) {
        this.tokens =
                tokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** Whether {@code sent} is one of the tokens; every one is compared, whatever matches. */
    boolean contains(byte[] sent) {
        boolean known = false;
        for (byte[] candidate : tokens) {
            known |= MessageDigest.isEqual(candidate, sent);
        }
        return known;
    }
}
