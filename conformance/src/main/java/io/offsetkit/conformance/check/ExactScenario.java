package io.offsetkit.conformance.check;

import io.offsetkit.conformance.fixture.CommittedOffset;
import io.offsetkit.conformance.fixture.FilledQueue;
import io.offsetkit.conformance.fixture.Fixture;
import io.offsetkit.conformance.fixture.FixtureException;
import io.offsetkit.conformance.fixture.OffsetOracle;
import io.offsetkit.conformance.fixture.QueueRef;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The data the exact-answer rules check against: a topic and a group with fresh names (their tag is
 * not drawn from the seed, so a replay creates new ones), created through the fixture, whose queues each hold one scenario, then reset to a series of times.
 *
 * <p>The queues (store times relative to {@link #BASE}):
 *
 * <ul>
 *   <li>first broker, queue 0, "ordered": +100, +200, +300, +400;
 *   <li>queue 1, "equal timestamps": +100, +200, +200, +200, +300;
 *   <li>queue 2, "step back": +100, +300, +200, +400 (the clock stepped back after +300);
 *   <li>queue 3, "empty": no message;
 *   <li>queue 4, "first offset 1000" (when the fixture can set it): +150, +250 at offsets 1000 and
 *       1001;
 *   <li>second broker (when the fixture has one), queue 0: +50, +350; queue 1: +250.
 * </ul>
 *
 * The resets go in ascending order of time: 0, then {@link #BASE} +0, +100, +150, +200, +250,
 * +300, +350, +400, +1000, then -1 (latest). Each answer is compared, queue by queue, with {@link
 * OffsetOracle}. Setting up fails at most once: the failure is kept and reported by every rule.
 *
 * <p><b>When the target's brokers stamp the messages</b> ({@link Fixture#choosesStoreTimestamps()}
 * false, a real RocketMQ cluster), the same layout is a plan: the fixture produces the messages
 * paced like it (100 ms apart, the three equal ones in one batch) and the kit keeps the store
 * timestamps the broker assigned. There is no "step back" queue (a broker's clock cannot be made to
 * step back) and no "first offset 1000" queue (a new queue starts at 0), so the empty queue is
 * queue 2. The times reset to are then derived from the actual timestamps of every non-empty queue:
 * 0 and the first one minus 1 (before the first message), each store time (at a message), the
 * midpoint of two neighbours at least 2 ms apart (between two messages), the last one plus 1000
 * (after the last), in ascending order, then -1. Each rule checks its queues at the times derived
 * from their own messages ({@link #beforeFirst}, {@link #atMessage}, ...).
 */
public final class ExactScenario {

    /** 2023-11-14T22:13:20Z: every store time of the scenario is this plus a few milliseconds. */
    public static final long BASE = 1_700_000_000_000L;

    /** The times reset to, in the order sent, when the kit chooses the store times. */
    public static final List<Long> TIMES = List.of(
            0L,
            BASE,
            BASE + 100,
            BASE + 150,
            BASE + 200,
            BASE + 250,
            BASE + 300,
            BASE + 350,
            BASE + 400,
            BASE + 1000,
            OffsetOracle.LATEST);

    /** How far after a queue's last store time the "after the last" reset goes. */
    static final long AFTER_LAST = 1000;

    static final String ORDERED = "ordered";
    static final String EQUAL = "equal timestamps";
    static final String STEP_BACK = "step back";
    static final String EMPTY = "empty";
    static final String FIRST_OFFSET = "first offset 1000";
    static final String SECOND_BROKER = "second broker";

    private final String topic;
    private final String group;
    private final List<String> brokers = new ArrayList<>();
    private final List<FilledQueue> filledQueues = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();
    private final Map<Long, Exchange> answers = new LinkedHashMap<>();
    private boolean stamped;
    private List<CommittedOffset> committed;
    private FixtureException setupFailure;

    ExactScenario(KitContext context, Fixture fixture) {
        // Fresh, not from the seed: a replay against a target that keeps data would otherwise ask
        // the fixture to create the topic and the group the first run created.
        String suffix = Fresh.hex(4);
        this.topic = "offsetkit_ck_" + suffix + "_topic";
        this.group = "offsetkit_ck_" + suffix + "_group";
        if (fixture == null) {
            return;
        }
        try {
            build(context, fixture);
        } catch (FixtureException e) {
            setupFailure = e;
        }
    }

    private void build(KitContext context, Fixture fixture) {
        brokers.addAll(fixture.brokers());
        if (brokers.isEmpty()) {
            throw new FixtureException("The fixture offers no broker to create a topic on.");
        }
        stamped = !fixture.choosesStoreTimestamps();
        List<FilledQueue> plan = plan(fixture);
        Map<String, Integer> queuesPerBroker = new LinkedHashMap<>();
        plan.forEach(filled -> queuesPerBroker.merge(filled.queue().broker(), 1, Integer::sum));
        fixture.createTopic(topic, queuesPerBroker);
        fixture.createGroup(group);
        for (FilledQueue filled : plan) {
            filledQueues.add(stamped ? produce(fixture, filled) : append(fixture, filled));
        }
        times.addAll(stamped ? derivedTimes(filledQueues) : TIMES);
        Target target = context.target().with(context.target().instanceId(), group, topic);
        for (long time : times) {
            answers.put(time, context.http().send(context.resetRequest(target, time)));
        }
        if (fixture.canReadCommittedOffsets()) {
            committed = fixture.committedOffsets(group, topic).orElse(null);
        }
    }

    /** The layout, with planned store times; only the cases the fixture can lay out. */
    private List<FilledQueue> plan(Fixture fixture) {
        String first = brokers.get(0);
        List<FilledQueue> plan = new ArrayList<>();
        plan.add(planned(first, plan.size(), ORDERED, 0, 100, 200, 300, 400));
        plan.add(planned(first, plan.size(), EQUAL, 0, 100, 200, 200, 200, 300));
        if (!stamped) {
            plan.add(planned(first, plan.size(), STEP_BACK, 0, 100, 300, 200, 400));
        }
        plan.add(planned(first, plan.size(), EMPTY, 0));
        if (!stamped && fixture.canSetFirstOffset()) {
            plan.add(planned(first, plan.size(), FIRST_OFFSET, 1000, 150, 250));
        }
        if (brokers.size() >= 2) {
            plan.add(planned(brokers.get(1), 0, SECOND_BROKER, 0, 50, 350));
            plan.add(planned(brokers.get(1), 1, SECOND_BROKER, 0, 250));
        }
        return plan;
    }

    private static FilledQueue append(Fixture fixture, FilledQueue filled) {
        if (!filled.isEmpty() || filled.firstOffset() != 0) {
            fixture.appendMessages(filled.queue(), filled.firstOffset(), filled.storeTimestamps());
        }
        return filled;
    }

    private static FilledQueue produce(Fixture fixture, FilledQueue planned) {
        if (planned.isEmpty()) {
            return planned;
        }
        List<Long> actual = fixture.produceMessages(planned.queue(), planned.storeTimestamps());
        if (actual.size() != planned.storeTimestamps().size()) {
            throw new FixtureException("The fixture produced "
                    + planned.storeTimestamps().size() + " messages into "
                    + planned.queue().shortName() + " but returned " + actual.size() + " store timestamps: " + actual);
        }
        return new FilledQueue(planned.queue(), planned.scenario(), 0, actual);
    }

    /** Every time a rule checks some queue at, ascending, then -1. */
    private List<Long> derivedTimes(List<FilledQueue> queues) {
        TreeSet<Long> derived = new TreeSet<>();
        for (FilledQueue filled : queues) {
            if (!filled.isEmpty()) {
                derived.addAll(beforeFirst(filled));
                derived.addAll(atMessage(filled));
                derived.addAll(between(filled));
                derived.addAll(equalTimestamps(filled));
                derived.addAll(afterLast(filled));
            }
        }
        List<Long> ordered = new ArrayList<>(derived);
        ordered.add(OffsetOracle.LATEST);
        return ordered;
    }

    private FilledQueue planned(String broker, int queueId, String scenario, long firstOffset, long... relativeTimes) {
        List<Long> planned = new ArrayList<>();
        for (long relative : relativeTimes) {
            planned.add(BASE + relative);
        }
        return new FilledQueue(new QueueRef(topic, broker, queueId), scenario, firstOffset, planned);
    }

    /** Whether the target's brokers stamped the messages, so the times are derived from theirs. */
    public boolean stamped() {
        return stamped;
    }

    /**
     * The moment times are written relative to in messages: {@link #BASE}, or, when the brokers
     * stamped the messages, the whole second at or before the earliest store time.
     */
    public long origin() {
        if (!stamped) {
            return BASE;
        }
        long earliest = filledQueues.stream()
                .flatMap(filled -> filled.storeTimestamps().stream())
                .min(Long::compare)
                .orElse(BASE);
        return earliest - Math.floorMod(earliest, 1000L);
    }

    /** The times reset to, in the order sent (-1 last). */
    public List<Long> times() {
        return List.copyOf(times);
    }

    /** Before the queue's first message: 0 and {@link #BASE}, or 0 and the first store time minus 1. */
    List<Long> beforeFirst(FilledQueue filled) {
        if (!stamped) {
            return List.of(0L, BASE);
        }
        long first = filled.storeTimestamps().get(0);
        return first > 1 ? List.of(0L, first - 1) : List.of(0L);
    }

    /** At each message's store time. */
    List<Long> atMessage(FilledQueue filled) {
        return stamped
                ? filled.storeTimestamps().stream().distinct().toList()
                : List.of(BASE + 100, BASE + 200, BASE + 300, BASE + 400);
    }

    /** Strictly between two neighbouring messages: the midpoints of gaps of at least 2 ms. */
    List<Long> between(FilledQueue filled) {
        if (!stamped) {
            return List.of(BASE + 150, BASE + 250, BASE + 350);
        }
        List<Long> midpoints = new ArrayList<>();
        List<Long> stamps = filled.storeTimestamps();
        for (int i = 1; i < stamps.size(); i++) {
            midpoint(stamps.get(i - 1), stamps.get(i)).ifPresent(midpoints::add);
        }
        return midpoints;
    }

    /**
     * At a run of equal store times, and just before and after it (the midpoints to its neighbours
     * at least 2 ms away); empty when the queue has no equal store times.
     */
    List<Long> equalTimestamps(FilledQueue filled) {
        if (!stamped) {
            return List.of(BASE + 150, BASE + 200, BASE + 250);
        }
        List<Long> stamps = filled.storeTimestamps();
        List<Long> around = new ArrayList<>();
        for (int i = 1; i < stamps.size(); i++) {
            long time = stamps.get(i);
            boolean runStarts = stamps.get(i - 1) == time && (i < 2 || stamps.get(i - 2) != time);
            if (!runStarts) {
                continue;
            }
            if (i >= 2) {
                midpoint(stamps.get(i - 2), time).ifPresent(around::add);
            }
            around.add(time);
            stamps.stream()
                    .skip(i)
                    .filter(later -> later != time)
                    .findFirst()
                    .flatMap(next -> midpoint(time, next))
                    .ifPresent(around::add);
        }
        return around;
    }

    /** Where the clock stepped back; only when the kit chooses the store times. */
    List<Long> stepBack(FilledQueue filled) {
        return List.of(BASE + 150, BASE + 200, BASE + 250, BASE + 300, BASE + 350, BASE + 400);
    }

    /** After the queue's last message: {@link #BASE} +1000, or its last store time plus 1000. */
    List<Long> afterLast(FilledQueue filled) {
        if (!stamped) {
            return List.of(BASE + AFTER_LAST);
        }
        List<Long> stamps = filled.storeTimestamps();
        return List.of(stamps.get(stamps.size() - 1) + AFTER_LAST);
    }

    private static Optional<Long> midpoint(long earlier, long later) {
        return later - earlier >= 2 ? Optional.of(earlier + (later - earlier) / 2) : Optional.empty();
    }

    /** The failure of the set-up, if it failed. */
    public Optional<FixtureException> setupFailure() {
        return Optional.ofNullable(setupFailure);
    }

    public String topic() {
        return topic;
    }

    public String group() {
        return group;
    }

    /** The fixture's brokers. */
    public List<String> brokers() {
        if (setupFailure != null) {
            throw setupFailure;
        }
        return List.copyOf(brokers);
    }

    /** Every queue the kit filled, in layout order. */
    public List<FilledQueue> filledQueues() {
        return List.copyOf(filledQueues);
    }

    /** The answer to each reset, by time, in the order sent (-1 last). */
    public Map<Long, Exchange> answers() {
        return Map.copyOf(answers);
    }

    /** The answer to the reset to one time. */
    public Exchange answer(long time) {
        return answers.get(time);
    }

    /** The group's committed offsets after the last reset (-1), when the fixture reads them. */
    public Optional<List<CommittedOffset>> committed() {
        return Optional.ofNullable(committed);
    }
}
