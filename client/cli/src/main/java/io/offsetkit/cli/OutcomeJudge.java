package io.offsetkit.cli;

import io.offsetkit.client.OffsetkitException;
import io.offsetkit.client.QueueOffset;
import io.offsetkit.client.ResetResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges one reset from three facts: the offsets before, the reset's answer (or its failure) and
 * the offsets read back after. An answer is not taken at its word: a reset is applied only when
 * every queue reads back where the answer put it. A failure is refused only when no queue moved;
 * a failure after which some queues moved, or an answer that names some queues only or that the
 * read back contradicts, is partly applied, and says which queues.
 */
final class OutcomeJudge {

    private OutcomeJudge() {}

    /**
     * @param before the entry as read just before the reset
     * @param answer the reset's answer; null when it failed
     * @param failure why the reset failed; null when it was answered
     * @param after the committed offsets read back; null when the read back failed or found none
     * @param readBackFailure why the read back failed; null when it worked
     */
    static Outcome judge(
            Plan.Entry before,
            ResetResult answer,
            OffsetkitException failure,
            List<QueueOffset> after,
            OffsetkitException readBackFailure) {
        Map<String, Long> answered = offsets(answer == null ? List.of() : answer.queues());
        Map<String, Long> readBack = offsets(after == null ? List.of() : after);
        List<Outcome.Change> changes = new ArrayList<>();
        for (Plan.Queue queue : before.queues()) {
            changes.add(new Outcome.Change(
                    queue.brokerName(),
                    queue.queueId(),
                    queue.committed(),
                    answered.get(queue.name()),
                    readBack.get(queue.name())));
        }
        List<String> moved = changes.stream()
                .filter(Outcome.Change::moved)
                .map(Outcome.Change::name)
                .toList();

        if (failure != null) {
            String code = ServiceFailures.code(failure);
            String message = ServiceFailures.message(failure);
            if (!moved.isEmpty()) {
                return outcome(
                        before,
                        Outcome.Status.PARTLY_APPLIED,
                        code,
                        message + " (moved anyway: " + String.join(", ", moved) + ")",
                        changes);
            }
            if (readBackFailure != null) {
                message += " (the read back failed too, " + ServiceFailures.describe(readBackFailure) + ")";
            }
            return outcome(before, Outcome.Status.REFUSED, code, message, changes);
        }

        List<String> unanswered = changes.stream()
                .filter(change -> change.answered() == null)
                .map(Outcome.Change::name)
                .toList();
        if (!unanswered.isEmpty()) {
            return outcome(
                    before,
                    Outcome.Status.PARTLY_APPLIED,
                    null,
                    "the answer names no offset for " + String.join(", ", unanswered),
                    changes);
        }
        if (readBackFailure != null) {
            return outcome(
                    before,
                    Outcome.Status.APPLIED,
                    null,
                    "answered; the read back failed (" + ServiceFailures.describe(readBackFailure) + ")",
                    changes);
        }
        List<String> contradicted = changes.stream()
                .filter(change -> !change.answered().equals(change.after()))
                .map(change -> change.name() + " answered " + change.answered() + ", reads " + change.after())
                .toList();
        if (!contradicted.isEmpty()) {
            return outcome(
                    before,
                    Outcome.Status.PARTLY_APPLIED,
                    null,
                    "the read back differs from the answer: " + String.join(", ", contradicted),
                    changes);
        }
        return outcome(before, Outcome.Status.APPLIED, null, null, changes);
    }

    private static Outcome outcome(
            Plan.Entry entry, Outcome.Status status, String code, String message, List<Outcome.Change> changes) {
        return new Outcome(entry.group(), entry.topic(), status, code, message, changes);
    }

    private static Map<String, Long> offsets(List<QueueOffset> queues) {
        Map<String, Long> offsets = new LinkedHashMap<>();
        queues.forEach(queue -> offsets.put(queue.brokerName() + "/" + queue.queueId(), queue.offset()));
        return offsets;
    }
}
