package io.offsetkit.server.answer;

import io.offsetkit.server.generated.model.ResetConsumeOffsetResp;
import io.offsetkit.server.generated.model.ResetConsumeOffsetRespQueues;
import java.io.ByteArrayOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes the operation's answer, the generated {@link ResetConsumeOffsetResp}, as the contract's JSON
 * ({@code {"queues":[{"broker_name","queue_id","timestamp_offset"}]}}, numbers as JSON numbers, as the
 * official SDK reads them), token by token: the same bytes as a data-binding mapper gives for the
 * model's {@code @JsonProperty} names (a test holds the two together), without loading one on the
 * request path. A change of the response's schema changes the model's getters, and so breaks this
 * class's compile.
 */
public final class ResetResponseWriter {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ResetResponseWriter() {}

    /** The answer as UTF-8 JSON. */
    public static byte[] write(ResetConsumeOffsetResp response) {
        ByteArrayOutputStream bytes =
                new ByteArrayOutputStream(32 + 64 * response.getQueues().size());
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            json.writeStartObject();
            json.writeName("queues");
            json.writeStartArray();
            for (ResetConsumeOffsetRespQueues queue : response.getQueues()) {
                json.writeStartObject();
                json.writeStringProperty("broker_name", queue.getBrokerName());
                json.writeNumberProperty("queue_id", queue.getQueueId());
                json.writeNumberProperty("timestamp_offset", queue.getTimestampOffset());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }
}
