package io.offsetkit.client;

import java.util.Objects;

/**
 * What one consumer subscribes.
 *
 * @param topic the subscribed topic
 * @param type the kind of filter expression, such as {@code TAG} or {@code SQL92}
 * @param expression the filter expression, such as {@code *}
 */
public record Subscription(String topic, String type, String expression) {

    public Subscription {
        Objects.requireNonNull(topic, "topic");
    }
}
