package io.offsetkit.server.fault;

import io.offsetkit.server.fault.DocumentedErrors.DocumentedError;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Operation;
import io.offsetkit.server.store.Names;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One fault, checked: which calls it matches (an operation of the contract, by its {@code
 * operationId}; optionally a group and a topic), what it does to them ({@link FaultKind} and its
 * parameters), and how often (every matching call, or {@code times} of them; each with {@code
 * probability}). Made by {@link #on(String)}'s builder, which the emulator's Java API and the admin
 * API's JSON both use, so both refuse the same input with the same words.
 *
 * @param operation the operation whose calls it matches
 * @param group the group it matches ({@code group} of the path), or null for any
 * @param topic the topic it matches (the reset body's, the progress read's query, the topic status
 *     read's path), or null for any
 * @param kind what it does
 * @param error for {@link FaultKind#ERROR}, the documented error it answers; null otherwise
 * @param delayMillis for {@link FaultKind#DELAY}, the shortest delay; 0 otherwise
 * @param delayMaxMillis for {@link FaultKind#DELAY}, the longest delay ({@code == delayMillis} for a
 *     fixed one); 0 otherwise
 * @param failedBrokers for {@link FaultKind#PARTIAL_RESET}, the brokers where the reset fails (empty:
 *     the topic's last broker); empty otherwise
 * @param times how many calls it applies to, or null for every matching call until it is removed
 * @param probability the chance, 0 to 1, that a matching call gets it (a call that does not get it
 *     does not count against {@code times})
 */
public record FaultSpec(
        Operation operation,
        String group,
        String topic,
        FaultKind kind,
        DocumentedError error,
        long delayMillis,
        long delayMaxMillis,
        List<String> failedBrokers,
        Integer times,
        double probability) {

    /** The longest delay a fault may hold a call: ten minutes. */
    public static final long MAX_DELAY_MILLIS = 600_000;

    /** The most calls a fault may count. */
    public static final int MAX_TIMES = 1_000_000;

    public FaultSpec {
        failedBrokers = List.copyOf(failedBrokers);
    }

    /** A fault on the calls of the operation {@code operationId} ({@code resetConsumeOffset}, ...). */
    public static Builder on(String operationId) {
        return new Builder().operation(operationId);
    }

    /** Whether a call of {@code operation} on this group and topic (either may be null) matches. */
    boolean matches(Operation called, String calledGroup, String calledTopic) {
        return operation == called
                && (group == null || group.equals(calledGroup))
                && (topic == null || topic.equals(calledTopic));
    }

    /** What it does, in words: {@code error DMS.00500000 (500)}, {@code delay 100 to 300 ms}, ... */
    public String describe() {
        return switch (kind) {
            case ERROR -> "error " + error.code() + " (" + error.status() + ")";
            case DELAY ->
                "delay " + (delayMillis == delayMaxMillis ? delayMillis : delayMillis + " to " + delayMaxMillis)
                        + " ms";
            case PARTIAL_RESET ->
                "partial_reset"
                        + (failedBrokers.isEmpty() ? " (the topic's last broker fails)" : " failing " + failedBrokers);
            default -> kind.jsonName();
        };
    }

    /**
     * Collects a fault's fields; {@link #build()} checks them all. The kind's methods ({@link #error},
     * {@link #delay(Duration)}, {@link #connectionReset()}, ...) each set the kind; a fault has one.
     * Not thread-safe.
     */
    public static final class Builder {

        private String operation;
        private String group;
        private String topic;
        private String kind;
        private String errorCode;
        private Long delayMillis;
        private Long delayMaxMillis;
        private List<String> failedBrokers;
        private Long times;
        private Double probability;

        Builder() {}

        /** The operation, by its {@code operationId}. */
        public Builder operation(String operationId) {
            this.operation = operationId;
            return this;
        }

        /** Only the calls on this consumer group. */
        public Builder group(String group) {
            this.group = group;
            return this;
        }

        /** Only the calls on this topic. */
        public Builder topic(String topic) {
            this.topic = topic;
            return this;
        }

        /** The kind by its JSON name ({@code error}, {@code delay}, ...), checked by {@link #build()}. */
        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        /** {@code error_code}: for kind {@code error}. */
        public Builder errorCode(String errorCode) {
            this.errorCode = errorCode;
            return this;
        }

        /** {@code delay_ms}: for kind {@code delay}. */
        public Builder delayMillis(Long delayMillis) {
            this.delayMillis = delayMillis;
            return this;
        }

        /** {@code delay_max_ms}: for kind {@code delay}, the upper bound of a random delay. */
        public Builder delayMaxMillis(Long delayMaxMillis) {
            this.delayMaxMillis = delayMaxMillis;
            return this;
        }

        /** {@code failed_brokers}: for kind {@code partial_reset}. */
        public Builder failedBrokers(List<String> failedBrokers) {
            this.failedBrokers = failedBrokers;
            return this;
        }

        /** {@code times}: how many calls it applies to; unset, every matching call. */
        public Builder times(Long times) {
            this.times = times;
            return this;
        }

        /** {@code probability}: the chance a matching call gets it; unset, 1. */
        public Builder probability(Double probability) {
            this.probability = probability;
            return this;
        }

        /** The documented error of this code ({@code DMS.00500000}, ...), with its status and body. */
        public Builder error(String code) {
            return kindOf(FaultKind.ERROR).errorCode(code);
        }

        /** The healthy answer, {@code delay} late. */
        public Builder delay(Duration delay) {
            return kindOf(FaultKind.DELAY).delayMillis(millis(delay));
        }

        /** The healthy answer, late by a delay drawn uniformly from {@code [shortest, longest]}. */
        public Builder delay(Duration shortest, Duration longest) {
            return kindOf(FaultKind.DELAY).delayMillis(millis(shortest)).delayMaxMillis(millis(longest));
        }

        /** The connection reset, nothing answered. */
        public Builder connectionReset() {
            return kindOf(FaultKind.CONNECTION_RESET);
        }

        /** The connection closed, nothing answered. */
        public Builder emptyResponse() {
            return kindOf(FaultKind.EMPTY_RESPONSE);
        }

        /** A success status with a body that is not JSON. */
        public Builder malformedBody() {
            return kindOf(FaultKind.MALFORMED_BODY);
        }

        /** The reset fails on these brokers (none given: the topic's last) and applies on the others. */
        public Builder partialReset(String... failedBrokers) {
            return kindOf(FaultKind.PARTIAL_RESET).failedBrokers(Arrays.asList(failedBrokers));
        }

        /** Only the next matching call. */
        public Builder once() {
            return times(1L);
        }

        /** Only the next {@code times} matching calls. */
        public Builder times(int times) {
            return times((long) times);
        }

        /** Each matching call with this chance, 0 to 1. */
        public Builder probability(double probability) {
            return probability(Double.valueOf(probability));
        }

        private Builder kindOf(FaultKind chosen) {
            if (kind != null) {
                throw new IllegalStateException("this fault is of kind " + kind
                        + " already; a fault does one thing: set another for " + chosen.jsonName());
            }
            return kind(chosen.jsonName());
        }

        private static Long millis(Duration duration) {
            return duration == null ? null : duration.toMillis();
        }

        /**
         * The fault, checked.
         *
         * @throws InvalidFaultException naming the first field that is wrong
         */
        public FaultSpec build() {
            Operation op = operation();
            String checkedGroup = group == null ? null : name("group", group, has(op.pathParameters(), "group"));
            String checkedTopic = topic == null ? null : name("topic", topic, hasTopic(op));
            if (kind == null) {
                throw new InvalidFaultException("kind", "is required; the kinds are " + kinds());
            }
            FaultKind faultKind = FaultKind.ofJsonName(kind);
            if (faultKind == null) {
                throw new InvalidFaultException("kind", "'" + kind + "' is not a kind; the kinds are " + kinds());
            }
            only(faultKind, FaultKind.ERROR, "error_code", errorCode);
            only(faultKind, FaultKind.DELAY, "delay_ms", delayMillis);
            only(faultKind, FaultKind.DELAY, "delay_max_ms", delayMaxMillis);
            only(faultKind, FaultKind.PARTIAL_RESET, "failed_brokers", failedBrokers);
            DocumentedError error = faultKind == FaultKind.ERROR ? error(op) : null;
            long shortest = 0;
            long longest = 0;
            if (faultKind == FaultKind.DELAY) {
                if (delayMillis == null) {
                    throw new InvalidFaultException("delay_ms", "is required for kind delay");
                }
                shortest = delay("delay_ms", delayMillis);
                longest = delayMaxMillis == null ? shortest : delay("delay_max_ms", delayMaxMillis);
                if (longest < shortest) {
                    throw new InvalidFaultException(
                            "delay_max_ms", "must be at least delay_ms (" + shortest + "), was " + longest);
                }
            }
            List<String> brokers = new ArrayList<>();
            if (faultKind == FaultKind.PARTIAL_RESET) {
                if (!op.hasBody()) {
                    throw new InvalidFaultException(
                            "kind",
                            "partial_reset applies to the reset only (resetConsumeOffset,"
                                    + " resetConsumeOffsetForRocketMq), not to " + op.operationId());
                }
                if (failedBrokers != null) {
                    for (int i = 0; i < failedBrokers.size(); i++) {
                        String broker = failedBrokers.get(i);
                        brokers.add(checked("failed_brokers[" + i + "]", () -> Names.broker(broker)));
                    }
                }
            }
            Integer count = null;
            if (times != null) {
                if (times < 1 || times > MAX_TIMES) {
                    throw new InvalidFaultException("times", "must be between 1 and " + MAX_TIMES + ", was " + times);
                }
                count = times.intValue();
            }
            double chance = 1;
            if (probability != null) {
                if (probability.isNaN() || probability < 0 || probability > 1) {
                    throw new InvalidFaultException("probability", "must be between 0 and 1, was " + probability);
                }
                chance = probability;
            }
            return new FaultSpec(
                    op, checkedGroup, checkedTopic, faultKind, error, shortest, longest, brokers, count, chance);
        }

        private Operation operation() {
            if (operation == null) {
                throw new InvalidFaultException("operation", "is required; the operations are " + operationIds());
            }
            for (Operation op : Operation.values()) {
                if (op.operationId().equals(operation)) {
                    return op;
                }
            }
            throw new InvalidFaultException(
                    "operation", "'" + operation + "' is not an operation of the contract; they are " + operationIds());
        }

        private DocumentedError error(Operation op) {
            if (errorCode == null) {
                throw new InvalidFaultException("error_code", "is required for kind error");
            }
            DocumentedError error = DocumentedErrors.contract().find(op.operationId(), errorCode);
            if (error == null) {
                throw new InvalidFaultException(
                        "error_code",
                        "'" + errorCode + "' is not an error the contract documents for " + op.operationId()
                                + "; it documents "
                                + DocumentedErrors.contract().codes(op.operationId()));
            }
            return error;
        }

        private static String name(String field, String value, boolean operationHasIt) {
            if (!operationHasIt) {
                throw new InvalidFaultException(field, "is not a parameter of this operation; leave it out");
            }
            return checked(field, () -> field.equals("group") ? Names.group(value) : Names.topic(value));
        }

        private static boolean hasTopic(Operation op) {
            return has(op.pathParameters(), "topic")
                    || has(op.queryParameters(), "topic")
                    || has(op.bodyFields(), "topic");
        }

        private static boolean has(List<ConsumerOffsetsApi.Constraint> constraints, String name) {
            for (ConsumerOffsetsApi.Constraint constraint : constraints) {
                if (constraint.name().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        private static long delay(String field, long millis) {
            if (millis < 0 || millis > MAX_DELAY_MILLIS) {
                throw new InvalidFaultException(
                        field, "must be between 0 and " + MAX_DELAY_MILLIS + " (ms), was " + millis);
            }
            return millis;
        }

        private static void only(FaultKind kind, FaultKind owner, String field, Object value) {
            if (value != null && kind != owner) {
                throw new InvalidFaultException(
                        field, "applies to kind " + owner.jsonName() + " only, not " + kind.jsonName());
            }
        }

        private static String checked(String field, java.util.function.Supplier<String> check) {
            try {
                return check.get();
            } catch (IllegalArgumentException e) {
                throw new InvalidFaultException(field, "is not a valid name: " + e.getMessage());
            }
        }

        private static List<String> kinds() {
            return Arrays.stream(FaultKind.values()).map(FaultKind::jsonName).toList();
        }

        private static List<String> operationIds() {
            return Arrays.stream(Operation.values()).map(Operation::operationId).toList();
        }
    }
}
