package io.offsetkit.server.engine;

import io.offsetkit.server.fault.AppliedFault;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Operation;
import io.offsetkit.server.request.CheckedRequest;
import java.time.Instant;
import java.util.Map;

/**
 * Told of every call of the contract's operations (the reads as well as the reset) as its answer
 * leaves the {@link RequestPath}, whatever the answer: the emulator's journal keeps the resets. It observes the one path;
 * it is never a second route. Called on the thread that finishes the answer (the request's, or for a
 * reset on the embedded store the one that made its offsets durable), after the answer is final and
 * before it is written; an implementation must be thread-safe and quick, and must not throw.
 */
@FunctionalInterface
public interface OperationObserver {

    /** Observes nothing: the server's own default. */
    OperationObserver NONE = served -> {};

    /** One call, answered. */
    void served(ServedOperation served);

    /**
     * A call of one of the contract's operations and its answer.
     *
     * @param received when the request path took the call
     * @param requestId the {@code X-Request-Id} of the answer
     * @param operation which of the contract's operations (which route)
     * @param pathParameters the route's path parameters, decoded, as received (unchecked when the call
     *     was refused before they were checked)
     * @param body the body as received, or empty when it was not read (too large, unreadable)
     * @param request the path, query and body as read and checked, typed, by the operation's generated
     *     constraints (read the reset's body fields with {@code operation.bodyField(name)}), or null when
     *     the call was refused before they were all checked
     * @param answer what was answered, as types: the handler's model on a success, the documented
     *     error the one error writer made (its code, message and status), or what a fault on demand did
     *     in the place of an answer; never JSON to parse back
     * @param fault the fault on demand the call got, or null when it got none
     */
    record ServedOperation(
            Instant received,
            String requestId,
            Operation operation,
            Map<String, String> pathParameters,
            byte[] body,
            CheckedRequest request,
            TypedAnswer answer,
            AppliedFault fault) {

        /** A call that got no fault. */
        public ServedOperation(
                Instant received,
                String requestId,
                Operation operation,
                Map<String, String> pathParameters,
                byte[] body,
                CheckedRequest request,
                TypedAnswer answer) {
            this(received, requestId, operation, pathParameters, body, request, answer, null);
        }
    }
}
