package io.offsetkit.cli;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a reset would do, read from the service and changing nothing: for each group and topic,
 * each queue's committed offset and lag now, whether the group's consumers are online, and the
 * warnings. Written by {@code --export} as JSON (see {@link PlanFile}) and applied by {@code
 * --from-plan}, which first checks that nothing moved since.
 *
 * @param format {@link #FORMAT}: what makes a file a plan
 * @param endpoint the endpoint the plan was read from
 * @param projectId the project the plan is for
 * @param instanceId the instance the plan is for; a plan applies to this instance only
 * @param madeAt when the plan was read
 * @param strategy where the reset sends the offsets, resolved when the plan was made
 * @param entries one per group and topic, groups in the order given, immutable
 */
record Plan(
        String format,
        String endpoint,
        String projectId,
        String instanceId,
        Instant madeAt,
        Strategy strategy,
        List<Entry> entries) {

    /** The format name every plan file carries. */
    static final String FORMAT = "offsetkit-reset-plan/1";

    Plan {
        Objects.requireNonNull(strategy, "strategy");
        entries = List.copyOf(entries);
    }

    /** How many groups the plan names. */
    long groupCount() {
        return entries.stream().map(Entry::group).distinct().count();
    }

    /**
     * One group on one topic, as read for the plan.
     *
     * @param group the consumer group
     * @param topic the topic
     * @param online whether at least one of the group's consumers is connected
     * @param consumers how many of the group's consumers are connected
     * @param queues every queue of the topic, in the server's order
     * @param warnings what the operator should know before executing: a reset that would be refused,
     *     or would change nothing
     */
    record Entry(String group, String topic, boolean online, int consumers, List<Queue> queues, List<String> warnings) {

        Entry {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(topic, "topic");
            queues = List.copyOf(queues);
            warnings = List.copyOf(warnings);
        }

        /** {@code group/topic}, as outputs name an entry. */
        String name() {
            return group + "/" + topic;
        }

        /** Whether every queue has a known target equal to its committed offset. */
        boolean changesNothing() {
            return !queues.isEmpty() && queues.stream().allMatch(Queue::unchanged);
        }
    }

    /**
     * One queue of a topic, for one group.
     *
     * @param brokerName the broker
     * @param queueId the queue, unique within its broker
     * @param committed the group's committed offset now; null when the group has none on the topic yet
     * @param brokerOffset the queue's maximum offset (the next to be written)
     * @param lag how many messages the group has still to consume on the queue now; null with no
     *     committed offset
     * @param minOffset the queue's oldest offset kept
     * @param lastMessageTime the store time of the queue's last message, 0 when it holds none
     * @param target the offset the reset will set, when it can be known before (the latest, the
     *     earliest, a time after the queue's last message); null when only the service can find it
     */
    record Queue(
            String brokerName,
            int queueId,
            Long committed,
            long brokerOffset,
            Long lag,
            long minOffset,
            long lastMessageTime,
            Long target) {

        Queue {
            Objects.requireNonNull(brokerName, "brokerName");
        }

        /** {@code broker/queue}. */
        String name() {
            return brokerName + "/" + queueId;
        }

        /** Whether the target is known and the committed offset is already there. */
        boolean unchanged() {
            return target != null && target.equals(committed);
        }
    }
}
