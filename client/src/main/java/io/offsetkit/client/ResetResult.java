package io.offsetkit.client;

import java.util.List;

/**
 * The answer to a reset: every queue of the topic with its new offset, in the order the server sent
 * them (the contract does not fix an order), and the request id.
 *
 * @param queues the queues, immutable
 * @param requestId the {@code X-Request-Id} response header, null when the server sent none
 */
public record ResetResult(List<QueueOffset> queues, String requestId) {

    public ResetResult {
        queues = List.copyOf(queues);
    }
}
