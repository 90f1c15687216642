package io.offsetkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.api.ContractSchemas;
import io.offsetkit.api.OpenApiDocument;
import io.offsetkit.api.SchemaViolation;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The kit reads the contract from the api jar and validates responses against its named schemas. */
class ContractFromApiJarTest {

    private final ContractSchemas schemas = new ContractSchemas(OpenApiDocument.bundled());

    @Test
    void validQueuesResponsePasses() {
        JsonNode response = json("{\"queues\":[{\"broker_name\":\"broker-1\",\"queue_id\":0,\"timestamp_offset\":0},"
                + "{\"broker_name\":\"broker-2\",\"queue_id\":3,\"timestamp_offset\":1234567890123}]}");

        assertThat(schemas.validateComponent("ResetConsumeOffsetResp", response))
                .isEmpty();
    }

    @Test
    void queuesResponseWithWrongTypesFailsNamingEachField() {
        // GIVEN a response whose offset is a string and whose broker name is a number
        JsonNode response = json("{\"queues\":[{\"broker_name\":1,\"queue_id\":0,\"timestamp_offset\":\"0\"}]}");

        // WHEN it is validated against the contract's response schema
        List<SchemaViolation> violations = schemas.validateComponent("ResetConsumeOffsetResp", response);

        // THEN both fields are named
        assertThat(violations)
                .extracting(SchemaViolation::instanceLocation)
                .containsExactlyInAnyOrder("/queues/0/broker_name", "/queues/0/timestamp_offset");
    }

    @Test
    void responseWithoutQueuesFails() {
        assertThat(schemas.validateComponent("ResetConsumeOffsetResp", json("{}")))
                .singleElement()
                .satisfies(v -> assertThat(v.keyword()).isEqualTo("required"));
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
