package io.offsetkit.server.emulator;

import io.offsetkit.server.engine.OperationObserver;
import io.offsetkit.server.engine.OperationObserver.ServedOperation;
import io.offsetkit.server.engine.TypedAnswer;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Operation;
import io.offsetkit.server.generated.model.ResetConsumeOffsetResp;
import io.offsetkit.server.generated.model.ResetConsumeOffsetRespQueues;
import io.offsetkit.server.request.CheckedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The resets the emulator received since it started or was last {@link OffsetkitEmulator#reset()},
 * in the order their answers left it: what a test verifies against ("my code reset billing on orders
 * to 10:00"). An entry is recorded before its answer is written, so once the client under test has
 * its answer, the journal has the entry. Recording costs the request path an append to a list under
 * a lock held for no more than that: the answer is read into a {@link ReceivedReset} when the journal
 * is read, from a copy taken under the lock. What was answered comes as types from the request path
 * (the handler's model, the documented error, what a fault did), never parsed back from the JSON
 * written. Thread-safe.
 */
public final class ResetJournal {

    private final List<ServedOperation> served = new ArrayList<>(); // guarded by itself

    ResetJournal() {}

    /** Every reset received, oldest first. */
    public List<ReceivedReset> resets() {
        List<ServedOperation> copy;
        synchronized (served) {
            copy = List.copyOf(served);
        }
        List<ReceivedReset> resets = new ArrayList<>(copy.size());
        for (ServedOperation operation : copy) {
            resets.add(entry(operation));
        }
        return List.copyOf(resets);
    }

    /** The resets of one group on one topic (whatever the instance), oldest first. */
    public List<ReceivedReset> resets(String group, String topic) {
        List<ReceivedReset> matching = new ArrayList<>();
        for (ReceivedReset reset : resets()) {
            if (group.equals(reset.group()) && topic.equals(reset.topic())) {
                matching.add(reset);
            }
        }
        return matching;
    }

    /** The last reset received, if any. */
    public Optional<ReceivedReset> last() {
        List<ReceivedReset> all = resets();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** How many resets were received. */
    public int size() {
        synchronized (served) {
            return served.size();
        }
    }

    void clear() {
        synchronized (served) {
            served.clear();
        }
    }

    /**
     * What the engine tells of each call of the contract's operations: the resets are kept, the reads
     * are not (they change nothing, and a test verifies what its code changed).
     */
    OperationObserver observer() {
        return operation -> {
            if (operation.operation() != null && !operation.operation().hasBody()) {
                return;
            }
            synchronized (served) {
                served.add(operation);
            }
        };
    }

    private static ReceivedReset entry(ServedOperation served) {
        CheckedRequest request = served.request();
        Operation operation = served.operation();
        TypedAnswer answer = served.answer();
        List<ReceivedReset.AnsweredQueue> queues = new ArrayList<>();
        String errorCode = null;
        String errorMsg = null;
        if (answer instanceof TypedAnswer.Success success
                && success.model() instanceof ResetConsumeOffsetResp reset
                && reset.getQueues() != null) {
            for (ResetConsumeOffsetRespQueues queue : reset.getQueues()) {
                queues.add(new ReceivedReset.AnsweredQueue(
                        queue.getBrokerName(), queue.getQueueId(), queue.getTimestampOffset()));
            }
        } else if (answer instanceof TypedAnswer.DocumentedError error) {
            errorCode = error.errorCode();
            errorMsg = error.errorMsg();
        }
        boolean olderRoute = served.operation() == Operation.RESET_CONSUME_OFFSET_FOR_ROCKET_MQ;
        return new ReceivedReset(
                served.received(),
                served.requestId(),
                ReceivedReset.Route.of(served.operation()),
                olderRoute ? "rocketmq" : served.pathParameters().get("engine"),
                served.pathParameters().get("project_id"),
                served.pathParameters().get("instance_id"),
                served.pathParameters().get("group"),
                request == null ? null : request.string(operation.bodyField("topic")),
                request == null ? null : request.integerOrDigits(operation.bodyField("timestamp")),
                answer.status(),
                queues,
                errorCode,
                errorMsg,
                new String(served.body(), StandardCharsets.UTF_8),
                served.fault());
    }
}
