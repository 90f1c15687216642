package io.offsetkit.server.ops;

import java.security.SecureRandom;
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
        this.prefix = hex(new SecureRandom().nextLong());
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
