package io.offsetkit.client;

import java.util.List;
import java.util.Objects;

/**
 * A topic's queues and their offsets, as {@link OffsetkitClient#topicStatus} read them.
 *
 * @param topic the topic asked for
 * @param minOffset the sum of the queues' minimum offsets
 * @param maxOffset the sum of the queues' maximum offsets
 * @param queues every queue of the topic, broker by broker, in the server's order, immutable
 * @param requestId the {@code X-Request-Id} response header, null when the server sent none
 */
public record TopicStatus(String topic, long minOffset, long maxOffset, List<QueueStatus> queues, String requestId) {

    public TopicStatus {
        Objects.requireNonNull(topic, "topic");
        queues = List.copyOf(queues);
    }
}
