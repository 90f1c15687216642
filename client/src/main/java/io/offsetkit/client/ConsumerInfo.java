package io.offsetkit.client;

import java.util.List;
import java.util.Objects;

/**
 * One consumer of a group, connected to the instance.
 *
 * @param clientId the client's id, unique in the group
 * @param clientAddress the client's address, host and port; null when the server did not say
 * @param language the client's language as RocketMQ reports it (such as {@code JAVA}); null when
 *     the server did not say
 * @param version the client's RocketMQ version (such as {@code V5_3_1}); null when the server did
 *     not say
 * @param subscriptions what the consumer subscribes: filled when the page was read with details,
 *     empty otherwise; immutable
 */
public record ConsumerInfo(
        String clientId, String clientAddress, String language, String version, List<Subscription> subscriptions) {

    public ConsumerInfo {
        Objects.requireNonNull(clientId, "clientId");
        subscriptions = List.copyOf(subscriptions);
    }
}
