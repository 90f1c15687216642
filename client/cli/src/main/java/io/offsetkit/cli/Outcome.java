package io.offsetkit.cli;

import java.util.List;
import java.util.Objects;

/**
 * What an executed reset did to one group on one topic, judged from the answer and the offsets
 * read back ({@link OutcomeJudge}).
 *
 * @param group the group
 * @param topic the topic
 * @param status applied, refused, or partly applied by the brokers
 * @param errorCode the DMS error code of a failed reset ({@code DMS.50050004}), null when it applied
 * @param message the service's message of a failed reset, or what the read back showed; null when
 *     there is nothing to add
 * @param queues each queue before and after, in the plan's order
 */
record Outcome(String group, String topic, Status status, String errorCode, String message, List<Change> queues) {

    /** The three ends of a reset. */
    enum Status {
        /** Answered, and every queue read back where the answer said. */
        APPLIED,
        /** Not done: the service refused it and no queue moved. */
        REFUSED,
        /** Some queues moved and others did not, or not where the answer said: the brokers applied part of it. */
        PARTLY_APPLIED
    }

    Outcome {
        Objects.requireNonNull(status, "status");
        queues = List.copyOf(queues);
    }

    /** {@code group/topic}. */
    String name() {
        return group + "/" + topic;
    }

    /** Messages the group will consume again, over every queue. */
    long reconsumed() {
        return queues.stream().mapToLong(Change::reconsumed).sum();
    }

    /** Messages the group will skip, over every queue. */
    long skipped() {
        return queues.stream().mapToLong(Change::skipped).sum();
    }

    /**
     * One queue, before and after.
     *
     * @param brokerName the broker
     * @param queueId the queue
     * @param before the committed offset before the reset; null when there was none
     * @param answered the offset the reset's answer gave; null when it failed or did not name the queue
     * @param after the committed offset read back; null when the read back failed or found none
     */
    record Change(String brokerName, int queueId, Long before, Long answered, Long after) {

        /** {@code broker/queue}. */
        String name() {
            return brokerName + "/" + queueId;
        }

        /** Whether the queue's committed offset changed. */
        boolean moved() {
            return after != null && !after.equals(before);
        }

        /** Messages to consume again: how far the offset went back. */
        long reconsumed() {
            return before != null && after != null && after < before ? before - after : 0;
        }

        /** Messages skipped: how far the offset went forward. */
        long skipped() {
            return before != null && after != null && after > before ? after - before : 0;
        }
    }
}
