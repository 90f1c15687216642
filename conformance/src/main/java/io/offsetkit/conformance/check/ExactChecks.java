package io.offsetkit.conformance.check;

import io.offsetkit.conformance.fixture.CommittedOffset;
import io.offsetkit.conformance.fixture.OffsetOracle;
import io.offsetkit.conformance.fixture.QueueLog;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.rules.Rule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The exact-answer rules: each judges the (queue, time) pairs of its scenario in {@link
 * ExactScenario} against {@link OffsetOracle}, so that a wrong lookup shows in the rule that names
 * the case it gets wrong.
 */
final class ExactChecks {

    private static final long B = ExactScenario.BASE;

    private ExactChecks() {}

    static void beforeFirst(KitContext context) {
        pairs(context, Rule.EXACT_BEFORE_FIRST, ExactChecks::firstBrokerFromZero, List.of(0L, B));
    }

    static void atMessage(KitContext context) {
        pairs(
                context,
                Rule.EXACT_AT_MESSAGE,
                scenario(ExactScenario.ORDERED),
                List.of(B + 100, B + 200, B + 300, B + 400));
    }

    static void between(KitContext context) {
        pairs(context, Rule.EXACT_BETWEEN, scenario(ExactScenario.ORDERED), List.of(B + 150, B + 250, B + 350));
    }

    static void equalTimestamps(KitContext context) {
        pairs(context, Rule.EXACT_EQUAL_TIMESTAMPS, scenario(ExactScenario.EQUAL), List.of(B + 150, B + 200, B + 250));
    }

    static void stepBack(KitContext context) {
        pairs(
                context,
                Rule.EXACT_STEP_BACK,
                scenario(ExactScenario.STEP_BACK),
                List.of(B + 150, B + 200, B + 250, B + 300, B + 350, B + 400));
    }

    static void afterLast(KitContext context) {
        pairs(context, Rule.EXACT_AFTER_LAST, ExactChecks::firstBrokerFromZero, List.of(B + 1000));
    }

    static void emptyQueue(KitContext context) {
        pairs(context, Rule.EXACT_EMPTY_QUEUE, scenario(ExactScenario.EMPTY), ExactScenario.TIMES);
    }

    static void latest(KitContext context) {
        pairs(context, Rule.EXACT_LATEST, ExactChecks::firstBrokerFromZero, List.of(OffsetOracle.LATEST));
    }

    static void firstOffsetNotZero(KitContext context) {
        pairs(context, Rule.EXACT_FIRST_OFFSET_NOT_ZERO, scenario(ExactScenario.FIRST_OFFSET), ExactScenario.TIMES);
    }

    static void severalBrokers(KitContext context) {
        ExactScenario scenario = ready(context, Rule.EXACT_SEVERAL_BROKERS);
        Findings findings = new Findings(Rule.EXACT_SEVERAL_BROKERS);
        Set<String> layout = scenario.logs().stream()
                .map(log -> log.queue().shortName())
                .collect(Collectors.toCollection(TreeSet::new));
        for (long time : ExactScenario.TIMES) {
            Exchange exchange = scenario.answer(time);
            Set<String> listed = new TreeSet<>(
                    read(Rule.EXACT_SEVERAL_BROKERS, exchange, time).keySet());
            if (!listed.equals(layout)) {
                Set<String> missing = new TreeSet<>(layout);
                missing.removeAll(listed);
                Set<String> extra = new TreeSet<>(listed);
                extra.removeAll(layout);
                findings.add("at t=" + time + " missing " + missing + ", extra " + extra, exchange);
            }
        }
        findings.throwIfAny("every queue of the topic " + scenario.topic() + " on every broker, no other: " + layout);
        pairs(context, Rule.EXACT_SEVERAL_BROKERS, scenario(ExactScenario.SECOND_BROKER), ExactScenario.TIMES);
    }

    static void committed(KitContext context) {
        ExactScenario scenario = ready(context, Rule.EXACT_COMMITTED);
        Exchange last = scenario.answer(OffsetOracle.LATEST);
        Map<String, Long> answered = read(Rule.EXACT_COMMITTED, last, OffsetOracle.LATEST);
        List<CommittedOffset> committed = scenario.committed().orElse(List.of());
        Map<String, Long> readBack = new HashMap<>();
        committed.forEach(offset -> readBack.put(offset.broker() + "/" + offset.queueId(), offset.offset()));
        Findings findings = new Findings(Rule.EXACT_COMMITTED);
        answered.forEach((queue, offset) -> {
            Long stored = readBack.get(queue);
            if (!offset.equals(stored)) {
                findings.add(
                        queue + ": the answer says " + offset + ", the fixture reads back "
                                + (stored == null ? "no committed offset" : stored),
                        last);
            }
        });
        findings.throwIfAny("after the reset to -1 of group " + scenario.group()
                + ", the fixture reads back the offsets the answer listed");
    }

    private static void pairs(KitContext context, Rule rule, Predicate<QueueLog> queues, List<Long> times) {
        ExactScenario scenario = ready(context, rule);
        List<QueueLog> logs = scenario.logs().stream().filter(queues).toList();
        Findings findings = new Findings(rule);
        StringBuilder expected =
                new StringBuilder("each queue's offset as the kit's oracle computes it (the first offset"
                        + " whose store time is >= t; -1: the next offset to be written), on topic " + scenario.topic()
                        + ":");
        for (QueueLog log : logs) {
            expected.append("\n- ")
                    .append(log.queue().shortName())
                    .append(" (")
                    .append(log.scenario())
                    .append(", first offset ")
                    .append(log.firstOffset())
                    .append(", store times ")
                    .append(relative(log.storeTimestamps()))
                    .append(")");
        }
        expected.append("\n(t and store times are written relative to ")
                .append(B)
                .append(')');
        for (long time : times) {
            Exchange exchange = scenario.answer(time);
            Map<String, Long> offsets = read(rule, exchange, time);
            for (QueueLog log : logs) {
                long want = OffsetOracle.offsetAt(log, time);
                Long got = offsets.get(log.queue().shortName());
                if (got == null || got != want) {
                    findings.add(
                            log.queue().shortName() + " (" + log.scenario() + ") at t=" + relative(time) + ": expected "
                                    + want + ", got " + (got == null ? "no entry" : got),
                            exchange);
                }
            }
        }
        findings.throwIfAny(expected.toString());
    }

    private static Map<String, Long> read(Rule rule, Exchange exchange, long time) {
        return Answers.offsets(ExampleChecks.queuesOf(rule, exchange, "The reset to t=" + relative(time)));
    }

    private static ExactScenario ready(KitContext context, Rule rule) {
        ExactScenario scenario = context.exact();
        scenario.setupFailure().ifPresent(failure -> {
            throw new RuleFailure(
                    rule,
                    "the fixture creates topic " + scenario.topic() + " and group " + scenario.group()
                            + " with the kit's messages",
                    "The fixture could not build the scenario: " + failure.getMessage(),
                    List.of());
        });
        return scenario;
    }

    /** The non-empty queues of the first broker that start at offset 0: the plain cases. */
    private static boolean firstBrokerFromZero(QueueLog log) {
        return !log.isEmpty() && log.firstOffset() == 0 && !log.scenario().equals(ExactScenario.SECOND_BROKER);
    }

    private static Predicate<QueueLog> scenario(String name) {
        return log -> log.scenario().equals(name);
    }

    private static String relative(long time) {
        return time == OffsetOracle.LATEST ? "-1" : time < B ? String.valueOf(time) : "+" + (time - B);
    }

    private static String relative(List<Long> times) {
        return times.stream().map(ExactChecks::relative).collect(Collectors.joining(", ", "[", "]"));
    }
}
