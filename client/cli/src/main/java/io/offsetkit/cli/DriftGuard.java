package io.offsetkit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The guard of a saved plan: it applies only if every queue's committed offset is still as planned,
 * or within {@code --max-drift} messages of it. Consumers keep committing while a plan waits for
 * its review; a reset computed on offsets that have since moved is not the reset that was reviewed.
 */
final class DriftGuard {

    private DriftGuard() {}

    /**
     * One queue whose committed offset moved beyond the allowance, or a change in the topic's queues.
     *
     * @param entry {@code group/topic}
     * @param queue {@code broker/queue}
     * @param planned the committed offset in the plan; null when there was none (or no such queue)
     * @param now the committed offset now; null when there is none (or no such queue)
     */
    record Move(String entry, String queue, Long planned, Long now) {

        /** How far it moved; null when one side has no offset. */
        Long drift() {
            return planned == null || now == null ? null : now - planned;
        }
    }

    /**
     * What moved between {@code planned} and {@code now} (the same entries, read again), beyond
     * {@code maxDrift} messages either way; empty when the plan still holds.
     */
    static List<Move> moves(List<Plan.Entry> planned, List<Plan.Entry> now, long maxDrift) {
        List<Move> moves = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            Plan.Entry before = planned.get(i);
            Map<String, Plan.Queue> current = new LinkedHashMap<>();
            now.get(i).queues().forEach(queue -> current.put(queue.name(), queue));
            for (Plan.Queue queue : before.queues()) {
                Plan.Queue then = current.remove(queue.name());
                Long offsetNow = then == null ? null : then.committed();
                if (moved(queue.committed(), offsetNow, maxDrift) || then == null) {
                    moves.add(new Move(before.name(), queue.name(), queue.committed(), offsetNow));
                }
            }
            // Queues the topic has gained since: the plan was not reviewed for them.
            current.values()
                    .forEach(queue -> moves.add(new Move(before.name(), queue.name(), null, queue.committed())));
        }
        return moves;
    }

    private static boolean moved(Long planned, Long now, long maxDrift) {
        if (planned == null || now == null) {
            return !Objects.equals(planned, now);
        }
        return Math.abs(now - planned) > maxDrift;
    }
}
