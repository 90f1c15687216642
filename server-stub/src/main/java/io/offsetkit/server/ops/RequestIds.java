package io.offsetkit.server.ops;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gives every request an id, sent back in {@code X-Request-Id}: 32 lower-case hexadecimal digits, a
 * random half drawn once per server and a counter, so ids never repeat within a server, differ
 * between servers, and cost no random draw per request.
 */
public final class RequestIds {

    /** The response header every answer carries. */
    public static final String HEADER = "X-Request-Id";

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    public RequestIds() {
        // Not a secret, only different between servers: no SecureRandom, whose seeding and provider
        // classes would be the largest part of a first start's cost here.
        this.prefix = hex(ThreadLocalRandom.current().nextLong());
    }

    /** A new id. */
    public String next() {
        return prefix + hex(counter.incrementAndGet());
    }

    private static String hex(long value) {
        String digits = Long.toHexString(value);
        return "0".repeat(16 - digits.length()) + digits;
    }
}
