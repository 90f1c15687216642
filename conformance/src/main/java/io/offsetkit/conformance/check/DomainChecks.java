package io.offsetkit.conformance.check;

import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.Operations;
import io.offsetkit.conformance.rules.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The domain rules that hold for any data: judged on the sweep over times (ascending, then -1) of the
 * user's group and topic, and on pairs of requests that must agree.
 */
final class DomainChecks {

    // Shared by the engine-alias and the older-route rules: both compare with the same reset.
    private static final Probe<Exchange> ALIAS_ROCKETMQ = new Probe<>("alias-rocketmq");
    private static final Probe<Exchange> ALIAS_RELIABILITY = new Probe<>("alias-reliability");
    private static final Probe<Exchange> REPEAT_FIRST = new Probe<>("repeat-1");
    private static final Probe<Exchange> REPEAT_SECOND = new Probe<>("repeat-2");
    private static final Probe<Exchange> OLDER_ROUTE = new Probe<>("older-route");

    private DomainChecks() {}

    /** One answer of the sweep, read. */
    private record Point(long time, Exchange exchange, List<QueueEntry> queues) {
        Map<String, Long> offsets() {
            return Answers.offsets(queues);
        }
    }

    static void nonNegative(KitContext context) {
        Findings findings = new Findings(Rule.DOMAIN_NON_NEGATIVE);
        for (Point point : sweep(context, Rule.DOMAIN_NON_NEGATIVE)) {
            for (QueueEntry entry : point.queues()) {
                if (entry.offset() < 0) {
                    findings.add(
                            "at t=" + point.time() + " " + entry.key() + " was reset to " + entry.offset(),
                            point.exchange());
                }
            }
        }
        findings.throwIfAny("every timestamp_offset >= 0");
    }

    static void eachQueueOnce(KitContext context) {
        Findings findings = new Findings(Rule.DOMAIN_EACH_QUEUE_ONCE);
        for (Point point : sweep(context, Rule.DOMAIN_EACH_QUEUE_ONCE)) {
            Set<String> seen = new HashSet<>();
            for (QueueEntry entry : point.queues()) {
                if (!seen.add(entry.key())) {
                    findings.add(
                            "at t=" + point.time() + " " + entry.key() + " is listed more than once", point.exchange());
                }
            }
        }
        findings.throwIfAny("each (broker_name, queue_id) once in every answer");
    }

    static void sameQueues(KitContext context) {
        Findings findings = new Findings(Rule.DOMAIN_SAME_QUEUES);
        List<Point> points = sweep(context, Rule.DOMAIN_SAME_QUEUES);
        Point first = points.get(0);
        Set<String> expected = new TreeSet<>(first.offsets().keySet());
        for (Point point : points.subList(1, points.size())) {
            Set<String> actual = new TreeSet<>(point.offsets().keySet());
            if (!actual.equals(expected)) {
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(actual);
                Set<String> extra = new TreeSet<>(actual);
                extra.removeAll(expected);
                findings.add(
                        "at t=" + point.time() + " the queues differ from those at t=" + first.time() + ": missing "
                                + missing + ", extra " + extra,
                        point.exchange());
                findings.show(first.exchange());
            }
        }
        findings.throwIfAny("the same queues at every time as at t=" + first.time() + ": " + expected);
    }

    static void monotone(KitContext context) {
        Findings findings = new Findings(Rule.DOMAIN_MONOTONE);
        List<Point> times = sweep(context, Rule.DOMAIN_MONOTONE).stream()
                .filter(point -> point.time() >= 0)
                .toList();
        for (int i = 0; i < times.size(); i++) {
            for (int j = i + 1; j < times.size(); j++) {
                Point earlier = times.get(i);
                Point later = times.get(j);
                Map<String, Long> laterOffsets = later.offsets();
                earlier.offsets().forEach((queue, offset) -> {
                    Long then = laterOffsets.get(queue);
                    if (then != null && then < offset) {
                        findings.add(
                                queue + " is " + offset + " at t=" + earlier.time() + " but " + then
                                        + " at the later t=" + later.time(),
                                earlier.exchange());
                        findings.show(later.exchange());
                    }
                });
            }
        }
        findings.throwIfAny("for t1 < t2, every queue's offset at t1 <= its offset at t2");
    }

    static void latest(KitContext context) {
        List<Point> points = sweep(context, Rule.DOMAIN_LATEST);
        Point latest = points.get(points.size() - 1);
        compareAll(Rule.DOMAIN_LATEST, latest, points, true);
    }

    static void earliest(KitContext context) {
        List<Point> points = sweep(context, Rule.DOMAIN_EARLIEST);
        Point zero = points.stream().filter(p -> p.time() == 0).findFirst().orElseThrow();
        compareAll(Rule.DOMAIN_EARLIEST, zero, points, false);
    }

    static void engineAlias(KitContext context) {
        long time = context.facts().timestamp();
        Exchange rocketmq = context.once(ALIAS_ROCKETMQ, () -> context.reset("rocketmq", time));
        Exchange reliability = context.once(ALIAS_RELIABILITY, () -> context.reset("reliability", time));
        same(Rule.DOMAIN_ENGINE_ALIAS, "engine rocketmq", rocketmq, "engine reliability", reliability);
    }

    static void idempotent(KitContext context) {
        long time = context.facts().timestamp();
        Exchange first =
                context.once(REPEAT_FIRST, () -> context.reset(context.target().engine(), time));
        Exchange second =
                context.once(REPEAT_SECOND, () -> context.reset(context.target().engine(), time));
        same(Rule.DOMAIN_IDEMPOTENT, "the first request", first, "the same request again", second);
    }

    static void olderRoute(KitContext context) {
        long time = context.facts().timestamp();
        Exchange rocketmq = context.once(ALIAS_ROCKETMQ, () -> context.reset("rocketmq", time));
        Exchange older = context.once(
                OLDER_ROUTE,
                () -> context.http()
                        .send(context.request(Operations.RESET_OLDER_ROUTE)
                                .withJson(KitContext.resetBody(context.target().topic(), time))));
        same(Rule.DOMAIN_OLDER_ROUTE, "engine rocketmq", rocketmq, "the older route", older);
    }

    private static void compareAll(Rule rule, Point reference, List<Point> points, boolean atLeast) {
        Findings findings = new Findings(rule);
        Map<String, Long> offsets = reference.offsets();
        for (Point point : points) {
            if (point == reference) {
                continue;
            }
            point.offsets().forEach((queue, offset) -> {
                Long at = offsets.get(queue);
                if (at != null && (atLeast ? at < offset : at > offset)) {
                    findings.add(
                            queue + " is " + at + " at t=" + reference.time() + " but " + offset + " at t="
                                    + point.time(),
                            reference.exchange());
                    findings.show(point.exchange());
                }
            });
        }
        findings.throwIfAny("every queue's offset at t=" + reference.time() + (atLeast ? " >= " : " <= ")
                + "its offset at any other time");
    }

    private static void same(Rule rule, String firstName, Exchange first, String secondName, Exchange second) {
        List<QueueEntry> a = ExampleChecks.queuesOf(rule, first, firstName);
        List<QueueEntry> b = ExampleChecks.queuesOf(rule, second, secondName);
        if (!ExampleChecks.sorted(a).equals(ExampleChecks.sorted(b))) {
            throw Findings.fail(
                    rule,
                    secondName + " answered as " + firstName + ":\n" + ExampleChecks.describe(a),
                    secondName + " answered otherwise:\n" + ExampleChecks.describe(b),
                    second,
                    first);
        }
    }

    private static List<Point> sweep(KitContext context, Rule rule) {
        List<Point> points = new ArrayList<>();
        for (TimedExchange timed : context.sweep()) {
            points.add(new Point(
                    timed.timestamp(),
                    timed.exchange(),
                    ExampleChecks.queuesOf(rule, timed.exchange(), "The reset to t=" + timed.timestamp())));
        }
        return points;
    }
}
