package io.offsetkit.server.emulator;

import io.offsetkit.server.engine.OperationObserver;
import io.offsetkit.server.engine.OperationObserver.ServedOperation;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Operation;
import io.offsetkit.server.request.CheckedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The resets the emulator received since it started or was last {@link OffsetkitEmulator#reset()},
 * in the order their answers left it: what a test verifies against ("my code reset billing on orders
 * to 10:00"). An entry is recorded before its answer is written, so once the client under test has
 * its answer, the journal has the entry. Recording costs the request path an append to a list under
 * a lock held for no more than that: the answer is read into a {@link ReceivedReset} when the journal
 * is read, from a copy taken under the lock. Thread-safe.
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
        JsonNode answer = answer(served.answer().body());
        List<ReceivedReset.AnsweredQueue> queues = new ArrayList<>();
        String errorCode = null;
        String errorMsg = null;
        if (served.answer().status() == 200) {
            for (JsonNode queue : answer.path("queues")) {
                queues.add(new ReceivedReset.AnsweredQueue(
                        queue.path("broker_name").asString(),
                        queue.path("queue_id").asInt(),
                        queue.path("timestamp_offset").asLong()));
            }
        } else {
            errorCode = answer.path("error_code").asString(null);
            errorMsg = answer.path("error_msg").asString(null);
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
                served.answer().status(),
                queues,
                errorCode,
                errorMsg,
                new String(served.body(), StandardCharsets.UTF_8),
                served.fault());
    }

    /**
     * The answer's JSON; every answer of the operation is a JSON object (the contract's or its Error),
     * but for a malformed body set on demand, read as an empty object.
     */
    private static JsonNode answer(byte[] body) {
        try {
            return body.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    /** The mapper, made when the journal is first read: data binding's classes cost a start tens of ms. */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }
}
