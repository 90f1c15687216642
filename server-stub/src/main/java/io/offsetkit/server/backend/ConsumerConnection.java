package io.offsetkit.server.backend;

import java.util.List;
import java.util.Objects;

/**
 * One consumer of a group connected to the instance, as {@code ShowConsumerConnections} lists it.
 *
 * @param clientId the client's id, unique in the group
 * @param clientAddr the client's address, host and port
 * @param language the client's language as RocketMQ reports it (for example {@code JAVA})
 * @param version the client's RocketMQ version (for example {@code V5_3_1})
 * @param subscriptions what the consumer subscribes
 */
public record ConsumerConnection(
        String clientId, String clientAddr, String language, String version, List<Subscription> subscriptions) {

    public ConsumerConnection {
        Objects.requireNonNull(clientId, "clientId");
        subscriptions = List.copyOf(subscriptions);
    }

    /**
     * One subscription of a consumer.
     *
     * @param topic the subscribed topic
     * @param type the kind of filter expression ({@code TAG} or {@code SQL92})
     * @param expression the filter expression (for example {@code *})
     */
    public record Subscription(String topic, String type, String expression) {}
}
