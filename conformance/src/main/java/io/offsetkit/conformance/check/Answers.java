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

/**
 * Reads the answers of the contract's operations, leniently (numbers may have come as strings), for
 * the rules that judge values rather than types: the reset's queues, a group's progress on a topic,
 * a topic's status.
 */
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
     * Why an answer that is not a 200 cannot be judged, with the error body's code and message when it
     * has them: a vendor reading "answered 500" needs to know what the target said went wrong.
     */
    static Unreadable notOk(Exchange exchange) {
        StringBuilder reason = new StringBuilder("the request was answered ").append(exchange.statusLine());
        if (exchange.answered()) {
            json(exchange).ifPresent(body -> {
                JsonNode code = body.path("error_code");
                JsonNode message = body.path("error_msg");
                if (code.isString()) {
                    reason.append(' ').append(code.asString());
                }
                if (message.isString()) {
                    reason.append(" (\"")
                            .append(shortened(message.asString(), 300))
                            .append("\")");
                }
            });
        }
        return new Unreadable(reason.append(", not 200").toString());
    }

    private static String shortened(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit) + "...";
    }

    /** Why an answer with an empty list of queues cannot be judged. */
    static final String NO_QUEUES = "the answer lists no queue ({\"queues\": []}), though every topic has at"
            + " least one queue and the answer lists every queue of the topic: there is nothing to compare";

    /**
     * The queues of an answer: at least one, as every topic has at least one queue.
     *
     * @throws Unreadable saying why, when the exchange is not a 200, its body has no readable queues, or
     *     it lists none
     */
    static List<QueueEntry> queues(Exchange exchange) {
        if (!exchange.answered() || exchange.status() != 200) {
            throw notOk(exchange);
        }
        JsonNode body = json(exchange).orElseThrow(() -> new Unreadable("the body is not JSON"));
        JsonNode queues = body.path("queues");
        if (!queues.isArray()) {
            throw new Unreadable("the body has no \"queues\" array");
        }
        if (queues.isEmpty()) {
            // Every topic has at least one queue, and the answer lists each: an empty list leaves every
            // comparison of queues and offsets nothing to compare, which must not pass for it.
            throw new Unreadable(NO_QUEUES);
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

    /**
     * A group's progress on a topic, from a 200 answer of {@code showConsumerListOrDetails} with
     * {@code topic}.
     *
     * @throws Unreadable saying why, when it is not a 200 or a value is missing or not a number
     */
    static Progress progress(Exchange exchange) {
        JsonNode body = ok(exchange);
        List<ProgressQueue> queues = new ArrayList<>();
        for (BrokerQueue entry : brokerQueues(body)) {
            JsonNode queue = entry.queue();
            queues.add(new ProgressQueue(
                    entry.broker(),
                    entry.id(),
                    required(queue, "lag", entry.where()),
                    required(queue, "broker_offset", entry.where()),
                    required(queue, "consumer_offset", entry.where())));
        }
        return new Progress(
                required(body, "lag", "the body"),
                required(body, "max_offset", "the body"),
                required(body, "consumer_offset", "the body"),
                List.copyOf(queues));
    }

    /**
     * A topic's status, from a 200 answer of {@code showTopicStatus}.
     *
     * @throws Unreadable saying why, when it is not a 200 or a value is missing or not a number
     */
    static TopicStatus topicStatus(Exchange exchange) {
        JsonNode body = ok(exchange);
        List<StatusQueue> queues = new ArrayList<>();
        for (BrokerQueue entry : brokerQueues(body)) {
            queues.add(new StatusQueue(
                    entry.broker(),
                    entry.id(),
                    required(entry.queue(), "min_offset", entry.where()),
                    required(entry.queue(), "max_offset", entry.where())));
        }
        return new TopicStatus(
                required(body, "min_offset", "the body"),
                required(body, "max_offset", "the body"),
                List.copyOf(queues));
    }

    /** A group's progress on a topic: the sums and each queue. */
    record Progress(long lag, long maxOffset, long consumerOffset, List<ProgressQueue> queues) {

        /** The consumer offsets by queue key ({@code broker-1/0}). */
        Map<String, Long> consumerOffsets() {
            Map<String, Long> offsets = new LinkedHashMap<>();
            queues.forEach(queue -> offsets.put(queue.key(), queue.consumerOffset()));
            return offsets;
        }
    }

    /** One queue of a group's progress. */
    record ProgressQueue(String broker, long id, long lag, long brokerOffset, long consumerOffset) {
        String key() {
            return broker + "/" + id;
        }
    }

    /** A topic's status: the sums and each queue. */
    record TopicStatus(long minOffset, long maxOffset, List<StatusQueue> queues) {

        Map<String, Long> minOffsets() {
            Map<String, Long> offsets = new LinkedHashMap<>();
            queues.forEach(queue -> offsets.put(queue.key(), queue.minOffset()));
            return offsets;
        }

        Map<String, Long> maxOffsets() {
            Map<String, Long> offsets = new LinkedHashMap<>();
            queues.forEach(queue -> offsets.put(queue.key(), queue.maxOffset()));
            return offsets;
        }
    }

    /** One queue of a topic's status. */
    record StatusQueue(String broker, long id, long minOffset, long maxOffset) {
        String key() {
            return broker + "/" + id;
        }
    }

    private record BrokerQueue(String broker, long id, JsonNode queue, String where) {}

    private static JsonNode ok(Exchange exchange) {
        if (!exchange.answered() || exchange.status() != 200) {
            throw notOk(exchange);
        }
        return json(exchange).orElseThrow(() -> new Unreadable("the body is not JSON"));
    }

    /** The {@code brokers[].queues[]} of a read's answer, each with its broker's name and its id. */
    private static List<BrokerQueue> brokerQueues(JsonNode body) {
        JsonNode brokers = body.path("brokers");
        if (!brokers.isArray()) {
            throw new Unreadable("the body has no \"brokers\" array");
        }
        List<BrokerQueue> entries = new ArrayList<>();
        for (int b = 0; b < brokers.size(); b++) {
            JsonNode broker = brokers.get(b);
            if (!broker.path("broker_name").isString() || !broker.path("queues").isArray()) {
                throw new Unreadable("brokers[" + b + "] lacks a broker_name or a queues array: " + broker);
            }
            JsonNode queues = broker.path("queues");
            for (int q = 0; q < queues.size(); q++) {
                String where = "brokers[" + b + "].queues[" + q + "]";
                JsonNode queue = queues.get(q);
                entries.add(new BrokerQueue(
                        broker.path("broker_name").asString(), required(queue, "id", where), queue, where));
            }
        }
        return entries;
    }

    private static long required(JsonNode node, String field, String where) {
        Long value = number(node.path(field));
        if (value == null) {
            throw new Unreadable(where + " lacks a readable " + field + ": " + node.path(field));
        }
        return value;
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
