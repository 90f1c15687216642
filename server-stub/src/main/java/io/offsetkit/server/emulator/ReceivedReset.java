package io.offsetkit.server.emulator;

import io.offsetkit.server.fault.AppliedFault;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One call of the reset operation the emulator received, and what it answered: an entry of its
 * {@link ResetJournal}. Refused calls are entries too (a 401, a 404 for an unknown group), so a test
 * can tell "my code did not reset" from "my code's reset was refused".
 *
 * @param receivedAt when the emulator took the request
 * @param requestId the {@code X-Request-Id} it answered with
 * @param route which of the operation's two routes was called
 * @param engine the route's {@code engine} as sent ({@code rocketmq} or {@code reliability}); {@code
 *     rocketmq} on the older route, whose path names it
 * @param projectId the project id of the path
 * @param instanceId the instance id of the path
 * @param group the consumer group of the path
 * @param topic the body's topic, or null when the emulator refused the call before reading its body
 * @param timestamp the body's time in milliseconds since the epoch ({@code -1}: the latest offsets), or
 *     null when the emulator refused the call before reading its body
 * @param status the answer's HTTP status
 * @param queues the answer's queues, in its order, when it was a 200; empty otherwise
 * @param errorCode the answer's {@code error_code}, or null when it was a 200
 * @param errorMsg the answer's {@code error_msg}, or null when it was a 200
 * @param body the request's body as received, as UTF-8 text
 * @param fault the fault on demand this call got ({@link OffsetkitEmulator#faults()}), or null when it
 *     got none; a call whose connection was reset or closed has status 0
 */
public record ReceivedReset(
        Instant receivedAt,
        String requestId,
        Route route,
        String engine,
        String projectId,
        String instanceId,
        String group,
        String topic,
        Long timestamp,
        int status,
        List<AnsweredQueue> queues,
        String errorCode,
        String errorMsg,
        String body,
        AppliedFault fault) {

    public ReceivedReset {
        queues = List.copyOf(queues);
    }

    /** A reset that got no fault. */
    public ReceivedReset(
            Instant receivedAt,
            String requestId,
            Route route,
            String engine,
            String projectId,
            String instanceId,
            String group,
            String topic,
            Long timestamp,
            int status,
            List<AnsweredQueue> queues,
            String errorCode,
            String errorMsg,
            String body) {
        this(
                receivedAt,
                requestId,
                route,
                engine,
                projectId,
                instanceId,
                group,
                topic,
                timestamp,
                status,
                queues,
                errorCode,
                errorMsg,
                body,
                null);
    }

    /** The fault on demand this call got, if any. */
    public Optional<AppliedFault> appliedFault() {
        return Optional.ofNullable(fault);
    }

    /** Whether the reset was applied (answered 200). */
    public boolean applied() {
        return status == 200;
    }

    /** The time reset to, as an instant; empty for {@code -1} (the latest offsets) or when the body was not read. */
    public Optional<Instant> time() {
        return timestamp == null || timestamp < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(timestamp));
    }

    /** One queue of a 200 answer: the offset the group was reset to. */
    public record AnsweredQueue(String brokerName, int queueId, long offset) {}

    /** The operation's two routes. */
    public enum Route {
        /** {@code POST /v2/{engine}/{project_id}/instances/{instance_id}/groups/{group}/reset-message-offset} */
        RESET_CONSUME_OFFSET(Operation.RESET_CONSUME_OFFSET),
        /** {@code POST /v2/{project_id}/rocketmq/instances/{instance_id}/groups/{group}/reset-message-offset} */
        RESET_CONSUME_OFFSET_FOR_ROCKETMQ(Operation.RESET_CONSUME_OFFSET_FOR_ROCKET_MQ);

        private final Operation operation;

        Route(Operation operation) {
            this.operation = operation;
        }

        /** The route's path, with its parameters in braces. */
        public String pathTemplate() {
            return operation.pathTemplate();
        }

        static Route of(Operation operation) {
            for (Route route : values()) {
                if (route.operation == operation) {
                    return route;
                }
            }
            throw new IllegalArgumentException("not a route of the reset operation: " + operation);
        }
    }
}
