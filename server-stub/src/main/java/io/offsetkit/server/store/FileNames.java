package io.offsetkit.server.store;

import java.nio.charset.StandardCharsets;

/**
 * Turns a name (instance, broker, topic, group) into a file name that means the same on every file
 * system: lower-case ASCII letters, digits, {@code _} and {@code -} stay as they are; every other byte
 * of the UTF-8 form, upper-case letters included, becomes {@code %XX}. So two names that differ only
 * in case never share a file on a case-insensitive file system, and {@code %} or {@code |} (allowed
 * in RocketMQ names) never reach the file system.
 */
final class FileNames {

    private FileNames() {}

    static String encode(String name) {
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
        return out.toString();
    }
}
