package io.offsetkit.conformance.check;

import io.offsetkit.conformance.fixture.CommittedOffset;
import io.offsetkit.conformance.fixture.FilledQueue;
import io.offsetkit.conformance.fixture.Fixture;
import io.offsetkit.conformance.fixture.FixtureException;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.rules.Capability;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resets whose effects the fixture reads back, sent on {@link ExactScenario}'s topic after its
 * series (which ends with the group at -1, every queue at its maximum offset), in this order:
 *
 * <ol>
 *   <li>backwards: the group reset to {@link #backTime()}, the store time of the "ordered" queue's
 *       second message, then read back;
 *   <li>another group: a second group, made for it, reset to -1 on the same topic, then the first
 *       group read back again;
 *   <li>refused: the first group reset with a timestamp of -2, and, when the kit has credentials,
 *       to -1 without them; then read back again.
 * </ol>
 *
 * Each read-back is compared with the previous one by the rule that judges the step. A failure of
 * the fixture is kept and reported by each rule.
 */
final class ReadBackScenario {

    private final ExactScenario exact;
    private long backTime;
    private Exchange backAnswer;
    private Map<String, Long> afterBack;
    private String otherGroup;
    private Exchange otherGroupAnswer;
    private Map<String, Long> afterOtherGroup;
    private final List<Exchange> refused = new ArrayList<>();
    private Map<String, Long> afterRefused;
    private FixtureException setupFailure;

    ReadBackScenario(KitContext context, ExactScenario exact, Fixture fixture) {
        this.exact = exact;
        if (exact.setupFailure().isPresent()) {
            return;
        }
        try {
            build(context, fixture);
        } catch (FixtureException e) {
            setupFailure = e;
        }
    }

    private void build(KitContext context, Fixture fixture) {
        Target target = context.target().with(context.target().instanceId(), exact.group(), exact.topic());
        FilledQueue ordered = exact.filledQueues().stream()
                .filter(filled -> filled.scenario().equals(ExactScenario.ORDERED))
                .findFirst()
                .orElseThrow();
        backTime = ordered.storeTimestamps().get(1);
        backAnswer = context.http().send(KitContext.resetRequest(target, backTime));
        afterBack = readBack(fixture, exact.group());

        otherGroup = exact.group() + "_other";
        fixture.createGroup(otherGroup);
        Target other = target.with(target.instanceId(), otherGroup, exact.topic());
        otherGroupAnswer = context.http().send(KitContext.resetRequest(other, -1));
        afterOtherGroup = readBack(fixture, exact.group());

        refused.add(context.http().send(KitContext.resetRequest(target, -2)));
        if (context.has(Capability.CREDENTIALS)) {
            refused.add(context.http().sendUnauthenticated(KitContext.resetRequest(target, -1)));
        }
        afterRefused = readBack(fixture, exact.group());
    }

    private Map<String, Long> readBack(Fixture fixture, String group) {
        return fixture.committedOffsets(group, exact.topic())
                .map(CommittedOffset::byQueue)
                .orElseThrow(() -> new FixtureException("The fixture read back no offsets of group " + group));
    }

    /** The scenario the resets go on top of. */
    ExactScenario exact() {
        return exact;
    }

    /** The time of the reset backwards. */
    long backTime() {
        return backTime;
    }

    Exchange backAnswer() {
        return backAnswer;
    }

    /** The group's committed offsets after the reset backwards, by queue ({@code broker-1/0}); null where none. */
    Map<String, Long> afterBack() {
        return afterBack;
    }

    String otherGroup() {
        return otherGroup;
    }

    Exchange otherGroupAnswer() {
        return otherGroupAnswer;
    }

    /** The first group's committed offsets after the other group's reset. */
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

    Optional<FixtureException> setupFailure() {
        return Optional.ofNullable(setupFailure);
    }
}
