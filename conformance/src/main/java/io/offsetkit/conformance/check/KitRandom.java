package io.offsetkit.conformance.check;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Every random choice of a run (the names and ids the kit makes up, the generated times and
 * values), drawn from one seed, so that the seed printed in a report replays the run's choices;
 * all but the tag of the topics and groups the kit creates through a fixture, which is {@link
 * Fresh} so that a replay against a target that keeps data does not create them again.
 *
 * <p>Each use draws from its own stream, named by its purpose ({@code "unknown-instance"}): a value
 * depends on the seed and the purpose only, never on which rules ran before it or in which order,
 * so a replay that selects fewer rules still sends the same values.
 *
 * <p>Secrets are not drawn from here: a seed is printed, a secret must not be derivable from it.
 */
public final class KitRandom {

    private static final SecureRandom SEEDS = new SecureRandom();

    private final long seed;

    public KitRandom(long seed) {
        this.seed = seed;
    }

    /** A new seed for a run that was not given one: non-negative, so it reads well in reports. */
    public static long newSeed() {
        return SEEDS.nextLong() & Long.MAX_VALUE;
    }

    /** The seed every choice comes from. */
    public long seed() {
        return seed;
    }

    /** The stream of one purpose: the same seed and purpose give the same values, every time. */
    public SplittableRandom stream(String purpose) {
        // FNV-1a over the purpose's bytes, folded into the seed: distinct purposes, distinct streams.
        long hash = 0xcbf29ce484222325L;
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return new SplittableRandom(seed ^ hash);
    }

    /** {@code bytes} random bytes of a purpose, as lower-case hex. */
    public String hex(String purpose, int bytes) {
        byte[] value = new byte[bytes];
        stream(purpose).nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    /** A random (version 4) UUID of a purpose. */
    public UUID uuid(String purpose) {
        SplittableRandom random = stream(purpose);
        long most = (random.nextLong() & ~0xf000L) | 0x4000L;
        long least = (random.nextLong() & ~(0xc000000000000000L)) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
