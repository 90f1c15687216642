package io.offsetkit.conformance.check;

import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.rules.Rule;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The rules across operations, which no single answer can show: a reset's answer against the
 * group's progress read right after it and against the topic's status, the lag's arithmetic, reads
 * that change nothing, and paging. Each sends its own requests in the order it needs, on the
 * target's group and topic.
 */
final class WorkflowChecks {

    private WorkflowChecks() {}

    static void progressAfterReset(KitContext context) {
        Rule rule = Rule.DOMAIN_PROGRESS_AFTER_RESET;
        long time = context.facts().timestamp() + 1;
        Exchange reset = context.http().send(context.resetRequest(context.target(), time));
        Map<String, Long> answered = Answers.offsets(ExampleChecks.queuesOf(rule, reset, "The reset to " + time));
        Exchange read = context.http().send(Reads.progress(context, context.target()));
        Map<String, Long> consumer = progress(rule, read).consumerOffsets();
        Findings findings = new Findings(rule);
        compare(findings, answered, consumer, "the reset answers", "the progress lists as consumer offset", read);
        findings.show(reset);
        findings.throwIfAny("after the reset of group " + context.target().group() + " to " + time
                + ", its progress on topic " + context.target().topic() + " lists the same queues at the answered"
                + " offsets: " + answered);
    }

    static void lag(KitContext context) {
        Rule rule = Rule.DOMAIN_LAG;
        context.sendSuccessProbes(); // the group has offsets on the topic
        Exchange read = context.http().send(Reads.progress(context, context.target()));
        Answers.Progress progress = progress(rule, read);
        Findings findings = new Findings(rule);
        long lag = 0;
        long max = 0;
        long consumer = 0;
        for (Answers.ProgressQueue queue : progress.queues()) {
            long expected = Math.max(0, queue.brokerOffset() - queue.consumerOffset());
            if (queue.lag() != expected) {
                findings.add(
                        queue.key() + ": lag " + queue.lag() + ", but broker_offset " + queue.brokerOffset()
                                + " - consumer_offset " + queue.consumerOffset() + " = " + expected,
                        read);
            }
            lag += queue.lag();
            max += queue.brokerOffset();
            consumer += queue.consumerOffset();
        }
        sum(findings, "lag", progress.lag(), lag, read);
        sum(findings, "max_offset", progress.maxOffset(), max, read);
        sum(findings, "consumer_offset", progress.consumerOffset(), consumer, read);
        if (progress.queues().isEmpty()) {
            findings.add("the progress lists no queue, so no lag could be checked", read);
        }
        findings.throwIfAny("per queue lag = max(0, broker_offset - consumer_offset); the topic's lag, max_offset and"
                + " consumer_offset the sums of its queues'");
    }

    static void latestIsMaxOffset(KitContext context) {
        Rule rule = Rule.DOMAIN_LATEST_IS_MAX_OFFSET;
        Target target = context.target();
        Exchange before = context.http().send(Reads.topicStatus(context, target));
        Exchange reset = context.http().send(context.resetRequest(target, -1));
        Exchange read = context.http().send(Reads.progress(context, target));
        Exchange after = context.http().send(Reads.topicStatus(context, target));
        Map<String, Long> answered = Answers.offsets(ExampleChecks.queuesOf(rule, reset, "The reset to -1"));
        Map<String, Long> maxBefore = status(rule, before).maxOffsets();
        Map<String, Long> maxAfter = status(rule, after).maxOffsets();
        Answers.Progress progress = progress(rule, read);
        Findings findings = new Findings(rule);
        if (!answered.keySet().equals(maxBefore.keySet())) {
            findings.add(
                    "the reset to -1 answers queues " + answered.keySet() + ", the topic's status lists "
                            + maxBefore.keySet(),
                    reset);
        }
        within(findings, answered, maxBefore, maxAfter, "the reset to -1 answers", reset);
        Map<String, Long> brokerOffsets = new TreeMap<>();
        progress.queues().forEach(queue -> brokerOffsets.put(queue.key(), queue.brokerOffset()));
        within(findings, brokerOffsets, maxBefore, maxAfter, "the progress lists as broker_offset", read);
        compare(findings, answered, progress.consumerOffsets(), "the reset answers", "the progress lists", read);
        findings.show(before);
        findings.throwIfAny("the reset to -1 answers every queue of the topic's status at its max_offset " + maxBefore
                + ", and the group's progress shows those queues with them as broker offsets");
    }

    static void earliestIsMinOffset(KitContext context) {
        Rule rule = Rule.DOMAIN_EARLIEST_IS_MIN_OFFSET;
        Target target = context.target();
        Exchange before = context.http().send(Reads.topicStatus(context, target));
        Exchange reset = context.http().send(context.resetRequest(target, 0));
        Exchange after = context.http().send(Reads.topicStatus(context, target));
        Map<String, Long> answered = Answers.offsets(ExampleChecks.queuesOf(rule, reset, "The reset to 0"));
        Map<String, Long> minBefore = status(rule, before).minOffsets();
        Map<String, Long> minAfter = status(rule, after).minOffsets();
        Findings findings = new Findings(rule);
        if (!answered.keySet().equals(minBefore.keySet())) {
            findings.add(
                    "the reset to 0 answers queues " + answered.keySet() + ", the topic's status lists "
                            + minBefore.keySet(),
                    reset);
        }
        within(findings, answered, minBefore, minAfter, "the reset to 0 answers", reset);
        findings.show(before);
        findings.throwIfAny("the reset to 0 answers each queue of the topic's status at its min_offset " + minBefore);
    }

    static void readChangesNothing(KitContext context) {
        Rule rule = Rule.DOMAIN_READ_CHANGES_NOTHING;
        Target target = context.target();
        // the group at the documented time: on a topic with messages it lags, so a read that "consumes" shows
        context.http().send(context.resetRequest(target, context.facts().timestamp()));
        Exchange first = context.http().send(Reads.progress(context, target));
        Map<String, Long> before = progress(rule, first).consumerOffsets();
        List<Exchange> reads = List.of(
                context.http().send(Reads.progress(context, target)),
                context.http().send(Reads.groupTopics(context, target, Map.of())),
                context.http().send(Reads.topicStatus(context, target)),
                context.http().send(Reads.consumers(context, target, Reads.query("is_detail", "true"))));
        Exchange last = context.http().send(Reads.progress(context, target));
        Map<String, Long> after = progress(rule, last).consumerOffsets();
        Findings findings = new Findings(rule);
        if (!before.equals(after)) {
            findings.add("the group's consumer offsets were " + before + ", after the reads " + after, last);
            findings.show(first);
            reads.forEach(findings::show);
        }
        if (before.isEmpty()) {
            findings.add("the progress lists no queue, so no change could show", first);
        }
        findings.throwIfAny("group " + target.group() + "'s consumer offsets on topic " + target.topic()
                + " the same after a read of its progress, its topics, the topic's status and its consumers");
    }

    static void paging(KitContext context) {
        Rule rule = Rule.DOMAIN_READ_PAGING;
        Target target = context.target();
        context.sendSuccessProbes(); // the group has offsets on the topic: its topics list holds it
        Findings findings = new Findings(rule);

        Exchange firstTopics = context.http().send(Reads.groupTopics(context, target, Reads.query("limit", "1")));
        JsonNode topics = body(rule, firstTopics);
        int total = topics.path("total").asInt(-1);
        if (topics.path("topics").size() > 1) {
            findings.add("limit=1 gave " + topics.path("topics").size() + " topics", firstTopics);
        }
        if (total < 1 || total < topics.path("topics").size()) {
            findings.add(
                    "total " + topics.path("total") + " with "
                            + topics.path("topics").size()
                            + " topics on the first page, though the group has offsets on " + target.topic(),
                    firstTopics);
        }
        Exchange pastTopics = context.http()
                .send(Reads.groupTopics(
                        context, target, Reads.query("limit", "1", "offset", String.valueOf(Math.max(total, 1)))));
        JsonNode past = body(rule, pastTopics);
        if (!past.path("topics").isEmpty() || past.path("total").asInt(-1) != total) {
            findings.add(
                    "offset=" + Math.max(total, 1) + " (past the last topic) gave topics " + past.path("topics")
                            + " and total " + past.path("total") + ", expected none and total " + total,
                    pastTopics);
        }

        Exchange firstClients = context.http().send(Reads.consumers(context, target, Reads.query("limit", "1")));
        JsonNode clients = body(rule, firstClients);
        int consumers = clients.path("total").asInt(-1);
        expectPage(findings, firstClients, clients, 0, consumers);
        Exchange pastClients = context.http()
                .send(Reads.consumers(
                        context, target, Reads.query("limit", "1", "offset", String.valueOf(Math.max(consumers, 1)))));
        expectPage(findings, pastClients, body(rule, pastClients), Math.max(consumers, 1), consumers);
        findings.throwIfAny("pages of at most limit=1 entries, total counting them all, an empty page past the last"
                + " entry; for consumers next_offset the next page's offset or -1 on the last, previous_offset the"
                + " previous page's or -1 on the first");
    }

    /** One page of consumers at {@code offset} with limit 1, judged against the total. */
    private static void expectPage(Findings findings, Exchange exchange, JsonNode page, int offset, int total) {
        int size = page.path("clients").size();
        int expectedSize = Math.max(0, Math.min(1, total - offset));
        int next = offset + 1 < total ? offset + 1 : -1;
        int previous = offset == 0 ? -1 : Math.min(offset - 1, Math.max(total - 1, 0));
        String where = "limit=1, offset=" + offset + " of " + total + " consumers: ";
        if (page.path("total").asInt(-2) != total) {
            findings.add(where + "total " + page.path("total") + ", the first page said " + total, exchange);
        }
        if (size != expectedSize) {
            findings.add(where + size + " clients, expected " + expectedSize, exchange);
        }
        if (!page.path("next_offset").isIntegralNumber()
                || page.path("next_offset").asInt() != next) {
            findings.add(where + "next_offset " + page.path("next_offset") + ", expected " + next, exchange);
        }
        if (!page.path("previous_offset").isIntegralNumber()
                || page.path("previous_offset").asInt() != previous) {
            findings.add(
                    where + "previous_offset " + page.path("previous_offset") + ", expected " + previous, exchange);
        }
    }

    private static JsonNode body(Rule rule, Exchange exchange) {
        if (!exchange.answered() || exchange.status() != 200) {
            throw Findings.fail(
                    rule,
                    exchange.requestLine() + " answered 200",
                    "It was answered " + exchange.statusLine(),
                    exchange);
        }
        return Answers.json(exchange)
                .orElseThrow(() -> Findings.fail(rule, "a JSON answer", "The body is not JSON", exchange));
    }

    private static Answers.Progress progress(Rule rule, Exchange read) {
        try {
            return Answers.progress(read);
        } catch (Answers.Unreadable e) {
            throw Findings.fail(
                    rule,
                    "the group's progress on the topic, readable",
                    read.requestLine() + ": " + e.getMessage(),
                    read);
        }
    }

    private static Answers.TopicStatus status(Rule rule, Exchange read) {
        try {
            return Answers.topicStatus(read);
        } catch (Answers.Unreadable e) {
            throw Findings.fail(rule, "the topic's status, readable", read.requestLine() + ": " + e.getMessage(), read);
        }
    }

    private static void sum(Findings findings, String field, long answered, long sum, Exchange read) {
        if (answered != sum) {
            findings.add("the topic's " + field + " is " + answered + ", the sum over its queues " + sum, read);
        }
    }

    /** The same queues at the same offsets on both sides. */
    private static void compare(
            Findings findings,
            Map<String, Long> expected,
            Map<String, Long> actual,
            String expectedSide,
            String actualSide,
            Exchange shownBy) {
        if (expected.isEmpty()) {
            findings.add(expectedSide + " no queue, so nothing could be compared", shownBy);
        }
        expected.forEach((queue, offset) -> {
            if (!Objects.equals(offset, actual.get(queue))) {
                findings.add(
                        queue + ": " + expectedSide + " " + offset + ", " + actualSide + " "
                                + (actual.containsKey(queue) ? actual.get(queue) : "nothing"),
                        shownBy);
            }
        });
        actual.keySet().stream()
                .filter(queue -> !expected.containsKey(queue))
                .forEach(queue ->
                        findings.add(queue + ": " + actualSide + " a queue " + expectedSide + " not", shownBy));
    }

    /** Each queue's value between its bound read before and its bound read after (live traffic may move them). */
    private static void within(
            Findings findings,
            Map<String, Long> answered,
            Map<String, Long> before,
            Map<String, Long> after,
            String what,
            Exchange shownBy) {
        answered.forEach((queue, offset) -> {
            Long low = before.get(queue);
            Long high = after.get(queue);
            if (low == null || high == null) {
                return; // a queue the status does not list: reported by the queue-set comparison
            }
            if (offset < Math.min(low, high) || offset > Math.max(low, high)) {
                findings.add(
                        queue + ": " + what + " " + offset + ", the topic's status "
                                + (low.equals(high) ? low : "between " + low + " and " + high),
                        shownBy);
            }
        });
    }
}
