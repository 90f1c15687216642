package io.offsetkit.conformance.check;

import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.rules.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The documented-example replay rules. */
final class ExampleChecks {

    private ExampleChecks() {}

    static void numeric(KitContext context) {
        Exchange exchange = context.documentedNumeric();
        queuesOf(Rule.EXAMPLE_NUMERIC, exchange, "The documented request with a numeric timestamp");
    }

    static void string(KitContext context) {
        answeredAsDocumented(
                context,
                Rule.EXAMPLE_STRING,
                "The documented request with a string timestamp",
                context.documentedString());
    }

    /**
     * The exchange, another form of the documented request, is a 200 with the queues and offsets of
     * the documented request with a numeric timestamp (when that one has a readable answer: judging it
     * is RESET-EXAMPLE-01's job).
     */
    static void answeredAsDocumented(KitContext context, Rule rule, String what, Exchange exchange) {
        List<QueueEntry> answered = queuesOf(rule, exchange, what);
        Exchange numeric = context.documentedNumeric();
        List<QueueEntry> expected;
        try {
            expected = Answers.queues(numeric);
        } catch (Answers.Unreadable e) {
            // a comparison that cannot be made is not a pass
            throw Findings.fail(
                    rule,
                    "the same queues and offsets as the documented request with a numeric timestamp",
                    what + " could not be compared: the documented request's answer cannot be read (" + e.getMessage()
                            + ")",
                    exchange,
                    numeric);
        }
        if (!sorted(answered).equals(sorted(expected))) {
            throw Findings.fail(
                    rule,
                    "the same queues and offsets as the documented request with a numeric timestamp:\n"
                            + describe(expected),
                    what + " got other queues or offsets:\n" + describe(answered),
                    exchange,
                    numeric);
        }
    }

    static void documentedAnswer(KitContext context) {
        Exchange exchange = context.documentedNumeric();
        List<QueueEntry> answered = queuesOf(Rule.EXAMPLE_DOCUMENTED_ANSWER, exchange, "The documented request");
        List<QueueEntry> documented = new ArrayList<>();
        for (JsonNode queue : context.facts().documentedResponse().path("queues")) {
            documented.add(new QueueEntry(
                    queue.path("broker_name").asString(),
                    queue.path("queue_id").asLong(),
                    queue.path("timestamp_offset").asLong()));
        }
        if (!sorted(answered).equals(sorted(documented))) {
            throw Findings.fail(
                    Rule.EXAMPLE_DOCUMENTED_ANSWER,
                    "the documented answer:\n" + describe(documented),
                    "another answer came back:\n" + describe(answered),
                    exchange);
        }
    }

    /** The queues of an exchange that must be a 200, or a failure of the rule. */
    static List<QueueEntry> queuesOf(Rule rule, Exchange exchange, String what) {
        try {
            return Answers.queues(exchange);
        } catch (Answers.Unreadable e) {
            throw Findings.fail(
                    rule,
                    what + " answered 200 with a body {\"queues\": [...]}",
                    what + ": " + e.getMessage(),
                    exchange);
        }
    }

    static List<QueueEntry> sorted(List<QueueEntry> entries) {
        return entries.stream()
                .sorted(Comparator.comparing(QueueEntry::broker)
                        .thenComparingLong(QueueEntry::queueId)
                        .thenComparingLong(QueueEntry::offset))
                .toList();
    }

    static String describe(List<QueueEntry> entries) {
        if (entries.isEmpty()) {
            return "(no queue)";
        }
        StringBuilder text = new StringBuilder();
        for (QueueEntry entry : sorted(entries)) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(entry.key()).append(" -> ").append(entry.offset());
        }
        return text.toString();
    }
}
