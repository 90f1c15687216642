package io.offsetkit.conformance.check;

import io.offsetkit.conformance.fixture.CommittedOffset;
import io.offsetkit.conformance.fixture.Fixture;
import io.offsetkit.conformance.fixture.FixtureException;
import io.offsetkit.conformance.fixture.OffsetOracle;
import io.offsetkit.conformance.fixture.QueueLog;
import io.offsetkit.conformance.fixture.QueueRef;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.RawRequest;
import io.offsetkit.conformance.http.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data the exact-answer rules check against: a topic and a group with fresh names, created
 * through the fixture, whose queues each hold one scenario, then reset to a series of times.
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
 */
public final class ExactScenario {

    /** 2023-11-14T22:13:20Z: every store time of the scenario is this plus a few milliseconds. */
    public static final long BASE = 1_700_000_000_000L;

    /** The times reset to, in the order sent. */
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

    static final String ORDERED = "ordered";
    static final String EQUAL = "equal timestamps";
    static final String STEP_BACK = "step back";
    static final String EMPTY = "empty";
    static final String FIRST_OFFSET = "first offset 1000";
    static final String SECOND_BROKER = "second broker";

    private final String topic;
    private final String group;
    private final List<String> brokers = new ArrayList<>();
    private final List<QueueLog> logs = new ArrayList<>();
    private final Map<Long, Exchange> answers = new LinkedHashMap<>();
    private List<CommittedOffset> committed;
    private FixtureException setupFailure;

    ExactScenario(KitContext context, Fixture fixture) {
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
        String first = brokers.get(0);
        logs.add(log(first, 0, ORDERED, 0, 100, 200, 300, 400));
        logs.add(log(first, 1, EQUAL, 0, 100, 200, 200, 200, 300));
        logs.add(log(first, 2, STEP_BACK, 0, 100, 300, 200, 400));
        logs.add(log(first, 3, EMPTY, 0));
        if (fixture.canSetFirstOffset()) {
            logs.add(log(first, 4, FIRST_OFFSET, 1000, 150, 250));
        }
        if (brokers.size() >= 2) {
            logs.add(log(brokers.get(1), 0, SECOND_BROKER, 0, 50, 350));
            logs.add(log(brokers.get(1), 1, SECOND_BROKER, 0, 250));
        }
        Map<String, Integer> queuesPerBroker = new LinkedHashMap<>();
        logs.forEach(log -> queuesPerBroker.merge(log.queue().broker(), 1, Integer::sum));
        fixture.createTopic(topic, queuesPerBroker);
        fixture.createGroup(group);
        for (QueueLog log : logs) {
            if (!log.isEmpty() || log.firstOffset() != 0) {
                fixture.appendMessages(log.queue(), log.firstOffset(), log.storeTimestamps());
            }
        }
        Target target = context.target().with(context.target().instanceId(), group, topic);
        for (long time : TIMES) {
            answers.put(
                    time,
                    context.http()
                            .send(RawRequest.postJson(
                                    target.resetPath(target.engine()), KitContext.resetBody(topic, time))));
        }
        if (fixture.canReadCommittedOffsets()) {
            committed = fixture.committedOffsets(group, topic).orElse(null);
        }
    }

    private QueueLog log(String broker, int queueId, String scenario, long firstOffset, long... relativeTimes) {
        List<Long> times = new ArrayList<>();
        for (long relative : relativeTimes) {
            times.add(BASE + relative);
        }
        return new QueueLog(new QueueRef(topic, broker, queueId), scenario, firstOffset, times);
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
    public List<QueueLog> logs() {
        return List.copyOf(logs);
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
