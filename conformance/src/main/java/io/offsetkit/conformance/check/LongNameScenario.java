package io.offsetkit.conformance.check;

import io.offsetkit.conformance.fixture.CommittedOffset;
import io.offsetkit.conformance.fixture.FilledQueue;
import io.offsetkit.conformance.fixture.Fixture;
import io.offsetkit.conformance.fixture.FixtureException;
import io.offsetkit.conformance.fixture.QueueRef;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The data of RESET-EDGE-04: a topic and a group named at their longest, holding every character
 * their patterns allow ({@code %} and {@code |} included, which travel percent-encoded in the path),
 * made through the fixture: one queue on the first broker with two messages, reset to the second
 * message's store time (offset 1: neither the first nor the latest, so neither a default nor a
 * shortcut can pass), then read back when the fixture can.
 *
 * <p>Names start with {@code offsetkit_ck_} and a fresh tag (new on every run, a replay included),
 * then every allowed character, then lower-case letters and digits up to the limit (their order
 * drawn from the seed): characters every store keeps as they are, so that the length tested is the
 * name's, whatever a store does with the others.
 */
final class LongNameScenario {

    /** The characters the names are filled up with. */
    static final String FILL = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final String topic;
    private final String group;
    private FilledQueue filled;
    private long time;
    private Exchange answer;
    private Map<String, Long> committed;
    private FixtureException setupFailure;

    LongNameScenario(KitContext context) {
        SplittableRandom random = context.random().stream("long-names");
        // The tag is fresh, not from the seed, so that a replay does not create the same topic again.
        String prefix = "offsetkit_ck_" + Fresh.hex(4) + "_";
        this.topic = ContractEdges.longestWithEveryCharacter(context.facts().topicSchema(), prefix, FILL, random);
        this.group =
                ContractEdges.longestWithEveryCharacter(context.facts().parameterSchema("group"), prefix, FILL, random);
        Fixture fixture = context.fixture().orElseThrow();
        try {
            build(context, fixture);
        } catch (FixtureException e) {
            setupFailure = e;
        }
    }

    private void build(KitContext context, Fixture fixture) {
        List<String> brokers = fixture.brokers();
        if (brokers.isEmpty()) {
            throw new FixtureException("The fixture offers no broker to create a topic on.");
        }
        QueueRef queue = new QueueRef(topic, brokers.get(0), 0);
        fixture.createTopic(topic, Map.of(queue.broker(), 1));
        fixture.createGroup(group);
        List<Long> stamps = fixture.produceMessages(queue, List.of(ExactScenario.BASE + 100, ExactScenario.BASE + 200));
        filled = new FilledQueue(queue, "long names", 0, stamps);
        Target target = context.target().with(context.target().instanceId(), group, topic);
        time = stamps.get(stamps.size() - 1);
        answer = context.http().send(context.resetRequest(target, time));
        if (fixture.canReadCommittedOffsets()) {
            committed = fixture.committedOffsets(group, topic)
                    .map(CommittedOffset::byQueue)
                    .orElse(null);
        }
    }

    String topic() {
        return topic;
    }

    String group() {
        return group;
    }

    /** The queue and the store times of its messages. */
    FilledQueue filledQueue() {
        return filled;
    }

    /** The time reset to: the second message's store time. */
    long time() {
        return time;
    }

    /** The answer to the reset. */
    Exchange answer() {
        return answer;
    }

    /** The group's committed offsets after the reset, by queue, when the fixture reads them. */
    Optional<Map<String, Long>> committed() {
        return Optional.ofNullable(committed);
    }

    Optional<FixtureException> setupFailure() {
        return Optional.ofNullable(setupFailure);
    }
}
