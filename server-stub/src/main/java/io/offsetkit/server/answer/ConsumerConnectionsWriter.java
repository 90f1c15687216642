package io.offsetkit.server.answer;

import io.offsetkit.server.generated.model.ConsumerClient;
import io.offsetkit.server.generated.model.ConsumerSubscription;
import io.offsetkit.server.generated.model.ShowConsumerConnectionsResp;
import tools.jackson.core.JsonGenerator;

/**
 * Writes {@code showConsumerConnections}'s answer, the generated {@link ShowConsumerConnectionsResp},
 * as the contract's JSON, token by token, each field only when set (a client's {@code subscriptions}
 * only with {@code is_detail=true}): the same bytes as a data-binding mapper writes for the model (a
 * test holds the two together); a change of the schema breaks this class's compile.
 */
public final class ConsumerConnectionsWriter {

    private ConsumerConnectionsWriter() {}

    /** The answer as UTF-8 JSON. */
    public static byte[] write(ShowConsumerConnectionsResp answer) {
        return JsonFields.object(256, json -> {
            JsonFields.string(json, "group_name", answer.getGroupName());
            JsonFields.bool(json, "online", answer.getOnline());
            JsonFields.bool(json, "subscription_consistency", answer.getSubscriptionConsistency());
            JsonFields.number(json, "total", answer.getTotal());
            JsonFields.number(json, "next_offset", answer.getNextOffset());
            JsonFields.number(json, "previous_offset", answer.getPreviousOffset());
            if (answer.getClients() != null) {
                json.writeName("clients");
                json.writeStartArray();
                for (ConsumerClient client : answer.getClients()) {
                    client(json, client);
                }
                json.writeEndArray();
            }
        });
    }

    private static void client(JsonGenerator json, ConsumerClient client) {
        json.writeStartObject();
        JsonFields.string(json, "language", client.getLanguage());
        JsonFields.string(json, "version", client.getVersion());
        JsonFields.string(json, "client_id", client.getClientId());
        JsonFields.string(json, "client_addr", client.getClientAddr());
        if (client.getSubscriptions() != null) {
            json.writeName("subscriptions");
            json.writeStartArray();
            for (ConsumerSubscription subscription : client.getSubscriptions()) {
                json.writeStartObject();
                JsonFields.string(json, "topic", subscription.getTopic());
                JsonFields.string(json, "type", subscription.getType());
                JsonFields.string(json, "expression", subscription.getExpression());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }
}
