package io.offsetkit.server.store;

import io.offsetkit.server.backend.ConsumerConnection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a group's declared consumers follow, checked by the store before a declaration is written:
 * a {@code client_id} and a {@code client_addr} of 1 to {@value #MAX_CLIENT_TEXT} visible ASCII
 * characters (no space), the client id unique in the group; a {@code language} of 1 to {@value
 * #MAX_TAG} of {@code [A-Za-z0-9_]}; a {@code version} of 1 to {@value #MAX_TAG} of {@code
 * [A-Za-z0-9_.-]}; at most {@value #MAX_SUBSCRIPTIONS} subscriptions, each a {@code topic} under the
 * contract's topic rule, a {@code type} {@code TAG} or {@code SQL92} and an {@code expression} of 1 to
 * {@value #MAX_EXPRESSION} characters with no control character; at most {@value
 * #MAX_CONSUMERS_PER_GROUP} consumers in a group. Each check throws {@link IllegalArgumentException}
 * whose message names the field where it is ({@code consumers[1].subscriptions[0].type}).
 */
public final class Consumers {

    public static final int MAX_CLIENT_TEXT = 255;
    public static final int MAX_TAG = 32;
    public static final int MAX_EXPRESSION = 1024;
    public static final int MAX_SUBSCRIPTIONS = 32;
    public static final int MAX_CONSUMERS_PER_GROUP = 100;

    /** The filter expression types RocketMQ knows. */
    public static final List<String> TYPES = List.of("TAG", "SQL92");

    private static final Pattern VISIBLE = Pattern.compile("[!-~]+");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_.-]+");

    private Consumers() {}

    /**
     * Checks a group's whole declaration: each consumer, the client ids unique, the count.
     *
     * @param where what to call the list in messages ({@code consumers})
     */
    public static void checkAll(String where, List<GroupConsumer> consumers) {
        if (consumers.size() > MAX_CONSUMERS_PER_GROUP) {
            throw new IllegalArgumentException(
                    where + " has " + consumers.size() + " consumers; a group has at most " + MAX_CONSUMERS_PER_GROUP);
        }
        Set<String> clientIds = new HashSet<>();
        for (int i = 0; i < consumers.size(); i++) {
            String at = where + "[" + i + "]";
            GroupConsumer consumer = consumers.get(i);
            if (consumer == null) {
                throw new IllegalArgumentException(at + " is missing");
            }
            check(at, consumer);
            if (!clientIds.add(consumer.clientId())) {
                throw new IllegalArgumentException(at + ".client_id '" + consumer.clientId()
                        + "' is declared twice; a client id is unique in a group");
            }
        }
    }

    /**
     * Checks one consumer.
     *
     * @param where what to call it in messages ({@code consumers[0]})
     */
    public static void check(String where, GroupConsumer consumer) {
        clientText(where + ".client_id", consumer.clientId());
        clientText(where + ".client_addr", consumer.clientAddr());
        Names.check(where + ".language", consumer.language(), LANGUAGE, MAX_TAG, "[A-Za-z0-9_]");
        Names.check(where + ".version", consumer.version(), VERSION, MAX_TAG, "[A-Za-z0-9_.-]");
        List<ConsumerConnection.Subscription> subscriptions = consumer.subscriptions();
        if (subscriptions.size() > MAX_SUBSCRIPTIONS) {
            throw new IllegalArgumentException(where + ".subscriptions has " + subscriptions.size()
                    + " entries; a consumer has at most " + MAX_SUBSCRIPTIONS);
        }
        for (int i = 0; i < subscriptions.size(); i++) {
            subscription(where + ".subscriptions[" + i + "]", subscriptions.get(i));
        }
    }

    /** Checks a client id alone (to name a consumer). */
    public static String clientId(String where, String clientId) {
        return clientText(where, clientId);
    }

    private static void subscription(String where, ConsumerConnection.Subscription subscription) {
        if (subscription == null) {
            throw new IllegalArgumentException(where + " is missing");
        }
        try {
            Names.topic(subscription.topic());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "." + e.getMessage(), e);
        }
        if (subscription.type() == null || !TYPES.contains(subscription.type())) {
            throw new IllegalArgumentException(
                    where + ".type " + Names.shown(subscription.type()) + " must be one of " + TYPES);
        }
        String expression = subscription.expression();
        if (expression == null || expression.isEmpty()) {
            throw new IllegalArgumentException(where + ".expression is missing or empty; '*' subscribes every message");
        }
        if (expression.length() > MAX_EXPRESSION) {
            throw new IllegalArgumentException(where + ".expression has " + expression.length()
                    + " characters; at most " + MAX_EXPRESSION + " are allowed");
        }
        for (int i = 0; i < expression.length(); i++) {
            if (Character.isISOControl(expression.charAt(i))) {
                throw new IllegalArgumentException(where + ".expression has a control character at index " + i);
            }
        }
    }

    private static String clientText(String field, String value) {
        return Names.check(field, value, VISIBLE, MAX_CLIENT_TEXT, "visible ASCII characters, no space");
    }
}
