package io.offsetkit.server.emulator;

/**
 * How the emulator authenticates calls of the operation, as the server's {@code offsetkit.auth.mode}
 * does. Whatever the mode, the emulator has one AK/SK pair and one token ({@link
 * OffsetkitEmulator#accessKey()}, {@link OffsetkitEmulator#secretKey()}, {@link
 * OffsetkitEmulator#token()}) to hand to the client under test.
 */
public enum EmulatorAuth {
    /** No check: any request is accepted, signed or not. */
    NONE,
    /** {@code X-Auth-Token} must be the emulator's token. */
    TOKEN,
    /** The request must be signed ({@code SDK-HMAC-SHA256}) with the emulator's AK/SK pair, as the official SDKs sign. */
    AKSK
}
