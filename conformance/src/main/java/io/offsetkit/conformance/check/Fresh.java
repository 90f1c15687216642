package io.offsetkit.conformance.check;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random hex for names and keys that must not exist yet on the target (never blocks for entropy). */
public final class Fresh {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Fresh() {}

    /** {@code bytes} random bytes as lower-case hex. */
    public static String hex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
