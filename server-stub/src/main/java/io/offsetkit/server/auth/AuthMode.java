package io.offsetkit.server.auth;

/** How API calls are authenticated ({@code offsetkit.auth.mode}). */
public enum AuthMode {
    /** No authentication: the local emulator's default. */
    NONE,
    /** A static token in {@code X-Auth-Token}, one of {@code offsetkit.auth.tokens}. */
    TOKEN,
    /** An {@code SDK-HMAC-SHA256} signature with one of the AK/SK pairs of {@code offsetkit.auth.aksk}. */
    AKSK
}
