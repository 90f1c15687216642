package io.offsetkit.server.answer;

import io.offsetkit.server.generated.model.ShowTopicStatusResp;
import io.offsetkit.server.generated.model.TopicStatusBroker;
import io.offsetkit.server.generated.model.TopicStatusQueue;
import tools.jackson.core.JsonGenerator;

/**
 * Writes {@code showTopicStatus}'s answer, the generated {@link ShowTopicStatusResp}, as the contract's
 * JSON, token by token, each field only when set: the same bytes as a data-binding mapper writes for
 * the model (a test holds the two together); a change of the schema breaks this class's compile.
 */
public final class TopicStatusWriter {

    private TopicStatusWriter() {}

    /** The answer as UTF-8 JSON. */
    public static byte[] write(ShowTopicStatusResp answer) {
        return JsonFields.object(256, json -> {
            JsonFields.number(json, "max_offset", answer.getMaxOffset());
            JsonFields.number(json, "min_offset", answer.getMinOffset());
            if (answer.getBrokers() != null) {
                json.writeName("brokers");
                json.writeStartArray();
                for (TopicStatusBroker broker : answer.getBrokers()) {
                    broker(json, broker);
                }
                json.writeEndArray();
            }
        });
    }

    private static void broker(JsonGenerator json, TopicStatusBroker broker) {
        json.writeStartObject();
        JsonFields.string(json, "broker_name", broker.getBrokerName());
        if (broker.getQueues() != null) {
            json.writeName("queues");
            json.writeStartArray();
            for (TopicStatusQueue queue : broker.getQueues()) {
                json.writeStartObject();
                JsonFields.number(json, "id", queue.getId());
                JsonFields.number(json, "min_offset", queue.getMinOffset());
                JsonFields.number(json, "max_offset", queue.getMaxOffset());
                JsonFields.number(json, "last_message_time", queue.getLastMessageTime());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }
}
