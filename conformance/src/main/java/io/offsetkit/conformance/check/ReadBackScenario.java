package io.offsetkit.conformance.check;

import io.offsetkit.conformance.fixture.FilledQueue;
import io.offsetkit.conformance.fixture.FixtureException;
import io.offsetkit.conformance.fixture.OffsetOracle;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.rules.Capability;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resets whose effects the read-back rules judge, each followed by a read-back of the group's
 * committed offsets through an {@link OffsetReader} (the contract's progress read when the target
 * implements it, else the fixture), in this order:
 *
 * <ol>
 *   <li>latest: the group at -1 (with a fixture, the end of {@link ExactScenario}'s series on its own
 *       topic and group; black-box, a reset of the target's group to -1), then read back;
 *   <li>backwards: the group reset to {@link #backTime()} (with a fixture, the store time of the
 *       "ordered" queue's second message; black-box, 0, the earliest), then read back;
 *   <li>another group: a second group (made by the fixture, or the one the user named) reset to -1 on
 *       the same topic, then the first group read back again;
 *   <li>refused: the first group reset with a timestamp of -2, and, when the kit has credentials, to
 *       -1 without them; then read back again.
 * </ol>
 *
 * Each read-back is compared with the previous one by the rule that judges the step. A failure to
 * build or read back is kept and reported by each rule.
 */
final class ReadBackScenario {

    private final ExactScenario exact;
    private final OffsetReader reader;
    private final String group;
    private final String topic;
    private Exchange latestAnswer;
    private Map<String, Long> afterLatest;
    private long backTime;
    private Exchange backAnswer;
    private Map<String, Long> afterBack;
    private String otherGroup;
    private Exchange otherGroupAnswer;
    private Map<String, Long> afterOtherGroup;
    private final List<Exchange> refused = new ArrayList<>();
    private Map<String, Long> afterRefused;
    private RuntimeException setupFailure;

    /**
     * @param exact the fixture's scenario, whose topic and group the resets go to; null for none
     *     (black-box: the target's own group and topic)
     * @param otherGroup the second group to reset; null to have the fixture create one (without a
     *     fixture, the other-group step is left out)
     */
    ReadBackScenario(KitContext context, ExactScenario exact, OffsetReader reader, String otherGroup) {
        this.exact = exact;
        this.reader = reader;
        this.group = exact == null ? context.target().group() : exact.group();
        this.topic = exact == null ? context.target().topic() : exact.topic();
        if (exact != null && exact.setupFailure().isPresent()) {
            setupFailure = exact.setupFailure().get();
            return;
        }
        try {
            build(context, otherGroup);
        } catch (FixtureException e) {
            setupFailure = e;
        }
    }

    private void build(KitContext context, String namedOtherGroup) {
        Target target = context.target().with(context.target().instanceId(), group, topic);
        if (exact != null) {
            latestAnswer = exact.answer(OffsetOracle.LATEST);
            FilledQueue ordered = exact.filledQueues().stream()
                    .filter(filled -> filled.scenario().equals(ExactScenario.ORDERED))
                    .findFirst()
                    .orElseThrow();
            backTime = ordered.storeTimestamps().get(1);
        } else {
            latestAnswer = context.http().send(context.resetRequest(target, -1));
            backTime = 0;
        }
        afterLatest = reader.read(group, topic);
        backAnswer = context.http().send(context.resetRequest(target, backTime));
        afterBack = reader.read(group, topic);

        if (namedOtherGroup != null) {
            otherGroup = namedOtherGroup;
        } else if (exact != null) {
            otherGroup = group + "_other";
            context.fixture().orElseThrow().createGroup(otherGroup);
        }
        afterOtherGroup = afterBack;
        if (otherGroup != null) {
            Target other = target.with(target.instanceId(), otherGroup, topic);
            otherGroupAnswer = context.http().send(context.resetRequest(other, -1));
            afterOtherGroup = reader.read(group, topic);
        }

        refused.add(context.http().send(context.resetRequest(target, -2)));
        if (context.has(Capability.CREDENTIALS)) {
            refused.add(context.http().sendUnauthenticated(context.resetRequest(target, -1)));
        }
        afterRefused = reader.read(group, topic);
    }

    /** The fixture's scenario the resets go on top of; empty black-box. */
    Optional<ExactScenario> exact() {
        return Optional.ofNullable(exact);
    }

    /** Who reads the offsets back. */
    OffsetReader reader() {
        return reader;
    }

    /** The group the resets move. */
    String group() {
        return group;
    }

    String topic() {
        return topic;
    }

    /** The reset to -1 the scenario starts from. */
    Exchange latestAnswer() {
        return latestAnswer;
    }

    /** The group's committed offsets after the reset to -1, by queue ({@code broker-1/0}); null or absent where none. */
    Map<String, Long> afterLatest() {
        return afterLatest;
    }

    /** The time of the reset backwards. */
    long backTime() {
        return backTime;
    }

    Exchange backAnswer() {
        return backAnswer;
    }

    /** The group's committed offsets after the reset backwards. */
    Map<String, Long> afterBack() {
        return afterBack;
    }

    /** The second group; empty when none was named and no fixture could create one. */
    Optional<String> otherGroup() {
        return Optional.ofNullable(otherGroup);
    }

    Exchange otherGroupAnswer() {
        return otherGroupAnswer;
    }

    /** The first group's committed offsets after the other group's reset (after the reset backwards when none). */
    Map<String, Long> afterOtherGroup() {
        return afterOtherGroup;
    }

    /** The resets that must have been refused, in the order sent. */
    List<Exchange> refused() {
        return List.copyOf(refused);
    }

    /** The first group's committed offsets after the refused resets. */
    Map<String, Long> afterRefused() {
        return afterRefused;
    }

    Optional<RuntimeException> setupFailure() {
        return Optional.ofNullable(setupFailure);
    }
}
