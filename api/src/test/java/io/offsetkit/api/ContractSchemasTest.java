package io.offsetkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Validation against the contract's schemas, with OpenAPI 3.0 semantics. */
class ContractSchemasTest {

    private final ContractSchemas schemas = ContractSchemas.bundled();

    @ParameterizedTest
    @ValueSource(strings = {"1662652800000", "\"1662652800000\"", "-1", "\"-1\"", "0", "\"0\"", "9223372036854775807"})
    void timestampAcceptsIntegersAndDigitStrings(String timestamp) {
        assertThat(schemas.validateComponent("ResetTimestamp", json(timestamp))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.5",
                "-2",
                "\"-2\"",
                "\"\"",
                "\"12a\"",
                "\" 1\"",
                "true",
                "null",
                "{}",
                "\"1.0\"",
                "9223372036854775808"
            })
    void timestampRejectsEverythingElse(String timestamp) {
        assertThat(schemas.validateComponent("ResetTimestamp", json(timestamp))).isNotEmpty();
    }

    @Test
    void queueIdAsStringIsNamedInTheViolation() {
        JsonNode response =
                json("{\"queues\":[{\"broker_name\":\"broker-1\",\"queue_id\":\"0\",\"timestamp_offset\":0}]}");

        assertThat(schemas.validateComponent("ResetConsumeOffsetResp", response))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.instanceLocation()).isEqualTo("/queues/0/queue_id");
                    assertThat(v.keyword()).isEqualTo("type");
                });
    }

    @Test
    void missingFieldIsRequired() {
        JsonNode response = json("{\"queues\":[{\"broker_name\":\"broker-1\",\"queue_id\":0}]}");

        assertThat(schemas.validateComponent("ResetConsumeOffsetResp", response))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("timestamp_offset"));
    }

    @Test
    void int32FormatIsAsserted() {
        JsonNode response =
                json("{\"queues\":[{\"broker_name\":\"b\",\"queue_id\":4294967296,\"timestamp_offset\":0}]}");

        assertThat(schemas.validateComponent("ResetConsumeOffsetResp", response))
                .isNotEmpty();
    }

    @Test
    void unknownPointerIsRefusedWithItsName() {
        assertThatThrownBy(() -> schemas.validateComponent("NoSuchSchema", json("{}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/components/schemas/NoSuchSchema");
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
