package io.offsetkit.server.store;

import io.offsetkit.server.store.log.Storage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns a name (instance, broker, topic, group) into a file name that means the same on every file
 * system: lower-case ASCII letters, digits, {@code _} and {@code -} stay as they are; every other byte
 * of the UTF-8 form, upper-case letters included, becomes {@code %XX}. So two names that differ only
 * in case never share a file on a case-insensitive file system, and {@code %} or {@code |} (allowed
 * in RocketMQ names) never reach the file system. The encoding is ASCII: a character is a byte.
 *
 * <p>A file name must also fit the file systems' limit of {@value #MAX_BYTES} bytes, which a name at
 * the contract's longest (127 characters for a topic) exceeds once its upper-case letters take three
 * bytes each. An encoding is kept whole when it fits with what follows it: nothing for a directory
 * ({@link #directory}), {@value #LONGEST_SUFFIX} for a log file ({@link #logFile}: {@code .log}, and
 * {@code .tmp} while it is written atomically). Up to these limits names were stored whole before
 * long names were hashed, so a data directory written then opens with all its files. A longer encoding is cut to its first {@value
 * #KEPT} characters (never inside a {@code %XX}) and followed by {@code ~} and the first 128 bits of
 * the name's SHA-256 in hexadecimal: still one file per name, still readable at a glance, at most 147
 * characters, which fits with any suffix. An encoding kept whole never contains {@code ~}, so the two
 * forms cannot meet.
 */
final class FileNames {

    /** The longest file name the file systems take, in bytes. */
    static final int MAX_BYTES = 255;

    /** The longest suffix a log file's name gets after the encoded name: its own, then an atomic write's. */
    static final String LONGEST_SUFFIX = ".log" + Storage.TEMP_SUFFIX;

    /** How much of a longer encoding is kept before its hash. */
    static final int KEPT = 114;

    private FileNames() {}

    /** The name of a directory for {@code name}: its encoding, whole when it fits {@value #MAX_BYTES} bytes. */
    static String directory(String name) {
        return encode(name, MAX_BYTES);
    }

    /**
     * The name of the log file for {@code name}, ending in {@code .log}: its encoding is kept whole when
     * it fits {@value #MAX_BYTES} bytes with {@value #LONGEST_SUFFIX} after it.
     */
    static String logFile(String name) {
        return encode(name, MAX_BYTES - LONGEST_SUFFIX.length()) + ".log";
    }

    private static String encode(String name, int maxWhole) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        if (out.length() <= maxWhole) {
            return out.toString();
        }
        int cut = KEPT;
        while (cut > 0 && (out.charAt(cut - 1) == '%' || (cut > 1 && out.charAt(cut - 2) == '%'))) {
            cut--; // not inside a %XX
        }
        return out.substring(0, cut) + "~" + HexFormat.of().formatHex(sha256(name), 0, 16);
    }

    private static byte[] sha256(String name) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
