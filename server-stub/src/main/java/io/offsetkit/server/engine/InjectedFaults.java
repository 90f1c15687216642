package io.offsetkit.server.engine;

import io.offsetkit.server.backend.PartialResetException;
import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.call.Answer;
import io.offsetkit.server.error.ErrorBodies;
import io.offsetkit.server.fault.AppliedFault;
import io.offsetkit.server.fault.FaultKind;
import io.offsetkit.server.fault.FaultSpec;
import io.offsetkit.server.fault.Faults;
import io.offsetkit.server.fault.SetFault;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Constraint;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Operation;
import io.offsetkit.server.request.CheckedRequest;
import io.offsetkit.server.store.EmbeddedStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The request path's one step for faults on demand ({@link Faults}): once a call of the contract's
 * operations is routed, authenticated and read, it asks whether the call gets a fault, and if so
 * answers in its place. A fault replaces the healthy answer of a valid call; a call the contract
 * refuses (bad input, wrong credentials) gets its refusal as always, so a fault never hides a
 * client's mistake.
 *
 * <p>What each kind does: an error answers the documented status and body, the backend untouched; a
 * delay waits on the request's thread, then serves the call; a connection reset or an empty answer is
 * an {@link Answer} the HTTP adapter delivers as such ({@link Answer.Delivery}); a malformed body is
 * the operation's success status with a JSON object cut short; a partial reset applies on some of the
 * topic's brokers in the embedded store and fails as the server fails a real partial reset ({@link
 * PartialResetException}, answered by {@link Failures}).
 */
final class InjectedFaults {

    private final Faults faults;
    private final EmbeddedStore store;

    /** @param store the embedded store a partial reset applies on, or null on another backend */
    InjectedFaults(Faults faults, EmbeddedStore store) {
        this.faults = faults;
        this.store = store;
    }

    /** Whether no fault is set: the request path's only cost when none is. */
    boolean none() {
        return faults.isEmpty();
    }

    /** The fault a call gets, with what it matched on; null when it gets none. */
    Taken take(Operation operation, Map<String, String> pathParameters, CheckedRequest request) {
        String group = pathParameters.get("group");
        String topic = topic(operation, pathParameters, request);
        SetFault fault = faults.take(operation, group, topic);
        if (fault == null) {
            return null;
        }
        long delay = fault.spec().kind() == FaultKind.DELAY ? faults.delayMillis(fault.spec()) : 0;
        return new Taken(fault, group, topic, delay);
    }

    /**
     * The answer a call that got {@code taken} gets.
     *
     * @param healthy serves the call as usual (for a delay)
     * @throws PartialResetException for a partial reset, once it applied where it applies
     */
    CompletionStage<Answered> answer(
            Taken taken, Operation operation, CheckedRequest request, Supplier<CompletionStage<Answered>> healthy) {
        FaultSpec spec = taken.fault().spec();
        return switch (spec.kind()) {
            case ERROR -> {
                TypedAnswer.DocumentedError error = new TypedAnswer.DocumentedError(
                        spec.error().status(), spec.error().code(), spec.error().message());
                yield CompletableFuture.completedFuture(new Answered(
                        Answer.json(error.status(), ErrorBodies.of(error.errorCode(), error.errorMsg())), error));
            }
            case DELAY -> {
                sleep(taken.delayMillis());
                yield healthy.get();
            }
            case CONNECTION_RESET ->
                faulted(Answer.dropped(Answer.Delivery.RESET_CONNECTION), FaultKind.CONNECTION_RESET);
            case EMPTY_RESPONSE -> faulted(Answer.dropped(Answer.Delivery.CLOSE_CONNECTION), FaultKind.EMPTY_RESPONSE);
            case MALFORMED_BODY ->
                faulted(
                        Answer.of(
                                operation.successStatus(),
                                Answer.JSON,
                                cutShort(operation).getBytes(StandardCharsets.UTF_8)),
                        FaultKind.MALFORMED_BODY);
            case PARTIAL_RESET -> partialReset(taken, operation, request, healthy);
        };
    }

    /** An answer a fault made in the place of one: neither the handler's nor a documented error. */
    private static CompletionStage<Answered> faulted(Answer answer, FaultKind kind) {
        return CompletableFuture.completedFuture(new Answered(answer, new TypedAnswer.Faulted(answer.status(), kind)));
    }

    /** Records a call that got a fault, once it is answered. */
    AppliedFault record(Instant received, String requestId, Operation operation, Taken taken) {
        AppliedFault applied = new AppliedFault(
                received,
                requestId,
                operation.operationId(),
                taken.group(),
                taken.topic(),
                taken.fault().id(),
                taken.described());
        faults.record(applied);
        return applied;
    }

    /**
     * Applies the reset on every broker of the topic but the failing ones, then fails as a real partial
     * reset does. Without an embedded store, or for an instance or a topic that does not exist, the
     * call is served as usual, which refuses it as the contract says.
     */
    private CompletionStage<Answered> partialReset(
            Taken taken, Operation operation, CheckedRequest request, Supplier<CompletionStage<Answered>> healthy) {
        ResetTarget target = new ResetTarget(
                request.string(operation.pathParameter("project_id")),
                request.string(operation.pathParameter("instance_id")),
                request.string(operation.pathParameter("group")),
                request.string(operation.bodyField("topic")));
        if (store == null) {
            return healthy.get();
        }
        TreeSet<String> brokers;
        try {
            brokers = new TreeSet<>(
                    store.topic(target.instanceId(), target.topic()).queues().keySet());
        } catch (RuntimeException e) {
            return healthy.get(); // no such instance or topic: the usual refusal
        }
        Set<String> failing = new TreeSet<>(taken.fault().spec().failedBrokers());
        failing.retainAll(brokers);
        if (failing.isEmpty()) {
            failing.add(brokers.last());
        }
        long timestamp = request.integerOrDigits(operation.bodyField("timestamp"));
        List<QueueOffset> applied = store.resetByTimeOnBrokers(target, timestamp, broker -> !failing.contains(broker));
        Map<String, String> failures = new LinkedHashMap<>();
        for (String broker : failing) {
            failures.put(broker, "the fault " + taken.fault().id() + " set on this server failed it");
        }
        throw new PartialResetException(new ArrayList<>(applied), failures);
    }

    /** What a call that got a fault answers with, as a JSON object cut short. */
    private static String cutShort(Operation operation) {
        return switch (operation) {
            case RESET_CONSUME_OFFSET, RESET_CONSUME_OFFSET_FOR_ROCKET_MQ -> "{\"queues\":[{\"broker_name\":\"broker-";
            case SHOW_CONSUMER_CONNECTIONS -> "{\"group_name\":\"";
            default -> "{\"brokers\":[{\"broker_name\":\"broker-";
        };
    }

    private static String topic(Operation operation, Map<String, String> pathParameters, CheckedRequest request) {
        String inPath = pathParameters.get("topic");
        if (inPath != null) {
            return inPath;
        }
        Constraint field = find(operation.hasBody() ? operation.bodyFields() : operation.queryParameters());
        return field == null ? null : request.string(field);
    }

    private static Constraint find(List<Constraint> constraints) {
        for (Constraint constraint : constraints) {
            if (constraint.name().equals("topic")) {
                return constraint;
            }
        }
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // The server stops: the call is served now, and the thread keeps its interrupt.
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A call that got a fault.
     *
     * @param delayMillis the delay drawn, for a delay
     */
    record Taken(SetFault fault, String group, String topic, long delayMillis) {

        String described() {
            return fault.spec().kind() == FaultKind.DELAY
                    ? "delay " + delayMillis + " ms"
                    : fault.spec().describe();
        }
    }
}
