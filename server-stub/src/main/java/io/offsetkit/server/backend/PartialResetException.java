package io.offsetkit.server.backend;

import java.util.List;
import java.util.Map;

/**
 * A reset that applied on some brokers of the topic and failed on others. Brokers commit their own
 * offsets and a cluster offers no transaction across them, so the offsets already set stay set; the
 * exception says which queues got which offset and why each other broker failed, so that the
 * caller can retry (a reset to the same time is idempotent) knowing what state the group is in.
 */
public class PartialResetException extends BackendUnavailableException {

    /**
     * @param applied the offsets set, on the brokers where the reset applied
     * @param failures broker name to the reason the reset failed there; not empty
     */
    public PartialResetException(List<QueueOffset> applied, Map<String, String> failures) {
        super(describe(applied, failures));
    }

    private static String describe(List<QueueOffset> applied, Map<String, String> failures) {
        StringBuilder text = new StringBuilder("the reset failed on ");
        failures.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(failure -> text.append("broker '")
                        .append(failure.getKey())
                        .append("' (")
                        .append(failure.getValue())
                        .append("); "));
        if (applied.isEmpty()) {
            text.append("it applied on no broker.");
        } else {
            text.append("it applied on ");
            applied.stream()
                    .sorted(QueueOffset.RESPONSE_ORDER)
                    .forEach(queue -> text.append(queue.brokerName())
                            .append('/')
                            .append(queue.queueId())
                            .append('=')
                            .append(queue.offset())
                            .append(' '));
            text.setLength(text.length() - 1);
            text.append('.');
        }
        return text.toString();
    }
}
