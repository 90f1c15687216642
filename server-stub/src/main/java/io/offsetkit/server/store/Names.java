package io.offsetkit.server.store;

import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Constraint;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Operation;
import java.util.regex.Pattern;

/**
 * The names the store accepts, the contract's own, taken from the constraints generated from it (so
 * a name the API can send is a name the store holds): project and instance ids 1 to 64 of {@code
 * [A-Za-z0-9_-]}; topics and groups RocketMQ's rule {@code ^[%|a-zA-Z0-9_-]+$}, at most 127 and 120
 * characters. Broker names, which the contract only answers, are the store's own rule: 1 to 64 of
 * {@code [A-Za-z0-9_.-]}. Each check throws {@link IllegalArgumentException} with a message that names
 * the field and the rule.
 */
public final class Names {

    private static final Constraint PROJECT_ID = Operation.SHOW_TOPIC_STATUS.pathParameter("project_id");
    private static final Constraint INSTANCE_ID = Operation.SHOW_TOPIC_STATUS.pathParameter("instance_id");
    private static final Constraint TOPIC = Operation.SHOW_TOPIC_STATUS.pathParameter("topic");
    private static final Constraint GROUP = Operation.RESET_CONSUME_OFFSET.pathParameter("group");

    public static final int MAX_ID = Math.max(PROJECT_ID.maxLength(), INSTANCE_ID.maxLength());
    public static final int MAX_TOPIC = TOPIC.maxLength();
    public static final int MAX_GROUP = GROUP.maxLength();
    public static final int MAX_BROKER = 64;

    private static final Pattern BROKER = Pattern.compile("[A-Za-z0-9_.-]+");

    private Names() {}

    public static String projectId(String value) {
        return check(PROJECT_ID, value);
    }

    public static String instanceId(String value) {
        return check(INSTANCE_ID, value);
    }

    public static String topic(String value) {
        return check(TOPIC, value);
    }

    public static String group(String value) {
        return check(GROUP, value);
    }

    public static String broker(String value) {
        return check("broker", value, BROKER, MAX_BROKER, "[A-Za-z0-9_.-]");
    }

    private static String check(Constraint constraint, String value) {
        // The contract's pattern is one character class repeated (^[...]+$): the class is the rule.
        String rule = constraint.pattern().pattern().replaceFirst("^\\^", "").replaceFirst("\\+\\$$", "");
        return check(constraint.name(), value, constraint.pattern(), constraint.maxLength(), rule);
    }

    /**
     * Checks a text field of the store against a length and a character rule (the names here, and the
     * consumers' fields in {@link Consumers}).
     *
     * @param rule the allowed characters, in words, for the message
     * @throws IllegalArgumentException naming the field, showing the value and saying the rule
     */
    static String check(String field, String value, Pattern allowed, int max, String rule) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " is missing or empty; it is 1 to " + max + " of " + rule);
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(
                    field + " has " + value.length() + " characters; at most " + max + " are allowed");
        }
        if (!allowed.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " " + shown(value) + " has a character outside " + rule);
        }
        return value;
    }

    /** A value for a message: quoted, control and non-ASCII characters escaped, at most 64 shown. */
    static String shown(String value) {
        if (value == null) {
            return "(missing)";
        }
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < value.length() && i < 64; i++) {
            char c = value.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return out.append(value.length() > 64 ? "...'" : "'").toString();
    }
}
