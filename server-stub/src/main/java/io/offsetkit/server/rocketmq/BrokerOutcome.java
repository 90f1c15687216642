package io.offsetkit.server.rocketmq;

import io.offsetkit.server.backend.QueueOffset;
import java.util.List;

/** What a reset came to on one broker of the topic. */
sealed interface BrokerOutcome {

    /** The broker's name. */
    String brokerName();

    /**
     * The reset applied: these are the broker's queues of the topic and their new offsets.
     *
     * @param byBroker true when the broker reset the offsets itself (server-side reset), false when
     *     offsetkit looked up and committed each queue's offset (the broker has no server-side reset
     *     and the group no online consumer)
     */
    record Applied(String brokerName, List<QueueOffset> offsets, boolean byBroker) implements BrokerOutcome {}

    /** The broker has no subscription group of that name. */
    record NoGroup(String brokerName) implements BrokerOutcome {}

    /** The broker does not have the topic (any more: the name server's route said it did). */
    record NoTopic(String brokerName) implements BrokerOutcome {}

    /** The reset failed on the broker, for the reason given. */
    record Failed(String brokerName, String reason) implements BrokerOutcome {}
}
