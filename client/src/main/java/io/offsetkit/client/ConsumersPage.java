package io.offsetkit.client;

import java.util.List;
import java.util.Objects;

/**
 * One page of a consumer group's connected consumers, as {@link OffsetkitClient#consumers} read
 * it.
 *
 * @param group the group's name, as the server wrote it
 * @param online whether at least one consumer of the group is connected
 * @param subscriptionConsistency whether every connected consumer subscribes alike
 * @param total how many consumers are connected in all, on every page
 * @param nextOffset the {@code offset} of the next page; -1 when this page is the last
 * @param previousOffset the {@code offset} of the previous page; -1 when this page is the first
 * @param consumers the page's consumers, in the server's order, immutable
 * @param requestId the {@code X-Request-Id} response header, null when the server sent none
 */
public record ConsumersPage(
        String group,
        boolean online,
        boolean subscriptionConsistency,
        int total,
        int nextOffset,
        int previousOffset,
        List<ConsumerInfo> consumers,
        String requestId) {

    public ConsumersPage {
        Objects.requireNonNull(group, "group");
        consumers = List.copyOf(consumers);
    }

    /** Whether a page follows this one ({@link #nextOffset} is not -1). */
    public boolean hasNext() {
        return nextOffset >= 0;
    }
}
