package io.offsetkit.server.fault;

import java.time.Instant;

/**
 * One call that got a fault: the journal's answer to "which call got which fault".
 *
 * @param receivedAt when the server took the call
 * @param requestId the call's {@code X-Request-Id} (sent only where an answer was written)
 * @param operationId the operation called
 * @param group the call's consumer group, or null for an operation without one
 * @param topic the call's topic, or null for a call without one
 * @param faultId the id of the fault it got
 * @param fault what the fault did, in words ({@link FaultSpec#describe()}, with the delay drawn)
 */
public record AppliedFault(
        Instant receivedAt,
        String requestId,
        String operationId,
        String group,
        String topic,
        String faultId,
        String fault) {}
