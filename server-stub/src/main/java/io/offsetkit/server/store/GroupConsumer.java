package io.offsetkit.server.store;

import io.offsetkit.server.backend.ConsumerConnection;
import java.util.List;
import java.util.Objects;

/**
 * One consumer of a consumer group, as the store declares it: the client RocketMQ would list in the
 * group's connection info, and whether it is connected now. Only online consumers are what the reads
 * call connected ({@link EmbeddedStore#consumers}); an offline one is kept so that it can come back
 * (and so that a group can be declared offline on purpose). The field rules are {@link Consumers}'.
 *
 * @param clientId the client's id, unique in the group (RocketMQ's {@code ip@instanceName}, for example
 *     {@code 192.168.0.10@4711#1662652800000})
 * @param clientAddr the client's address, host and port
 * @param language the client's language as RocketMQ reports it ({@code JAVA}, {@code GO}, ...)
 * @param version the client's RocketMQ version ({@code V5_3_1})
 * @param online whether the client is connected now
 * @param subscriptions what it subscribes, in the order declared
 */
public record GroupConsumer(
        String clientId,
        String clientAddr,
        String language,
        String version,
        boolean online,
        List<ConsumerConnection.Subscription> subscriptions) {

    /** The language a consumer is declared with when none is given. */
    public static final String DEFAULT_LANGUAGE = "JAVA";

    /** The RocketMQ version a consumer is declared with when none is given. */
    public static final String DEFAULT_VERSION = "V5_3_1";

    /** The address a consumer is declared with when none is given: loopback, port 0 (no real connection). */
    public static final String DEFAULT_CLIENT_ADDR = "127.0.0.1:0";

    /** The filter type a subscription is declared with when none is given. */
    public static final String DEFAULT_TYPE = "TAG";

    /** The filter expression a subscription is declared with when none is given: every message. */
    public static final String DEFAULT_EXPRESSION = "*";

    public GroupConsumer {
        subscriptions = List.copyOf(Objects.requireNonNull(subscriptions, "subscriptions"));
    }

    /** This consumer, connected or not as {@code nowOnline} says. */
    public GroupConsumer withOnline(boolean nowOnline) {
        return new GroupConsumer(clientId, clientAddr, language, version, nowOnline, subscriptions);
    }

    /** This consumer as the reads list a connected client. */
    public ConsumerConnection connection() {
        return new ConsumerConnection(clientId, clientAddr, language, version, subscriptions);
    }
}
