package io.offsetkit.conformance.check;

import io.offsetkit.conformance.fixture.FilledQueue;
import io.offsetkit.conformance.fixture.FixtureException;
import io.offsetkit.conformance.fixture.OffsetOracle;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.rules.Rule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The exact-answer rules: each judges the (queue, time) pairs of its scenario in {@link
 * ExactScenario} against {@link OffsetOracle}, so that a wrong lookup shows in the rule that names
 * the case it gets wrong.
 */
final class ExactChecks {

    private ExactChecks() {}

    static void beforeFirst(KitContext context) {
        ExactScenario scenario = ready(context, Rule.EXACT_BEFORE_FIRST);
        pairs(scenario, Rule.EXACT_BEFORE_FIRST, ExactChecks::firstBrokerFromZero, scenario::beforeFirst);
    }

    static void atMessage(KitContext context) {
        ExactScenario scenario = ready(context, Rule.EXACT_AT_MESSAGE);
        pairs(scenario, Rule.EXACT_AT_MESSAGE, scenario(ExactScenario.ORDERED), scenario::atMessage);
    }

    static void between(KitContext context) {
        ExactScenario scenario = ready(context, Rule.EXACT_BETWEEN);
        skipWhenNoTime(
                scenario,
                ExactScenario.ORDERED,
                scenario::between,
                "no two neighbouring messages got store times at least 2 ms apart, so no time lies strictly between two");
        pairs(scenario, Rule.EXACT_BETWEEN, scenario(ExactScenario.ORDERED), scenario::between);
    }

    static void equalTimestamps(KitContext context) {
        ExactScenario scenario = ready(context, Rule.EXACT_EQUAL_TIMESTAMPS);
        skipWhenNoTime(
                scenario,
                ExactScenario.EQUAL,
                scenario::equalTimestamps,
                "the messages sent in one batch got different store times from the broker, so there are no equal"
                        + " timestamps to check");
        pairs(scenario, Rule.EXACT_EQUAL_TIMESTAMPS, scenario(ExactScenario.EQUAL), scenario::equalTimestamps);
    }

    static void stepBack(KitContext context) {
        ExactScenario scenario = ready(context, Rule.EXACT_STEP_BACK);
        pairs(scenario, Rule.EXACT_STEP_BACK, scenario(ExactScenario.STEP_BACK), scenario::stepBack);
    }

    static void afterLast(KitContext context) {
        ExactScenario scenario = ready(context, Rule.EXACT_AFTER_LAST);
        pairs(scenario, Rule.EXACT_AFTER_LAST, ExactChecks::firstBrokerFromZero, scenario::afterLast);
    }

    static void emptyQueue(KitContext context) {
        ExactScenario scenario = ready(context, Rule.EXACT_EMPTY_QUEUE);
        pairs(scenario, Rule.EXACT_EMPTY_QUEUE, scenario(ExactScenario.EMPTY), filled -> scenario.times());
    }

    static void latest(KitContext context) {
        ExactScenario scenario = ready(context, Rule.EXACT_LATEST);
        pairs(scenario, Rule.EXACT_LATEST, ExactChecks::firstBrokerFromZero, filled -> List.of(OffsetOracle.LATEST));
    }

    static void firstOffsetNotZero(KitContext context) {
        ExactScenario scenario = ready(context, Rule.EXACT_FIRST_OFFSET_NOT_ZERO);
        pairs(
                scenario,
                Rule.EXACT_FIRST_OFFSET_NOT_ZERO,
                scenario(ExactScenario.FIRST_OFFSET),
                filled -> scenario.times());
    }

    static void severalBrokers(KitContext context) {
        ExactScenario scenario = ready(context, Rule.EXACT_SEVERAL_BROKERS);
        Findings findings = new Findings(Rule.EXACT_SEVERAL_BROKERS);
        Set<String> layout = scenario.filledQueues().stream()
                .map(filled -> filled.queue().shortName())
                .collect(Collectors.toCollection(TreeSet::new));
        for (long time : scenario.times()) {
            Exchange exchange = scenario.answer(time);
            Set<String> listed = new TreeSet<>(
                    read(scenario, Rule.EXACT_SEVERAL_BROKERS, exchange, time).keySet());
            if (!listed.equals(layout)) {
                Set<String> missing = new TreeSet<>(layout);
                missing.removeAll(listed);
                Set<String> extra = new TreeSet<>(listed);
                extra.removeAll(layout);
                findings.add("at t=" + time + " missing " + missing + ", extra " + extra, exchange);
            }
        }
        findings.throwIfAny("every queue of the topic " + scenario.topic() + " on every broker, no other: " + layout);
        pairs(scenario, Rule.EXACT_SEVERAL_BROKERS, scenario(ExactScenario.SECOND_BROKER), filled -> scenario.times());
    }

    /**
     * Checks each queue the predicate selects at each of its own times (time-major, in the order the
     * resets were sent) against the oracle.
     */
    private static void pairs(
            ExactScenario scenario,
            Rule rule,
            Predicate<FilledQueue> queues,
            Function<FilledQueue, List<Long>> timesOf) {
        List<FilledQueue> filledQueues =
                scenario.filledQueues().stream().filter(queues).toList();
        long origin = scenario.origin();
        Findings findings = new Findings(rule);
        StringBuilder expected =
                new StringBuilder("each queue's offset as the kit's oracle computes it (the first offset"
                        + " whose store time is >= t; -1: the next offset to be written), on topic " + scenario.topic()
                        + ":");
        for (FilledQueue filled : filledQueues) {
            expected.append("\n- ")
                    .append(filled.queue().shortName())
                    .append(" (")
                    .append(filled.scenario())
                    .append(", first offset ")
                    .append(filled.firstOffset())
                    .append(", store times ")
                    .append(relative(filled.storeTimestamps(), origin))
                    .append(")");
        }
        expected.append("\n(t and store times are written relative to ")
                .append(origin)
                .append(scenario.stamped() ? ", store times as the target's brokers stamped them)" : ")");
        for (long time : scenario.times()) {
            List<FilledQueue> atTime = filledQueues.stream()
                    .filter(filled -> timesOf.apply(filled).contains(time))
                    .toList();
            if (atTime.isEmpty()) {
                continue;
            }
            Exchange exchange = scenario.answer(time);
            Map<String, Long> offsets = read(scenario, rule, exchange, time);
            for (FilledQueue filled : atTime) {
                long want = OffsetOracle.offsetAt(filled, time);
                Long got = offsets.get(filled.queue().shortName());
                if (got == null || got != want) {
                    findings.add(
                            filled.queue().shortName() + " (" + filled.scenario() + ") at t=" + relative(time, origin)
                                    + ": expected " + want + ", got " + (got == null ? "no entry" : got),
                            exchange);
                }
            }
        }
        findings.throwIfAny(expected.toString());
    }

    /** Skips the rule when the brokers' store times leave its queue no time to check. */
    private static void skipWhenNoTime(
            ExactScenario scenario, String queueScenario, Function<FilledQueue, List<Long>> timesOf, String reason) {
        List<FilledQueue> filledQueues =
                scenario.filledQueues().stream().filter(scenario(queueScenario)).toList();
        if (filledQueues.stream().allMatch(filled -> timesOf.apply(filled).isEmpty())) {
            throw new RuleSkipped(reason + " (store times "
                    + filledQueues.stream()
                            .map(filled -> filled.queue().shortName() + " " + filled.storeTimestamps())
                            .collect(Collectors.joining(", "))
                    + ")");
        }
    }

    private static Map<String, Long> read(ExactScenario scenario, Rule rule, Exchange exchange, long time) {
        return Answers.offsets(
                ExampleChecks.queuesOf(rule, exchange, "The reset to t=" + relative(time, scenario.origin())));
    }

    static ExactScenario ready(KitContext context, Rule rule) {
        ExactScenario scenario = context.exact();
        scenario.setupFailure().ifPresent(failure -> {
            // the kit's own harness broke, not the rule: an error of the kit, no verdict on the target
            throw new FixtureException(
                    "it could not create topic " + scenario.topic() + " and group " + scenario.group()
                            + " with the kit's messages: " + failure.getMessage(),
                    failure);
        });
        return scenario;
    }

    /** The non-empty queues of the first broker that start at offset 0: the plain cases. */
    private static boolean firstBrokerFromZero(FilledQueue filled) {
        return !filled.isEmpty()
                && filled.firstOffset() == 0
                && !filled.scenario().equals(ExactScenario.SECOND_BROKER);
    }

    private static Predicate<FilledQueue> scenario(String name) {
        return filled -> filled.scenario().equals(name);
    }

    private static String relative(long time, long origin) {
        return time == OffsetOracle.LATEST ? "-1" : time < origin ? String.valueOf(time) : "+" + (time - origin);
    }

    private static String relative(List<Long> times, long origin) {
        return times.stream().map(time -> relative(time, origin)).collect(Collectors.joining(", ", "[", "]"));
    }
}
