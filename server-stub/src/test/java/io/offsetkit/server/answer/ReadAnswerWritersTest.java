package io.offsetkit.server.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.offsetkit.api.ContractSchemas;
import io.offsetkit.server.generated.model.ConsumerClient;
import io.offsetkit.server.generated.model.ConsumerProgressBroker;
import io.offsetkit.server.generated.model.ConsumerProgressQueue;
import io.offsetkit.server.generated.model.ConsumerSubscription;
import io.offsetkit.server.generated.model.ShowConsumerConnectionsResp;
import io.offsetkit.server.generated.model.ShowConsumerListOrDetailsResp;
import io.offsetkit.server.generated.model.ShowTopicStatusResp;
import io.offsetkit.server.generated.model.TopicStatusBroker;
import io.offsetkit.server.generated.model.TopicStatusQueue;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hand-written writers of the reads' answers write what a data-binding mapper writes for the
 * generated models (fields left null omitted), so the generated {@code @JsonProperty} names stay the
 * single source of the wire format, and what they write is valid against the contract's schemas.
 */
class ReadAnswerWritersTest {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();
    private static final ContractSchemas SCHEMAS = ContractSchemas.bundled();

    private static void assertWrittenAsBound(byte[] written, Object model, String schema) {
        JsonNode fromWriter = MAPPER.readTree(written);
        assertThat(fromWriter).isEqualTo(MAPPER.readTree(MAPPER.writeValueAsBytes(model)));
        assertThat(SCHEMAS.validateComponent(schema, fromWriter))
                .as("schema violations of %s", fromWriter)
                .isEmpty();
    }

    @Test
    void theProgressFormIsWrittenAsTheModelBinds() {
        // GIVEN a group's progress on two brokers' queues, the list form's fields left null
        ShowConsumerListOrDetailsResp answer = new ShowConsumerListOrDetailsResp()
                .topics(null)
                .lag(7L)
                .maxOffset(Long.MAX_VALUE - 1)
                .consumerOffset(3L)
                .brokers(List.of(
                        new ConsumerProgressBroker()
                                .brokerName("broker-\"1\"")
                                .queues(List.of(new ConsumerProgressQueue()
                                        .id(0)
                                        .lag(7L)
                                        .brokerOffset(10L)
                                        .consumerOffset(3L)
                                        .lastMessageTime(1662652899000L))),
                        new ConsumerProgressBroker().brokerName("broker-2").queues(List.of())));

        // WHEN written, THEN the same JSON as the mapper's, valid against the schema
        assertWrittenAsBound(ConsumerListOrDetailsWriter.write(answer), answer, "ShowConsumerListOrDetailsResp");
        assertThat(MAPPER.readTree(ConsumerListOrDetailsWriter.write(answer)).has("topics"))
                .isFalse();
    }

    @Test
    void theListFormIsWrittenAsTheModelBinds() {
        ShowConsumerListOrDetailsResp answer = new ShowConsumerListOrDetailsResp()
                .topics(List.of("a", "b"))
                .total(9)
                .brokers(null);

        assertWrittenAsBound(ConsumerListOrDetailsWriter.write(answer), answer, "ShowConsumerListOrDetailsResp");
        assertThat(new String(ConsumerListOrDetailsWriter.write(answer)))
                .isEqualTo("{\"topics\":[\"a\",\"b\"],\"total\":9}");
    }

    @Test
    void theTopicStatusIsWrittenAsTheModelBinds() {
        ShowTopicStatusResp answer = new ShowTopicStatusResp()
                .minOffset(5L)
                .maxOffset(3_000_000_000L)
                .brokers(List.of(new TopicStatusBroker()
                        .brokerName("broker-1")
                        .queues(List.of(new TopicStatusQueue()
                                .id(0)
                                .minOffset(5L)
                                .maxOffset(3_000_000_000L)
                                .lastMessageTime(0L)))));

        assertWrittenAsBound(TopicStatusWriter.write(answer), answer, "ShowTopicStatusResp");
    }

    @Test
    void theConsumersAreWrittenAsTheModelBindsWithAndWithoutSubscriptions() {
        ShowConsumerConnectionsResp answer = new ShowConsumerConnectionsResp()
                .groupName("group_01")
                .online(true)
                .subscriptionConsistency(false)
                .total(2)
                .nextOffset(-1)
                .previousOffset(-1)
                .clients(List.of(
                        new ConsumerClient()
                                .language("JAVA")
                                .version("V5_3_1")
                                .clientId("c-1")
                                .clientAddr("10.0.0.1:1")
                                .subscriptions(List.of(new ConsumerSubscription()
                                        .topic("topic_01")
                                        .type("TAG")
                                        .expression("a || b"))),
                        new ConsumerClient()
                                .language("JAVA")
                                .version("V5_3_1")
                                .clientId("c-2")
                                .clientAddr("10.0.0.2:1")
                                .subscriptions(null)));

        assertWrittenAsBound(ConsumerConnectionsWriter.write(answer), answer, "ShowConsumerConnectionsResp");
    }
}
