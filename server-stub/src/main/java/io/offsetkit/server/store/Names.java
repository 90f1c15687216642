package io.offsetkit.server.store;

import java.util.regex.Pattern;

/**
 * The names the store accepts, the same as the contract's: project and instance ids 1 to 64 of
 * {@code [A-Za-z0-9_-]}; topics and groups RocketMQ's rule {@code ^[%|a-zA-Z0-9_-]+$}, at most 127
 * and 120 characters; broker names 1 to 64 of {@code [A-Za-z0-9_.-]}. Each check throws {@link
 * IllegalArgumentException} with a message that names the field and the rule.
 */
public final class Names {

    public static final int MAX_ID = 64;
    public static final int MAX_TOPIC = 127;
    public static final int MAX_GROUP = 120;
    public static final int MAX_BROKER = 64;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern ROCKETMQ = Pattern.compile("[%|a-zA-Z0-9_-]+");
    private static final Pattern BROKER = Pattern.compile("[A-Za-z0-9_.-]+");

    private Names() {}

    public static String projectId(String value) {
        return check("project_id", value, ID, MAX_ID, "[A-Za-z0-9_-]");
    }

    public static String instanceId(String value) {
        return check("instance_id", value, ID, MAX_ID, "[A-Za-z0-9_-]");
    }

    public static String topic(String value) {
        return check("topic", value, ROCKETMQ, MAX_TOPIC, "[%|a-zA-Z0-9_-]");
    }

    public static String group(String value) {
        return check("group", value, ROCKETMQ, MAX_GROUP, "[%|a-zA-Z0-9_-]");
    }

    public static String broker(String value) {
        return check("broker", value, BROKER, MAX_BROKER, "[A-Za-z0-9_.-]");
    }

    private static String check(String field, String value, Pattern allowed, int max, String rule) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " is missing or empty; it is 1 to " + max + " of " + rule);
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(
                    field + " has " + value.length() + " characters; at most " + max + " are allowed");
        }
        if (!allowed.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " '" + shown(value) + "' has a character outside " + rule);
        }
        return value;
    }

    private static String shown(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return out.toString();
    }
}
