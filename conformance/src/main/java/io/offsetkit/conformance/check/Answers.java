package io.offsetkit.conformance.check;

import io.offsetkit.conformance.http.Exchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the queues of a 200 answer, leniently, for the rules that judge values rather than types. */
final class Answers {

    private Answers() {}

    /** The body as JSON, or empty when it is not JSON. */
    static Optional<JsonNode> json(Exchange exchange) {
        try {
            return Optional.ofNullable(JsonMapper.shared().readTree(exchange.responseBody()));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /**
     * The queues of an answer.
     *
     * @throws Unreadable saying why, when the exchange is not a 200 or its body has no readable queues
     */
    static List<QueueEntry> queues(Exchange exchange) {
        if (!exchange.answered() || exchange.status() != 200) {
            throw new Unreadable("the request was answered " + exchange.statusLine() + ", not 200");
        }
        JsonNode body = json(exchange).orElseThrow(() -> new Unreadable("the body is not JSON"));
        JsonNode queues = body.path("queues");
        if (!queues.isArray()) {
            throw new Unreadable("the body has no \"queues\" array");
        }
        List<QueueEntry> entries = new ArrayList<>();
        for (int i = 0; i < queues.size(); i++) {
            JsonNode queue = queues.get(i);
            String broker = queue.path("broker_name").isValueNode()
                    ? queue.path("broker_name").asString()
                    : null;
            Long queueId = number(queue.path("queue_id"));
            Long offset = number(queue.path("timestamp_offset"));
            if (broker == null || queueId == null || offset == null) {
                throw new Unreadable(
                        "queues[" + i + "] lacks a readable broker_name, queue_id or timestamp_offset: " + queue);
            }
            entries.add(new QueueEntry(broker, queueId, offset));
        }
        return List.copyOf(entries);
    }

    /** The offsets of an answer by queue key; the last one wins when a queue is listed twice. */
    static Map<String, Long> offsets(List<QueueEntry> entries) {
        Map<String, Long> offsets = new LinkedHashMap<>();
        entries.forEach(entry -> offsets.put(entry.key(), entry.offset()));
        return offsets;
    }

    private static Long number(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isNumber() && node.asDouble() == Math.rint(node.asDouble())) {
            return (long) node.asDouble();
        }
        if (node.isString() && node.asString().matches("-?[0-9]{1,18}")) {
            return Long.parseLong(node.asString());
        }
        return null;
    }

    /** The answer cannot be read; the message says why. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
