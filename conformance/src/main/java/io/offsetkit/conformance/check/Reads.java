package io.offsetkit.conformance.check;

import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.Operations;
import io.offsetkit.conformance.http.RawRequest;
import io.offsetkit.conformance.http.Target;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The contract's three reads as the kit sends them, each request built from its operation's
 * descriptor: a group's topics or its progress on one ({@link Operations#GROUP_TOPICS}), a topic's
 * status ({@link Operations#TOPIC_STATUS}), a group's consumers ({@link Operations#CONSUMERS}).
 */
final class Reads {

    /** The documented code of a group unknown, or without consumer offsets on the asked topic. */
    static final String NO_SUCH_GROUP = "DMS.10240405";

    private Reads() {}

    /** A group's progress on a topic: {@code GET .../groups/{group}/topics?topic=}. */
    static RawRequest progress(KitContext context, Target on) {
        return context.request(Operations.GROUP_TOPICS, on, Map.of("topic", on.topic()));
    }

    /** A group's topics, one page: {@code GET .../groups/{group}/topics}, with the query given. */
    static RawRequest groupTopics(KitContext context, Target on, Map<String, String> query) {
        return context.request(Operations.GROUP_TOPICS, on, query);
    }

    /** A topic's status: {@code GET .../topics/{topic}/status}. */
    static RawRequest topicStatus(KitContext context, Target on) {
        return context.request(Operations.TOPIC_STATUS, on, Map.of());
    }

    /** A group's consumers, one page: {@code GET .../groups/{group}/clients}, with the query given. */
    static RawRequest consumers(KitContext context, Target on, Map<String, String> query) {
        return context.request(Operations.CONSUMERS, on, query);
    }

    /** A query of name-value pairs, in order. */
    static Map<String, String> query(String... namesAndValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            query.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }

    /**
     * Whether an answer to the progress read shows that the target implements it: a 200 with a
     * {@code brokers} array, or the documented 404 of a group without offsets on the topic.
     */
    static boolean implemented(Exchange exchange) {
        if (!exchange.answered()) {
            return false;
        }
        Optional<JsonNode> body = Answers.json(exchange);
        if (exchange.status() == 200) {
            return body.map(json -> json.path("brokers").isArray()).orElse(false);
        }
        return exchange.status() == 404
                && body.map(json -> NO_SUCH_GROUP.equals(json.path("error_code").asString()))
                        .orElse(false);
    }
}
