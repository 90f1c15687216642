package io.offsetkit.client;

import java.util.List;

/**
 * One page of the topics a consumer group has consumer offsets on, as {@link
 * OffsetkitClient#groupTopics} read it.
 *
 * @param topics the page's topic names, in the server's order, immutable
 * @param total how many topics the group has in all, on every page
 * @param offset how many topics the page skipped (the {@code offset} asked for)
 * @param requestId the {@code X-Request-Id} response header, null when the server sent none
 */
public record GroupTopicsPage(List<String> topics, int total, int offset, String requestId) {

    public GroupTopicsPage {
        topics = List.copyOf(topics);
    }

    /** Whether topics follow this page: the page is not empty and ends before {@link #total}. */
    public boolean hasNext() {
        return !topics.isEmpty() && nextOffset() < total;
    }

    /** The {@code offset} of the next page: this page's offset plus its size. */
    public int nextOffset() {
        return offset + topics.size();
    }
}
