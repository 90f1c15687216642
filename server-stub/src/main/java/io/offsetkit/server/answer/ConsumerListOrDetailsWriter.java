package io.offsetkit.server.answer;

import io.offsetkit.server.generated.model.ConsumerProgressBroker;
import io.offsetkit.server.generated.model.ConsumerProgressQueue;
import io.offsetkit.server.generated.model.ShowConsumerListOrDetailsResp;
import tools.jackson.core.JsonGenerator;

/**
 * Writes {@code showConsumerListOrDetails}'s answer, the generated {@link ShowConsumerListOrDetailsResp},
 * as the contract's JSON, token by token: {@code topics} and {@code total} for the list form, {@code
 * lag}, {@code max_offset}, {@code consumer_offset} and {@code brokers} for the progress form, each only
 * when set. The same bytes as a data-binding mapper writes for the model (a test holds the two
 * together); a change of the schema changes the model's getters and breaks this class's compile.
 */
public final class ConsumerListOrDetailsWriter {

    private ConsumerListOrDetailsWriter() {}

    /** The answer as UTF-8 JSON. */
    public static byte[] write(ShowConsumerListOrDetailsResp answer) {
        return JsonFields.object(256, json -> {
            if (answer.getTopics() != null) {
                json.writeName("topics");
                json.writeStartArray();
                for (String topic : answer.getTopics()) {
                    json.writeString(topic);
                }
                json.writeEndArray();
            }
            JsonFields.number(json, "total", answer.getTotal());
            JsonFields.number(json, "lag", answer.getLag());
            JsonFields.number(json, "max_offset", answer.getMaxOffset());
            JsonFields.number(json, "consumer_offset", answer.getConsumerOffset());
            if (answer.getBrokers() != null) {
                json.writeName("brokers");
                json.writeStartArray();
                for (ConsumerProgressBroker broker : answer.getBrokers()) {
                    broker(json, broker);
                }
                json.writeEndArray();
            }
        });
    }

    private static void broker(JsonGenerator json, ConsumerProgressBroker broker) {
        json.writeStartObject();
        JsonFields.string(json, "broker_name", broker.getBrokerName());
        if (broker.getQueues() != null) {
            json.writeName("queues");
            json.writeStartArray();
            for (ConsumerProgressQueue queue : broker.getQueues()) {
                json.writeStartObject();
                JsonFields.number(json, "id", queue.getId());
                JsonFields.number(json, "lag", queue.getLag());
                JsonFields.number(json, "broker_offset", queue.getBrokerOffset());
                JsonFields.number(json, "consumer_offset", queue.getConsumerOffset());
                JsonFields.number(json, "last_message_time", queue.getLastMessageTime());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }
}
