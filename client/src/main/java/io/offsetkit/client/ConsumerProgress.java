package io.offsetkit.client;

import java.util.List;
import java.util.Objects;

/**
 * A consumer group's progress on a topic, queue by queue, as {@link OffsetkitClient#groupProgress}
 * read it: what to look at before a reset, and to read back after one.
 *
 * @param topic the topic asked for
 * @param lag the sum of the queues' lags
 * @param maxOffset the sum of the queues' broker offsets
 * @param consumerOffset the sum of the queues' consumer offsets
 * @param queues every queue of the topic, broker by broker, in the server's order, immutable
 * @param requestId the {@code X-Request-Id} response header, null when the server sent none
 */
public record ConsumerProgress(
        String topic, long lag, long maxOffset, long consumerOffset, List<QueueProgress> queues, String requestId) {

    public ConsumerProgress {
        Objects.requireNonNull(topic, "topic");
        queues = List.copyOf(queues);
    }

    /**
     * The group's committed offset on every queue, in the form a reset answers: after {@code
     * ResetResult reset = client.resetToTime(...)}, a read back that shows the reset took effect
     * gives {@code progress.consumerOffsets()} equal to {@code reset.queues()} (both in the
     * server's order: the reference server sorts both by broker, then queue).
     */
    public List<QueueOffset> consumerOffsets() {
        return queues.stream().map(QueueProgress::consumerQueueOffset).toList();
    }
}
