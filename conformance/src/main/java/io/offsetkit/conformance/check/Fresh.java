package io.offsetkit.conformance.check;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Unpredictable hex, for secrets (the key pair of a launched server), process-local names (a
 * RocketMQ client's instance name) and the tag of the topics and groups the kit creates through a
 * fixture (a replay must not create them again on a target that keeps data). Everything else the
 * rules send comes from the run's seed ({@link KitRandom}) so that a seed replays it. Never blocks
 * for entropy.
 */
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
