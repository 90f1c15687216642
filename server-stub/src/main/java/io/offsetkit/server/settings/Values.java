package io.offsetkit.server.settings;

import io.offsetkit.server.error.SettingException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of a setting as the type it has, each failure a {@link SettingException} naming the
 * key and the value.
 */
final class Values {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d{1,18})(ns|us|ms|s|m|h|d)?");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,18})\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);

    private Values() {}

    /** An integer in {@code [min, max]}. */
    static int integer(String key, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new SettingException(key, text, "it must be an integer from " + min + " to " + max);
    }

    /**
     * A duration, zero or more: a number with a unit ({@code 500ms}, {@code 90s}, {@code 15m},
     * {@code 2h}, {@code 1d}; without one, milliseconds) or ISO-8601 ({@code PT1H}). Every duration
     * setting is a timeout or a tolerance, so a negative one is refused.
     */
    static Duration duration(String key, String text) {
        String value = text.strip();
        Matcher simple = SIMPLE_DURATION.matcher(value);
        Duration duration;
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            String unit = simple.group(2) == null ? "ms" : simple.group(2);
            try {
                duration = switch (unit) {
                    case "ns" -> Duration.ofNanos(amount);
                    case "us" -> Duration.ofNanos(Math.multiplyExact(amount, 1000L));
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            } catch (ArithmeticException e) {
                throw new SettingException(key, text, "it is too large a duration");
            }
        } else {
            try {
                duration = Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new SettingException(
                        key, text, "it must be a duration such as 500ms, 90s, 15m, 2h, 1d or PT1H (ISO-8601)");
            }
        }
        if (duration.isNegative()) {
            throw new SettingException(key, text, "it must not be negative");
        }
        return duration;
    }

    /** A size in bytes: a number with {@code B}, {@code KB}, {@code MB} or {@code GB} (1024-based), or bytes. */
    static long size(String key, String text) {
        Matcher matcher = SIZE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new SettingException(key, text, "it must be a size such as 65536, 512B, 64KB or 1MB");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "B" : matcher.group(2).toUpperCase(Locale.ROOT);
        int shift = switch (unit) {
            case "KB" -> 10;
            case "MB" -> 20;
            case "GB" -> 30;
            default -> 0;
        };
        if (amount > (Long.MAX_VALUE >> shift)) {
            throw new SettingException(key, text, "it is too large");
        }
        return amount << shift;
    }

    /** One of an enum's constants, by name in any case. */
    static <E extends Enum<E>> E oneOf(String key, String text, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.strip())) {
                return constant;
            }
        }
        throw new SettingException(key, text, "it must be one of " + names(type));
    }

    /** {@code true} or {@code false}, in any case. */
    static boolean bool(String key, String text) {
        String value = text.strip();
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new SettingException(key, text, "it must be true or false");
    }

    /** A comma-separated list, each entry trimmed, empty entries dropped. */
    static List<String> list(String text) {
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .toList();
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        return String.join(
                ", ",
                Arrays.stream(type.getEnumConstants())
                        .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                        .toList());
    }
}
